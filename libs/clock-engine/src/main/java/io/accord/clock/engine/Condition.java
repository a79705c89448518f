package io.accord.clock.engine;

import java.util.EnumSet;
import java.util.Set;

/**
 * A condition of a custom metric: matches an event whose type is one of {@code eventTypes}, or which moves
 * the item into one of {@code statuses} (its status after the event is in the set and differs from the
 * status before it; the first event of the history always "moves into" its status).
 *
 * <pre>{@code
 * Condition.onEvents(ItemEventType.AGENT_REPLIED).or(Condition.onStatuses(ItemStatus.RESOLVED))
 * }</pre>
 *
 * @param eventTypes event types that match
 * @param statuses   statuses whose entry matches
 */
public record Condition(Set<ItemEventType> eventTypes, Set<ItemStatus> statuses) {

    /** Matches nothing. */
    public static final Condition NEVER = new Condition(Set.of(), Set.of());

    public Condition {
        eventTypes = eventTypes == null ? Set.of() : Set.copyOf(eventTypes);
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    /** Matches events of these types. */
    public static Condition onEvents(ItemEventType... types) {
        return new Condition(types.length == 0 ? Set.of() : EnumSet.of(types[0], types), Set.of());
    }

    /** Matches events that move the item into one of these statuses. */
    public static Condition onStatuses(ItemStatus... statuses) {
        return new Condition(Set.of(), statuses.length == 0 ? Set.of() : EnumSet.of(statuses[0], statuses));
    }

    /** Matches what either matches. */
    public Condition or(Condition other) {
        Set<ItemEventType> types = EnumSet.noneOf(ItemEventType.class);
        types.addAll(eventTypes);
        types.addAll(other.eventTypes);
        Set<ItemStatus> entered = EnumSet.noneOf(ItemStatus.class);
        entered.addAll(statuses);
        entered.addAll(other.statuses);
        return new Condition(types, entered);
    }

    /**
     * Whether the event matches.
     *
     * @param event  the event
     * @param before the item's status before it, null for the first event
     */
    public boolean matches(ItemEvent event, ItemStatus before) {
        return eventTypes.contains(event.type())
                || (statuses.contains(event.status()) && event.status() != before);
    }
}
