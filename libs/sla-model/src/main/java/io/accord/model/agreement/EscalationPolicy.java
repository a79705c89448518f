package io.accord.model.agreement;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.List;

/**
 * Who is told what, and when, about an agreement's clocks and penalties. Recipients are email addresses or
 * channel ids of notification-service ({@code /api/channels}); chat URLs and webhook secrets never appear here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EscalationPolicy(List<Level> levels) {

    public static final EscalationPolicy NONE = new EscalationPolicy(List.of());

    public EscalationPolicy {
        levels = levels == null ? List.of() : List.copyOf(levels);
    }

    /** Every threshold percent used by a level, so clocks also fire warnings at them. */
    public List<Integer> thresholdPercents() {
        return levels.stream().map(Level::trigger)
                .filter(t -> t != null && t.kind() == TriggerKind.THRESHOLD && t.percent() != null)
                .map(Trigger::percent).distinct().sorted().toList();
    }

    /**
     * One escalation level: its trigger, its recipients, and whether it waits for the opening hours of
     * {@code calendarId} ({@code businessHoursOnly}) unless {@code urgent}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Level(int level, String name, Trigger trigger, List<Recipient> recipients, boolean businessHoursOnly,
            String calendarId, boolean urgent) {
        public Level {
            recipients = recipients == null ? List.of() : List.copyOf(recipients);
        }
    }

    /**
     * When a level fires: {@code THRESHOLD} at {@code percent} of the target, {@code BREACH}, {@code AFTER_BREACH}
     * {@code delay} after the breach and then every {@code repeat} until acknowledged, {@code PENALTY} when a
     * penalty is assessed, {@code REVIEW} on a review-required signal.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Trigger(TriggerKind kind, Integer percent, Duration delay, Duration repeat) {
        public static Trigger threshold(int percent) {
            return new Trigger(TriggerKind.THRESHOLD, percent, null, null);
        }

        public static Trigger breach() {
            return new Trigger(TriggerKind.BREACH, null, null, null);
        }
    }

    public enum TriggerKind {
        THRESHOLD, BREACH, AFTER_BREACH, PENALTY, REVIEW
    }

    /** An email address or a channel id, with the locale ({@code en}, {@code fr}) and zone messages use. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Recipient(String email, String channelId, String locale, String zone) {
    }
}
