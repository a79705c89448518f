package io.accord.penalty;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accord.penalty.domain.AgreementVersionCopy;
import io.accord.platform.testing.RabbitQueues;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What changes a statement and what does not, against the real PostgreSQL and RabbitMQ: the clock ledger's rules
 * (cancellations, stale revisions, a verdict moving to another period), agreement amendments, facts arriving after
 * the close, rejections and waivers, incidents that stay open or are planned, KPI measurements and the review
 * threshold of the rule. Every agreement here covers a service code of its own, so incidents of other tests never
 * reach it.
 */
@QuarkusTest
class StatementChangesTest {

    static final String MANAGER = StatementFlowTest.MANAGER;
    static RabbitQueues rabbit;

    @BeforeAll
    static void connect() {
        rabbit = RabbitQueues.connect();
    }

    @AfterAll
    static void disconnect() {
        rabbit.close();
    }

    /** The golden-sample hosting SLA as a new agreement covering {@code service}, changed by {@code edit}. */
    static UUID newAgreement(String service, Consumer<ObjectNode> edit) {
        UUID agreementId = UUID.randomUUID();
        Events.publish(rabbit, Events.sample("agreement.activated", data -> {
            ObjectNode agreement = (ObjectNode) data.get("agreement");
            agreement.put("agreementId", agreementId.toString());
            ((ObjectNode) agreement.get("services").get(0)).put("code", service);
            edit.accept(agreement);
        }));
        awaitVersions(agreementId, 1);
        return agreementId;
    }

