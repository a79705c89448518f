package io.accord.clock.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.accord.clock.domain.Source;
import io.accord.model.agreement.ItemEventType;
import io.accord.platform.problem.ProblemException;
import java.time.Instant;
import java.util.Locale;

/**
 * Freshdesk automation-rule webhooks ("Trigger webhook" action, JSON content): the ticket's placeholders under
 * {@code freshdesk_webhook}, as Freshdesk's simple content mode names them ({@code ticket_id}, {@code ticket_status}
 * ...). Which event it is comes from {@code accord_event}, a literal each rule puts in its template
 * ({@code created}, {@code updated}, {@code agent_replied}, {@code customer_replied}, {@code deleted}); without it,
 * a {@code triggered_event} naming a creation is {@code created} and anything else {@code updated}, typed by the
 * status it carries. Freshdesk's placeholders give no machine-readable time, so the event time is
 * {@code occurred_at} when the template has an ISO-8601 one, else the time of receipt.
 */
final class FreshdeskAdapter implements ProviderAdapter {

    private static final String ROOT = "freshdesk_webhook.";

    @Override
    public Conversion convert(Source source, JsonNode payload, Instant receivedAt) {
        String ticketId = PayloadFields.textAt(payload, ROOT + "ticket_id");
        if (ticketId == null) {
            throw ProblemException.invalid(ROOT + "ticket_id", "the Freshdesk template must send {{ticket.id}}");
        }
        Instant occurredAt = ZendeskAdapter.time(PayloadFields.textAt(payload, ROOT + "occurred_at"), receivedAt);
        EventDraft draft = new EventDraft(source, ticketId, ItemEventType.STATUS_CHANGED, occurredAt)
                .attributesFrom(payload);
        String event = PayloadFields.textAt(payload, ROOT + "accord_event");
        if (event == null) {
            String triggered = PayloadFields.textAt(payload, ROOT + "triggered_event");
            event = triggered != null && triggered.toLowerCase(Locale.ROOT).contains("created") ? "created"
                    : "updated";
        }
        switch (event.toLowerCase(Locale.ROOT)) {
            case "created" -> draft.eventType = ItemEventType.CREATED;
            case "updated" -> draft.typedByStatus(null);
            case "agent_replied" -> draft.eventType = ItemEventType.AGENT_REPLIED;
            case "customer_replied" -> draft.eventType = ItemEventType.CUSTOMER_REPLIED;
            case "deleted" -> draft.eventType = ItemEventType.DELETED;
            default -> throw ProblemException.invalid(ROOT + "accord_event",
                    "must be created, updated, agent_replied, customer_replied or deleted");
        }
        return new Conversion.Builder().add(draft).build();
    }
}
