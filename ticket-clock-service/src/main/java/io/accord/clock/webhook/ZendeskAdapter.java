package io.accord.clock.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.accord.clock.domain.Source;
import io.accord.model.agreement.ItemEventType;
import io.accord.model.agreement.NormalizedStatus;
import io.accord.platform.problem.ProblemException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Zendesk event webhooks (subscriptions to {@code zen:event-type:ticket.*}). Each notification is one event about
 * one ticket, with the ticket's current fields in {@code detail}: every event carries them, mapped. Public
 * comments are replies (by staff: the agent's; otherwise the customer's); private ones are ignored. Events of
 * other domains (users, organizations...) are ignored.
 */
final class ZendeskAdapter implements ProviderAdapter {

    private static final String TICKET_EVENT = "zen:event-type:ticket.";

    @Override
    public Conversion convert(Source source, JsonNode payload, Instant receivedAt) {
        Conversion.Builder out = new Conversion.Builder();
        String type = PayloadFields.textAt(payload, "type");
        if (type == null || !type.startsWith(TICKET_EVENT)) {
            return out.ignore().build();
        }
        String externalId = PayloadFields.text(payload, "detail.id");
        if (externalId == null) {
            String subject = PayloadFields.textAt(payload, "subject");
            externalId = subject == null ? null : subject.substring(subject.lastIndexOf(':') + 1);
        }
        if (externalId == null || externalId.isBlank()) {
            throw ProblemException.invalid("detail.id", "a Zendesk ticket event names its ticket in detail.id");
        }
        Instant occurredAt = time(PayloadFields.textAt(payload, "time"), receivedAt);
        EventDraft draft = new EventDraft(source, externalId, ItemEventType.FIELDS_CHANGED, occurredAt)
                .attributesFrom(payload);
        draft.eventId = PayloadFields.textAt(payload, "id");
        switch (type.substring(TICKET_EVENT.length())) {
            case "created" -> draft.eventType = ItemEventType.CREATED;
            case "status_changed" -> {
                NormalizedStatus previous = source.status(PayloadFields.textAt(payload, "event.previous"))
                        .orElse(null);
                draft.typedByStatus(previous);
            }
            case "priority_changed" -> draft.eventType = ItemEventType.PRIORITY_CHANGED;
            case "comment_added" -> {
                JsonNode comment = PayloadFields.at(payload, "event.comment");
                if (comment == null || !comment.path("is_public").asBoolean(true)) {
                    return out.ignore().build();
                }
                draft.eventType = comment.path("author").path("is_staff").asBoolean(false)
                        ? ItemEventType.AGENT_REPLIED : ItemEventType.CUSTOMER_REPLIED;
            }
            case "soft_deleted", "permanently_deleted", "marked_as_spam" -> draft.eventType = ItemEventType.DELETED;
            case "merged" -> draft.eventType = ItemEventType.CLOSED;
            case "undeleted", "comment_made_private", "comment_redacted" -> {
                return out.ignore().build();
            }
            default -> draft.eventType = ItemEventType.FIELDS_CHANGED;
        }
        return out.add(draft).build();
    }

    static Instant time(String text, Instant fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("time", "must be an ISO-8601 instant");
        }
    }
}
