package io.accord.penalty.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A change to a closed statement: a {@code RECALCULATION} proposed when a late event or a revision changes what the
 * period owes (a manager accepts or rejects it), or a {@code MANUAL} amount or waiver a manager applies.
 */
@Entity
@Table(name = "adjustment")
public class Adjustment extends PanacheEntityBase {

    public enum Kind {
        RECALCULATION, MANUAL
    }

    public enum Status {
        PROPOSED, ACCEPTED, REJECTED, SUPERSEDED
    }

    @Id
    public UUID id;
    @Column(name = "statement_id")
    public UUID statementId;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    @Enumerated(EnumType.STRING)
    public Status status;
    /** The change to the statement's total credit. */
    public BigDecimal amount;
    public String currency;
    public boolean waiver;
    public String reason;
    public String author;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    /** The recomputed {@code StatementResult} JSON a recalculation installs when accepted. */
    public String body;
    @Column(name = "applied_revision")
    public Integer appliedRevision;
}
