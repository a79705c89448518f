package io.accord.agreement.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A business calendar; {@code spec} is its libs/business-time JSON shape, {@code effectiveFrom} its last change's start. */
@Entity
@Table(name = "business_calendar")
public class BusinessCalendarEntity extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    public String spec;

    @Column(name = "effective_from")
    public Instant effectiveFrom;

    @Version
    @Column(name = "row_version")
    public long rowVersion;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
