package io.accord.notification.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.accord.model.agreement.AgreementVersion;
import io.accord.model.agreement.EscalationPolicy;
import io.accord.model.agreement.EscalationPolicy.Level;
import io.accord.model.agreement.EscalationPolicy.Recipient;
import io.accord.model.agreement.EscalationPolicy.TriggerKind;
import io.accord.model.clock.ClockEvent;
import io.accord.model.clock.ClockOutcome;
import io.accord.model.clock.ClockPhase;
import io.accord.model.events.EventType;
import io.accord.notification.domain.Acknowledgement;
import io.accord.notification.domain.Delivery;
import io.accord.notification.domain.DeliveryStatus;
import io.accord.notification.domain.Escalation;
import io.accord.notification.domain.MessageKind;
import io.accord.notification.domain.Reminder;
import io.accord.notification.domain.ReminderStatus;
import io.accord.platform.events.InboundEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Turns clock facts into escalations: warnings and breaches fire their levels, a breach schedules the reminders of
 * its AFTER_BREACH levels, a completion, cancellation or acknowledgement stops them, and a revision that withdraws
 * a breach tells everyone who heard of it.
 */
@ApplicationScoped
public class EscalationService {

    private static final Logger LOG = Logger.getLogger(EscalationService.class);

    private final AgreementCopies agreements;
    private final Deliveries deliveries;
    private final ObjectMapper mapper;

    public EscalationService(AgreementCopies agreements, Deliveries deliveries, ObjectMapper mapper) {
        this.agreements = agreements;
        this.deliveries = deliveries;
        this.mapper = mapper;
    }

