package io.accord.agreement;

import static io.accord.agreement.Fixtures.activeAgreement;
import static io.accord.agreement.Fixtures.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.accord.agreement.service.AgreementSchedule;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "lifecycle-manager", roles = {"accord-viewer", "accord-agent", "accord-manager", "accord-admin"})
class AgreementLifecycleTest {

    @Inject
    AgreementSchedule schedule;

    @Test
    void anAgreementGoesFromDraftToActiveAndThroughSuspensionToTermination() {
        Fixtures.Sla sla = Fixtures.sla();
        String id = post("/api/agreements", sla.terms()).statusCode(201).header("ETag", notNullValue())
                .body("status", is("DRAFT")).body("currentVersion", is(1)).extract().path("id");
        given().post("/api/agreements/" + id + "/submit").then().statusCode(200).body("status", is("IN_REVIEW"));
        given().post("/api/agreements/" + id + "/approve").then().statusCode(200).body("status", is("APPROVED"));
        given().post("/api/agreements/" + id + "/activate").then().statusCode(200).body("status", is("ACTIVE"))
                .body("agreement.effectiveFrom", notNullValue());
        given().contentType(ContentType.JSON).body(Map.of("reason", "Unpaid invoices"))
                .post("/api/agreements/" + id + "/suspend").then().statusCode(200)
                .body("status", is("SUSPENDED")).body("statusReason", is("Unpaid invoices"));
        given().post("/api/agreements/" + id + "/resume").then().statusCode(200).body("status", is("ACTIVE"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "Customer left"))
                .post("/api/agreements/" + id + "/terminate").then().statusCode(200)
                .body("status", is("TERMINATED")).body("agreement.effectiveTo", notNullValue());

        given().get("/api/agreements/" + id + "/audit").then().statusCode(200)
                .body("items.action", hasItems("created", "submitted", "approved", "activated", "suspended", "resumed", "terminated"))
                .body("items[0].actor", is("lifecycle-manager"));
    }

    @Test
    void anIllegalTransitionIs409NamingTheCurrentStateAndChangesNothing() {
        String id = activeAgreement(Fixtures.sla().terms());
        given().contentType(ContentType.JSON).body(Map.of("reason", "done")).post("/api/agreements/" + id + "/terminate")
                .then().statusCode(200);
        String etag = given().get("/api/agreements/" + id).then().extract().header("ETag");

        given().contentType(ContentType.JSON).body(Fixtures.sla().terms()).post("/api/agreements/" + id + "/amend")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", is("urn:accord:problem:conflict")).body("detail", containsString("is TERMINATED"));
        given().post("/api/agreements/" + id + "/resume").then().statusCode(409).body("detail", containsString("TERMINATED"));
        given().post("/api/agreements/" + id + "/submit").then().statusCode(409);

        given().get("/api/agreements/" + id).then().header("ETag", is(etag)).body("currentVersion", is(1));
    }

