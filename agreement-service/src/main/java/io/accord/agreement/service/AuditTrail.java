package io.accord.agreement.service;

import io.accord.agreement.domain.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Appends to the audit trail in the caller's transaction, so a change and its audit line commit together. */
@ApplicationScoped
public class AuditTrail {

    public static final String AGREEMENT = "agreement";
    public static final String CALENDAR = "calendar";
    public static final String PARTY = "party";
    public static final String SERVICE = "service";

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
}
