package io.accord.clock.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.accord.clock.domain.Source;
import io.accord.model.agreement.ItemEventType;
import io.accord.model.agreement.NormalizedStatus;
import io.accord.platform.problem.ProblemException;
import java.time.Instant;

/**
 * Jira Service Management admin webhooks: {@code jira:issue_created}, {@code jira:issue_updated} (typed by its
 * changelog: status, then priority, else fields), {@code jira:issue_deleted} and {@code comment_created}. Every
 * issue event carries the issue's mapped fields. A comment visible to the customer ({@code jsdPublic}) is a reply:
 * the customer's when its author is a portal customer or the reporter, the agent's otherwise; internal comments are
 * ignored. The item is the issue key; the event id is made of the event, the issue id and the event's timestamp.
 */
final class JiraAdapter implements ProviderAdapter {

    @Override
    public Conversion convert(Source source, JsonNode payload, Instant receivedAt) {
        Conversion.Builder out = new Conversion.Builder();
        String webhookEvent = PayloadFields.textAt(payload, "webhookEvent");
        JsonNode issue = PayloadFields.at(payload, "issue");
        if (webhookEvent == null || issue == null) {
            return out.ignore().build();
        }
        String key = PayloadFields.textAt(issue, "key");
        if (key == null) {
            throw ProblemException.invalid("issue.key", "a Jira issue event names its issue key");
        }
        JsonNode stamp = payload.get("timestamp");
        Instant occurredAt = stamp != null && stamp.canConvertToLong() ? Instant.ofEpochMilli(stamp.asLong())
                : receivedAt;
        EventDraft draft = new EventDraft(source, key, ItemEventType.FIELDS_CHANGED, occurredAt)
                .attributesFrom(payload);
        if (draft.url == null) {
            draft.url = browseUrl(PayloadFields.textAt(issue, "self"), key);
        }
        String eventId = "jira:" + webhookEvent + ":" + PayloadFields.textAt(issue, "id") + ":" + occurredAt.toEpochMilli();
        switch (webhookEvent) {
            case "jira:issue_created" -> draft.eventType = ItemEventType.CREATED;
            case "jira:issue_deleted" -> draft.eventType = ItemEventType.DELETED;
            case "jira:issue_updated" -> typeByChangelog(source, payload, draft);
            case "comment_created" -> {
                JsonNode comment = payload.path("comment");
                if (!comment.path("jsdPublic").asBoolean(true)) {
                    return out.ignore().build();
                }
                JsonNode author = comment.path("author");
                String reporter = PayloadFields.textAt(issue, "fields.reporter.accountId");
                boolean customer = "customer".equals(author.path("accountType").asText())
                        || reporter != null && reporter.equals(author.path("accountId").asText());
                draft.eventType = customer ? ItemEventType.CUSTOMER_REPLIED : ItemEventType.AGENT_REPLIED;
                eventId += ":" + comment.path("id").asText();
            }
            default -> {
                return out.ignore().build();
            }
        }
        draft.eventId = eventId;
        return out.add(draft).build();
    }

    private static void typeByChangelog(Source source, JsonNode payload, EventDraft draft) {
        JsonNode status = null;
        boolean priority = false;
        for (JsonNode item : payload.path("changelog").path("items")) {
            String field = item.path("field").asText();
            if ("status".equalsIgnoreCase(field)) {
                status = item;
            } else if ("priority".equalsIgnoreCase(field)) {
                priority = true;
            }
        }
        if (status != null) {
            NormalizedStatus previous = source.status(status.path("fromString").asText(null)).orElse(null);
            draft.typedByStatus(previous);
        } else if (priority) {
            draft.eventType = ItemEventType.PRIORITY_CHANGED;
        }
    }

    /** The issue's page: the site of its REST {@code self} link and {@code /browse/<key>}. */
    private static String browseUrl(String self, String key) {
        if (self == null) {
            return null;
        }
        int rest = self.indexOf("/rest/");
        return rest > 0 ? self.substring(0, rest) + "/browse/" + key : null;
    }
}