    @Test
    void anAmendmentCreatesANewVersionAndKeepsTheOldOneReadable() {
        Fixtures.Sla sla = Fixtures.sla();
        String id = activeAgreement(sla.terms());
        String etag = given().get("/api/agreements/" + id).then().extract().header("ETag");
        Map<String, Object> amended = sla.terms(Map.of("P1", "PT2H", "P3", "PT16H"));
        amended.put("effectiveFrom", "2030-02-01T00:00:00.123456Z");

        given().contentType(ContentType.JSON).header("If-Match", etag).body(amended).post("/api/agreements/" + id + "/amend")
                .then().statusCode(200).body("currentVersion", is(2))
                .body("agreement.effectiveFrom", is("2030-02-01T00:00:00.123Z"))
                .body("agreement.objectives[0].targets.P1", is("PT2H"));

        given().get("/api/agreements/" + id + "/versions/1").then().statusCode(200)
                .body("version", is(1)).body("objectives[0].targets.P1", is("PT4H"));
        given().get("/api/agreements/" + id + "/versions").then().statusCode(200)
                .body("total", is(2)).body("items.version", hasItems(1, 2));
        given().get("/api/agreements/" + id + "/versions/3").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        Fixtures.Sla sla = Fixtures.sla();
        String id = post("/api/agreements", sla.terms()).statusCode(201).extract().path("id");
        String first = given().get("/api/agreements/" + id).then().extract().header("ETag");
        Map<String, Object> renamed = sla.terms();
        renamed.put("name", "Renamed");
        given().contentType(ContentType.JSON).header("If-Match", first).body(renamed).put("/api/agreements/" + id)
                .then().statusCode(200).body("agreement.name", is("Renamed"));

        renamed.put("name", "Lost update");
        given().contentType(ContentType.JSON).header("If-Match", first).body(renamed).put("/api/agreements/" + id)
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", is("urn:accord:problem:precondition-failed"));
        given().get("/api/agreements/" + id).then().body("agreement.name", is("Renamed"));
    }

    @Test
    void ofTwoConcurrentAmendmentsOneWins() throws Exception {
        Fixtures.Sla sla = Fixtures.sla();
        String id = activeAgreement(sla.terms());
        String etag = given().get("/api/agreements/" + id).then().extract().header("ETag");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (String target : List.of("PT1H", "PT3H")) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return given().contentType(ContentType.JSON).header("If-Match", etag)
                        .body(sla.terms(Map.of("P1", target))).post("/api/agreements/" + id + "/amend").then()
                        .extract().statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = calls.stream().map(CompletableFuture::join).sorted().toList();

        assertThat(statuses.get(0)).isEqualTo(200);
        assertThat(statuses.get(1)).isIn(409, 412);
        given().get("/api/agreements/" + id).then().body("currentVersion", is(2));
        given().get("/api/agreements/" + id + "/versions").then().body("total", is(2));
    }

    @Test
    void aFutureActivationIsScheduledAndTheScheduleActivatesItAtItsStart() {
        Fixtures.Sla sla = Fixtures.sla();
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> terms = sla.terms();
        terms.put("effectiveFrom", start.toString());
        String id = post("/api/agreements", terms).statusCode(201).extract().path("id");
        given().post("/api/agreements/" + id + "/submit").then().statusCode(200);
        given().post("/api/agreements/" + id + "/approve").then().statusCode(200);
        given().post("/api/agreements/" + id + "/activate").then().statusCode(200)
                .body("status", is("APPROVED")).body("activationScheduled", is(true));

        schedule.runDue(start.minusSeconds(1));
        given().get("/api/agreements/" + id).then().body("status", is("APPROVED"));

        schedule.runDue(start);
        given().get("/api/agreements/" + id).then().body("status", is("ACTIVE")).body("activationScheduled", is(false));
    }

    @Test
    void atTheEndOfValidityTheScheduleExpiresOrAutoRenews() {
        Instant end = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Fixtures.Sla plain = Fixtures.sla();
        Map<String, Object> expiring = plain.terms();
        expiring.put("effectiveTo", end.toString());
        String expires = activeAgreement(expiring);

        Fixtures.Sla renewing = Fixtures.sla();
        Map<String, Object> autoRenew = renewing.terms();
        autoRenew.put("effectiveTo", end.toString());
        autoRenew.put("renewal", Map.of("autoRenew", true, "term", "P1Y", "noticePeriod", "P1M"));
        String renews = activeAgreement(autoRenew);

        schedule.runDue(end.minusSeconds(1));
        given().get("/api/agreements/" + expires).then().body("status", is("ACTIVE"));

        schedule.runDue(end);
        given().get("/api/agreements/" + expires).then().body("status", is("EXPIRED"))
                .body("agreement.effectiveTo", is(end.toString()));
        given().get("/api/agreements/" + renews).then().body("status", is("ACTIVE"))
                .body("agreement.effectiveTo", is(end.atZone(java.time.ZoneId.of("Europe/Paris")).plusYears(1).toInstant().toString()));
    }

