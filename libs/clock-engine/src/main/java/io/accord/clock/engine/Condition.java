package io.accord.clock.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A condition of a custom metric: alternatives, any of which matches. Each alternative names an event type, a
 * status, or both:
 * <ul>
 *   <li>an event type alone matches every event of that type;</li>
 *   <li>a status alone matches an event that moves the item into it (its status after the event is that one and
 *   differs from the status before; the first event of the history always "moves into" its status), so staying in
 *   a status does not match again;</li>
 *   <li>both match an event of that type after which the item is in that status.</li>
 * </ul>
 *
 * <pre>{@code
 * Condition.onEvents(ItemEventType.RESOLVED)
 *         .or(Condition.on(ItemEventType.AGENT_REPLIED, ItemStatus.PENDING_CUSTOMER))
 * }</pre>
 *
 * @param alternatives what matches; empty matches nothing
 */
public record Condition(List<Alternative> alternatives) {

    /** Matches nothing. */
    public static final Condition NEVER = new Condition(List.of());

    public Condition {
        alternatives = List.copyOf(Objects.requireNonNull(alternatives, "alternatives"));
    }

    /**
     * One alternative: an event type, a status, or both.
     *
     * @param eventType the event's type, null for any
     * @param status    the item's status after the event, null for any
     */
    public record Alternative(ItemEventType eventType, ItemStatus status) {

        public Alternative {
            if (eventType == null && status == null) {
                throw new IllegalArgumentException("an alternative needs an event type, a status or both");
            }
        }

        boolean matches(ItemEvent event, ItemStatus before) {
            if (eventType != null && status != null) {
                return event.type() == eventType && event.status() == status;
            }
            if (eventType != null) {
                return event.type() == eventType;
            }
            return event.status() == status && status != before;
        }
    }

    /** Matches events of these types. */
    public static Condition onEvents(ItemEventType... types) {
        List<Alternative> alternatives = new ArrayList<>();
        for (ItemEventType type : types) {
            alternatives.add(new Alternative(type, null));
        }
        return new Condition(alternatives);
    }

    /** Matches events that move the item into one of these statuses. */
    public static Condition onStatuses(ItemStatus... statuses) {
        List<Alternative> alternatives = new ArrayList<>();
        for (ItemStatus status : statuses) {
            alternatives.add(new Alternative(null, status));
        }
        return new Condition(alternatives);
    }

    /** Matches events of this type after which the item is in this status. */
    public static Condition on(ItemEventType type, ItemStatus status) {
        return new Condition(List.of(new Alternative(Objects.requireNonNull(type, "type"),
                Objects.requireNonNull(status, "status"))));
    }

    /** Matches what either matches. */
    public Condition or(Condition other) {
        List<Alternative> both = new ArrayList<>(alternatives);
        both.addAll(other.alternatives);
        return new Condition(both);
    }

    /**
     * Whether the event matches.
     *
     * @param event  the event
     * @param before the item's status before it, null for the first event
     */
    public boolean matches(ItemEvent event, ItemStatus before) {
        for (Alternative alternative : alternatives) {
            if (alternative.matches(event, before)) {
                return true;
            }
        }
        return false;
    }
}
