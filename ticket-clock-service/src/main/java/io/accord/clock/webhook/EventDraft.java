package io.accord.clock.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.accord.clock.domain.Source;
import io.accord.clock.rest.WorkItemEventRequest;
import io.accord.model.agreement.ItemEventType;
import io.accord.model.agreement.NormalizedStatus;
import io.accord.model.agreement.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A normalized event being built from a provider's payload through a source's mapping. Raw status and priority are
 * always kept; when the mapping does not know them the normalized value stays empty (the item keeps its previous
 * one) and the draft records the value as unmapped. Texts longer than the event's limits are cut, since a
 * provider cannot be asked to shorten its payload.
 */
final class EventDraft {

    final Source source;
    String externalId;
    String itemType;
    ItemEventType eventType;
    Instant occurredAt;
    String eventId;
    Long sequence;
    String customerRef;
    String serviceRef;
    String site;
    String channel;
    List<String> tags;
    String assigneeTeamRef;
    String supplierRef;
    Priority priority;
    String priorityRaw;
    NormalizedStatus status;
    String statusRaw;
    String title;
    String url;

    EventDraft(Source source, String externalId, ItemEventType eventType, Instant occurredAt) {
        this.source = source;
        this.externalId = externalId;
        this.itemType = source.itemType();
        this.eventType = eventType;
        this.occurredAt = occurredAt;
    }

    /** Every mapped attribute the payload carries, read from {@code root} along the source's paths. */
    EventDraft attributesFrom(JsonNode root) {
        customerRef = text(root, "customer");
        serviceRef = text(root, "service");
        site = text(root, "site");
        channel = text(root, "channel");
        assigneeTeamRef = text(root, "assigneeTeam");
        supplierRef = text(root, "supplier");
        title = text(root, "title");
        url = text(root, "url");
        tags = source.field("tags").map(paths -> PayloadFields.tags(root, paths)).orElse(null);
        source.field("status").map(paths -> firstMapped(root, paths, source::status)).ifPresent(found -> {
            statusRaw = found.raw();
            status = found.value() == null ? status : found.value();
        });
        source.field("priority").map(paths -> firstMapped(root, paths, source::priority)).ifPresent(found -> {
            priorityRaw = found.raw();
            priority = found.value() == null ? priority : found.value();
        });
        return this;
    }

    private String text(JsonNode root, String field) {
        return source.field(field).map(paths -> PayloadFields.text(root, paths)).orElse(null);
    }

    /** A raw value from the payload and what the mapping makes of it (null when the mapping does not know it). */
    private record Found<T>(String raw, T value) {
    }

    /**
     * The raw value is the first present alternative; the normalized one that of the first alternative the mapping
     * knows (a status or a priority).
     */
    private static <T> Found<T> firstMapped(JsonNode root, String paths, Function<String, Optional<T>> mapping) {
        String raw = null;
        for (String path : PayloadFields.alternatives(paths)) {
            String value = PayloadFields.textAt(root, path);
            if (value == null) {
                continue;
            }
            raw = raw == null ? value : raw;
            Optional<T> mapped = mapping.apply(value);
            if (mapped.isPresent()) {
                return new Found<>(raw, mapped.get());
            }
        }
        return new Found<>(raw, null);
    }

    EventDraft statusRaw(String raw) {
        statusRaw = raw;
        status = source.status(raw).orElse(null);
        return this;
    }

    EventDraft priorityRaw(String raw) {
        priorityRaw = raw;
        priority = source.priority(raw).orElse(null);
        return this;
    }

    /** An event whose type follows the status it enters: resolution, closure, reopening or a plain change. */
    EventDraft typedByStatus(NormalizedStatus previous) {
        if (status == NormalizedStatus.RESOLVED) {
            eventType = ItemEventType.RESOLVED;
        } else if (status == NormalizedStatus.CLOSED) {
            eventType = ItemEventType.CLOSED;
        } else if (status != null && (previous == NormalizedStatus.RESOLVED || previous == NormalizedStatus.CLOSED)) {
            eventType = ItemEventType.REOPENED;
        } else {
            eventType = ItemEventType.STATUS_CHANGED;
        }
        return this;
    }

    boolean statusUnmapped() {
        return statusRaw != null && status == null;
    }

    boolean priorityUnmapped() {
        return priorityRaw != null && priority == null;
    }

    WorkItemEventRequest build() {
        return new WorkItemEventRequest(source.id(), clip(externalId, 200), clip(itemType, 50),
                clip(customerRef, 200), clip(serviceRef, 200), clip(site, 100), clip(channel, 100),
                tags == null ? null : tags.stream().limit(50).map(t -> clip(t, 100)).toList(),
                clip(assigneeTeamRef, 200), clip(supplierRef, 200), priority, clip(priorityRaw, 100), status,
                clip(statusRaw, 100), eventType, occurredAt, clip(eventId, 200), sequence, clip(title, 500),
                url != null && url.length() <= 2000 && url.matches("https?://\\S+") ? url : null);
    }

    static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