    @Test
    void autoRenewalCannotBeSwitchedOffOnceTheNoticePeriodHasBegun() {
        Fixtures.Sla sla = Fixtures.sla();
        Map<String, Object> terms = sla.terms();
        terms.put("effectiveTo", Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        terms.put("renewal", Map.of("autoRenew", true, "term", "P1Y", "noticePeriod", "P1M"));
        String id = activeAgreement(terms);
        terms.put("renewal", Map.of("autoRenew", false));
        given().contentType(ContentType.JSON).body(terms).post("/api/agreements/" + id + "/amend").then()
                .statusCode(409).body("detail", containsString("notice period"));
        given().get("/api/agreements/" + id).then().body("currentVersion", is(1));
    }

    @Test
    void aManualRenewalExtendsTheValidity() {
        Fixtures.Sla sla = Fixtures.sla();
        Map<String, Object> terms = sla.terms();
        terms.put("effectiveTo", "2030-12-31T23:00:00Z");
        String id = activeAgreement(terms);
        // Midnight in Paris stays midnight in Paris, across the change to summer time
        given().contentType(ContentType.JSON).body(Map.of("term", "P6M")).post("/api/agreements/" + id + "/renew")
                .then().statusCode(200).body("agreement.effectiveTo", is("2031-06-30T22:00:00Z"));
    }

    @Test
    void onlyDraftsCanBeDeleted() {
        String draft = post("/api/agreements", Fixtures.sla().terms()).statusCode(201).extract().path("id");
        given().delete("/api/agreements/" + draft).then().statusCode(204);
        given().get("/api/agreements/" + draft).then().statusCode(404);

        String active = activeAgreement(Fixtures.sla().terms());
        given().delete("/api/agreements/" + active).then().statusCode(409).body("detail", containsString("ACTIVE"));
    }

    @Test
    void listsArePagedAndFiltered() {
        Fixtures.Sla sla = Fixtures.sla();
        post("/api/agreements", sla.terms()).statusCode(201);
        post("/api/agreements", sla.terms()).statusCode(201);
        given().queryParam("party", sla.customer()).queryParam("size", 1).get("/api/agreements").then().statusCode(200)
                .body("total", is(2)).body("size", is(1)).body("page", is(0)).body("items.size()", is(1));
        given().queryParam("size", 0).get("/api/agreements").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void checksWarnAboutLooserUnderpinningTargetsUnknownObjectivesAndCreditTiers() {
        Fixtures.Sla sla = Fixtures.sla();
        String parent = post("/api/agreements", sla.terms(Map.of("P1", "PT4H"))).statusCode(201).extract().path("id");
        String supplier = Fixtures.party("SUPPLIER", "Datacentre", null);
        Map<String, Object> uc = sla.terms(Map.of("P1", "PT8H"));
        uc.put("type", "UC");
        uc.put("providerPartyId", supplier);
        uc.put("customerPartyId", sla.provider());
        uc.put("parentAgreementId", parent);
        uc.put("penaltyRules", Map.of(
                "breachFees", List.of(Map.of("objectiveKey", "no-such", "feeByPriority", Map.of())),
                "creditTiers", List.of(Map.of("objectiveKey", "resolution", "tiers", List.of(
                        Map.of("belowPercent", 99, "creditPercent", 25), Map.of("belowPercent", 95, "creditPercent", 10))))));
        String id = post("/api/agreements", uc).statusCode(201)
                .body("checks.code", hasItems("looser-than-parent", "unknown-objective", "credit-tiers-not-monotonic"))
                .extract().path("id");
        given().get("/api/agreements/" + id + "/checks").then().statusCode(200)
                .body("field", hasItems("objectives[0].targets.P1", "penaltyRules", "penaltyRules.creditTiers[0].tiers"));
    }
}