    /** Applies one {@code clock.*} event, in the consumer's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onClockEvent(EventType type, InboundEvent event, Instant now) {
        ClockEvent clock = event.data(ClockEvent.class);
        Escalation escalation = Escalation.findById(clock.clockId());
        if (escalation != null && clock.revision() < escalation.revision) {
            LOG.debugf("clock %s: revision %d is older than %d, ignored", clock.clockId(), clock.revision(),
                    escalation.revision);
            return;
        }
        if (escalation == null) {
            escalation = new Escalation();
            escalation.clockId = clock.clockId();
            escalation.agreementId = clock.agreementId();
            escalation.customerPartyId = clock.item().customerPartyId();
        }
        escalation.revision = clock.revision();
        escalation.outcome = clock.outcome().name();
        escalation.updatedAt = now;
        escalation.persist();

        Optional<AgreementVersion> agreement = agreements.latest(clock.agreementId());
        if (agreement.isEmpty()) {
            LOG.warnf("clock %s: agreement %s is not known yet, no escalation level applies", clock.clockId(),
                    clock.agreementId());
        }
        EscalationPolicy policy = agreement.map(AgreementVersion::escalationPolicy).orElse(EscalationPolicy.NONE);
        Map<String, io.accord.time.json.CalendarSpec> calendars = agreement.map(AgreementVersion::calendars)
                .orElse(Map.of());
        String cloudEvent = ReceivedEvents.toJson(event, mapper);

        switch (type) {
            case CLOCK_WARNING -> fire(policy, calendars, TriggerKind.THRESHOLD, clock.thresholdPercent(),
                    subject(event, MessageKind.WARNING, clock, cloudEvent), now);
            case CLOCK_BREACHED -> breached(escalation, clock, policy, calendars, event, cloudEvent, now);
            case CLOCK_COMPLETED, CLOCK_CANCELLED -> ended(escalation, clock, type.name(), now);
            case CLOCK_REVISED -> revised(escalation, clock, policy, calendars, event, cloudEvent, now);
            default -> LOG.debugf("clock event %s needs no escalation", type);
        }
    }

    private void breached(Escalation escalation, ClockEvent clock, EscalationPolicy policy,
            Map<String, io.accord.time.json.CalendarSpec> calendars, InboundEvent event, String cloudEvent,
            Instant now) {
        escalation.breachedAt = clock.breachedAt() != null ? clock.breachedAt() : clock.occurredAt();
        escalation.breachEvent = cloudEvent;
        fire(policy, calendars, TriggerKind.BREACH, null, subject(event, MessageKind.BREACH, clock, cloudEvent), now);
        if (clock.phase() != ClockPhase.STOPPED && escalation.endedAt == null
                && Acknowledgement.findById(clock.clockId()) == null) {
            for (Level level : EscalationRules.levelsFiring(policy, TriggerKind.AFTER_BREACH, null)) {
                schedule(escalation, level, now);
            }
        }
        if (clock.phase() == ClockPhase.STOPPED) {
            escalation.endedAt = clock.completedAt() != null ? clock.completedAt() : clock.occurredAt();
        }
    }

    private void schedule(Escalation escalation, Level level, Instant now) {
        Reminder.Key key = new Reminder.Key(escalation.clockId, level.level());
        Reminder reminder = Reminder.findById(key);
        if (reminder == null) {
            reminder = new Reminder();
            reminder.key = key;
            reminder.agreementId = escalation.agreementId;
        }
        reminder.status = ReminderStatus.ACTIVE;
        reminder.stopReason = null;
        reminder.nextAt = EscalationRules.firstReminderAt(level, escalation.breachedAt);
        reminder.repeatEvery = level.trigger().repeat() == null ? null : level.trigger().repeat().toString();
        reminder.updatedAt = now;
        reminder.persist();
    }

    private void ended(Escalation escalation, ClockEvent clock, String why, Instant now) {
        Instant at = clock.completedAt() != null ? clock.completedAt()
                : clock.cancelledAt() != null ? clock.cancelledAt() : clock.occurredAt();
        escalation.endedAt = at;
        stopReminders(clock.clockId(), why.equals("CLOCK_CANCELLED") ? "CANCELLED" : "COMPLETED", now);
    }

    private void revised(Escalation escalation, ClockEvent clock, EscalationPolicy policy,
            Map<String, io.accord.time.json.CalendarSpec> calendars, InboundEvent event, String cloudEvent,
            Instant now) {
        boolean wasBreached = escalation.breachedAt != null;
        boolean isBreached = clock.outcome() == ClockOutcome.BREACHED;
        if (isBreached && !wasBreached) {
            breached(escalation, clock, policy, calendars, event, cloudEvent, now);
            return;
        }
        if (wasBreached && !isBreached) {
            withdrawBreach(escalation, clock, event, cloudEvent, now);
        }
        if (clock.phase() == ClockPhase.STOPPED || clock.outcome() == ClockOutcome.CANCELLED) {
            ended(escalation, clock, clock.outcome() == ClockOutcome.CANCELLED ? "CLOCK_CANCELLED" : "CLOCK_COMPLETED",
                    now);
        }
    }

    /** The breach no longer holds: stop what was not sent, correct what was. */
    private void withdrawBreach(Escalation escalation, ClockEvent clock, InboundEvent event, String cloudEvent,
            Instant now) {
        escalation.breachedAt = null;
        escalation.breachEvent = null;
        stopReminders(clock.clockId(), "BREACH_WITHDRAWN", now);
        deliveries.cancelOpen(clock.clockId(), List.of(MessageKind.BREACH, MessageKind.REMINDER),
                "the breach was withdrawn by revision " + clock.revision(), now);
        // One correction per recipient who was told, at the first level that told them
        Map<String, Delivery> told = new LinkedHashMap<>();
        for (Delivery sent : deliveries.breachNotices(clock.clockId(), List.of(DeliveryStatus.SENT))) {
            told.merge(sent.recipientKey, sent, (a, b) -> a.level <= b.level ? a : b);
        }
        Deliveries.Subject subject = subject(event, MessageKind.CORRECTION, clock, cloudEvent);
        for (Delivery sent : told.values()) {
            Recipient recipient = sent.channelKind == io.accord.notification.domain.ChannelKind.EMAIL
                    || sent.recipientKey.startsWith("email:")
                            ? new Recipient(sent.recipient, null, sent.locale, sent.zone)
                            : new Recipient(null, sent.recipient, sent.locale, sent.zone);
            // Corrections go out at once: whoever heard of the breach should not act on it a minute longer
            deliveries.plan(subject, sent.level, recipient, now, now);
        }
    }

    private void fire(EscalationPolicy policy, Map<String, io.accord.time.json.CalendarSpec> calendars,
            TriggerKind kind, Integer percent, Deliveries.Subject subject, Instant now) {
        for (Level level : EscalationRules.levelsFiring(policy, kind, percent)) {
            deliveries.plan(subject, level, EscalationRules.sendableFrom(level, calendars, now), now);
        }
    }

    /** Stops the reminders of a clock; true when some were active. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean stopReminders(UUID clockId, String reason, Instant now) {
        return Reminder.update("status = ?1, stopReason = ?2, updatedAt = ?3 where key.clockId = ?4 and status = ?5",
                ReminderStatus.STOPPED, reason, now, clockId, ReminderStatus.ACTIVE) > 0;
    }

    private static Deliveries.Subject subject(InboundEvent event, MessageKind kind, ClockEvent clock,
            String cloudEvent) {
        return new Deliveries.Subject(Deliveries.eventUuid(event.id()), event.type(), kind, clock.clockId(),
                clock.agreementId(), clock.item().customerPartyId(), cloudEvent);
    }
}
