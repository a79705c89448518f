package io.accord.penalty.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Unavailability of a service (or planned maintenance), posted to the API or from an Alertmanager alert. */
@Entity
@Table(name = "incident")
public class IncidentRecord extends PanacheEntityBase {

    @Id
    public UUID id;
    public String service;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "ended_at")
    public Instant endedAt;
    public boolean planned;
    /** {@code api} or {@code alertmanager}. */
    public String source;
    @Column(name = "source_ref")
    public String sourceRef;
    public String summary;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
