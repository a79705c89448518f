package io.accord.clock.service;

import io.accord.clock.domain.StoredEvent;
import io.accord.clock.engine.ItemAttributes;
import io.accord.clock.engine.ItemEvent;
import io.accord.clock.engine.ItemEventType;
import io.accord.clock.engine.ItemHistory;
import io.accord.clock.engine.ItemRef;
import io.accord.clock.engine.ItemStatus;
import io.accord.clock.engine.Priority;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Turns a stored history into the engine's input. Stored events may omit what did not change; the engine wants the
 * item's full state after every event, so the attributes are carried forward along the ordered history. An item
 * whose events never named a status is {@code NEW}.
 */
public final class HistoryAdapter {

    private HistoryAdapter() {
    }

    public static ItemHistory toHistory(String source, String externalId, List<StoredEvent> ordered) {
        List<ItemEvent> events = new ArrayList<>(ordered.size());
        StoredEvent state = null;
        for (StoredEvent e : ordered) {
            state = state == null ? e : state.overlaidBy(e);
            ItemAttributes attributes = new ItemAttributes(state.itemType(), state.customerRef(), state.serviceRef(),
                    state.site(), state.channel(), new HashSet<>(state.tags()), state.assigneeTeamRef(),
                    state.supplierRef());
            events.add(new ItemEvent(e.eventId(), ItemEventType.valueOf(e.eventType()), e.occurredAt(), e.sequence(),
                    e.arrival(), e.receivedAt(), state.status() == null ? ItemStatus.NEW
                            : ItemStatus.valueOf(state.status()),
                    state.priority() == null ? null : Priority.valueOf(state.priority()), attributes));
        }
        return ItemHistory.of(new ItemRef(source, externalId), events);
    }
}
