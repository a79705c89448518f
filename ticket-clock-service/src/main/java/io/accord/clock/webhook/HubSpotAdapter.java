package io.accord.clock.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.accord.clock.domain.Source;
import io.accord.model.agreement.ItemEventType;
import io.accord.platform.problem.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * HubSpot app webhooks: a JSON array of CRM events, legacy ({@code ticket.creation}, {@code deal.propertyChange})
 * or generic ({@code object.creation} with {@code objectTypeId} 0-5 ticket, 0-1 contact, 0-3 deal). Tickets are
 * items of the source's item type; contacts and deals are {@code lead}s, their ids prefixed ({@code contact-51},
 * {@code deal-907}) since the object types number independently. HubSpot sends one property per event, so a
 * property change carries only what it changes: a status property, a priority property, a reply-date property
 * (an agent reply) or a mapped field's property; the history carries the rest forward. Other properties and
 * merge, restore and association events are ignored.
 */
final class HubSpotAdapter implements ProviderAdapter {

    @Override
    public Conversion convert(Source source, JsonNode payload, Instant receivedAt) {
        Conversion.Builder out = new Conversion.Builder();
        if (!payload.isArray()) {
            throw ProblemException.invalid("body", "a HubSpot webhook is an array of events");
        }
        for (JsonNode event : payload) {
            String subscription = event.path("subscriptionType").asText("");
            int dot = subscription.indexOf('.');
            String object = dot < 0 ? "" : subscription.substring(0, dot);
            String action = subscription.substring(dot + 1);
            if ("object".equals(object)) {
                object = switch (event.path("objectTypeId").asText()) {
                    case "0-5" -> "ticket";
                    case "0-1" -> "contact";
                    case "0-3" -> "deal";
                    default -> "";
                };
            }
            String objectId = event.path("objectId").asText(null);
            if (!List.of("ticket", "contact", "deal").contains(object) || objectId == null) {
                out.ignore();
                continue;
            }
            boolean ticket = "ticket".equals(object);
            JsonNode at = event.get("occurredAt");
            Instant occurredAt = at != null && at.canConvertToLong() ? Instant.ofEpochMilli(at.asLong()) : receivedAt;
            EventDraft draft = new EventDraft(source, ticket ? objectId : object + "-" + objectId,
                    ItemEventType.FIELDS_CHANGED, occurredAt);
            if (!ticket) {
                draft.itemType = "lead";
            }
            draft.eventId = event.hasNonNull("eventId") ? "hubspot:" + event.get("eventId").asText() : null;
            boolean keep = switch (action) {
                case "creation" -> {
                    draft.eventType = ItemEventType.CREATED;
                    yield true;
                }
                case "deletion" -> {
                    draft.eventType = ItemEventType.DELETED;
                    yield true;
                }
                case "propertyChange" -> propertyChange(source, event, draft);
                default -> false;
            };
            if (keep) {
                out.add(draft);
            } else {
                out.ignore();
            }
        }
        return out.build();
    }

    private static boolean propertyChange(Source source, JsonNode event, EventDraft draft) {
        String property = event.path("propertyName").asText("");
        String value = event.path("propertyValue").asText(null);
        if (value != null && value.isBlank()) {
            value = null;
        }
        if (named(source, "status", property)) {
            draft.statusRaw(value).typedByStatus(null);
            return value != null;
        }
        if (named(source, "priority", property)) {
            draft.priorityRaw(value).eventType = ItemEventType.PRIORITY_CHANGED;
            return value != null;
        }
        if (named(source, "agentReply", property)) {
            draft.eventType = ItemEventType.AGENT_REPLIED;
            return value != null;
        }
        if (value == null) {
            return false;
        }
        if (named(source, "customer", property)) {
            draft.customerRef = value;
        } else if (named(source, "service", property)) {
            draft.serviceRef = value;
        } else if (named(source, "site", property)) {
            draft.site = value;
        } else if (named(source, "channel", property)) {
            draft.channel = value;
        } else if (named(source, "assigneeTeam", property)) {
            draft.assigneeTeamRef = value;
        } else if (named(source, "supplier", property)) {
            draft.supplierRef = value;
        } else if (named(source, "title", property)) {
            draft.title = value;
        } else if (named(source, "url", property)) {
            draft.url = value;
        } else if (named(source, "tags", property)) {
            draft.tags = List.of(value.split("[;,]")).stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
        } else {
            return false;
        }
        return true;
    }

    private static boolean named(Source source, String field, String property) {
        return source.field(field).map(PayloadFields::alternatives).orElse(List.of()).stream()
                .anyMatch(p -> p.toLowerCase(Locale.ROOT).equals(property.toLowerCase(Locale.ROOT)));
    }
}
