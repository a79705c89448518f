package io.accord.agreement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accord.agreement.service.AgreementSchedule;
import io.accord.model.events.EventType;
import io.accord.model.schema.EventSchemas;
import io.accord.platform.testing.KeycloakTokens;
import io.accord.platform.testing.RabbitQueues;
import io.accord.platform.testing.RabbitQueues.Message;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Events leave through the outbox to the real RabbitMQ, once each, and match their JSON Schemas. */
@QuarkusTest
@TestSecurity(user = "events-manager", roles = {"accord-viewer", "accord-agent", "accord-manager"})
class AgreementEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgreementSchedule schedule;

    @Test
    void activatingAndAmendingPublishesTwoDistinctEventsWithTheWholeVersion() throws Exception {
        try (RabbitQueues rabbit = RabbitQueues.connect()) {
            String queue = rabbit.listen("agreement.activated", "agreement.amended");
            Fixtures.Sla sla = Fixtures.sla();
            String id = Fixtures.activeAgreement(sla.terms());
            given().contentType(ContentType.JSON).body(sla.terms(Map.of("P1", "PT2H")))
                    .post("/api/agreements/" + id + "/amend").then().statusCode(200);

            List<Message> messages = eventsOf(rabbit, queue, id, 2);
            assertThat(messages).extracting(Message::routingKey).containsExactly("agreement.activated", "agreement.amended");
            assertThat(messages).extracting(Message::messageId).doesNotHaveDuplicates();
            for (Message m : messages) {
                JsonNode event = JSON.readTree(m.body());
                assertThat(event.get("id").asText()).isEqualTo(m.messageId());
                assertThat(event.get("subject").asText()).isEqualTo(id);
                assertThat(event.get("source").asText()).isEqualTo("/accord/agreement-service");
                assertThat(EventSchemas.get().validateCloudEvent(m.body())).isEmpty();
                assertThat(event.at("/data/agreement/calendars/" + sla.calendar() + "/zone").asText()).isEqualTo("Europe/Paris");
                assertThat(event.at("/data/agreement/parties/1/externalRefs/0/source").asText()).isEqualTo("zendesk-eu");
            }
            JsonNode amended = JSON.readTree(messages.get(1).body());
            assertThat(amended.at("/data/agreement/version").asInt()).isEqualTo(2);
            assertThat(amended.at("/data/agreement/objectives/0/targets/P1").asText()).isEqualTo("PT2H");
            assertThat(rabbit.drain(queue, Duration.ofSeconds(1))).noneMatch(m -> m.body().contains(id));
        }
    }

    @Test
    void everyEventTypeThisServiceProducesMatchesItsSchema() throws Exception {
        try (RabbitQueues rabbit = RabbitQueues.connect()) {
            String queue = rabbit.listen("agreement.*", "calendar.changed");
            Fixtures.Sla sla = Fixtures.sla();
            Map<String, Object> terms = sla.terms();
            Instant end = Instant.now().plus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
            terms.put("effectiveTo", end.toString());
            terms.put("penaltyRules", Map.of("capPercent", 50, "reviewAfterMissedPeriods", 2,
                    "breachFees", List.of(Map.of("objectiveKey", "resolution", "feeByPriority",
                            Map.of("P1", Map.of("amount", "100", "currency", "EUR"))))));
            terms.put("escalationPolicy", Map.of("levels", List.of(Map.of("level", 1,
                    "trigger", Map.of("kind", "AFTER_BREACH", "delay", "PT1H", "repeat", "PT4H"),
                    "recipients", List.of(Map.of("email", "lead@example.com", "locale", "fr", "zone", "Europe/Paris")),
                    "businessHoursOnly", true, "calendarId", sla.calendar()))));
            String id = Fixtures.activeAgreement(terms);
            given().contentType(ContentType.JSON).body(terms).post("/api/agreements/" + id + "/amend").then().statusCode(200);
            given().contentType(ContentType.JSON).body(Map.of("reason", "Maintenance contract paused"))
                    .post("/api/agreements/" + id + "/suspend").then().statusCode(200);
            given().post("/api/agreements/" + id + "/resume").then().statusCode(200);
            given().contentType(ContentType.JSON).body(Map.of("term", "P1M")).post("/api/agreements/" + id + "/renew")
                    .then().statusCode(200);
            given().contentType(ContentType.JSON).body(Map.of("name", "Changed", "zone", "Europe/Paris",
                    "weeklyHours", Map.of("MONDAY", List.of("08:00-12:00"))))
                    .put("/api/calendars/" + sla.calendar()).then().statusCode(200);
            given().contentType(ContentType.JSON).body(Map.of("reason", "Contract ended early"))
                    .post("/api/agreements/" + id + "/terminate").then().statusCode(200);

            String expiring = Fixtures.activeAgreement(Fixtures.sla().terms());
            Map<String, Object> shortTerms = Fixtures.sla().terms();
            shortTerms.put("effectiveTo", end.toString());
            String expires = Fixtures.activeAgreement(shortTerms);
            schedule.runDue(end.plus(60, ChronoUnit.DAYS));

            List<Message> messages = new ArrayList<>(eventsOf(rabbit, queue, id, 7));
            messages.addAll(eventsOf(rabbit, queue, expires, 2));
            assertThat(messages).extracting(Message::routingKey).contains("agreement.activated", "agreement.amended",
                    "agreement.suspended", "agreement.resumed", "agreement.renewed", "calendar.changed",
                    "agreement.terminated", "agreement.expired");
            assertThat(messages).extracting(Message::messageId).doesNotHaveDuplicates();
            for (Message m : messages) {
                assertThat(EventSchemas.get().validateCloudEvent(m.body())).as(m.routingKey()).isEmpty();
                assertThat(EventType.fromRoutingKey(m.routingKey())).isPresent();
            }
            assertThat(expiring).isNotNull();
        }
    }

    @Test
    void theSnapshotCarriesTheSuspensionsAndResumptionsAtTheInstantsTheEventsGave() throws Exception {
        try (RabbitQueues rabbit = RabbitQueues.connect()) {
            String queue = rabbit.listen("agreement.suspended", "agreement.resumed");
            Fixtures.Sla sla = Fixtures.sla();
            String id = Fixtures.activeAgreement(sla.terms());
            given().contentType(ContentType.JSON).body(sla.terms(Map.of("P1", "PT2H")))
                    .post("/api/agreements/" + id + "/amend").then().statusCode(200);
            given().contentType(ContentType.JSON).body(Map.of("reason", "Unpaid invoices"))
                    .post("/api/agreements/" + id + "/suspend").then().statusCode(200);
            given().post("/api/agreements/" + id + "/resume").then().statusCode(200);
            given().contentType(ContentType.JSON).body(Map.of("reason", "Unpaid again"))
                    .post("/api/agreements/" + id + "/suspend").then().statusCode(200);

            List<String> told = new ArrayList<>();
            for (Message m : eventsOf(rabbit, queue, id, 3)) {
                JsonNode data = JSON.readTree(m.body()).get("data");
                told.add(data.at("/agreement/status").asText() + "@" + data.get("occurredAt").asText());
            }
            // Every version of the agreement in the snapshot, each with the same history, as the events told it
            String internal = KeycloakTokens.local().forInternalClient();
            List<JsonNode> versions = new ArrayList<>();
            JsonNode page;
            int number = 0;
            do {
                page = JSON.readTree(given().urlEncodingEnabled(false).auth().oauth2(internal)
                        .queryParam("page", number++).queryParam("size", 100).get("/api/agreements:snapshot")
                        .then().statusCode(200).extract().asString());
                page.get("items").forEach(v -> {
                    if (v.get("agreementId").asText().equals(id)) {
                        versions.add(v);
                    }
                });
            } while (page.get("items").size() == 100);
            assertThat(versions).extracting(v -> v.get("version").asInt()).containsExactly(1, 2);
            for (JsonNode version : versions) {
                List<String> served = new ArrayList<>();
                version.get("statusChanges").forEach(c -> served.add(c.get("status").asText() + "@" + c.get("at").asText()));
                assertThat(served).isEqualTo(told);
                assertThat(version.get("status").asText()).isEqualTo("SUSPENDED");
            }
        }
    }

    /** The next {@code count} messages about {@code subject} (events of other tests share the exchange). */
    private static List<Message> eventsOf(RabbitQueues rabbit, String queue, String subject, int count) {
        List<Message> found = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (found.size() < count && System.nanoTime() < deadline) {
            Optional<Message> next = rabbit.next(queue, Duration.ofMillis(500));
            next.filter(m -> m.body().contains("\"subject\":\"" + subject + "\"") || m.body().contains(subject))
                    .ifPresent(found::add);
        }
        assertThat(found).as("events about " + subject).hasSize(count);
        return found;
    }
}
