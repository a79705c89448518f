package io.accord.penalty.service;

import io.accord.platform.json.StoredJson;
import io.accord.model.clock.ClockEvent;
import io.accord.model.clock.ClockOutcome;
import io.accord.penalty.domain.ClockRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The latest state of each clock, from {@code clock.breached|completed|cancelled|revised}. A higher revision
 * replaces what was held for the clock; within a revision, a cancellation never undoes a verdict (a deleted ticket's
 * breach stays counted unless a manager excludes it). Statements of the periods the old and new verdicts fall in
 * are told.
 */
@ApplicationScoped
public class ClockLedger {

    private final StoredJson json;
    private final Statements statements;

    public ClockLedger(StoredJson json, Statements statements) {
        this.json = json;
        this.statements = statements;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ClockEvent event, String cause, Instant now) {
        ClockRecord record = ClockRecord.findById(event.clockId());
        List<Instant> touched = new ArrayList<>();
        if (record != null) {
            if (event.revision() < record.revision) {
                return;
            }
            boolean decided = "MET".equals(record.outcome) || "BREACHED".equals(record.outcome);
            boolean undecided = event.outcome() == ClockOutcome.CANCELLED || event.outcome() == ClockOutcome.PENDING;
            if (event.revision() == record.revision && decided && undecided) {
                return;
            }
            if (record.decidedAt != null) {
                touched.add(record.decidedAt);
            }
        }
        boolean added = record == null;
        if (added) {
            record = new ClockRecord();
            record.clockId = event.clockId();
        }
        record.revision = event.revision();
        record.agreementId = event.agreementId();
        record.agreementVersion = event.agreementVersion();
        record.objectiveKey = event.objectiveKey();
        record.priority = event.priority() == null ? null : event.priority().name();
        record.outcome = event.outcome().name();
        record.decidedAt = decidedAt(event);
        record.itemSource = event.item().source();
        record.itemExternalId = event.item().externalId();
        record.body = json.write(event);
        record.updatedAt = now;
        if (added) {
            record.persist();
        }
        if (record.decidedAt != null) {
            touched.add(record.decidedAt);
        }
        statements.touched(event.agreementId(), touched, "clock " + event.clockId() + " revision "
                + event.revision() + " " + event.outcome(), now);
    }

    /** The instant a verdict counts at: the breach of a breached clock, the completion of a met one. */
    static Instant decidedAt(ClockEvent event) {
        return switch (event.outcome()) {
            case BREACHED -> event.breachedAt() != null ? event.breachedAt() : event.occurredAt();
            case MET -> event.completedAt() != null ? event.completedAt() : event.occurredAt();
            default -> null;
        };
    }
}
