package io.accord.agreement.domain;

import io.accord.model.agreement.AgreementStatus;
import io.accord.model.agreement.AgreementType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * An agreement's identity and lifecycle. Its terms live in immutable {@link AgreementVersionEntity} rows; the
 * columns here are the agreement's current state and what queries need. {@code rowVersion} is the ETag and
 * the optimistic lock: two concurrent changes cannot both commit.
 */
@Entity
@Table(name = "agreement")
public class Agreement extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public AgreementType type;

    @Enumerated(EnumType.STRING)
    public AgreementStatus status;

    public String name;

    @Column(name = "provider_party_id")
    public UUID providerPartyId;

    @Column(name = "customer_party_id")
    public UUID customerPartyId;

    @Column(name = "parent_agreement_id")
    public UUID parentAgreementId;

    @Column(name = "current_version")
    public int currentVersion;

    /** End of validity (exclusive), or the instant it was terminated or expired. */
    @Column(name = "effective_to")
    public Instant effectiveTo;

    /** Approved and waiting for its effectiveFrom to become active. */
    @Column(name = "activation_scheduled")
    public boolean activationScheduled;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "ended_at")
    public Instant endedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agreement_calendar", joinColumns = @JoinColumn(name = "agreement_id"))
    @Column(name = "calendar_id")
    public Set<String> calendarIds = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agreement_service", joinColumns = @JoinColumn(name = "agreement_id"))
    @Column(name = "service_code")
    public Set<String> serviceCodes = new HashSet<>();

    @Version
    @Column(name = "row_version")
    public long rowVersion;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** True for a customer party's own agreements. */
    public boolean involves(UUID partyId) {
        return partyId != null && (partyId.equals(providerPartyId) || partyId.equals(customerPartyId));
    }
}
