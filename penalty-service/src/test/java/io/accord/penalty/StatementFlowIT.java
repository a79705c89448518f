package io.accord.penalty;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accord.platform.testing.KeycloakTokens;
import io.accord.platform.testing.RabbitQueues;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged application (the jar {@code quarkus:build} made) against the real PostgreSQL ({@code
 * accord_penalty_test}), RabbitMQ and Keycloak: clock events in through {@code accord.events}, statements out through
 * the API, with the demo users' real tokens. Each test has its own agreement, and its own service code where it
 * posts incidents, so the tests share one application start without seeing each other's facts.
 */
@QuarkusIntegrationTest
class StatementFlowIT {

    /** The {@code party_id} of the realm's demo user {@code customer}. */
    static final String DEMO_CUSTOMER_PARTY = "7d0c6f1e-2b5a-4c1e-9a52-3c1f5e2d9b01";
    /** The test profile's Alertmanager secret ({@code %test.accord.penalty.alertmanager.secret}). */
    static final String ALERTMANAGER = "Bearer test-alertmanager-secret";

    static RabbitQueues rabbit;
    static String manager;
    static String agent;
    static String viewer;
    static String customer;

    @BeforeAll
    static void connect() {
        rabbit = RabbitQueues.connect();
        KeycloakTokens keycloak = KeycloakTokens.local();
        manager = keycloak.forUser("manager");
        agent = keycloak.forUser("agent");
        viewer = keycloak.forUser("viewer");
        customer = keycloak.forUser("customer");
    }

    @AfterAll
    static void disconnect() {
        rabbit.close();
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    /** The hosting SLA of the golden sample, as a new agreement of {@code customerParty} covering {@code service}. */
    static UUID newAgreement(String customerParty, String service) {
        UUID agreementId = UUID.randomUUID();
        Events.publish(rabbit, Events.sample("agreement.activated", data -> {
            ObjectNode agreement = (ObjectNode) data.get("agreement");
            agreement.put("agreementId", agreementId.toString()).put("customerPartyId", customerParty);
            ((ObjectNode) agreement.get("services").get(0)).put("code", service);
        }));
        // known once its statements can be read
        await().atMost(Duration.ofSeconds(30)).until(() -> as(viewer).queryParam("agreementId", agreementId)
                .queryParam("period", "2026-03").get("/api/statements").statusCode() == 200);
        return agreementId;
    }

    static UUID newAgreement() {
        return newAgreement(Events.CUSTOMER, "web-hosting");
    }

    static JsonPath statement(String token, UUID agreementId, String period) {
        return as(token).queryParam("agreementId", agreementId).queryParam("period", period)
                .get("/api/statements").then().statusCode(200).extract().jsonPath();
    }

    static String intervention(String field) {
        return "items[0].versions[0].objectives.find { it.objectiveKey == 'intervention' }." + field;
    }

    @Test
    void clockEventsInStatementOutAndARedeliveryChangesNothing() {
        UUID agreementId = newAgreement();
        UUID breached = UUID.randomUUID();
        ObjectNode breach = Events.clock("clock.breached", agreementId, breached, 0, "BREACHED",
                "2026-03-10T10:00:00Z", null);
        Events.publish(rabbit, breach);
        Events.publish(rabbit, Events.clock("clock.completed", agreementId, UUID.randomUUID(), 0, "MET", null,
                "2026-03-11T10:00:00Z"));
        Events.publish(rabbit, breach);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath march = statement(viewer, agreementId, "2026-03");
            assertThat(march.getInt(intervention("met"))).isEqualTo(1);
            assertThat(march.getInt(intervention("breached"))).isEqualTo(1);
        });
        JsonPath march = statement(viewer, agreementId, "2026-03");
        assertThat(march.getString(intervention("compliancePercent"))).isEqualTo("50.0");
        assertThat(march.getList("items[0].versions[0].lines.kind")).containsExactly("BREACH_FEE");
        assertThat(march.getList("items[0].versions[0].lines[0].evidence.clockIds")).containsExactly(
                breached.toString());
        assertThat(march.getString("items[0].totalCredit.amount")).isEqualTo("150.00");
        String id = march.getString("items[0].id");

