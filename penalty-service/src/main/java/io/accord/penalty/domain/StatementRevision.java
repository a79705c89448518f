package io.accord.penalty.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One frozen revision of a closed statement, kept forever: the close, then each applied adjustment. */
@Entity
@Table(name = "statement_revision")
public class StatementRevision extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "statement_id")
    public UUID statementId;
    public int revision;
    public String cause;
    public String author;
    public String body;
    @Column(name = "total_amount")
    public BigDecimal totalAmount;
    public String currency;
    @Column(name = "created_at")
    public Instant createdAt;
}
