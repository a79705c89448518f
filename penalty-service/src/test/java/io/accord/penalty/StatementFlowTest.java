package io.accord.penalty;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accord.penalty.domain.IncidentRecord;
import io.accord.penalty.service.Statements;
import io.accord.platform.testing.RabbitQueues;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clock events in, statements out, against the real PostgreSQL and RabbitMQ: the hosting SLA of sla-model's golden
 * sample (fee 1200.00 EUR, availability 99.9 % on 24x7 Paris with tiers 10/25/100 %, a P1 intervention fee of
 * 150.00, cap 100 %). Each test uses its own agreement id.
 */
@QuarkusTest
class StatementFlowTest {

    static final String MANAGER = "anna-manager";
    static final String[] MANAGER_ROLES = {"accord-viewer", "accord-agent", "accord-manager"};
    static RabbitQueues rabbit;

    @Inject
    Statements statements;

    @BeforeAll
    static void connect() {
        rabbit = RabbitQueues.connect();
    }

    @AfterAll
    static void disconnect() {
        rabbit.close();
    }

    static UUID newAgreement() {
        UUID agreementId = UUID.randomUUID();
        Events.publish(rabbit, Events.agreementActivated(agreementId));
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                io.accord.penalty.domain.AgreementVersionCopy.count("agreementId", agreementId) == 1));
        return agreementId;
    }

    static JsonPath statement(UUID agreementId, String period) {
        return given().queryParam("agreementId", agreementId).queryParam("period", period)
                .get("/api/statements").then().statusCode(200).extract().jsonPath();
    }

    @Test
    @TestSecurity(user = MANAGER, roles = {"accord-viewer", "accord-agent", "accord-manager"})
    void clockEventsInStatementOutAndARedeliveryCountsOnce() {
        UUID agreementId = newAgreement();
        UUID breached = UUID.randomUUID();
        ObjectNode breach = Events.clock("clock.breached", agreementId, breached, 0, "BREACHED",
                "2026-03-10T10:00:00Z", null);
        Events.publish(rabbit, breach);
        Events.publish(rabbit, Events.clock("clock.completed", agreementId, UUID.randomUUID(), 0, "MET", null,
                "2026-03-11T10:00:00Z"));
        // the same breach delivered again, same event id: applied once
        Events.publish(rabbit, breach);
        // and the same fact as a later event of the same clock (its completion, still breached): counted once
        Events.publish(rabbit, Events.clock("clock.completed", agreementId, breached, 0, "BREACHED",
                "2026-03-10T10:00:00Z", "2026-03-10T12:00:00Z"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonPath page = statement(agreementId, "2026-03");
            assertThat(page.getInt("items[0].versions[0].objectives.find { it.objectiveKey == 'intervention' }.met"))
                    .isEqualTo(1);
            assertThat(page.getInt("items[0].versions[0].objectives.find { it.objectiveKey == 'intervention' }"
                    + ".breached")).isEqualTo(1);
        });
        JsonPath march = statement(agreementId, "2026-03");
        assertThat(march.getString("items[0].status")).isEqualTo("OPEN");
        assertThat(march.getString("items[0].versions[0].objectives.find { it.objectiveKey == 'intervention' }"
                + ".compliancePercent")).isEqualTo("50.0");
        // one P1 breach x 150.00; availability untouched (no incident) -> total 150.00
        assertThat(march.getList("items[0].versions[0].lines.kind")).containsExactly("BREACH_FEE");
        assertThat(march.getString("items[0].versions[0].lines[0].amount.amount")).isEqualTo("150.00");
        assertThat(march.getList("items[0].versions[0].lines[0].evidence.clockIds")).containsExactly(
                breached.toString());
        assertThat(march.getString("items[0].totalCredit.amount")).isEqualTo("150.00");
        assertThat(march.getString("items[0].objectiveStatus.intervention")).isEqualTo("MISSED");

        // the same statement is found again, not created twice
        String id = march.getString("items[0].id");
        assertThat(statement(agreementId, "2026-03").getString("items[0].id")).isEqualTo(id);
        given().get("/api/statements/" + id + "/evidence").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString(breached.toString()));
    }

    @Test
    @TestSecurity(user = MANAGER, roles = {"accord-viewer", "accord-agent", "accord-manager"})
    void overlappingIncidentsAreMergedIntoOneServiceCredit() {
        UUID agreementId = newAgreement();
        // 10:00-11:00 and 10:30-11:00 Paris time on 10 March (UTC+1): 60 min once, not 90
        postIncident("web-hosting", "2026-03-10T09:00:00Z", "2026-03-10T10:00:00Z", false).statusCode(201);
        postIncident("web-hosting", "2026-03-10T09:30:00Z", "2026-03-10T10:00:00Z", false).statusCode(201);
        // another service's outage is not this agreement's downtime
        postIncident("mail", "2026-03-12T09:00:00Z", "2026-03-12T19:00:00Z", false).statusCode(201);

        JsonPath march = statement(agreementId, "2026-03");
        String availability = "items[0].versions[0].objectives.find { it.objectiveKey == 'availability' }";
        // March in Paris: 31 days minus the spring-forward hour = 743 h = 44580 min scheduled
        assertThat(march.getString(availability + ".scheduledMinutes")).isEqualTo("44580.0");
        assertThat(march.getString(availability + ".downtimeMinutes")).isEqualTo("60.0");
        // 1 - 60/44580 = 99.8654 % < 99.9 -> 10 % of 1200.00 = 120.00
        assertThat(march.getString(availability + ".availabilityPercent")).isEqualTo("99.8654");
        assertThat(march.getString("items[0].versions[0].lines[0].kind")).isEqualTo("SERVICE_CREDIT");
        assertThat(march.getString("items[0].versions[0].lines[0].amount.amount")).isEqualTo("120.00");
        assertThat(march.getList("items[0].versions[0].lines[0].evidence.incidentIds")).hasSize(2);
    }

    @Test
    @TestSecurity(user = MANAGER, roles = {"accord-viewer", "accord-agent", "accord-manager"})
    void closeThenARevisionProposesAnAdjustmentThatAManagerAccepts() throws Exception {
        UUID agreementId = newAgreement();
        UUID clockId = UUID.randomUUID();
        Events.publish(rabbit, Events.clock("clock.breached", agreementId, clockId, 0, "BREACHED",
                "2026-04-07T10:00:00Z", null));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "150.00".equals(statement(agreementId, "2026-04").getString("items[0].totalCredit.amount")));
        String id = statement(agreementId, "2026-04").getString("items[0].id");
        String events = rabbit.listen("statement.closed", "penalty.assessed", "statement.updated");

        given().post("/api/statements/" + id + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("revision", equalTo(1)).body("closedBy", equalTo(MANAGER));
        given().post("/api/statements/" + id + "/close").then().statusCode(409)
                .contentType("application/problem+json");
        List<RabbitQueues.Message> published = rabbit.drain(events, Duration.ofSeconds(2));
        assertThat(published).extracting(RabbitQueues.Message::routingKey)
                .contains("statement.closed", "penalty.assessed");
        published.forEach(Events::assertMatchesItsSchema);
        JsonNode assessed = Events.MAPPER.readTree(published.stream()
                .filter(m -> m.routingKey().equals("penalty.assessed")).findFirst().orElseThrow().body());
        assertThat(assessed.at("/data/totalCredit/amount").asText()).isEqualTo("150.00");
        assertThat(assessed.at("/subject").asText()).isEqualTo(id);

        // a revision after the close: the breach becomes MET; the closed statement does not move, a proposal appears
        Events.publish(rabbit, Events.clock("clock.revised", agreementId, clockId, 1, "MET", null,
                "2026-04-07T09:50:00Z"));
        await().atMost(Duration.ofSeconds(20)).until(() -> given().get("/api/statements/" + id + "/adjustments")
                .then().extract().jsonPath().getList("status").contains("PROPOSED"));
        given().get("/api/statements/" + id).then().body("totalCredit.amount", equalTo("150.00"))
                .body("revision", equalTo(1));
        JsonPath adjustments = given().get("/api/statements/" + id + "/adjustments").then().extract().jsonPath();
        assertThat(adjustments.getString("[0].amount.amount")).isEqualTo("-150.00");
        String proposal = adjustments.getString("[0].id");

        given().post("/api/statements/" + id + "/adjustments/" + proposal + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("appliedRevision", equalTo(2));
        given().post("/api/statements/" + id + "/adjustments/" + proposal + "/reject").then().statusCode(409);
        given().get("/api/statements/" + id).then().body("totalCredit.amount", equalTo("0.00"))
                .body("revision", equalTo(2)).body("objectiveStatus.intervention", equalTo("MET"));

        // a manual adjustment adds a revision; the history keeps all three
        given().contentType(ContentType.JSON).body(Map.of("amount", "35.504", "reason", "goodwill for the outage"))
                .post("/api/statements/" + id + "/adjustments").then().statusCode(201)
                .body("amount.amount", equalTo("35.50")).body("author", equalTo(MANAGER));
        given().get("/api/statements/" + id).then().body("totalCredit.amount", equalTo("35.50"))
                .body("calculatedCredit.amount", equalTo("0.00")).body("revision", equalTo(3));
        given().get("/api/statements/" + id + "/revisions").then().body("revision", hasSize(3))
                .body("totalCredit.amount", equalTo(List.of("150.00", "0.00", "35.50")));
        given().accept("text/csv").get("/api/statements/" + id).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("ADJUSTMENT"));
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("accord_penalty_statements_closed_total"))
                .body(org.hamcrest.Matchers.containsString("accord_penalty_adjustments_total"));
    }

    @Test
    @TestSecurity(user = MANAGER, roles = {"accord-viewer", "accord-agent", "accord-manager"})
    void anExcludedClockLeavesTheStatementAndComesBackWhenTheExclusionIsRemoved() {
        UUID agreementId = newAgreement();
        UUID clockId = UUID.randomUUID();
        Events.publish(rabbit, Events.clock("clock.breached", agreementId, clockId, 0, "BREACHED",
                "2026-05-07T10:00:00Z", null));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "150.00".equals(statement(agreementId, "2026-05").getString("items[0].totalCredit.amount")));

        String exclusion = given().contentType(ContentType.JSON)
                .body(Map.of("clockId", clockId.toString(), "reason", "CUSTOMER_CAUSED_DELAY", "note", "no access"))
                .post("/api/exclusions").then().statusCode(201).body("author", equalTo(MANAGER))
                .extract().path("id");
        JsonPath may = statement(agreementId, "2026-05");
        assertThat(may.getString("items[0].totalCredit.amount")).isEqualTo("0.00");
        assertThat(may.getString("items[0].exclusions[0].reason")).isEqualTo("CUSTOMER_CAUSED_DELAY");

        given().contentType(ContentType.JSON).body(Map.of("clockId", clockId.toString(), "reason", "DUPLICATE"))
                .post("/api/exclusions").then().statusCode(409);
        given().delete("/api/exclusions/" + exclusion).then().statusCode(204);
        assertThat(statement(agreementId, "2026-05").getString("items[0].totalCredit.amount")).isEqualTo("150.00");
    }

    @Test
    @TestSecurity(user = MANAGER, roles = {"accord-viewer", "accord-agent", "accord-manager"})
    void threeMissedMonthsInARowRequireAReview() throws Exception {
        UUID agreementId = newAgreement();
        for (String day : List.of("2026-06-03", "2026-07-03", "2026-08-03")) {
            Events.publish(rabbit, Events.clock("clock.breached", agreementId, UUID.randomUUID(), 0, "BREACHED",
                    day + "T10:00:00Z", null));
        }
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "150.00".equals(statement(agreementId, "2026-08").getString("items[0].totalCredit.amount")));
        String reviews = rabbit.listen("penalty.review-required");
        for (String period : List.of("2026-06", "2026-07")) {
            given().post("/api/statements/" + statement(agreementId, period).getString("items[0].id") + "/close")
                    .then().statusCode(200);
        }
        assertThat(rabbit.drain(reviews, Duration.ofSeconds(1))).isEmpty();
        given().post("/api/statements/" + statement(agreementId, "2026-08").getString("items[0].id") + "/close")
                .then().statusCode(200);
        RabbitQueues.Message review = rabbit.next(reviews, Duration.ofSeconds(5)).orElseThrow();
        Events.assertMatchesItsSchema(review);
        JsonNode data = Events.MAPPER.readTree(review.body()).get("data");
        assertThat(data.get("objectiveKey").asText()).isEqualTo("intervention");
        assertThat(data.get("missedInARow").asInt()).isEqualTo(3);
    }

    @Test
    @TestSecurity(user = MANAGER, roles = {"accord-viewer", "accord-agent", "accord-manager"})
    void openStatementsPublishADebouncedUpdateAndCloseAfterTheGracePeriod() throws Exception {
        UUID agreementId = newAgreement();
        Events.publish(rabbit, Events.clock("clock.breached", agreementId, UUID.randomUUID(), 0, "BREACHED",
                "2026-09-03T10:00:00Z", null));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "150.00".equals(statement(agreementId, "2026-09").getString("items[0].totalCredit.amount")));
        String id = statement(agreementId, "2026-09").getString("items[0].id");
        String updates = rabbit.listen("statement.updated");
        // quiet for less than the debounce: nothing yet for this statement; after it, one update
        statements.publishUpdates(Instant.now());
        assertThat(rabbit.drain(updates, Duration.ofSeconds(1))).noneMatch(m -> m.body().contains(id));
        statements.publishUpdates(Instant.now().plus(Duration.ofMinutes(1)));
        List<RabbitQueues.Message> published = rabbit.drain(updates, Duration.ofSeconds(2)).stream()
                .filter(m -> Events.subject(m).equals(id)).toList();
        assertThat(published).hasSize(1);
        Events.assertMatchesItsSchema(published.get(0));
        assertThat(Events.MAPPER.readTree(published.get(0).body()).at("/data/totalCredit/amount").asText())
                .isEqualTo("150.00");
        // published once: the next round has nothing for it
        statements.publishUpdates(Instant.now().plus(Duration.ofMinutes(2)));
        assertThat(rabbit.drain(updates, Duration.ofSeconds(1))).noneMatch(m -> m.body().contains(id));

        // September ends 30 Sept 22:00Z in Paris; four days later it is still open, after five it closes itself
        statements.closeDue(Instant.parse("2026-10-04T22:00:00Z"));
        given().get("/api/statements/" + id).then().body("status", equalTo("OPEN"));
        statements.closeDue(Instant.parse("2026-10-05T22:00:00Z"));
        given().get("/api/statements/" + id).then().body("status", equalTo("CLOSED"))
                .body("closedBy", equalTo("penalty-service"));
    }

    @Test
    @TestSecurity(user = MANAGER, roles = {"accord-viewer", "accord-agent", "accord-manager"})
    void aKpiMeasurementCountsInItsPeriod() {
        UUID agreementId = newAgreement();
        given().contentType(ContentType.JSON).body(Map.of("agreementId", agreementId.toString(),
                "measure", "qualified_leads", "period", "2026-03", "value", 42, "source", "hubspot"))
                .post("/api/measurements").then().statusCode(201).body("period", equalTo("2026-03"));
        given().queryParam("agreementId", agreementId).get("/api/measurements").then().statusCode(200)
                .body("total", equalTo(1));
    }

    @Test
    @TestSecurity(user = MANAGER, roles = {"accord-viewer", "accord-agent", "accord-manager"})
    void badInputIsAProblemAndChangesNothing() {
        UUID agreementId = newAgreement();
        long incidents = QuarkusTransaction.requiringNew().call(() -> IncidentRecord.count());
        postIncident("web-hosting", "2026-03-10T10:00:00Z", "2026-03-10T09:00:00Z", false).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("end"));
        given().contentType(ContentType.JSON).body(Map.of("start", "2026-03-10T10:00:00Z"))
                .post("/api/availability/incidents").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"service\": \"web\", \"start\": \"yesterday\"}")
                .post("/api/availability/incidents").then().statusCode(400).contentType("application/problem+json");
        long after = QuarkusTransaction.requiringNew().call(() -> IncidentRecord.count());
        assertThat(after).isEqualTo(incidents);

        given().queryParam("agreementId", agreementId).queryParam("period", "2026-13").get("/api/statements")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field",
                        equalTo("period"));
        given().queryParam("agreementId", agreementId).queryParam("period", "2026-Q1").get("/api/statements")
                .then().statusCode(400).contentType("application/problem+json");
        given().queryParam("agreementId", UUID.randomUUID()).queryParam("period", "2026-03").get("/api/statements")
                .then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("clockId", UUID.randomUUID().toString(), "reason", "BORED"))
                .post("/api/exclusions").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("agreementId", agreementId.toString(), "measure",
                "qualified_leads", "period", "2026-03", "at", "2026-03-02T10:00:00Z", "value", 3))
                .post("/api/measurements").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("agreementId", agreementId).get("/api/measurements").then().body("total", equalTo(0));

        String id = statement(agreementId, "2026-03").getString("items[0].id");
        given().contentType(ContentType.JSON).body(Map.of("waiver", true, "reason", "open"))
                .post("/api/statements/" + id + "/adjustments").then().statusCode(409)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("reason", "neither amount nor waiver"))
                .post("/api/statements/" + id + "/adjustments").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "victor-viewer", roles = "accord-viewer")
    void viewersReadButDoNotClose() {
        UUID agreementId = newAgreement();
        String id = statement(agreementId, "2026-02").getString("items[0].id");
        given().post("/api/statements/" + id + "/close").then().statusCode(403)
                .contentType("application/problem+json");
        postIncident("web-hosting", "2026-03-10T09:00:00Z", "2026-03-10T10:00:00Z", false).statusCode(403);
        given().get("/api/statements/" + id).then().statusCode(200).body("status", equalTo("OPEN"));
    }

    @Test
    @TestSecurity(user = "carla-customer", roles = "accord-customer")
    @OidcSecurity(claims = @Claim(key = "party_id", value = Events.CUSTOMER))
    void customersReadOnlyTheirOwnPartysStatements() {
        UUID own = newAgreement();
        UUID other = UUID.randomUUID();
        Events.publish(rabbit, Events.sample("agreement.activated", data -> ((ObjectNode) data.get("agreement"))
                .put("agreementId", other.toString()).put("customerPartyId", UUID.randomUUID().toString())));
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                io.accord.penalty.domain.AgreementVersionCopy.count("agreementId", other) == 1));
        String otherId = QuarkusTransaction.requiringNew().call(() -> statements.ensure(other,
                io.accord.penalty.calc.StatementPeriod.parse("2026-03", java.time.ZoneId.of("Europe/Paris"))).id)
                .toString();

        assertThat(statement(own, "2026-03").getString("items[0].customerPartyId")).isEqualTo(Events.CUSTOMER);
        given().get("/api/statements/" + otherId).then().statusCode(404);
        given().queryParam("agreementId", other).queryParam("period", "2026-03").get("/api/statements").then()
                .statusCode(404);
        given().queryParam("size", 500).get("/api/statements").then().statusCode(200)
                .body("items.agreementId", org.hamcrest.Matchers.hasItem(own.toString()))
                .body("items.agreementId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(other.toString())));
        given().post("/api/statements/" + otherId + "/close").then().statusCode(403);
    }

    @Test
    void withoutATokenNothingIsRead() {
        given().get("/api/statements").then().statusCode(401).contentType("application/problem+json");
    }

    static io.restassured.response.ValidatableResponse postIncident(String service, String start, String end,
            boolean planned) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("service", service, "start", start, "end", end, "planned", planned))
                .post("/api/availability/incidents").then();
    }
}
