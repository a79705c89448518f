package io.accord.agreement;

import static io.accord.agreement.Fixtures.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Every rule refuses its bad input with a problem naming the field, and nothing is written. */
@QuarkusTest
@TestSecurity(user = "validation-manager", roles = {"accord-viewer", "accord-agent", "accord-manager"})
class AgreementValidationTest {

    /** Posts the SLA terms changed by {@code change}; expects 400 with {@code field} and no agreement created. */
    private static void refused(Consumer<Map<String, Object>> change, String field) {
        Fixtures.Sla sla = Fixtures.sla();
        Map<String, Object> terms = sla.terms();
        change.accept(terms);
        post("/api/agreements", terms).statusCode(400).contentType("application/problem+json")
                .body("type", is("urn:accord:problem:validation")).body("status", is(400))
                .body("errors.field", hasItem(field));
        given().queryParam("party", sla.customer()).get("/api/agreements").then().body("total", is(0));
    }

    private static Map<String, Object> objective(Map<String, Object> terms) {
        @SuppressWarnings("unchecked")
        Map<String, Object> o = new HashMap<>(((List<Map<String, Object>>) terms.get("objectives")).get(0));
        terms.put("objectives", List.of(o));
        return o;
    }

    @Test
    void missingRequiredFields() {
        refused(t -> t.remove("name"), "name");
        refused(t -> t.remove("type"), "type");
        refused(t -> t.remove("providerPartyId"), "providerPartyId");
        refused(t -> t.remove("zone"), "zone");
    }

    @Test
    void unknownZone() {
        refused(t -> t.put("zone", "Europe/Pariss"), "zone");
    }

    @Test
    void validityEndingBeforeItStarts() {
        refused(t -> {
            t.put("effectiveFrom", "2026-06-01T00:00:00Z");
            t.put("effectiveTo", "2026-05-01T00:00:00Z");
        }, "effectiveTo");
    }

    @Test
    void objectiveWithoutTarget() {
        refused(t -> objective(t).put("targets", Map.of()), "objectives[0].targets");
    }

    @Test
    void objectiveWithANonPositiveTarget() {
        refused(t -> objective(t).put("targets", Map.of("P1", "PT0S")), "objectives[0].targets.P1");
    }

    @Test
    void unknownCalendarId() {
        refused(t -> objective(t).put("calendarId", "no-such-calendar"), "objectives[0].calendarId");
        refused(t -> objective(t).put("siteCalendarIds", Map.of("lyon", "no-such-calendar")), "objectives[0].siteCalendarIds.lyon");
    }

    @Test
    void duplicateObjectiveKeys() {
        refused(t -> {
            Map<String, Object> o = objective(t);
            t.put("objectives", List.of(o, o));
        }, "objectives[1].objectiveKey");
    }

    @Test
    void incompleteAvailabilityAndKpiObjectives() {
        refused(t -> t.put("objectives", List.of(Map.of("objectiveKey", "up", "kind", "AVAILABILITY",
                "calendarId", t.get("objectives") == null ? "" : objective(t).get("calendarId")))), "objectives[0].availabilityTarget");
        refused(t -> t.put("objectives", List.of(Map.of("objectiveKey", "leads", "kind", "KPI", "comparison", "AT_LEAST",
                "periodTarget", 50))), "objectives[0].measure");
    }

    @Test
    void unknownPartyServiceOrParent() {
        refused(t -> t.put("customerPartyId", UUID.randomUUID().toString()), "customerPartyId");
        refused(t -> t.put("services", List.of("no-such-service")), "services[0]");
        refused(t -> t.put("parentAgreementId", UUID.randomUUID().toString()), "parentAgreementId");
    }

    @Test
    void partiesThatDoNotFitTheType() {
        refused(t -> t.put("type", "UC"), "providerPartyId");
    }

    @Test
    void unknownFieldsAndWrongTypes() {
        refused(t -> t.put("colour", "blue"), "colour");
        refused(t -> t.put("effectiveFrom", "tomorrow"), "effectiveFrom");
        refused(t -> t.put("monthlyFee", Map.of("amount", "12", "currency", "XYZ")), "monthlyFee");
    }

    @Test
    void percentsOutOfRangeAndBadRecipients() {
        refused(t -> t.put("penaltyRules", Map.of("capPercent", 150)), "penaltyRules.capPercent");
        refused(t -> t.put("escalationPolicy", Map.of("levels", List.of(Map.of("level", 1, "trigger", Map.of("kind", "BREACH"),
                "recipients", List.of(Map.of("channelId", "https://hooks.slack.com/services/T0/B0/X")))))),
                "escalationPolicy.levels[0].recipients[0].channelId");
        refused(t -> t.put("escalationPolicy", Map.of("levels", List.of(Map.of("level", 1, "trigger", Map.of("kind", "THRESHOLD"),
                "recipients", List.of(Map.of("email", "lead@example.com")))))), "escalationPolicy.levels[0].trigger.percent");
    }

    @Test
    void autoRenewalWithoutTerm() {
        refused(t -> {
            t.put("effectiveTo", "2031-01-01T00:00:00Z");
            t.put("renewal", Map.of("autoRenew", true));
        }, "renewal.term");
    }

    @Test
    void aBadAmendmentChangesNothing() {
        Fixtures.Sla sla = Fixtures.sla();
        String id = Fixtures.activeAgreement(sla.terms());
        String etag = given().get("/api/agreements/" + id).then().extract().header("ETag");
        Map<String, Object> bad = sla.terms(Map.of());
        given().contentType(ContentType.JSON).body(bad).post("/api/agreements/" + id + "/amend").then().statusCode(400)
                .body("errors.field", hasItem("objectives[0].targets"));
        Map<String, Object> otherType = sla.terms();
        otherType.put("type", "OLA");
        given().contentType(ContentType.JSON).body(otherType).post("/api/agreements/" + id + "/amend").then().statusCode(400);
        given().get("/api/agreements/" + id).then().header("ETag", is(etag)).body("currentVersion", is(1));
    }

    @Test
    void badPartiesAndServices() {
        post("/api/parties", Map.of("kind", "CUSTOMER")).statusCode(400).body("errors.field", hasItem("name"));
        post("/api/parties", Map.of("kind", "ALIEN", "name", "x")).statusCode(400).body("errors.field", hasItem("kind"));
        Map<String, String> ref = Map.of("source", "zendesk-eu", "id", Fixtures.unique("org"));
        Fixtures.party("CUSTOMER", "First", ref);
        post("/api/parties", Map.of("kind", "CUSTOMER", "name", "Second", "externalRefs", List.of(ref))).statusCode(400)
                .body("errors.field", hasItem("externalRefs[0]"));
        post("/api/services", Map.of("code", "Not A Code", "name", "x")).statusCode(400).body("errors.field", hasItem("code"));
        String code = Fixtures.service();
        post("/api/services", Map.of("code", code, "name", "again")).statusCode(400).body("errors.field", hasItem("code"));
    }
}
