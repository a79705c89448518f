package io.accord.clock.engine;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One event of a work item's history, with the item's state <em>after</em> it.
 *
 * <p>Every event carries the full normalized state (status, priority, matched attributes), so the
 * engine never has to guess what an event changed: a {@code PRIORITY_CHANGED} event carries the new
 * priority, a {@code FIELDS_CHANGED} event the new attributes.
 *
 * <pre>{@code
 * new ItemEvent("evt-17", ItemEventType.STATUS_CHANGED, Instant.parse("2026-03-02T10:00:00Z"), 4L, 17,
 *         Instant.parse("2026-03-02T10:00:01Z"), ItemStatus.PENDING_CUSTOMER, Priority.P2, attributes)
 * }</pre>
 *
 * @param eventId    the source's or service's id of the event (for reports; may be null)
 * @param type       what happened
 * @param occurredAt when it happened at the source
 * @param sequence   the source's sequence number when given, else null
 * @param arrival    the order in which the service received the events (a monotonic number)
 * @param receivedAt when the service received the event; tells warnings that were already past when the
 *                   facts behind them arrived (see {@link Warning#pastAtIngestion()})
 * @param status     normalized status after the event
 * @param priority   normalized priority after the event; null when the source gives none (no target applies)
 * @param attributes matched attributes after the event
 */
public record ItemEvent(String eventId, ItemEventType type, Instant occurredAt, Long sequence, long arrival,
                        Instant receivedAt, ItemStatus status, Priority priority, ItemAttributes attributes) {

    /**
     * The order of a history: {@code occurredAt}, then the source's sequence number when
     * both events have one (an event without one sorts after those that have one at the same instant), then arrival.
     */
    public static final Comparator<ItemEvent> HISTORY_ORDER = Comparator
            .comparing(ItemEvent::occurredAt)
            .thenComparing(ItemEvent::sequence, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(ItemEvent::arrival);

    public ItemEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(attributes, "attributes");
    }
}
