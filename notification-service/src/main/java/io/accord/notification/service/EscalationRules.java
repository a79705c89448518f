package io.accord.notification.service;

import io.accord.model.agreement.EscalationPolicy;
import io.accord.model.agreement.EscalationPolicy.Level;
import io.accord.model.agreement.EscalationPolicy.TriggerKind;
import io.accord.time.BusinessCalendar;
import io.accord.time.json.CalendarSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The escalation rules as pure functions: which levels a fact fires, when a message may go out, when reminders
 * fire. No I/O, so every rule is unit tested without starting anything.
 */
public final class EscalationRules {

    private EscalationRules() {
    }

    /** The levels of {@code policy} whose trigger is {@code kind}; for THRESHOLD only those at {@code percent}. */
    public static List<Level> levelsFiring(EscalationPolicy policy, TriggerKind kind, Integer percent) {
        return policy.levels().stream()
                .filter(level -> level.trigger() != null && level.trigger().kind() == kind)
                .filter(level -> kind != TriggerKind.THRESHOLD || Objects.equals(level.trigger().percent(), percent))
                .toList();
    }

    /**
     * The earliest instant a message of {@code level} may be sent, seen at {@code now}: now, or the next opening of
     * the level's calendar when the level is business-hours-only and not urgent. A level naming a calendar the
     * agreement does not carry is sent at once rather than never.
     */
    public static Instant sendableFrom(Level level, Map<String, CalendarSpec> calendars, Instant now) {
        if (!level.businessHoursOnly() || level.urgent() || level.calendarId() == null) {
            return now;
        }
        CalendarSpec spec = calendars.get(level.calendarId());
        if (spec == null) {
            return now;
        }
        BusinessCalendar calendar = spec.toCalendar();
        Instant opening = calendar.nextOpening(now);
        return opening.equals(Instant.MAX) ? now : opening;
    }

    /** When the first reminder of an AFTER_BREACH level is due: its delay after the breach. */
    public static Instant firstReminderAt(Level level, Instant breachedAt) {
        Duration delay = level.trigger().delay() == null ? Duration.ZERO : level.trigger().delay();
        return breachedAt.plus(delay);
    }

    /**
     * The instant of the reminder after one due at {@code due} and fired at {@code now}, or null when the level
     * does not repeat. Occurrences missed while the service was down are skipped rather than sent in a burst.
     */
    public static Instant nextReminderAt(Instant due, Duration repeat, Instant now) {
        if (repeat == null || repeat.isZero() || repeat.isNegative()) {
            return null;
        }
        Instant next = due.plus(repeat);
        if (!next.isAfter(now)) {
            long missed = Duration.between(next, now).toMillis() / repeat.toMillis() + 1;
            next = next.plus(repeat.multipliedBy(missed));
        }
        return next;
    }
}
