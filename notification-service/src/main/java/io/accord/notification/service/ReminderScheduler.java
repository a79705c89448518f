package io.accord.notification.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accord.model.agreement.AgreementVersion;
import io.accord.model.agreement.EscalationPolicy.Level;
import io.accord.model.agreement.EscalationPolicy.TriggerKind;
import io.accord.notification.config.NotificationConfig;
import io.accord.notification.domain.Escalation;
import io.accord.notification.domain.MessageKind;
import io.accord.notification.domain.Reminder;
import io.accord.notification.domain.ReminderStatus;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Fires due reminders of AFTER_BREACH levels. Due rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so
 * replicas share them and none fires twice; each occurrence has its own event id (name-based on clock, level and
 * sequence), so even a replayed occurrence hits the delivery's unique constraint instead of a second message.
 */
@ApplicationScoped
public class ReminderScheduler {

    private static final String CLAIM = """
            select * from reminder where status = 'ACTIVE' and next_at <= :now
            order by next_at limit :limit for update skip locked
            """;

    private final AgreementCopies agreements;
    private final Deliveries deliveries;
    private final NotificationConfig config;
    private final ObjectMapper mapper;

    public ReminderScheduler(AgreementCopies agreements, Deliveries deliveries, NotificationConfig config,
            ObjectMapper mapper) {
        this.agreements = agreements;
        this.deliveries = deliveries;
        this.config = config;
        this.mapper = mapper;
    }

    @Scheduled(every = "${accord.notification.reminders.poll-interval:10s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (config.reminders().enabled()) {
            fireDue(Instant.now());
        }
    }

    /** Fires every reminder due at {@code now}; returns how many occurrences fired. */
    public int fireDue(Instant now) {
        int fired = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> fireBatch(now));
            fired += batch;
        } while (batch == config.reminders().batchSize());
        return fired;
    }

    @SuppressWarnings("unchecked")
    private int fireBatch(Instant now) {
        List<Reminder> due = Panache.getEntityManager().createNativeQuery(CLAIM, Reminder.class)
                .setParameter("now", now).setParameter("limit", config.reminders().batchSize()).getResultList();
        for (Reminder reminder : due) {
            fire(reminder, now);
        }
        return due.size();
    }

    private void fire(Reminder reminder, Instant now) {
        Escalation escalation = Escalation.findById(reminder.key.clockId());
        Optional<AgreementVersion> agreement = agreements.latest(reminder.agreementId);
        Optional<Level> level = agreement.flatMap(a -> a.escalationPolicy().levels().stream()
                .filter(l -> l.level() == reminder.key.level() && l.trigger() != null
                        && l.trigger().kind() == TriggerKind.AFTER_BREACH)
                .findFirst());
        if (escalation == null || escalation.breachEvent == null || level.isEmpty()) {
            // The breach was withdrawn or the level removed by an amendment: nothing left to remind of
            stop(reminder, "LEVEL_REMOVED", now);
            return;
        }
        int sequence = reminder.sentCount + 1;
        UUID occurrence = UUID.nameUUIDFromBytes(("reminder:" + reminder.key.clockId() + ":" + reminder.key.level()
                + ":" + sequence).getBytes(StandardCharsets.UTF_8));
        JsonNode breach = ReceivedEvents.read(escalation.breachEvent, mapper);
        String cloudEvent = reminderEvent(breach, occurrence, sequence, now);
        Deliveries.Subject subject = new Deliveries.Subject(occurrence, breach.path("type").asText(),
                MessageKind.REMINDER, escalation.clockId, escalation.agreementId, escalation.customerPartyId,
                cloudEvent);
        deliveries.plan(subject, level.get(), EscalationRules.sendableFrom(level.get(), agreement.get().calendars(),
                now), now);
        reminder.sentCount = sequence;
        Instant next = EscalationRules.nextReminderAt(reminder.nextAt, level.get().trigger().repeat(), now);
        if (next == null) {
            stop(reminder, "DONE", now);
        } else {
            reminder.nextAt = next;
            reminder.updatedAt = now;
        }
    }

    /** The breach CloudEvent, re-identified as this occurrence (so receivers can deduplicate reminders). */
    private String reminderEvent(JsonNode breach, UUID occurrence, int sequence, Instant now) {
        var node = breach.deepCopy();
        var object = (com.fasterxml.jackson.databind.node.ObjectNode) node;
        object.put("id", occurrence.toString());
        object.put("time", now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString());
        object.put("accordreminder", sequence);
        object.put("accordbreachid", breach.path("id").asText());
        return object.toString();
    }

    private static void stop(Reminder reminder, String reason, Instant now) {
        reminder.status = ReminderStatus.STOPPED;
        reminder.stopReason = reason;
        reminder.updatedAt = now;
    }
}
