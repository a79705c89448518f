package io.accord.penalty.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One KPI value of an agreement, for a whole period or at an instant. */
@Entity
@Table(name = "measurement")
public class MeasurementRecord extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "agreement_id")
    public UUID agreementId;
    public String measure;
    public BigDecimal value;
    public String period;
    @Column(name = "measured_at")
    public Instant measuredAt;
    public String source;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
}
