package io.accord.penalty.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The latest known state of one clock cycle, from its {@code clock.*} events; a higher revision replaces it. */
@Entity
@Table(name = "clock_fact")
public class ClockRecord extends PanacheEntityBase {

    @Id
    @Column(name = "clock_id")
    public UUID clockId;
    public int revision;
    @Column(name = "agreement_id")
    public UUID agreementId;
    @Column(name = "agreement_version")
    public int agreementVersion;
    @Column(name = "objective_key")
    public String objectiveKey;
    public String priority;
    /** PENDING, MET, BREACHED or CANCELLED. */
    public String outcome;
    /** Breach instant of a breached clock, completion of a met one; null otherwise. */
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "item_source")
    public String itemSource;
    @Column(name = "item_external_id")
    public String itemExternalId;
    /** The {@code ClockEvent} JSON of the event that set this state. */
    public String body;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static List<ClockRecord> decidedBetween(UUID agreementId, Instant from, Instant to) {
        return list("agreementId = ?1 and decidedAt >= ?2 and decidedAt < ?3", agreementId, from, to);
    }
}