        // closed, then the same breach delivered once more: the statement keeps its revision and gets no proposal
        as(manager).post("/api/statements/" + id + "/close").then().statusCode(200).body("revision", equalTo(1));
        Events.publish(rabbit, breach);
        // a later event on the same queue, applied only after the redelivery was handled
        UUID marker = UUID.randomUUID();
        Events.publish(rabbit, Events.clock("clock.breached", agreementId, marker, 0, "BREACHED",
                "2026-04-02T10:00:00Z", null));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                statement(viewer, agreementId, "2026-04").getList(intervention("evidence.clockIds"))
                        .contains(marker.toString()));
        as(viewer).get("/api/statements/" + id).then().statusCode(200).body("revision", equalTo(1))
                .body("totalCredit.amount", equalTo("150.00"));
        as(viewer).get("/api/statements/" + id + "/adjustments").then().statusCode(200).body("$", hasSize(0));

        as(viewer).accept("text/csv").get("/api/statements/" + id).then().statusCode(200)
                .body(containsString("2026-03,1,BREACH_FEE,intervention,P1,1,150.00"));
        as(viewer).get("/api/statements/" + id + "/evidence").then().statusCode(200)
                .body(containsString("intervention,TIME_TO_TARGET,clock," + breached));
    }

    @Test
    void aManagerClosesAndAdjustsAndTheEventsSaySo() throws Exception {
        UUID agreementId = newAgreement();
        UUID clockId = UUID.randomUUID();
        Events.publish(rabbit, Events.clock("clock.breached", agreementId, clockId, 0, "BREACHED",
                "2026-05-07T10:00:00Z", null));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "150.00".equals(statement(viewer, agreementId, "2026-05").getString("items[0].totalCredit.amount")));
        String id = statement(viewer, agreementId, "2026-05").getString("items[0].id");
        String events = rabbit.listen("statement.closed", "penalty.assessed");

        as(viewer).post("/api/statements/" + id + "/close").then().statusCode(403)
                .contentType("application/problem+json");
        as(agent).post("/api/statements/" + id + "/close").then().statusCode(403);
        as(manager).post("/api/statements/" + id + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("closedBy", equalTo("manager"));
        // other tests publish on the same exchange: this statement's events only
        List<RabbitQueues.Message> all = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            rabbit.drain(events, Duration.ofMillis(500)).stream().filter(m -> Events.subject(m).equals(id))
                    .forEach(all::add);
            return all.size() >= 2;
        });
        assertThat(all).extracting(RabbitQueues.Message::routingKey)
                .containsExactlyInAnyOrder("statement.closed", "penalty.assessed");
        all.forEach(Events::assertMatchesItsSchema);
        JsonNode assessed = Events.MAPPER.readTree(all.stream()
                .filter(m -> m.routingKey().equals("penalty.assessed")).findFirst().orElseThrow().body());
        assertThat(assessed.at("/data/totalCredit/amount").asText()).isEqualTo("150.00");
        assertThat(assessed.at("/data/lines/0/kind").asText()).isEqualTo("BREACH_FEE");

        // the clock is revised to MET after the close: a proposal, which the manager accepts
        Events.publish(rabbit, Events.clock("clock.revised", agreementId, clockId, 1, "MET", null,
                "2026-05-07T09:50:00Z"));
        String proposal = await().atMost(Duration.ofSeconds(30)).until(() -> as(viewer)
                .get("/api/statements/" + id + "/adjustments").then().extract().jsonPath()
                .getString("find { it.status == 'PROPOSED' }.id"), p -> p != null);
        as(viewer).post("/api/statements/" + id + "/adjustments/" + proposal + "/accept").then().statusCode(403);
        as(manager).post("/api/statements/" + id + "/adjustments/" + proposal + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("decidedBy", equalTo("manager"));
        as(viewer).get("/api/statements/" + id).then().body("totalCredit.amount", equalTo("0.00"))
                .body("revision", equalTo(2));

        // a manual adjustment, author from the token; a viewer may not
        as(viewer).contentType(ContentType.JSON).body(Map.of("amount", "20.00", "reason", "goodwill"))
                .post("/api/statements/" + id + "/adjustments").then().statusCode(403);
        as(manager).contentType(ContentType.JSON).body(Map.of("amount", "20.00", "reason", "goodwill"))
                .post("/api/statements/" + id + "/adjustments").then().statusCode(201)
                .body("author", equalTo("manager"));
        as(viewer).get("/api/statements/" + id + "/revisions").then().statusCode(200)
                .body("totalCredit.amount", equalTo(List.of("150.00", "0.00", "20.00")))
                .body("author", equalTo(List.of("manager", "manager", "manager")));
    }

    @Test
    void anAlertmanagerPayloadBecomesAnIncidentAndItsDowntime() {
        String service = "web-" + UUID.randomUUID().toString().substring(0, 8);
        UUID agreementId = newAgreement(Events.CUSTOMER, service);
        String fingerprint = UUID.randomUUID().toString().substring(0, 16);
        String alert = """
                {"version": "4", "status": "%1$s", "receiver": "accord", "groupKey": "{}:{alertname=\\"SiteDown\\"}",
                 "alerts": [{"status": "%1$s", "labels": {"alertname": "SiteDown", "service": "%2$s"},
                   "annotations": {"summary": "the site answers 503"}, "startsAt": "2026-06-10T08:00:00Z",
                   "endsAt": "%3$s", "fingerprint": "%4$s"}]}
                """;
        given().header("Authorization", ALERTMANAGER).contentType(ContentType.JSON)
                .body(alert.formatted("firing", service, "0001-01-01T00:00:00Z", fingerprint))
                .post("/api/webhooks/alertmanager").then().statusCode(200).body("opened", equalTo(1));
        given().header("Authorization", ALERTMANAGER).contentType(ContentType.JSON)
                .body(alert.formatted("resolved", service, "2026-06-10T09:00:00Z", fingerprint))
                .post("/api/webhooks/alertmanager").then().statusCode(200).body("resolved", equalTo(1));
        // a realm token is not the webhook's secret
        as(manager).contentType(ContentType.JSON)
                .body(alert.formatted("firing", service, "0001-01-01T00:00:00Z", "other"))
                .post("/api/webhooks/alertmanager").then().statusCode(401);

        as(viewer).queryParam("service", service).get("/api/availability/incidents").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].source", equalTo("alertmanager"))
                .body("items[0].end", equalTo("2026-06-10T09:00:00Z"));
        // June in Paris: 30 x 24 h = 43200 min; 60 down -> 99.8611 % < 99.9 -> 10 % of 1200.00
        JsonPath june = statement(viewer, agreementId, "2026-06");
        String availability = "items[0].versions[0].objectives.find { it.objectiveKey == 'availability' }.";
        assertThat(june.getString(availability + "downtimeMinutes")).isEqualTo("60.0");
        assertThat(june.getString(availability + "availabilityPercent")).isEqualTo("99.8611");
        assertThat(june.getString("items[0].totalCredit.amount")).isEqualTo("120.00");
    }

    @Test
    void customersReadOnlyTheirOwnPartysStatements() {
        UUID own = newAgreement(DEMO_CUSTOMER_PARTY, "web-hosting");
        UUID other = newAgreement();
        String ownId = statement(customer, own, "2026-07").getString("items[0].id");
        String otherId = statement(viewer, other, "2026-07").getString("items[0].id");

        as(customer).get("/api/statements/" + ownId).then().statusCode(200)
                .body("customerPartyId", equalTo(DEMO_CUSTOMER_PARTY));
        as(customer).get("/api/statements/" + otherId).then().statusCode(404)
                .contentType("application/problem+json");
        as(customer).queryParam("agreementId", other).queryParam("period", "2026-07").get("/api/statements").then()
                .statusCode(404);
        as(customer).queryParam("size", 500).get("/api/statements").then().statusCode(200)
                .body("items.agreementId", hasItem(own.toString()))
                .body("items.agreementId", not(hasItem(other.toString())));
        as(customer).post("/api/statements/" + ownId + "/close").then().statusCode(403);
        as(customer).contentType(ContentType.JSON).body(Map.of("waiver", true, "reason", "please"))
                .post("/api/statements/" + ownId + "/adjustments").then().statusCode(403);
        given().get("/api/statements/" + ownId).then().statusCode(401).contentType("application/problem+json");
    }
}
