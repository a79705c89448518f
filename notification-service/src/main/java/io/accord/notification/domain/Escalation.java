package io.accord.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What notification-service knows of one clock it escalates: the latest revision seen, whether it is breached,
 * when it ended (completed or cancelled), and the breach event that reminders repeat.
 */
@Entity
public class Escalation extends PanacheEntityBase {

    @Id
    @Column(name = "clock_id")
    public UUID clockId;

    @Column(name = "agreement_id")
    public UUID agreementId;

    @Column(name = "customer_party_id")
    public UUID customerPartyId;

    public int revision;

    public String outcome;

    @Column(name = "breached_at")
    public Instant breachedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    /** The CloudEvent JSON of the breach (or the revision that made the clock breached). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "breach_event")
    public String breachEvent;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
