package io.accord.penalty.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A clock a manager took out of the statement counts, with the reason and who decided. */
@Entity
@Table(name = "clock_exclusion")
public class Exclusion extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "clock_id")
    public UUID clockId;
    @Column(name = "agreement_id")
    public UUID agreementId;
    public String reason;
    public String note;
    public String author;
    @Column(name = "created_at")
    public Instant createdAt;
}
