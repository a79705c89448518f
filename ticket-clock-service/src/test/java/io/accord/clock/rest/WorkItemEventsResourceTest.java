package io.accord.clock.rest;

import static io.accord.clock.support.ClockTestSupport.count;
import static io.accord.clock.support.ClockTestSupport.event;
import static io.accord.clock.support.ClockTestSupport.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.accord.platform.security.Roles;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Ingestion: what is applied, what is a duplicate, what is refused, and that refused input stores nothing. */
@QuarkusTest
class WorkItemEventsResourceTest {

    private static final String SOURCE = "jira-itsm";

    @Inject
    AgroalDataSource db;

    private static String newItem() {
        return "ing-" + UUID.randomUUID();
    }

    private long events(String externalId) {
        return count(db, "select count(*) from work_item_event e join work_item w on w.id = e.item_id "
                + "where w.external_id = '" + externalId + "'");
    }

    @Test
    @TestSecurity(user = "helpdesk", roles = Roles.INTEGRATION)
    void anEventIsAppliedOnceByItsIdAndOnceByItsContent() {
        String id = newItem();
        Map<String, Object> created = event(SOURCE, id, "CREATED", "2026-03-02T09:00:00Z", "eventId", "e-1",
                "priority", "P3", "priorityRaw", "Medium", "status", "NEW", "statusRaw", "Open");
        post(created).statusCode(200).body("results[0].outcome", is("APPLIED")).body("applied", is(1));
        // The same id again
        post(created).statusCode(200).body("results[0].outcome", is("DUPLICATE")).body("duplicates", is(1));
        // The same content under another id (a webhook redelivered by another path)
        Map<String, Object> sameContent = new java.util.HashMap<>(created);
        sameContent.put("eventId", "e-1-bis");
        post(sameContent).statusCode(200).body("results[0].outcome", is("DUPLICATE"));
        // The same content without any id
        sameContent.remove("eventId");
        post(sameContent).statusCode(200).body("results[0].outcome", is("DUPLICATE"));
        assertThat(events(id)).isEqualTo(1);
    }

    @Test
    // accord-agent is a composite including accord-viewer in Keycloak; @TestSecurity lists both
    @TestSecurity(user = "agent", roles = {Roles.AGENT, Roles.VIEWER})
    void aBatchAnswersPerEventAndAnOutOfOrderEventTakesItsPlaceInTheHistory() {
        String id = newItem();
        List<Map<String, Object>> batch = List.of(
                event(SOURCE, id, "CREATED", "2026-03-02T09:00:00Z", "status", "NEW", "priority", "P2"),
                event(SOURCE, id, "STATUS_CHANGED", "2026-03-02T11:00:00Z", "status", "PENDING_CUSTOMER",
                        "statusRaw", "Waiting for customer"),
                event(SOURCE, id, "CREATED", "2026-03-02T09:00:00Z", "status", "NEW", "priority", "P2"));
        post(batch).statusCode(200)
                .body("results.outcome", contains("APPLIED", "APPLIED", "DUPLICATE"))
                .body("results.index", contains(0, 1, 2));
        // Arrives last, happened in between
        post(event(SOURCE, id, "AGENT_REPLIED", "2026-03-02T10:00:00Z", "status", "OPEN"))
                .statusCode(200).body("results[0].outcome", is("APPLIED"));

        given().get("/api/work-items/{s}/{id}", SOURCE, id).then().statusCode(200)
                .body("history.eventType", contains("CREATED", "AGENT_REPLIED", "STATUS_CHANGED"))
                .body("history.statusRaw", hasItem("Waiting for customer"))
                .body("status", is("PENDING_CUSTOMER")).body("priority", is("P2"));
    }

