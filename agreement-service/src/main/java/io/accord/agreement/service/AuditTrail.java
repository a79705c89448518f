package io.accord.agreement.service;

import io.accord.agreement.domain.AuditEntry;
import io.accord.agreement.repository.AuditRepository;
import io.accord.model.agreement.AgreementStatus;
import io.accord.model.agreement.StatusChange;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Appends to the audit trail in the caller's transaction, so a change and its audit line commit together. The trail
 * is also the record of an agreement's suspensions and resumptions, which the snapshot serves.
 */
@ApplicationScoped
public class AuditTrail {

    /** The actions of an agreement's suspension and resumption. */
    public static final String SUSPENDED = "suspended";
    public static final String RESUMED = "resumed";

    public static final String AGREEMENT = "agreement";
    public static final String CALENDAR = "calendar";
    public static final String PARTY = "party";
    public static final String SERVICE = "service";

    private final AuditRepository entries;

    public AuditTrail(AuditRepository entries) {
        this.entries = entries;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String subjectType, Object subjectId, String action, String actor, Instant at, String detail) {
        AuditEntry entry = new AuditEntry();
        entry.subjectType = subjectType;
        entry.subjectId = String.valueOf(subjectId);
        entry.action = action;
        entry.actor = actor;
        entry.occurredAt = at;
        entry.detail = detail;
        entry.persist();
    }

    /**
     * The agreement's suspensions and resumptions, oldest first, each at the instant its event gave as
     * {@code occurredAt} (the same {@code now} is recorded here and published).
     */
    public List<StatusChange> statusChanges(UUID agreementId) {
        return entries.find("subjectType = ?1 and subjectId = ?2 and action in ?3", Sort.by("id"), AGREEMENT,
                agreementId.toString(), List.of(SUSPENDED, RESUMED)).stream()
                .map(e -> new StatusChange(SUSPENDED.equals(e.action) ? AgreementStatus.SUSPENDED : AgreementStatus.ACTIVE,
                        e.occurredAt))
                .toList();
    }
}
