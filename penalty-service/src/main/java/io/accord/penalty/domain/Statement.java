package io.accord.penalty.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One agreement's statement for one reporting period: computed live while {@code OPEN}; frozen in {@code body} once
 * {@code CLOSED}, then changed only by adjustments, each making a new {@code revision}.
 */
@Entity
@Table(name = "statement")
public class Statement extends PanacheEntityBase {

    public enum Status {
        OPEN, CLOSED
    }

    @Id
    public UUID id;
    @Column(name = "agreement_id")
    public UUID agreementId;
    public String period;
    @Column(name = "period_start")
    public Instant periodStart;
    @Column(name = "period_end")
    public Instant periodEnd;
    @Enumerated(EnumType.STRING)
    public Status status;
    public int revision;
    /** The frozen {@code StatementResult} JSON of a closed statement (as last accepted). */
    public String body;
    @Column(name = "total_amount")
    public BigDecimal totalAmount;
    public String currency;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "closed_by")
    public String closedBy;
    /** Set when something changed an open statement, cleared when {@code statement.updated} is published. */
    @Column(name = "dirty_since")
    public Instant dirtySince;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    @Column(name = "lock_version")
    public long lockVersion;

    public static Optional<Statement> of(UUID agreementId, String period) {
        return find("agreementId = ?1 and period = ?2", agreementId, period).firstResultOptional();
    }
}
