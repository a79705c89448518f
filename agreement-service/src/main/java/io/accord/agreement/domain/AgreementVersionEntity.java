package io.accord.agreement.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One immutable version of an agreement's terms ({@link AgreementTerms} as JSON). Only a draft's version 1 is rewritten. */
@Entity
@Table(name = "agreement_version")
public class AgreementVersionEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "agreement_id")
    public UUID agreementId;

    public int version;

    public String terms;

    @Column(name = "effective_from")
    public Instant effectiveFrom;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;
}
