package io.accord.clock.rest;

import static io.accord.clock.support.ClockTestSupport.count;
import static io.accord.clock.support.Webhooks.payload;
import static io.accord.clock.support.Webhooks.tampered;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.accord.clock.domain.Provider;
import io.accord.clock.service.SourceMappings;
import io.accord.clock.service.WorkItemQueries;
import io.accord.clock.support.AgreementFixtures;
import io.accord.clock.support.ClockTestSupport;
import io.accord.clock.support.Webhooks;
import io.accord.platform.security.Roles;
import io.accord.platform.testing.RabbitQueues;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Each provider's documented payload (src/test/resources/webhooks) through the real endpoint, signed as the provider
 * signs it: the normalized events and clocks it gives, and the refusals (wrong or missing signature, old
 * timestamp, a changed body byte, an unknown source) that store nothing and are counted.
 */
@QuarkusTest
class WebhooksResourceTest {

    @Inject
    AgroalDataSource db;
    @Inject
    SourceMappings sources;
    @Inject
    WorkItemQueries queries;

    private void source(String id, Provider provider, String secretRef) {
        sources.create(new SourceRequest(id, provider, null, secretRef, null, null, null, null));
    }

    private void agreement(String source, String customerRef, com.fasterxml.jackson.databind.node.ObjectNode... objectives) {
        try (RabbitQueues rabbit = RabbitQueues.connect()) {
            ClockTestSupport.publishAgreement(rabbit, db, "activated",
                    AgreementFixtures.agreement(UUID.randomUUID(), source, customerRef, objectives),
                    "2020-01-01T00:00:00Z");
        }
    }

    private long items(String source) {
        return count(db, "select count(*) from work_item where source = '" + source + "'");
    }

    private static double rejected(String source, String reason) {
        return Webhooks.metric("accord_webhooks_rejected_total", Map.of("source", source, "reason", reason));
    }

    private WorkItemView item(String source, String externalId) {
        return queries.item(source, externalId).orElseThrow();
    }

    private static ClockView clock(WorkItemView item, String objectiveKey) {
        return item.clocks().stream().filter(c -> c.objectiveKey().equals(objectiveKey)).findFirst().orElseThrow();
    }

