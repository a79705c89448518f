package io.accord.clock.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** A work item with its ordered history and its clocks computed as of now. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkItemView(String source, String externalId, String itemType, String customerRef,
        String customerPartyId, String serviceRef, String site, String channel, List<String> tags,
        String assigneeTeamRef, String supplierRef, String priority, String priorityRaw, String status,
        String statusRaw, String title, String url, Instant closedAt, List<HistoryEntry> history,
        List<ClockView> clocks) {

    /** One event of the history, normalized and raw values side by side; {@code arrival} is the order received. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HistoryEntry(long arrival, String eventId, String eventType, Instant occurredAt, Long sequence,
            String status, String statusRaw, String priority, String priorityRaw, String customerRef,
            String serviceRef, String site, Instant receivedAt) {
    }
}