    static void awaitVersions(UUID agreementId, long versions) {
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                AgreementVersionCopy.count("agreementId", agreementId) == versions));
    }

    static String newService() {
        return "svc-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static JsonPath statement(UUID agreementId, String period) {
        return StatementFlowTest.statement(agreementId, period);
    }

    static String objective(String key, String field) {
        return "items[0].versions[0].objectives.find { it.objectiveKey == '" + key + "' }." + field;
    }

    /** A cancellation of {@code clockId} at {@code revision}, with no verdict of its own. */
    static ObjectNode cancellation(UUID agreementId, UUID clockId, int revision) {
        return Events.sample("clock.cancelled", data -> data.put("clockId", clockId.toString())
                .put("agreementId", agreementId.toString()).put("agreementVersion", 1)
                .put("objectiveKey", "intervention").put("priority", "P1").put("revision", revision)
                .put("cancelledAt", "2026-06-09T10:00:00Z").put("occurredAt", "2026-06-09T10:00:00Z"));
    }

    static String close(UUID agreementId, String period) {
        String id = statement(agreementId, period).getString("items[0].id");
        given().post("/api/statements/" + id + "/close").then().statusCode(200);
        return id;
    }

    @Test
    @TestSecurity(user = MANAGER, roles = {"accord-viewer", "accord-agent", "accord-manager"})
    void aCancellationNeverUndoesAVerdictAndAnOlderRevisionIsIgnored() {
        UUID agreementId = newAgreement(newService(), a -> { });
        UUID breached = UUID.randomUUID();
        UUID cancelledOnly = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        Events.publish(rabbit, Events.clock("clock.breached", agreementId, breached, 1, "BREACHED",
                "2026-06-05T10:00:00Z", null));
        // the ticket is deleted: same revision, no verdict -> the breach stays counted
        Events.publish(rabbit, cancellation(agreementId, breached, 1));
        // a late message of an older revision saying MET -> ignored
        Events.publish(rabbit, Events.clock("clock.completed", agreementId, breached, 0, "MET", null,
                "2026-06-05T09:00:00Z"));
        // a clock cancelled before any verdict never counts
        Events.publish(rabbit, cancellation(agreementId, cancelledOnly, 0));
        // applied after all of the above (one queue, in order)
        Events.publish(rabbit, Events.clock("clock.completed", agreementId, marker, 0, "MET", null,
                "2026-06-06T10:00:00Z"));

        await().atMost(Duration.ofSeconds(20)).until(() -> statement(agreementId, "2026-06")
                .getList(objective("intervention", "evidence.clockIds")).contains(marker.toString()));
        JsonPath june = statement(agreementId, "2026-06");
        assertThat(june.getInt(objective("intervention", "met"))).isEqualTo(1);
        assertThat(june.getInt(objective("intervention", "breached"))).isEqualTo(1);
        assertThat(june.getList(objective("intervention", "evidence.clockIds")))
                .containsExactlyInAnyOrder(breached.toString(), marker.toString());
        assertThat(june.getString("items[0].totalCredit.amount")).isEqualTo("150.00");
    }

    @Test
    @TestSecurity(user = MANAGER, roles = {"accord-viewer", "accord-agent", "accord-manager"})
    void aRevisionReplacesTheVerdictEvenInAnotherPeriod() {
        UUID agreementId = newAgreement(newService(), a -> { });
        UUID clockId = UUID.randomUUID();
        Events.publish(rabbit, Events.clock("clock.breached", agreementId, clockId, 0, "BREACHED",
                "2026-06-28T10:00:00Z", null));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "150.00".equals(statement(agreementId, "2026-06").getString("items[0].totalCredit.amount")));

        // recomputed: met, completed on 2 July -> it leaves June and counts in July
        Events.publish(rabbit, Events.clock("clock.revised", agreementId, clockId, 1, "MET", null,
                "2026-07-02T10:00:00Z"));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                statement(agreementId, "2026-07").getInt(objective("intervention", "met")) == 1);
        JsonPath june = statement(agreementId, "2026-06");
        assertThat(june.getInt(objective("intervention", "breached"))).isZero();
        assertThat(june.getString("items[0].totalCredit.amount")).isEqualTo("0.00");
        assertThat(june.getString("items[0].objectiveStatus.intervention")).isEqualTo("UNDEFINED");
        assertThat(statement(agreementId, "2026-07").getString("items[0].objectiveStatus.intervention"))
                .isEqualTo("MET");
    }

    @Test
    @TestSecurity(user = MANAGER, roles = {"accord-viewer", "accord-agent", "accord-manager"})
    void anAmendmentSplitsTheMonthIntoVersionSections() {
        String service = newService();
        UUID agreementId = newAgreement(service, a -> { });
        // version 2 from 16 October 10:00 Paris, at twice the fee
        Events.publish(rabbit, Events.sample("agreement.amended", data -> {
            ObjectNode agreement = (ObjectNode) data.get("agreement");
            agreement.put("agreementId", agreementId.toString()).put("effectiveFrom", "2026-10-16T08:00:00Z");
            ((ObjectNode) agreement.get("services").get(0)).put("code", service);
            ((ObjectNode) agreement.get("monthlyFee")).put("amount", "2400.00");
        }));
        awaitVersions(agreementId, 2);
        UUID underV2 = UUID.randomUUID();
        Events.publish(rabbit, Events.sample("clock.breached", data -> data.put("clockId", underV2.toString())
                .put("agreementId", agreementId.toString()).put("agreementVersion", 2)
                .put("objectiveKey", "intervention").put("priority", "P1").put("revision", 0)
                .put("breachedAt", "2026-10-20T10:00:00Z").put("occurredAt", "2026-10-20T10:00:00Z")));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "150.00".equals(statement(agreementId, "2026-10").getString("items[0].totalCredit.amount")));

        // v1 bills 1..15 October, v2 16..31 (the 16th goes to the version in force at its end):
        // 1200.00 x 15/31 = 580.65, 2400.00 x 16/31 = 1238.71
        JsonPath october = statement(agreementId, "2026-10");
        assertThat(october.getList("items[0].versions.version")).containsExactly(1, 2);
        assertThat(october.getList("items[0].versions.days")).containsExactly(15, 16);
        assertThat(october.getList("items[0].versions.feeBase.amount")).containsExactly("580.65", "1238.71");
        assertThat(october.getString("items[0].versions[1].to")).isEqualTo("2026-10-31T23:00:00Z");
        assertThat(october.getList("items[0].versions[1].lines[0].evidence.clockIds"))
                .containsExactly(underV2.toString());
        assertThat(october.getList("items[0].versions[0].lines")).isEmpty();
    }

    @Test
    @TestSecurity(user = MANAGER, roles = {"accord-viewer", "accord-agent", "accord-manager"})
    void aLateIncidentAfterTheCloseIsAProposalThatAManagerMayReject() {
        String service = newService();
        UUID agreementId = newAgreement(service, a -> { });
        String id = close(agreementId, "2026-07");
        given().get("/api/statements/" + id).then().body("totalCredit.amount", equalTo("0.00"));

        // two hours down on 20 July, posted after the close: July (31 x 24 h = 44640 min) would be at 99.7312 %,
        // 10 % of 1200.00 = 120.00 -> a proposal of +120.00; the closed statement does not move
        StatementFlowTest.postIncident(service, "2026-07-20T08:00:00Z", "2026-07-20T10:00:00Z", false)
                .statusCode(201);
        JsonPath adjustments = given().get("/api/statements/" + id + "/adjustments").then().statusCode(200)
                .extract().jsonPath();
        assertThat(adjustments.getList("kind")).containsExactly("RECALCULATION");
        assertThat(adjustments.getString("[0].status")).isEqualTo("PROPOSED");
        assertThat(adjustments.getString("[0].amount.amount")).isEqualTo("120.00");
        String proposal = adjustments.getString("[0].id");
        given().get("/api/statements/" + id).then().body("totalCredit.amount", equalTo("0.00"))
                .body("revision", equalTo(1));

        given().post("/api/statements/" + id + "/adjustments/" + proposal + "/reject").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("decidedBy", equalTo(MANAGER))
                .body("appliedRevision", nullValue());
        given().get("/api/statements/" + id).then().body("totalCredit.amount", equalTo("0.00"))
                .body("revision", equalTo(1));
        given().get("/api/statements/" + id + "/revisions").then().body("revision", equalTo(List.of(1)));
        given().post("/api/statements/" + id + "/adjustments/" + proposal + "/accept").then().statusCode(409)
                .contentType("application/problem+json");
        given().post("/api/statements/" + id + "/adjustments/" + UUID.randomUUID() + "/accept").then()
                .statusCode(404);
    }

    @Test
    @TestSecurity(user = MANAGER, roles = {"accord-viewer", "accord-agent", "accord-manager"})
    void aWaiverCancelsTheTotalAsANewRevisionAndIsAssessed() throws Exception {
        UUID agreementId = newAgreement(newService(), a -> { });
        Events.publish(rabbit, Events.clock("clock.breached", agreementId, UUID.randomUUID(), 0, "BREACHED",
                "2026-08-12T10:00:00Z", null));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "150.00".equals(statement(agreementId, "2026-08").getString("items[0].totalCredit.amount")));
        String id = close(agreementId, "2026-08");
        String assessments = rabbit.listen("penalty.assessed");

        given().contentType(ContentType.JSON).body(Map.of("waiver", true, "reason", "commercial gesture"))
                .post("/api/statements/" + id + "/adjustments").then().statusCode(201)
                .body("kind", equalTo("MANUAL")).body("waiver", equalTo(true))
                .body("amount.amount", equalTo("-150.00")).body("author", equalTo(MANAGER))
                .body("appliedRevision", equalTo(2));
        given().get("/api/statements/" + id).then().body("totalCredit.amount", equalTo("0.00"))
                .body("calculatedCredit.amount", equalTo("150.00")).body("revision", equalTo(2));
        given().get("/api/statements/" + id + "/revisions").then()
                .body("totalCredit.amount", equalTo(List.of("150.00", "0.00")))
                .body("author", equalTo(List.of(MANAGER, MANAGER)));

        // the new revision is assessed with its lines: the breach fee and the waiver (the close's own assessment,
        // revision 1, may still be on its way: the relay publishes after the commit)
        List<RabbitQueues.Message> mine = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            rabbit.drain(assessments, Duration.ofMillis(300)).stream().filter(m -> Events.subject(m).equals(id))
                    .filter(m -> revision(m) == 2).forEach(mine::add);
            return !mine.isEmpty();
        });
        assertThat(mine).hasSize(1);
        Events.assertMatchesItsSchema(mine.get(0));
        JsonNode data = Events.MAPPER.readTree(mine.get(0).body()).get("data");
        assertThat(data.at("/totalCredit/amount").asText()).isEqualTo("0.00");
        assertThat(data.get("lines")).extracting(l -> l.get("kind").asText() + " " + l.at("/amount/amount").asText())
                .containsExactly("BREACH_FEE 150.00", "ADJUSTMENT -150.00");
        assertThat(data.at("/lines/1/description").asText()).isEqualTo("commercial gesture");
    }

    static int revision(RabbitQueues.Message message) {
        try {
            return Events.MAPPER.readTree(message.body()).at("/data/revision").asInt();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @TestSecurity(user = MANAGER, roles = {"accord-viewer", "accord-agent", "accord-manager"})
    void anOpenIncidentCountsUntilItEndsAndPlannedMaintenanceIsLeftOut() {
        String service = newService();
        UUID agreementId = newAgreement(service, a -> { });
        String availability = "items[0].versions[0].objectives.find { it.objectiveKey == 'availability' }.";
        // still open, from 31 August 20:00Z (22:00 in Paris): August ends at 22:00Z, so two hours of it
        String incident = given().contentType(ContentType.JSON).body(Map.of("service", service,
                "start", "2026-08-31T20:00:00Z", "sourceRef", "INC-" + service, "summary", "storage array down"))
                .post("/api/availability/incidents").then().statusCode(201).body("end", nullValue())
                .body("planned", equalTo(false)).body("createdBy", equalTo(MANAGER)).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("service", service, "start", "2026-08-31T20:00:00Z",
                "sourceRef", "INC-" + service)).post("/api/availability/incidents").then().statusCode(409)
                .contentType("application/problem+json");
        // planned maintenance on 10 August 01:00-03:00Z: out of both downtime and scheduled time
        StatementFlowTest.postIncident(service, "2026-08-10T01:00:00Z", "2026-08-10T03:00:00Z", true)
                .statusCode(201).body("planned", equalTo(true));

        JsonPath august = statement(agreementId, "2026-08");
        assertThat(august.getString(availability + "downtimeMinutes")).isEqualTo("120.0");
        assertThat(august.getString(availability + "plannedMinutes")).isEqualTo("120.0");
        // August in Paris: 31 x 24 h = 44640 min, minus 120 planned = 44520
        assertThat(august.getString(availability + "scheduledMinutes")).isEqualTo("44520.0");
        assertThat(august.getList(availability + "evidence.incidentIds")).containsExactly(incident);

        given().contentType(ContentType.JSON).body(Map.of("end", "2026-08-31T19:00:00Z"))
                .post("/api/availability/incidents/" + incident + "/end").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("end"));
        given().contentType(ContentType.JSON).body(Map.of("end", "2026-08-31T21:00:00Z"))
                .post("/api/availability/incidents/" + incident + "/end").then().statusCode(200)
                .body("end", equalTo("2026-08-31T21:00:00Z"));
        assertThat(statement(agreementId, "2026-08").getString(availability + "downtimeMinutes")).isEqualTo("60.0");
        given().queryParam("service", service).get("/api/availability/incidents").then().statusCode(200)
                .body("total", equalTo(2));
    }

    @Test
    @TestSecurity(user = MANAGER, roles = {"accord-viewer", "accord-agent", "accord-manager"})
    void kpiMeasurementsAreJudgedOnTheStatementWithTheirEvidence() {
        // 50 qualified leads a month; 60 or more earn a bonus of 3 % of the fee
        UUID agreementId = newAgreement(newService(), agreement -> {
            ObjectNode leads = ((ArrayNode) agreement.get("objectives")).addObject();
            leads.put("objectiveKey", "leads").put("name", "Qualified leads").put("kind", "KPI")
                    .put("measure", "qualified_leads").put("comparison", "AT_LEAST").put("periodTarget", 50);
            ((ArrayNode) agreement.get("penaltyRules").get("bonuses")).addObject().put("objectiveKey", "leads")
                    .put("atLeast", 60).put("bonusPercent", 3);
        });
        String monthly = measurement(agreementId, Map.of("period", "2026-09", "value", 40));
        String weekly = measurement(agreementId, Map.of("at", "2026-09-15T10:00:00Z", "value", 25));
        measurement(agreementId, Map.of("at", "2026-10-01T10:00:00Z", "value", 99));

        // 40 + 25 = 65 >= 50 (met) and >= 60: bonus 3 % of 1200.00 = -36.00
        JsonPath september = statement(agreementId, "2026-09");
        assertThat(september.getString(objective("leads", "value"))).isEqualTo("65.0");
        assertThat(september.getString(objective("leads", "status"))).isEqualTo("MET");
        assertThat(september.getList(objective("leads", "evidence.measurementIds")))
                .containsExactlyInAnyOrder(monthly, weekly);
        assertThat(september.getString("items[0].versions[0].lines[0].kind")).isEqualTo("BONUS");
        assertThat(september.getString("items[0].versions[0].lines[0].amount.amount")).isEqualTo("-36.00");
        assertThat(september.getList("items[0].versions[0].lines[0].evidence.measurementIds"))
                .containsExactlyInAnyOrder(monthly, weekly);
        assertThat(september.getString("items[0].totalCredit.amount")).isEqualTo("-36.00");
        given().accept("text/csv").get("/api/statements/" + september.getString("items[0].id") + "/evidence")
                .then().statusCode(200).body(org.hamcrest.Matchers.containsString("leads,KPI,measurement," + weekly));
    }

    static String measurement(UUID agreementId, Map<String, Object> fields) {
        Map<String, Object> body = new java.util.HashMap<>(fields);
        body.put("agreementId", agreementId.toString());
        body.put("measure", "qualified_leads");
        body.put("source", "hubspot");
        return given().contentType(ContentType.JSON).body(body).post("/api/measurements").then().statusCode(201)
                .extract().path("id");
    }

    @Test
    @TestSecurity(user = MANAGER, roles = {"accord-viewer", "accord-agent", "accord-manager"})
    void theRuleSetsHowManyMissedPeriodsRequireAReview() throws Exception {
        UUID agreementId = newAgreement(newService(), agreement ->
                ((ObjectNode) agreement.get("penaltyRules")).put("reviewAfterMissedPeriods", 2));
        for (String day : List.of("2026-09-03", "2026-10-03")) {
            Events.publish(rabbit, Events.clock("clock.breached", agreementId, UUID.randomUUID(), 0, "BREACHED",
                    day + "T10:00:00Z", null));
        }
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "150.00".equals(statement(agreementId, "2026-10").getString("items[0].totalCredit.amount")));
        String reviews = rabbit.listen("penalty.review-required");
        close(agreementId, "2026-09");
        String october = close(agreementId, "2026-10");
        List<RabbitQueues.Message> mine = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            rabbit.drain(reviews, Duration.ofMillis(300)).stream()
                    .filter(m -> Events.subject(m).equals(agreementId.toString())).forEach(mine::add);
            return !mine.isEmpty();
        });
        JsonNode data = Events.MAPPER.readTree(mine.get(0).body()).get("data");
        assertThat(data.get("threshold").asInt()).isEqualTo(2);
        assertThat(data.get("missedInARow").asInt()).isEqualTo(2);
        assertThat(data.get("statementId").asText()).isEqualTo(october);
        assertThat(data.get("missedPeriods")).extracting(JsonNode::asText).containsExactly("2026-10", "2026-09");
    }

    @Test
    @TestSecurity(user = MANAGER, roles = {"accord-viewer", "accord-agent", "accord-manager"})
    void anExclusionNeedsAKnownClockAndANoteForOther() {
        UUID agreementId = newAgreement(newService(), a -> { });
        UUID clockId = UUID.randomUUID();
        Events.publish(rabbit, Events.clock("clock.breached", agreementId, clockId, 0, "BREACHED",
                "2026-09-07T10:00:00Z", null));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "150.00".equals(statement(agreementId, "2026-09").getString("items[0].totalCredit.amount")));

        given().contentType(ContentType.JSON).body(Map.of("clockId", clockId.toString(), "reason", "OTHER"))
                .post("/api/exclusions").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("note"));
        given().contentType(ContentType.JSON).body(Map.of("clockId", UUID.randomUUID().toString(),
                "reason", "FORCE_MAJEURE")).post("/api/exclusions").then().statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("agreementId", agreementId).get("/api/exclusions").then().body("total", equalTo(0));
        assertThat(statement(agreementId, "2026-09").getString("items[0].totalCredit.amount")).isEqualTo("150.00");

        given().contentType(ContentType.JSON).body(Map.of("clockId", clockId.toString(), "reason", "OTHER",
                "note", "the monitoring probe was misconfigured")).post("/api/exclusions").then().statusCode(201);
        given().queryParam("agreementId", agreementId).get("/api/exclusions").then().body("total", equalTo(1))
                .body("items[0].note", equalTo("the monitoring probe was misconfigured"));
        assertThat(statement(agreementId, "2026-09").getString("items[0].totalCredit.amount")).isEqualTo("0.00");
    }

    @Test
    @TestSecurity(user = "victor-viewer", roles = "accord-viewer")
    void viewersNeitherExcludeNorAdjustNorDecide() {
        UUID agreementId = newAgreement(newService(), a -> { });
        String id = statement(agreementId, "2026-09").getString("items[0].id");
        given().contentType(ContentType.JSON).body(Map.of("clockId", UUID.randomUUID().toString(),
                "reason", "DUPLICATE")).post("/api/exclusions").then().statusCode(403)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("waiver", true, "reason", "no"))
                .post("/api/statements/" + id + "/adjustments").then().statusCode(403);
        given().post("/api/statements/" + id + "/adjustments/" + UUID.randomUUID() + "/reject").then()
                .statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("agreementId", agreementId.toString(),
                "measure", "qualified_leads", "period", "2026-09", "value", 1)).post("/api/measurements").then()
                .statusCode(403);
        given().get("/api/statements/" + id + "/revisions").then().statusCode(200);
    }
}
