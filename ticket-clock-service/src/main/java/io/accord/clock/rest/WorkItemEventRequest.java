package io.accord.clock.rest;

import io.accord.model.agreement.ItemEventType;
import io.accord.model.agreement.NormalizedStatus;
import io.accord.model.agreement.Priority;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One normalized event of a work item, as a helpdesk or CRM integration posts it. Every event carries the
 * item's attributes as they were at {@code occurredAt}; raw status and priority are kept beside the normalized ones.
 */
@Schema(description = "A normalized work-item event", example = """
        {"source": "zendesk-eu", "externalId": "48213", "itemType": "ticket", "customerRef": "org-981",
         "serviceRef": "email-hosting", "site": "paris", "channel": "email", "tags": ["vip"],
         "priority": "P2", "priorityRaw": "high", "status": "OPEN", "statusRaw": "open",
         "eventType": "CREATED", "occurredAt": "2026-03-27T09:00:00Z", "eventId": "zd-48213-1",
         "sequence": 1, "title": "Mailbox full", "url": "https://acme.zendesk.com/agent/tickets/48213"}""")
public record WorkItemEventRequest(
        @NotBlank @Size(max = 100) String source,
        @NotBlank @Size(max = 200) String externalId,
        @NotBlank @Size(max = 50) String itemType,
        @Size(max = 200) String customerRef,
        @Size(max = 200) String serviceRef,
        @Size(max = 100) String site,
        @Size(max = 100) String channel,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> tags,
        @Size(max = 200) String assigneeTeamRef,
        @Size(max = 200) String supplierRef,
        Priority priority,
        @Size(max = 100) String priorityRaw,
        NormalizedStatus status,
        @Size(max = 100) String statusRaw,
        @NotNull ItemEventType eventType,
        @NotNull Instant occurredAt,
        @Size(max = 200) String eventId,
        @PositiveOrZero Long sequence,
        @Size(max = 500) String title,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url) {

    public List<String> tagsOrEmpty() {
        return tags == null ? List.of() : tags;
    }
}