    @Test
    @TestSecurity(user = "helpdesk", roles = Roles.INTEGRATION)
    void eventsAfterClosedAreRejectedWithTheReasonAndEarlierLateOnesStillApply() {
        String id = newItem();
        post(List.of(event(SOURCE, id, "CREATED", "2026-03-02T09:00:00Z"),
                event(SOURCE, id, "CLOSED", "2026-03-02T12:00:00Z", "status", "CLOSED"))).statusCode(200);

        post(List.of(event(SOURCE, id, "REOPENED", "2026-03-02T13:00:00Z", "status", "OPEN"),
                event(SOURCE, id, "CUSTOMER_REPLIED", "2026-03-02T10:00:00Z"),
                event(SOURCE, id, "CLOSED", "2026-03-02T12:00:00Z", "status", "CLOSED")))
                .statusCode(200)
                .body("results.outcome", contains("REJECTED", "APPLIED", "DUPLICATE"))
                .body("results[0].reason", containsString("closed or deleted at 2026-03-02T12:00:00Z"))
                .body("rejected", is(1));
        assertThat(events(id)).isEqualTo(3);
    }

    @Test
    @TestSecurity(user = "helpdesk", roles = Roles.INTEGRATION)
    void invalidInputIsAProblemAndStoresNothingEvenForTheValidEventsOfTheBatch() {
        String id = newItem();
        given().contentType(ContentType.JSON)
                .body(List.of(event(SOURCE, id, "CREATED", "2026-03-02T09:00:00Z"),
                        Map.of("source", SOURCE, "externalId", id, "itemType", "ticket", "eventType", "CREATED",
                                "priority", "P2", "url", "not a url")))
                .post("/api/work-items/events").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", is("urn:accord:problem:validation"))
                .body("errors.field", contains("[1].occurredAt", "[1].url"));

        given().contentType(ContentType.JSON)
                .body(event(SOURCE, id, "EXPLODED", "2026-03-02T09:00:00Z"))
                .post("/api/work-items/events").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("eventType"));

        given().contentType(ContentType.JSON).body(event(SOURCE, id, "CREATED", "yesterday"))
                .post("/api/work-items/events").then().statusCode(400).contentType("application/problem+json");

        given().contentType(ContentType.JSON).body("{\"source\": ")
                .post("/api/work-items/events").then().statusCode(400).contentType("application/problem+json");

        given().contentType(ContentType.JSON).body("[]")
                .post("/api/work-items/events").then().statusCode(400).contentType("application/problem+json");

        given().contentType(ContentType.TEXT).body("CREATED")
                .post("/api/work-items/events").then().statusCode(415).contentType("application/problem+json");

        assertThat(count(db, "select count(*) from work_item where external_id = '" + id + "'")).isZero();
    }

    @Test
    @TestSecurity(user = "helpdesk", roles = Roles.INTEGRATION)
    void aBatchOverTheLimitIs413() {
        String id = newItem();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i <= WorkItemEventsResource.MAX_BATCH; i++) {
            batch.add(event(SOURCE, id, "CUSTOMER_REPLIED", "2026-03-02T09:00:00Z", "sequence", i));
        }
        post(batch).statusCode(413).contentType("application/problem+json")
                .body("type", is("urn:accord:problem:payload-too-large"));
        assertThat(events(id)).isZero();
    }

    @Test
    void onlyAgentsAndIntegrationsMayPost() {
        given().contentType(ContentType.JSON).body(event(SOURCE, newItem(), "CREATED", "2026-03-02T09:00:00Z"))
                .post("/api/work-items/events").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "viewer", roles = Roles.VIEWER)
    void aViewerMayNotPost() {
        post(event(SOURCE, newItem(), "CREATED", "2026-03-02T09:00:00Z")).statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "helpdesk", roles = Roles.INTEGRATION)
    void concurrentEventsOfOneItemAreSerializedAndAllStored() throws Exception {
        String id = newItem();
        post(event(SOURCE, id, "CREATED", "2026-03-02T09:00:00Z", "priority", "P3")).statusCode(200);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> posts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int minute = i;
                posts.add(() -> given().contentType(ContentType.JSON)
                        .auth().none()
                        .body(event(SOURCE, id, minute % 2 == 0 ? "CUSTOMER_REPLIED" : "AGENT_REPLIED",
                                String.format("2026-03-02T10:%02d:00Z", minute)))
                        .post("/api/work-items/events").statusCode());
            }
            for (Future<Integer> status : pool.invokeAll(posts)) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(events(id)).isEqualTo(41);
    }
}
