package io.accord.agreement.repository;

import io.accord.agreement.domain.Agreement;
import io.accord.agreement.domain.AgreementVersionEntity;
import io.accord.model.agreement.AgreementStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AgreementRepository implements PanacheRepositoryBase<Agreement, UUID> {

    public Optional<AgreementVersionEntity> version(UUID agreementId, int version) {
        return AgreementVersionEntity.find("agreementId = ?1 and version = ?2", agreementId, version).firstResultOptional();
    }

    public List<AgreementVersionEntity> versions(UUID agreementId) {
        return AgreementVersionEntity.list("agreementId", Sort.by("version"), agreementId);
    }

    public long countVersions(UUID agreementId) {
        return AgreementVersionEntity.count("agreementId", agreementId);
    }

    public List<AgreementVersionEntity> versionsPage(UUID agreementId, int page, int size) {
        return AgreementVersionEntity.find("agreementId", Sort.by("version"), agreementId).page(page, size).list();
    }

    public List<Agreement> usingCalendar(String calendarId) {
        return list("select a from Agreement a join a.calendarIds c where c = ?1 order by a.id", calendarId);
    }

    public long countUsingService(String code) {
        return count("select count(a) from Agreement a join a.serviceCodes s where s = ?1", code);
    }

    public long countInvolving(UUID partyId) {
        return count("providerPartyId = ?1 or customerPartyId = ?1", partyId);
    }

    public List<Agreement> inStatus(Collection<AgreementStatus> statuses) {
        return list("status in ?1", Sort.by("id"), statuses);
    }

    /** Approved agreements whose scheduled activation is due. */
    public List<UUID> dueForActivation(Instant now) {
        return find("status = ?1 and activationScheduled = true", AgreementStatus.APPROVED).list().stream()
                .map(a -> a.id).toList();
    }

    /** Active or suspended agreements whose validity has ended. */
    public List<UUID> dueForExpiry(Instant now) {
        return find("status in ?1 and effectiveTo <= ?2",
                List.of(AgreementStatus.ACTIVE, AgreementStatus.SUSPENDED), now).list().stream().map(a -> a.id).toList();
    }
}