    @Test
    // No @TestSecurity: webhooks need no bearer token
    void zendeskTicketEventsGiveTheTicketsEventsAndClocks() {
        source("zendesk-wh", Provider.ZENDESK, "test-zendesk");
        agreement("zendesk-wh", "9400213377",
                AgreementFixtures.objective("first-response", "FIRST_RESPONSE", "P2", "PT2H"),
                AgreementFixtures.objective("resolution", "RESOLUTION", "P2", "PT8H"));
        Instant now = Instant.now();

        Webhooks.zendesk("zendesk-wh", payload("zendesk-ticket-created.json"), Webhooks.ZENDESK_SECRET, now)
                .statusCode(200).body("source", is("zendesk-wh")).body("provider", is("zendesk"))
                .body("results[0].outcome", is("APPLIED")).body("results[0].externalId", is("48213"))
                .body("results[0].eventId", is("01JQ7XG3F0PZK8N4T2W6Y9B5C1")).body("unmapped", empty());
        Webhooks.zendesk("zendesk-wh", payload("zendesk-comment-added.json"), Webhooks.ZENDESK_SECRET, now)
                .statusCode(200).body("results[0].outcome", is("APPLIED"));
        Webhooks.zendesk("zendesk-wh", payload("zendesk-status-solved.json"), Webhooks.ZENDESK_SECRET, now)
                .statusCode(200).body("results[0].outcome", is("APPLIED"));
        // Zendesk redelivers: the same event is applied once, by the same ingestion as every event
        Webhooks.zendesk("zendesk-wh", payload("zendesk-ticket-created.json"), Webhooks.ZENDESK_SECRET, now)
                .statusCode(200).body("results[0].outcome", is("DUPLICATE"));

        WorkItemView ticket = item("zendesk-wh", "48213");
        assertThat(ticket.history()).extracting(WorkItemView.HistoryEntry::eventType)
                .containsExactly("CREATED", "AGENT_REPLIED", "RESOLVED");
        assertThat(ticket.history()).extracting(WorkItemView.HistoryEntry::statusRaw)
                .containsExactly("NEW", "OPEN", "SOLVED");
        assertThat(ticket.customerRef()).isEqualTo("9400213377");
        assertThat(ticket.priority()).isEqualTo("P2");
        assertThat(ticket.priorityRaw()).isEqualTo("HIGH");
        assertThat(ticket.channel()).isEqualTo("email");
        assertThat(ticket.tags()).containsExactly("mail", "vip");
        assertThat(ticket.assigneeTeamRef()).isEqualTo("360011284892");
        assertThat(ticket.title()).isEqualTo("Mailbox full, mail bouncing");
        assertThat(ticket.status()).isEqualTo("RESOLVED");
        ClockView response = clock(ticket, "first-response");
        assertThat(response.outcome()).isEqualTo("MET");
        assertThat(response.elapsed()).isEqualTo(Duration.ofMinutes(40));
        ClockView resolution = clock(ticket, "resolution");
        assertThat(resolution.outcome()).isEqualTo("MET");
        assertThat(resolution.elapsed()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void zendeskRefusesAWrongSignatureAnOldTimestampAChangedByteAndMissingHeadersStoringNothing() {
        source("zendesk-refuse", Provider.ZENDESK, "test-zendesk");
        byte[] body = payload("zendesk-ticket-created.json");
        Instant now = Instant.now();
        double badBefore = rejected("zendesk-refuse", "bad-signature");
        double staleBefore = rejected("zendesk-refuse", "stale-timestamp");

        Webhooks.zendesk("zendesk-refuse", body, "not-the-secret", now).statusCode(401)
                .contentType("application/problem+json").body("type", is("urn:accord:problem:unauthorized"));
        Webhooks.zendesk("zendesk-refuse", body, Webhooks.ZENDESK_SECRET, now.minus(Duration.ofMinutes(6)))
                .statusCode(401).contentType("application/problem+json");
        // Signed, then one byte changed on the way
        String timestamp = now.toString();
        Webhooks.request(tampered(body))
                .header("X-Zendesk-Webhook-Signature", Webhooks.zendeskSignature(Webhooks.ZENDESK_SECRET, timestamp, body))
                .header("X-Zendesk-Webhook-Signature-Timestamp", timestamp)
                .post("/api/webhooks/zendesk-refuse").then().statusCode(401).contentType("application/problem+json");
        Webhooks.request(body).post("/api/webhooks/zendesk-refuse").then().statusCode(401);

        assertThat(items("zendesk-refuse")).isZero();
        assertThat(rejected("zendesk-refuse", "bad-signature")).isEqualTo(badBefore + 2);
        assertThat(rejected("zendesk-refuse", "stale-timestamp")).isEqualTo(staleBefore + 1);
        assertThat(rejected("zendesk-refuse", "missing-signature")).isGreaterThanOrEqualTo(1);
        // The same delivery, correctly signed and on time, is accepted
        Webhooks.zendesk("zendesk-refuse", body, Webhooks.ZENDESK_SECRET, now).statusCode(200);
        assertThat(items("zendesk-refuse")).isEqualTo(1);
    }

    @Test
    void anUnknownSourceAndASourceWithoutConfiguredSecretAreRefusedAlike() {
        source("zendesk-nosecret", Provider.ZENDESK, "test-missing");
        byte[] body = payload("zendesk-ticket-created.json");
        double unknownBefore = rejected("unknown", "unknown-source");
        String unknownDetail = Webhooks.zendesk("no-such-source", body, Webhooks.ZENDESK_SECRET, Instant.now())
                .statusCode(401).contentType("application/problem+json").extract().path("detail");
        String noSecretDetail = Webhooks.zendesk("zendesk-nosecret", body, Webhooks.ZENDESK_SECRET, Instant.now())
                .statusCode(401).extract().path("detail");
        // The answer does not tell which sources exist
        assertThat(noSecretDetail).isEqualTo(unknownDetail);
        assertThat(rejected("unknown", "unknown-source")).isEqualTo(unknownBefore + 1);
        assertThat(rejected("zendesk-nosecret", "secret-not-configured")).isEqualTo(1);
        assertThat(items("no-such-source") + items("zendesk-nosecret")).isZero();
    }

    @Test
    @TestSecurity(user = "viewer", roles = Roles.VIEWER)
    void jiraServiceManagementIssueEventsGiveTheIssuesEventsAndClocks() {
        source("jira-wh", Provider.JIRA, "test-jira");
        agreement("jira-wh", "7",
                AgreementFixtures.objective("first-response", "FIRST_RESPONSE", "P2", "PT2H"),
                AgreementFixtures.objective("resolution", "RESOLUTION", "P2", "PT8H"));

        Webhooks.jira("jira-wh", payload("jira-issue-created.json"), Webhooks.JIRA_SECRET).statusCode(200)
                .body("results[0].outcome", is("APPLIED")).body("results[0].externalId", is("ITSM-204"));
        Webhooks.jira("jira-wh", payload("jira-comment-created.json"), Webhooks.JIRA_SECRET).statusCode(200)
                .body("results[0].outcome", is("APPLIED"));
        Webhooks.jira("jira-wh", payload("jira-issue-updated-waiting.json"), Webhooks.JIRA_SECRET).statusCode(200)
                .body("results[0].outcome", is("APPLIED"));

        given().get("/api/work-items/jira-wh/ITSM-204").then().statusCode(200)
                .body("history.eventType", contains("CREATED", "AGENT_REPLIED", "STATUS_CHANGED"))
                .body("history.statusRaw", contains("Waiting for support", "In Progress", "Waiting for customer"))
                .body("history.status", contains("OPEN", "OPEN", "PENDING_CUSTOMER"))
                .body("customerRef", is("7")).body("serviceRef", is("ITSM")).body("priority", is("P2"))
                .body("priorityRaw", is("High")).body("url", is("https://nimbus.atlassian.net/browse/ITSM-204"))
                .body("clocks.find { it.objectiveKey == 'first-response' }.outcome", is("MET"))
                .body("clocks.find { it.objectiveKey == 'first-response' }.elapsed", is("PT30M"))
                // Waiting for customer pauses the resolution clock after its first hour
                .body("clocks.find { it.objectiveKey == 'resolution' }.phase", is("PAUSED"))
                .body("clocks.find { it.objectiveKey == 'resolution' }.elapsed", is("PT1H"));
    }

    @Test
    void jiraRefusesAWrongSignatureAChangedByteAndAMissingHeader() {
        source("jira-refuse", Provider.JIRA, "test-jira");
        byte[] body = payload("jira-issue-created.json");
        Webhooks.jira("jira-refuse", body, "not-the-secret").statusCode(401).contentType("application/problem+json");
        String signature = "sha256=" + java.util.HexFormat.of().formatHex(
                io.accord.clock.webhook.WebhookSignatures.hmacSha256(Webhooks.JIRA_SECRET.getBytes(), body));
        Webhooks.request(tampered(body)).header("X-Hub-Signature", signature).post("/api/webhooks/jira-refuse")
                .then().statusCode(401);
        Webhooks.request(body).post("/api/webhooks/jira-refuse").then().statusCode(401);
        assertThat(items("jira-refuse")).isZero();
        Webhooks.request(body).header("X-Hub-Signature", signature).post("/api/webhooks/jira-refuse")
                .then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "viewer", roles = Roles.VIEWER)
    void freshdeskAutomationWebhooksGiveTheTicketsEventsAndClocks() {
        source("freshdesk-wh", Provider.FRESHDESK, "test-freshdesk");
        agreement("freshdesk-wh", "Brasserie Lumière",
                AgreementFixtures.objective("first-response", "FIRST_RESPONSE", "P1", "PT1H"),
                AgreementFixtures.objective("resolution", "RESOLUTION", "P1", "PT4H"));

        Webhooks.sharedSecret("freshdesk-wh", payload("freshdesk-ticket-created.json"), Webhooks.FRESHDESK_SECRET)
                .statusCode(200).body("results[0].outcome", is("APPLIED")).body("results[0].externalId", is("3187"));
        Webhooks.sharedSecret("freshdesk-wh", payload("freshdesk-reply-sent.json"), Webhooks.FRESHDESK_SECRET)
                .statusCode(200).body("results[0].outcome", is("APPLIED"));

        given().get("/api/work-items/freshdesk-wh/3187").then().statusCode(200)
                .body("history.eventType", contains("CREATED", "AGENT_REPLIED"))
                .body("priority", is("P1")).body("priorityRaw", is("Urgent"))
                .body("status", is("ON_HOLD")).body("statusRaw", is("Pending"))
                .body("tags", contains("payments", "lyon")).body("assigneeTeamRef", is("Payments L2"))
                .body("url", is("https://nimbus.freshdesk.com/helpdesk/tickets/3187"))
                .body("clocks.find { it.objectiveKey == 'first-response' }.outcome", is("MET"))
                .body("clocks.find { it.objectiveKey == 'first-response' }.elapsed", is("PT20M"))
                .body("clocks.find { it.objectiveKey == 'resolution' }.phase", is("PAUSED"));
    }

    @Test
    void freshdeskRefusesAWrongOrMissingSecretHeader() {
        source("freshdesk-refuse", Provider.FRESHDESK, "test-freshdesk");
        byte[] body = payload("freshdesk-ticket-created.json");
        Webhooks.sharedSecret("freshdesk-refuse", body, "not-the-secret").statusCode(401)
                .contentType("application/problem+json");
        Webhooks.sharedSecret("freshdesk-refuse", body, null).statusCode(401);
        assertThat(items("freshdesk-refuse")).isZero();
    }

    @Test
    @TestSecurity(user = "viewer", roles = Roles.VIEWER)
    void hubSpotTicketEventsGiveTheTicketsEventsAndClocksAndContactsBecomeLeads() {
        source("hubspot-wh", Provider.HUBSPOT, "test-hubspot");
        agreement("hubspot-wh", "9088121034",
                AgreementFixtures.objective("first-response", "FIRST_RESPONSE", "P2", "PT4H"));
        Instant now = Instant.now();

        Webhooks.hubSpot("hubspot-wh", payload("hubspot-ticket-created.json"), Webhooks.HUBSPOT_SECRET, now,
                Webhooks.publicUri("hubspot-wh")).statusCode(200)
                .body("results", hasSize(5)).body("applied", is(5)).body("ignored", is(0));
        Webhooks.hubSpot("hubspot-wh", payload("hubspot-ticket-replied.json"), Webhooks.HUBSPOT_SECRET, now,
                Webhooks.publicUri("hubspot-wh")).statusCode(200)
                .body("results", hasSize(3)).body("applied", is(3))
                // hs_lastmodifieddate is no mapped property
                .body("ignored", is(1));

        given().get("/api/work-items/hubspot-wh/2148830201").then().statusCode(200)
                .body("history.eventType", contains("CREATED", "STATUS_CHANGED", "PRIORITY_CHANGED",
                        "FIELDS_CHANGED", "FIELDS_CHANGED", "AGENT_REPLIED", "STATUS_CHANGED"))
                .body("customerRef", is("9088121034")).body("title", is("Invoice export fails for March"))
                .body("priority", is("P2")).body("status", is("PENDING_CUSTOMER")).body("statusRaw", is("2"))
                .body("clocks", hasSize(1))
                .body("clocks[0].outcome", is("MET")).body("clocks[0].elapsed", is("PT1H"));
        given().get("/api/work-items/hubspot-wh/contact-75112").then().statusCode(200)
                .body("itemType", is("lead")).body("status", is("OPEN")).body("statusRaw", is("CONNECTED"));
    }

    @Test
    void hubSpotRefusesAnOldTimestampASignatureOverAnotherUriAndAChangedByte() {
        source("hubspot-refuse", Provider.HUBSPOT, "test-hubspot");
        byte[] body = payload("hubspot-ticket-created.json");
        Instant now = Instant.now();
        String uri = Webhooks.publicUri("hubspot-refuse");
        double staleBefore = rejected("hubspot-refuse", "stale-timestamp");

        Webhooks.hubSpot("hubspot-refuse", body, Webhooks.HUBSPOT_SECRET, now.minus(Duration.ofMinutes(6)), uri)
                .statusCode(401).contentType("application/problem+json");
        // Signed for the host the service itself sees, not the public one HubSpot calls
        Webhooks.hubSpot("hubspot-refuse", body, Webhooks.HUBSPOT_SECRET, now,
                "http://localhost:8082/api/webhooks/hubspot-refuse").statusCode(401);
        long millis = now.toEpochMilli();
        Webhooks.request(tampered(body))
                .header("X-HubSpot-Signature-v3", Webhooks.hubSpotSignature(Webhooks.HUBSPOT_SECRET, uri, body, millis))
                .header("X-HubSpot-Request-Timestamp", Long.toString(millis))
                .post("/api/webhooks/hubspot-refuse").then().statusCode(401);

        assertThat(items("hubspot-refuse")).isZero();
        assertThat(rejected("hubspot-refuse", "stale-timestamp")).isEqualTo(staleBefore + 1);
        assertThat(rejected("hubspot-refuse", "bad-signature")).isEqualTo(2);
    }

    @Test
    @TestSecurity(user = "viewer", roles = Roles.VIEWER)
    void genericEventsTakeTheWebhooksSourceAndAnotherSourceIsRefused() {
        source("generic-wh", Provider.GENERIC, "test-generic");
        Webhooks.sharedSecret("generic-wh", payload("generic-events.json"), Webhooks.GENERIC_SECRET).statusCode(200)
                .body("results.outcome", contains("APPLIED", "APPLIED"))
                .body("results.source", contains("generic-wh", "generic-wh"));
        given().get("/api/work-items/generic-wh/INC-5521").then().statusCode(200)
                .body("status", is("PENDING_CUSTOMER")).body("statusRaw", is("Awaiting customer"))
                .body("priorityRaw", is("Sev2")).body("itemType", is("ticket"));

        byte[] other = ("{\"source\": \"zendesk-wh\", \"externalId\": \"X-1\", \"eventType\": \"CREATED\", "
                + "\"occurredAt\": \"2026-03-02T09:00:00Z\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Webhooks.sharedSecret("generic-wh", other, Webhooks.GENERIC_SECRET).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("source"));
        byte[] malformed = "{\"externalId\": ".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Webhooks.sharedSecret("generic-wh", malformed, Webhooks.GENERIC_SECRET).statusCode(400)
                .contentType("application/problem+json");
        assertThat(count(db, "select count(*) from work_item where external_id = 'X-1'")).isZero();
    }

    @Test
    @TestSecurity(user = "admin", roles = {Roles.ADMIN, Roles.VIEWER})
    void aMappingChangeAppliesToLaterEventsAndUnmappedValuesStayListed() {
        source("generic-map", Provider.GENERIC, "test-generic");
        byte[] first = ("{\"externalId\": \"M-1\", \"eventType\": \"CREATED\", \"occurredAt\": \"2026-03-02T09:00:00Z\","
                + " \"statusRaw\": \"Awaiting parts\", \"priorityRaw\": \"p2\"}").getBytes();
        Webhooks.sharedSecret("generic-map", first, Webhooks.GENERIC_SECRET).statusCode(200)
                .body("results[0].outcome", is("APPLIED"))
                .body("unmapped.field", contains("status")).body("unmapped[0].raw", is("Awaiting parts"));

        given().get("/api/sources/generic-map/unmatched").then().statusCode(200)
                .body("unmappedEvents.total", is(1))
                .body("unmappedEvents.items[0].externalId", is("M-1"))
                .body("unmappedEvents.items[0].unmapped[0].field", is("status"))
                .body("unmappedEvents.items[0].unmapped[0].raw", is("Awaiting parts"));

        given().contentType("application/json").body(Map.of("provider", "generic", "secretRef", "test-generic",
                        "statuses", Map.of("awaiting parts", "ON_HOLD", "open", "OPEN")))
                .put("/api/sources/generic-map").then().statusCode(200)
                .body("statuses.'awaiting parts'", is("ON_HOLD"));

        byte[] later = ("{\"externalId\": \"M-1\", \"eventType\": \"STATUS_CHANGED\","
                + " \"occurredAt\": \"2026-03-02T10:00:00Z\", \"statusRaw\": \"Awaiting parts\"}").getBytes();
        Webhooks.sharedSecret("generic-map", later, Webhooks.GENERIC_SECRET).statusCode(200)
                .body("unmapped", empty());

        given().get("/api/work-items/generic-map/M-1").then().statusCode(200)
                .body("status", is("ON_HOLD")).body("priority", is("P2"))
                .body("history.status", contains(nullValue(), is("ON_HOLD")));
        // The earlier event keeps what it was given
        given().get("/api/sources/generic-map/unmatched").then().statusCode(200)
                .body("unmappedEvents.total", is(1)).body("unmappedEvents.items[0].eventType", is("CREATED"));
        assertThat(Webhooks.metric("accord_sources_unmapped_total", Map.of("source", "generic-map", "field", "status")))
                .isEqualTo(1);
        given().get("/api/sources/generic-map/unmatched").then().body("itemsWithoutClock.items", not(empty()));
    }
}
