package io.accord.agreement.rest;

import io.accord.agreement.domain.AuditEntry;
import java.time.Instant;

/** One line of an audit trail as the API shows it. */
public record AuditView(long id, String subjectType, String subjectId, String action, String actor, Instant occurredAt,
        String detail) {

    static AuditView of(AuditEntry e) {
        return new AuditView(e.id, e.subjectType, e.subjectId, e.action, e.actor, e.occurredAt, e.detail);
    }
}
