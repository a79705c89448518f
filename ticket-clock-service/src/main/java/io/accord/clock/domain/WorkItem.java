package io.accord.clock.domain;

import java.time.Instant;
import java.util.List;

/** A work item's current attributes: the last value of each along its ordered history. */
public record WorkItem(long id, String source, String externalId, String itemType, String customerRef,
        String customerPartyId, String serviceRef, String site, String channel, List<String> tags,
        String assigneeTeamRef, String supplierRef, String priority, String priorityRaw, String status,
        String statusRaw, String title, String url, Instant terminalAt, Instant createdAt, Instant updatedAt) {

    public WorkItem {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /**
     * The item's attributes after applying {@code history} in order. An absent (null) field in an event means
     * "unchanged", so an integration may send only what changed.
     */
    public static WorkItem fold(long id, String source, String externalId, List<StoredEvent> history,
            String customerPartyId) {
        StoredEvent acc = null;
        Instant terminal = null;
        for (StoredEvent e : history) {
            if (terminal == null && ("CLOSED".equals(e.eventType()) || "DELETED".equals(e.eventType()))) {
                terminal = e.occurredAt();
            }
            acc = acc == null ? e : acc.overlaidBy(e);
        }
        return new WorkItem(id, source, externalId, acc.itemType(), acc.customerRef(), customerPartyId,
                acc.serviceRef(), acc.site(), acc.channel(), acc.tags(), acc.assigneeTeamRef(),
                acc.supplierRef(), acc.priority(), acc.priorityRaw(), acc.status(), acc.statusRaw(), acc.title(),
                acc.url(), terminal, history.get(0).occurredAt(), acc.receivedAt());
    }
}
