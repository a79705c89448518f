package io.accord.clock.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.accord.platform.rest.Page;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What of a source's input Accord could not clock: items without any clock with the closest reason, and events
 * whose raw status or priority the source's mapping did not know.
 */
public record UnmatchedView(String source, Page<ItemWithoutClock> itemsWithoutClock,
        Page<UnmappedEvent> unmappedEvents) {

    /**
     * An item no objective clocks. {@code reason} comes from the agreement version that came closest to covering
     * it ({@code agreementId}, {@code agreementVersion}); the explain endpoint gives every check.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemWithoutClock(String externalId, String itemType, String customerRef, String serviceRef,
            String site, String priority, String priorityRaw, String status, String statusRaw, Instant lastEventAt,
            ExplainView.Reason reason, UUID agreementId, Integer agreementVersion) {
    }

    /** An event stored with a raw value the mapping did not know (kept as received; the item kept its previous). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UnmappedEvent(String externalId, String eventId, String eventType, Instant occurredAt,
            Instant receivedAt, List<UnmappedField> unmapped) {
    }

    public record UnmappedField(String field, String raw) {
    }
}
