package io.accord.clock.domain;

import java.time.Instant;
import java.util.List;

/**
 * One event of an item's stored history. {@code arrival} is the row id: the tie-breaker after
 * {@code occurredAt} and {@code sequence}.
 */
public record StoredEvent(long arrival, String eventId, String eventType, Instant occurredAt, Long sequence,
        String itemType, String customerRef, String serviceRef, String site, String channel, List<String> tags,
        String assigneeTeamRef, String supplierRef, String priority, String priorityRaw, String status,
        String statusRaw, String title, String url, Instant receivedAt) {

    public StoredEvent {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** This event's attributes with {@code next}'s non-null ones on top: the item as it is after {@code next}. */
    public StoredEvent overlaidBy(StoredEvent next) {
        return new StoredEvent(next.arrival, next.eventId, next.eventType, next.occurredAt, next.sequence,
                next.itemType != null ? next.itemType : itemType,
                or(next.customerRef, customerRef), or(next.serviceRef, serviceRef), or(next.site, site),
                or(next.channel, channel), next.tags.isEmpty() ? tags : next.tags,
                or(next.assigneeTeamRef, assigneeTeamRef), or(next.supplierRef, supplierRef),
                or(next.priority, priority), or(next.priorityRaw, priorityRaw), or(next.status, status),
                or(next.statusRaw, statusRaw), or(next.title, title), or(next.url, url), next.receivedAt);
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
