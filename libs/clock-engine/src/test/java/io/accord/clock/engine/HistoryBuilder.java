package io.accord.clock.engine;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Writes an item's history as a readable sequence of events, each carrying the state after it. */
final class HistoryBuilder {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ItemRef ITEM = new ItemRef("zendesk-eu", "4711");
    static final ItemAttributes ACME = new ItemAttributes("ticket", "acme", "email", "berlin", "email", Set.of(),
            "l2", null);

    private final List<ItemEvent> events = new ArrayList<>();
    private ItemStatus status = ItemStatus.NEW;
    private Priority priority = Priority.P3;
    private ItemAttributes attributes = ACME;
    private long arrival;
    private Instant receivedAt;

    /** A local date-time on 2 March 2026 (a Monday) in Berlin, e.g. {@code at("09:00")}; or a full {@code 2026-03-03T09:00}. */
    static Instant at(String time) {
        String text = time.length() == 5 ? "2026-03-02T" + time : time;
        return LocalDateTime.parse(text).atZone(BERLIN).toInstant();
    }

    HistoryBuilder created(String time, ItemStatus initial, Priority initialPriority) {
        status = initial;
        priority = initialPriority;
        return add(ItemEventType.CREATED, time);
    }

    HistoryBuilder created(String time) {
        return created(time, ItemStatus.NEW, priority);
    }

    HistoryBuilder status(String time, ItemStatus next) {
        status = next;
        return add(ItemEventType.STATUS_CHANGED, time);
    }

    HistoryBuilder priority(String time, Priority next) {
        priority = next;
        return add(ItemEventType.PRIORITY_CHANGED, time);
    }

    HistoryBuilder fields(String time, Function<ItemAttributes, ItemAttributes> change) {
        attributes = change.apply(attributes);
        return add(ItemEventType.FIELDS_CHANGED, time);
    }

    HistoryBuilder agentReplied(String time) {
        if (status == ItemStatus.NEW) {
            status = ItemStatus.OPEN;
        }
        return add(ItemEventType.AGENT_REPLIED, time);
    }

    /** An agent's reply that also moves the item into {@code after} (e.g. back to the customer). */
    HistoryBuilder agentReplied(String time, ItemStatus after) {
        status = after;
        return add(ItemEventType.AGENT_REPLIED, time);
    }

    HistoryBuilder customerReplied(String time) {
        return add(ItemEventType.CUSTOMER_REPLIED, time);
    }

    HistoryBuilder resolved(String time) {
        status = ItemStatus.RESOLVED;
        return add(ItemEventType.RESOLVED, time);
    }

    HistoryBuilder reopened(String time) {
        status = ItemStatus.OPEN;
        return add(ItemEventType.REOPENED, time);
    }

    HistoryBuilder closed(String time) {
        status = ItemStatus.CLOSED;
        return add(ItemEventType.CLOSED, time);
    }

    HistoryBuilder deleted(String time) {
        return add(ItemEventType.DELETED, time);
    }

    /** The following events reach the service at this instant (late ingestion); by default at their occurrence. */
    HistoryBuilder receivedAt(String time) {
        receivedAt = at(time);
        return this;
    }

    HistoryBuilder add(ItemEventType type, String time) {
        Instant occurredAt = at(time);
        arrival++;
        events.add(new ItemEvent("e" + arrival, type, occurredAt, null, arrival,
                receivedAt != null && receivedAt.isAfter(occurredAt) ? receivedAt : occurredAt, status, priority,
                attributes));
        return this;
    }

    ItemHistory build() {
        return ItemHistory.of(ITEM, events);
    }
}
