package io.accord.notification;

import static io.accord.notification.EscalationFlowTest.asRole;
import static io.accord.notification.EscalationFlowTest.contentByType;
import static io.accord.notification.EscalationFlowTest.createChannel;
import static io.accord.notification.EscalationFlowTest.deliveries;
import static io.accord.notification.EscalationFlowTest.mailsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accord.model.agreement.AgreementVersion;
import io.accord.notification.domain.Delivery;
import io.accord.notification.listener.ClockEventsHandler;
import io.accord.notification.listener.PenaltyEventsHandler;
import io.accord.notification.service.AgreementCopies;
import io.accord.notification.service.DeliveryWorker;
import io.accord.notification.service.WebhookSignature;
import io.accord.notification.support.Fixtures;
import io.accord.notification.support.RecordingHttpServer;
import io.accord.notification.support.Samples;
import io.accord.platform.agreements.AgreementEventsHandler;
import io.accord.platform.events.InboundEvent;
import io.accord.platform.messaging.EventHandler;
import io.accord.platform.security.Roles;
import io.accord.platform.testing.KeycloakTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Penalties and reviews (sla-model's golden samples), business hours, locale fallback, customers' scope, test messages. */
@QuarkusTest
class EscalationEdgesTest {

    /** The customer party of the golden clock samples. */
    static final String SAMPLE_CUSTOMER = "4a7d9e12-6b3f-4c8a-9e21-7f5b3d8c2e02";

    @Inject
    AgreementEventsHandler agreements;
    @Inject
    ClockEventsHandler clocks;
    @Inject
    PenaltyEventsHandler penalties;
    @Inject
    AgreementCopies copies;
    @Inject
    DeliveryWorker worker;
    @Inject
    ObjectMapper mapper;

    @Test
    void penaltiesAndReviewsReachTheirLevelsAndAnUnknownLocaleFallsBackToEnglish() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID agreementId = UUID.randomUUID();
        ObjectNode agreement = Fixtures.agreementActivated(agreementId, tag);
        ArrayNode levels = (ArrayNode) agreement.at("/data/agreement/escalationPolicy/levels");
        ObjectNode penalty = levels.addObject().put("level", 4).put("name", "Finance");
        penalty.putObject("trigger").put("kind", "PENALTY");
        penalty.putArray("recipients").addObject().put("email", "finance-" + tag + "@example.com").put("locale", "de")
                .put("zone", "Europe/Berlin");
        ObjectNode review = levels.addObject().put("level", 5).put("name", "Account manager");
        review.putObject("trigger").put("kind", "REVIEW");
        review.putArray("recipients").addObject().put("email", "am-" + tag + "@example.com").put("locale", "fr")
                .put("zone", "Europe/Paris");
        apply(agreements, agreement);

        // penalty-service's events as sla-model's golden samples show them, for this agreement
        apply(penalties, penaltySample("penalty.assessed", agreementId, "0.00"));
        apply(penalties, penaltySample("penalty.assessed", agreementId, null));
        apply(penalties, penaltySample("penalty.review-required", agreementId, null));
        worker.sendDue(Instant.now());

        List<MimeMessage> finance = mailsTo("finance-" + tag + "@example.com");
        assertThat(finance).hasSize(1); // the zero penalty told nobody
        assertThat(finance.get(0).getSubject()).isEqualTo("[Accord] Penalty: Hosting SLA " + tag + " - 2026-03");
        assertThat(contentByType((MimeMultipart) finance.get(0).getContent()).get("text/plain"))
                .contains("A penalty was assessed on Hosting SLA " + tag + " for 2026-03: 270.00 EUR.")
                .contains("Amount: 270.00 EUR").contains("/agreements/" + agreementId);
        List<MimeMessage> reviews = mailsTo("am-" + tag + "@example.com");
        assertThat(reviews).hasSize(1);
        assertThat(reviews.get(0).getSubject()).isEqualTo("[Accord] Revue nécessaire : Hosting SLA " + tag);
        assertThat(contentByType((MimeMultipart) reviews.get(0).getContent()).get("text/plain"))
                .contains("Hosting SLA " + tag + " a manqué ses objectifs (Time to intervene) trop de périodes de"
                        + " suite (2026-05, 2026-04, 2026-03) : une revue est nécessaire.");
    }

    @Test
    void aBusinessHoursOnlyLevelWaitsForTheNextOpeningOfItsCalendar() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID agreementId = UUID.randomUUID();
        ObjectNode agreement = Fixtures.agreementActivated(agreementId, tag);
        ArrayNode levels = (ArrayNode) agreement.at("/data/agreement/escalationPolicy/levels");
        ObjectNode office = levels.addObject().put("level", 6).put("name", "Office hours only")
                .put("businessHoursOnly", true).put("calendarId", "office-hours-paris").put("urgent", false);
        office.putObject("trigger").put("kind", "BREACH");
        office.putArray("recipients").addObject().put("email", "office-" + tag + "@example.com").put("locale", "en")
                .put("zone", "Europe/Paris");
        apply(agreements, agreement);
        UUID clockId = UUID.randomUUID();
        apply(clocks, Samples.clockEvent("clock.breached", agreementId, clockId));

        AgreementVersion version = QuarkusTransaction.requiringNew().call(() -> copies.latest(agreementId)).orElseThrow();
        var calendar = version.calendars().get("office-hours-paris").toCalendar();
        List<Delivery> all = deliveries(clockId);
        Delivery waiting = all.stream().filter(d -> d.level == 6).findFirst().orElseThrow();
        assertThat(waiting.nextAttemptAt).isEqualTo(calendar.nextOpening(waiting.createdAt));
        Delivery urgent = all.stream().filter(d -> d.level == 2).findFirst().orElseThrow();
        assertThat(urgent.nextAttemptAt).isEqualTo(urgent.createdAt);
    }

    @Test
    void aChangedCalendarReplacesTheCopyInTheAgreementsThatUseIt() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID agreementId = UUID.randomUUID();
        apply(agreements, Fixtures.agreementActivated(agreementId, tag));
        ObjectNode change = Samples.cloudEvent("calendar.changed");
        change.put("id", UUID.randomUUID().toString());
        ((ArrayNode) change.at("/data/agreements")).removeAll().addObject().put("agreementId", agreementId.toString())
                .put("version", 1);
        apply(agreements, change);

        AgreementVersion version = QuarkusTransaction.requiringNew().call(() -> copies.latest(agreementId)).orElseThrow();
        var office = version.calendars().get("office-hours-paris").toCalendar();
        assertThat(office.isOpen(Instant.parse("2026-05-14T10:00:00Z"))).isFalse(); // Ascension, added by the change
        assertThat(office.isOpen(Instant.parse("2026-05-13T10:00:00Z"))).isTrue();
        assertThat(version.calendars()).containsKey("24x7-paris");
    }

    @Test
    void customersSeeOnlyTheNotificationsAboutTheirOwnParty() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID agreementId = UUID.randomUUID();
        apply(agreements, Fixtures.agreementActivated(agreementId, tag));
        UUID clockId = UUID.randomUUID();
        apply(clocks, Samples.clockEvent("clock.breached", agreementId, clockId));

        KeycloakTokens keycloak = KeycloakTokens.local();
        String own = "customer-own-" + tag;
        String other = "customer-other-" + tag;
        try {
            String ownToken = keycloak.forUser(own, keycloak.createUser(own, List.of(Roles.CUSTOMER), SAMPLE_CUSTOMER));
            String otherToken = keycloak.forUser(other,
                    keycloak.createUser(other, List.of(Roles.CUSTOMER), UUID.randomUUID().toString()));
            RestAssured.given().auth().oauth2(ownToken).queryParam("clockId", clockId).get("/api/notifications")
                    .then().statusCode(200).body("total", equalTo(4));
            RestAssured.given().auth().oauth2(otherToken).queryParam("clockId", clockId).get("/api/notifications")
                    .then().statusCode(200).body("total", equalTo(0));
            RestAssured.given().auth().oauth2(otherToken).post("/api/notifications/{id}/retry", UUID.randomUUID())
                    .then().statusCode(403);
        } finally {
            keycloak.deleteUser(own);
            keycloak.deleteUser(other);
        }
    }

    @Test
    void aManagerSendsATestMessage() throws Exception {
        String address = "test-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        asRole(Roles.MANAGER).contentType(ContentType.JSON).body("{\"email\":\"" + address + "\",\"locale\":\"fr\"}")
                .post("/api/channels/test").then().statusCode(200).body("sent", equalTo(true));
        assertThat(mailsTo(address)).extracting(MimeMessage::getSubject).containsExactly("[Accord] Message de test");
        Map<String, String> parts = contentByType((MimeMultipart) mailsTo(address).get(0).getContent());
        assertThat(parts.get("text/plain")).contains("Ceci est un message de test d'Accord");
        assertThat(parts.get("text/html")).contains("<html lang=\"fr\">");
        asRole(Roles.MANAGER).contentType(ContentType.JSON).body("{\"channelId\":\"nowhere-" + address.substring(5, 13)
                + "\"}").post("/api/channels/test").then().statusCode(404);
        asRole(Roles.AGENT).contentType(ContentType.JSON).body("{\"email\":\"" + address + "\"}")
                .post("/api/channels/test").then().statusCode(403);
    }

    @Test
    void aManagerTestsEveryKindOfChatAndWebhookChannel() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        try (RecordingHttpServer http = new RecordingHttpServer()) {
            createChannel("slack-test-" + tag, "SLACK", http.url("/slack"), null);
            createChannel("teams-test-" + tag, "TEAMS", http.url("/teams"), null);
            createChannel("hook-test-" + tag, "WEBHOOK", http.url("/hook"), EscalationFlowTest.SECRET);
            createChannel("gone-test-" + tag, "SLACK", http.url("/gone"), null);
            http.answer("/gone", 404);

            sendTest("slack-test-" + tag, "en").body("sent", equalTo(true));
            JsonNode slack = mapper.readTree(http.received("/slack").get(0).body());
            assertThat(slack.path("text").asText()).isEqualTo("[Accord] Test message");
            assertThat(slack.path("blocks").findValuesAsText("type")).containsSubsequence("header", "section",
                    "actions");
            assertThat(slack.at("/blocks/1/text/text").asText())
                    .startsWith("This is a test message from Accord: this destination receives escalations.");

            sendTest("teams-test-" + tag, "fr").body("sent", equalTo(true));
            JsonNode teams = mapper.readTree(http.received("/teams").get(0).body());
            assertThat(teams.at("/attachments/0/contentType").asText())
                    .isEqualTo("application/vnd.microsoft.card.adaptive");
            assertThat(teams.at("/attachments/0/content/body/0/text").asText()).isEqualTo("[Accord] Message de test");
            assertThat(teams.at("/attachments/0/content/actions/0/title").asText()).isEqualTo("Ouvrir dans Accord");

            sendTest("hook-test-" + tag, null).body("sent", equalTo(true));
            RecordingHttpServer.Received hook = http.received("/hook").get(0);
            assertThat(hook.header("Content-Type")).isEqualTo("application/cloudevents+json");
            assertThat(mapper.readTree(hook.body()).path("type").asText()).isEqualTo("io.accord.notification.test.v1");
            assertThat(hook.header("X-Accord-Delivery")).isNotBlank();
            assertThat(EscalationFlowTest.receiverAccepts(hook.header(WebhookSignature.HEADER), hook.body())).isTrue();

            // a destination that refuses answers sent=false with the reason, never the URL
            sendTest("gone-test-" + tag, "en").body("sent", equalTo(false))
                    .body("error", org.hamcrest.Matchers.startsWith("HTTP 404"))
                    .body("error", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("127.0.0.1")));
            assertThat(http.received("/slack")).hasSize(1);
            asRole(Roles.AGENT).contentType(ContentType.JSON).body("{\"channelId\":\"slack-test-" + tag + "\"}")
                    .post("/api/channels/test").then().statusCode(403);
            assertThat(http.received("/slack")).hasSize(1);
        }
    }

    private static io.restassured.response.ValidatableResponse sendTest(String channelId, String locale) {
        String body = "{\"channelId\":\"" + channelId + "\"" + (locale == null ? "" : ",\"locale\":\"" + locale
                + "\"") + "}";
        return asRole(Roles.MANAGER).contentType(ContentType.JSON).body(body).post("/api/channels/test").then()
                .statusCode(200);
    }

    /**
     * sla-model's golden sample {@code routingKey} re-identified for {@code agreementId} (a fresh event id), with
     * its {@code totalCredit} set to {@code total} when given.
     */
    private static ObjectNode penaltySample(String routingKey, UUID agreementId, String total) {
        ObjectNode event = Samples.cloudEvent(routingKey);
        event.put("id", UUID.randomUUID().toString());
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("agreementId", agreementId.toString());
        if (routingKey.equals("penalty.review-required")) {
            event.put("subject", agreementId.toString());
        }
        if (total != null) {
            ((ObjectNode) data.get("totalCredit")).put("amount", total);
        }
        return event;
    }

    private void apply(EventHandler handler, ObjectNode cloudEvent) {
        InboundEvent event = Samples.inbound(cloudEvent, mapper);
        QuarkusTransaction.requiringNew().run(() -> {
            try {
                handler.handle(event);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
