package io.accord.penalty.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** This service's copy of one agreement version, as {@code agreement.*} events and the snapshot carry it. */
@Entity
@Table(name = "agreement_version")
@IdClass(AgreementVersionCopy.Key.class)
public class AgreementVersionCopy extends PanacheEntityBase {

    /** The primary key: agreement id and version. */
    public static class Key implements Serializable {
        public UUID agreementId;
        public int version;

        public Key() {
        }

        public Key(UUID agreementId, int version) {
            this.agreementId = agreementId;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.version == version && java.util.Objects.equals(k.agreementId, agreementId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(agreementId, version);
        }
    }

    @Id
    @Column(name = "agreement_id")
    public UUID agreementId;
    @Id
    public int version;
    @Column(name = "customer_party_id")
    public UUID customerPartyId;
    public String status;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    /** The {@code AgreementVersion} JSON. */
    public String body;
    @Column(name = "received_at")
    public Instant receivedAt;

    public static List<AgreementVersionCopy> ofAgreement(UUID agreementId) {
        return list("agreementId = ?1 order by version", agreementId);
    }
}
