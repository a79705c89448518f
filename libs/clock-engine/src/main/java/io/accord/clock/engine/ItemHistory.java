package io.accord.clock.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The events of one work item in {@link ItemEvent#HISTORY_ORDER}. The constructor sorts a copy, so the
 * service may pass its events in any order.
 *
 * @param item   the item
 * @param events its events, sorted
 */
public record ItemHistory(ItemRef item, List<ItemEvent> events) {
    public ItemHistory {
        Objects.requireNonNull(item, "item");
        List<ItemEvent> sorted = new ArrayList<>(Objects.requireNonNull(events, "events"));
        sorted.sort(ItemEvent.HISTORY_ORDER);
        events = List.copyOf(sorted);
    }

    /** A history of these events. */
    public static ItemHistory of(ItemRef item, List<ItemEvent> events) {
        return new ItemHistory(item, events);
    }
}
