package io.accord.clock.service;

import static io.accord.model.agreement.NormalizedStatus.CLOSED;
import static io.accord.model.agreement.NormalizedStatus.NEW;
import static io.accord.model.agreement.NormalizedStatus.ON_HOLD;
import static io.accord.model.agreement.NormalizedStatus.OPEN;
import static io.accord.model.agreement.NormalizedStatus.PENDING_CUSTOMER;
import static io.accord.model.agreement.NormalizedStatus.RESOLVED;
import static io.accord.model.agreement.Priority.P1;
import static io.accord.model.agreement.Priority.P2;
import static io.accord.model.agreement.Priority.P3;
import static io.accord.model.agreement.Priority.P4;

import io.accord.clock.domain.Provider;
import io.accord.model.agreement.NormalizedStatus;
import io.accord.model.agreement.Priority;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a new source of each provider maps out of the box: the provider's stock statuses and priorities, and where
 * its documented webhook payload carries each field. A source that gives its own map replaces the default one.
 */
public final class SourceDefaults {

    private SourceDefaults() {
    }

    public static String itemType(Provider provider) {
        return "ticket";
    }

    public static Map<String, NormalizedStatus> statuses(Provider provider) {
        return switch (provider) {
            // Zendesk's ticket statuses (event webhooks spell them in capitals, the API in lower case)
            case ZENDESK -> ordered("new", NEW, "open", OPEN, "pending", PENDING_CUSTOMER, "hold", ON_HOLD,
                    "solved", RESOLVED, "closed", CLOSED);
            // Jira Service Management's stock workflow statuses, then the three status categories as a fallback
            case JIRA -> ordered("open", NEW, "waiting for support", OPEN, "in progress", OPEN,
                    "work in progress", OPEN, "escalated", OPEN, "waiting for customer", PENDING_CUSTOMER,
                    "pending", ON_HOLD, "resolved", RESOLVED, "done", RESOLVED, "closed", CLOSED,
                    "canceled", CLOSED, "new", NEW, "indeterminate", OPEN);
            // Freshdesk's numeric statuses (API) and their labels (webhook placeholders)
            case FRESHDESK -> ordered("2", OPEN, "3", ON_HOLD, "4", RESOLVED, "5", CLOSED, "6", PENDING_CUSTOMER,
                    "7", ON_HOLD, "open", OPEN, "pending", ON_HOLD, "resolved", RESOLVED, "closed", CLOSED,
                    "waiting on customer", PENDING_CUSTOMER, "waiting on third party", ON_HOLD);
            // HubSpot: the default ticket pipeline's stage ids, the default deal pipeline's stages, lead statuses
            case HUBSPOT -> ordered("1", NEW, "2", PENDING_CUSTOMER, "3", OPEN, "4", CLOSED,
                    "appointmentscheduled", NEW, "qualifiedtobuy", OPEN, "presentationscheduled", OPEN,
                    "decisionmakerboughtin", OPEN, "contractsent", PENDING_CUSTOMER, "closedwon", RESOLVED,
                    "closedlost", CLOSED, "in_progress", OPEN, "attempted_to_connect", OPEN, "connected", OPEN,
                    "open_deal", RESOLVED, "unqualified", CLOSED, "bad_timing", ON_HOLD, "new", NEW, "open", OPEN);
            // Generic events carry normalized statuses; their raw values map to themselves
            case GENERIC -> ordered("new", NEW, "open", OPEN, "pending_customer", PENDING_CUSTOMER,
                    "on_hold", ON_HOLD, "resolved", RESOLVED, "closed", CLOSED);
        };
    }

    public static Map<String, Priority> priorities(Provider provider) {
        return switch (provider) {
            case ZENDESK -> ordered("urgent", P1, "high", P2, "normal", P3, "low", P4);
            case JIRA -> ordered("highest", P1, "high", P2, "medium", P3, "low", P4, "lowest", P4);
            case FRESHDESK -> ordered("4", P1, "3", P2, "2", P3, "1", P4, "urgent", P1, "high", P2, "medium", P3,
                    "low", P4);
            case HUBSPOT -> ordered("urgent", P1, "high", P2, "medium", P3, "low", P4);
            case GENERIC -> ordered("p1", P1, "p2", P2, "p3", P3, "p4", P4);
        };
    }

    /**
     * Payload paths: dotted, numeric segments index arrays; {@code a|b} lists alternatives (the first present wins;
     * for status and priority, the first that the map knows). HubSpot names properties instead of paths.
     */
    public static Map<String, String> fields(Provider provider) {
        return switch (provider) {
            case ZENDESK -> ordered("status", "detail.status", "priority", "detail.priority",
                    "customer", "detail.organization_id", "channel", "detail.via.channel", "tags", "detail.tags",
                    "assigneeTeam", "detail.group_id", "title", "detail.subject");
            case JIRA -> ordered("status", "issue.fields.status.name|issue.fields.status.statusCategory.key",
                    "priority", "issue.fields.priority.name", "customer", "issue.fields.customfield_10002.0.id",
                    "service", "issue.fields.project.key", "tags", "issue.fields.labels",
                    "title", "issue.fields.summary");
            case FRESHDESK -> ordered("status", "freshdesk_webhook.ticket_status",
                    "priority", "freshdesk_webhook.ticket_priority",
                    "customer", "freshdesk_webhook.ticket_company_name",
                    "channel", "freshdesk_webhook.ticket_source", "tags", "freshdesk_webhook.ticket_tags",
                    "assigneeTeam", "freshdesk_webhook.ticket_group_name",
                    "title", "freshdesk_webhook.ticket_subject", "url", "freshdesk_webhook.ticket_url");
            case HUBSPOT -> ordered("status", "hs_pipeline_stage|dealstage|hs_lead_status",
                    "priority", "hs_ticket_priority|hs_priority", "customer", "associatedcompanyid",
                    "channel", "source_type", "assigneeTeam", "hubspot_team_id", "title", "subject|dealname",
                    "agentReply", "first_agent_reply_date|notes_last_contacted");
            case GENERIC -> Map.of();
        };
    }

    @SuppressWarnings("unchecked")
    private static <T> Map<String, T> ordered(Object... pairs) {
        Map<String, T> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (T) pairs[i + 1]);
        }
        return map;
    }
}
