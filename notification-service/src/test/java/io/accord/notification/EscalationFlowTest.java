package io.accord.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accord.model.schema.EventSchemas;
import io.accord.notification.domain.Acknowledgement;
import io.accord.notification.domain.Delivery;
import io.accord.notification.domain.DeliveryStatus;
import io.accord.notification.domain.MessageKind;
import io.accord.notification.domain.Reminder;
import io.accord.notification.domain.ReminderStatus;
import io.accord.notification.listener.ClockEventsHandler;
import io.accord.notification.service.DeliveryWorker;
import io.accord.notification.service.ReminderScheduler;
import io.accord.notification.service.WebhookSignature;
import io.accord.notification.support.Fixtures;
import io.accord.notification.support.GreenMailResource;
import io.accord.notification.support.RecordingHttpServer;
import io.accord.notification.support.Samples;
import io.accord.platform.agreements.AgreementEventsHandler;
import io.accord.platform.security.Roles;
import io.accord.platform.testing.RabbitQueues;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Escalations end to end against the real PostgreSQL and RabbitMQ, a real SMTP server (GreenMail) and a real HTTP
 * server standing in for Slack, Teams and a webhook receiver.
 */
@QuarkusTest
// One SMTP server for every test class, so the application starts once
@WithTestResource(value = GreenMailResource.class, scope = TestResourceScope.GLOBAL)
class EscalationFlowTest {

    static final String SECRET = "whsec-0123456789abcdef";
    static RecordingHttpServer http;

    @Inject
    AgreementEventsHandler agreements;
    @Inject
    ClockEventsHandler clocks;
    @Inject
    DeliveryWorker worker;
    @Inject
    ReminderScheduler reminders;
    @Inject
    ObjectMapper mapper;

    @BeforeAll
    static void startReceivers() {
        http = new RecordingHttpServer();
    }

    @AfterAll
    static void stopReceivers() {
        http.close();
    }

    @Test
    void aBreachDeliveredTwiceThroughRabbitMqIsEscalatedOnceOnEveryChannel() throws Exception {
        String tag = tag();
        UUID agreementId = givenAgreement(tag);
        UUID clockId = UUID.randomUUID();
        ObjectNode breach = Samples.clockEvent("clock.breached", agreementId, clockId);
        byte[] body = mapper.writeValueAsBytes(breach);
        try (RabbitQueues rabbit = RabbitQueues.connect()) {
            // Other modules' tests publish clock events on the shared exchange: don't wait behind their backlog
            rabbit.purge("notification-service-test." + ClockEventsHandler.NAME);
            rabbit.publish("clock.breached", breach.get("id").asText(), body);
            rabbit.publish("clock.breached", breach.get("id").asText(), body);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(clockId).size() == 4);
        Thread.sleep(1500); // time for the second copy to be consumed (and ignored)
        assertThat(deliveries(clockId)).hasSize(4);

        worker.sendDue(Instant.now());

        assertThat(deliveries(clockId)).allSatisfy(d -> assertThat(d.status).isEqualTo(DeliveryStatus.SENT));
        List<MimeMessage> mails = mailsTo("lead-" + tag + "@example.com");
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails.get(0);
        assertThat(mail.getSubject()).isEqualTo("[Accord] Dépassé : Hosting SLA " + tag + " - zendesk-eu 48213");
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        Map<String, String> byType = contentByType(parts);
        assertThat(byType.get("text/plain")).contains("zendesk-eu 48213 a dépassé sa cible first-response")
                .contains("Échéance : ven. 27 mars 2026, 17:00 (Europe/Paris)")
                .contains("Ouvrir dans Accord : https://accord.example.com/clocks/" + clockId);
        assertThat(byType.get("text/html")).contains("<html lang=\"fr\">").contains("Cible dépassée")
                .contains("href=\"https://nimbus.zendesk.com/agent/tickets/48213\"");

        RecordingHttpServer.Received slack = single("/slack-" + tag);
        JsonNode slackJson = mapper.readTree(slack.body());
        assertThat(slackJson.path("text").asText()).isEqualTo("[Accord] Breached: Hosting SLA " + tag
                + " - zendesk-eu 48213");
        assertThat(slackJson.path("blocks").findValuesAsText("type")).containsSubsequence("header", "section", "actions");
        assertThat(slackJson.at("/blocks/1/text/type").asText()).isEqualTo("mrkdwn");
        assertThat(slackJson.at("/blocks/2/elements/0/url").asText())
                .isEqualTo("https://accord.example.com/clocks/" + clockId);

        JsonNode teams = mapper.readTree(single("/teams-" + tag).body());
        assertThat(teams.path("type").asText()).isEqualTo("message");
        assertThat(teams.at("/attachments/0/contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(teams.at("/attachments/0/content/type").asText()).isEqualTo("AdaptiveCard");
        assertThat(teams.at("/attachments/0/content/body/0/text").asText()).startsWith("[Accord] Dépassé");
        assertThat(teams.at("/attachments/0/content/actions/0/type").asText()).isEqualTo("Action.OpenUrl");

        RecordingHttpServer.Received hook = single("/hook-" + tag);
        assertThat(hook.header("Content-Type")).isEqualTo("application/cloudevents+json");
        JsonNode forwarded = mapper.readTree(hook.body());
        assertThat(forwarded.path("id").asText()).isEqualTo(breach.get("id").asText());
        assertThat(forwarded.path("data")).isEqualTo(breach.get("data"));
        assertThat(receiverAccepts(hook.header(WebhookSignature.HEADER), hook.body())).isTrue();
        assertThat(WebhookSignature.verify(SECRET.getBytes(StandardCharsets.UTF_8), hook.header(WebhookSignature.HEADER),
                hook.body(), Instant.now(), Duration.ofMinutes(5))).isTrue();
        byte[] tampered = Arrays.copyOf(hook.body(), hook.body().length);
        tampered[10] ^= 1;
        assertThat(receiverAccepts(hook.header(WebhookSignature.HEADER), tampered)).isFalse();

        Reminder reminder = QuarkusTransaction.requiringNew().call(() -> Reminder.<Reminder>find("key.clockId", clockId)
                .singleResult());
        assertThat(reminder.status).isEqualTo(ReminderStatus.ACTIVE);
        assertThat(reminder.nextAt).isEqualTo(Instant.parse("2026-03-27T16:30:00Z"));
    }

    @Test
    void aWarningReachesItsLevelInEnglishWithTheDeadlineInTheRecipientsZone() throws Exception {
        String tag = tag();
        UUID agreementId = givenAgreement(tag);
        UUID clockId = UUID.randomUUID();
        apply(Samples.clockEvent("clock.warning", agreementId, clockId));

        worker.sendDue(Instant.now());

        List<MimeMessage> mails = mailsTo("duty-" + tag + "@example.com");
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject())
                .isEqualTo("[Accord] Warning 75%: Hosting SLA " + tag + " - zendesk-eu 48213");
        String text = contentByType((MimeMultipart) mails.get(0).getContent()).get("text/plain");
        assertThat(text).contains("has used 75% of its first-response target. Time left: 30 min.")
                .contains("Deadline: Fri 27 Mar 2026, 17:00 (Europe/Paris)").contains("Target: 2 h");
        // Only the 75 % level fired: nobody else heard of a warning
        assertThat(deliveries(clockId)).extracting(d -> d.level).containsExactly(1);
    }

    @Test
    void aFailingWebhookIsRetriedWithBackoffAndARefusingChatIsFinal() throws Exception {
        String tag = tag();
        UUID agreementId = givenAgreement(tag);
        UUID clockId = UUID.randomUUID();
        try (RabbitQueues rabbit = RabbitQueues.connect()) {
            String failures = rabbit.listen("notification.failed");
            apply(Samples.clockEvent("clock.breached", agreementId, clockId));
            Instant now = Instant.now();
            http.answer("/slack-" + tag, 400);
            http.answer("/hook-" + tag, 500);
            worker.sendDue(now);

            Delivery slack = delivery(clockId, "slack-" + tag);
            assertThat(slack.status).isEqualTo(DeliveryStatus.FAILED);
            assertThat(slack.lastError).startsWith("HTTP 400");
            Delivery hook = delivery(clockId, "hook-" + tag);
            assertThat(hook.status).isEqualTo(DeliveryStatus.RETRYING);
            assertThat(hook.attempts).isEqualTo(1);
            assertThat(hook.lastError).startsWith("HTTP 500");
            assertThat(hook.nextAttemptAt).isBetween(now.plusSeconds(30), now.plusSeconds(37));

            worker.sendDue(now.plusSeconds(10)); // not due yet
            assertThat(http.received("/hook-" + tag)).hasSize(1);
            worker.sendDue(now.plusSeconds(40));
            hook = delivery(clockId, "hook-" + tag);
            assertThat(hook.status).isEqualTo(DeliveryStatus.SENT);
            assertThat(hook.attempts).isEqualTo(2);
            List<RecordingHttpServer.Received> attempts = http.received("/hook-" + tag);
            assertThat(attempts).hasSize(2);
            assertThat(attempts.get(0).header("X-Accord-Delivery")).isEqualTo(attempts.get(1).header("X-Accord-Delivery"));
            assertThat(http.received("/slack-" + tag)).hasSize(1);

            // Other tests' failures travel on the same exchange: take the one about this delivery
            JsonNode data = null;
            Instant giveUp = Instant.now().plusSeconds(10);
            while (data == null && Instant.now().isBefore(giveUp)) {
                var failed = rabbit.next(failures, Duration.ofSeconds(10)).orElseThrow();
                assertThat(EventSchemas.get().validateCloudEvent(failed.body())).isEmpty();
                JsonNode candidate = mapper.readTree(failed.body()).path("data");
                if (candidate.path("notificationId").asText().equals(slack.id.toString())) {
                    data = candidate;
                }
            }
            assertThat(data).as("a notification.failed event for the Slack delivery").isNotNull();
            assertThat(data.path("channel").asText()).isEqualTo("SLACK");
            assertThat(data.path("lastError").asText()).startsWith("HTTP 400");
        }
        UUID slackId = delivery(clockId, "slack-" + tag).id;
        asRole(Roles.VIEWER).queryParam("clockId", clockId).queryParam("status", "FAILED")
                .get("/api/notifications").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].id", equalTo(slackId.toString())).body("items[0].channel", equalTo("SLACK"));
        asRole(Roles.MANAGER).post("/api/notifications/{id}/retry", slackId).then().statusCode(200)
                .body("status", equalTo("SENT")).body("attempts", equalTo(1));
        assertThat(http.received("/slack-" + tag)).hasSize(2);
        asRole(Roles.MANAGER).post("/api/notifications/{id}/retry", slackId).then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void remindersRepeatUntilAcknowledgedThenStop() throws Exception {
        String tag = tag();
        UUID agreementId = givenAgreement(tag);
        UUID clockId = UUID.randomUUID();
        apply(Samples.clockEvent("clock.breached", agreementId, clockId));
        Instant breach = Instant.parse("2026-03-27T16:00:00Z");

        reminders.fireDue(breach.plus(Duration.ofMinutes(29)));
        assertThat(reminderDeliveries(clockId)).isEmpty();
        reminders.fireDue(breach.plus(Duration.ofMinutes(30)));
        reminders.fireDue(breach.plus(Duration.ofMinutes(30))); // same instant again: nothing more
        reminders.fireDue(breach.plus(Duration.ofMinutes(60)));
        assertThat(reminderDeliveries(clockId)).hasSize(2)
                .allSatisfy(d -> assertThat(d.recipient).isEqualTo("oncall-" + tag + "@example.com"));

        worker.sendDue(Instant.now());
        List<MimeMessage> mails = mailsTo("oncall-" + tag + "@example.com");
        assertThat(mails).hasSize(2);
        assertThat(mails).extracting(MimeMessage::getSubject).allMatch(s -> s.contains("still breached"));
        assertThat(contentByType((MimeMultipart) mails.get(0).getContent()).get("text/plain"))
                .contains("(America/New_York)");

        given().contentType(ContentType.JSON).body("{\"note\":\"on it\"}")
                .post("/api/escalations/{clockId}/ack", clockId).then().statusCode(401);
        asRole(Roles.VIEWER).contentType(ContentType.JSON).body("{}")
                .post("/api/escalations/{clockId}/ack", clockId).then().statusCode(403);
        asRole(Roles.AGENT).contentType(ContentType.JSON).body("{\"note\":\"on it\"}")
                .post("/api/escalations/{clockId}/ack", clockId).then().statusCode(200)
                .body("acknowledgedBy", equalTo(io.accord.notification.support.TestTokens.userOf(Roles.AGENT))).body("note", equalTo("on it"));

        reminders.fireDue(breach.plus(Duration.ofMinutes(90)));
        reminders.fireDue(breach.plus(Duration.ofHours(5)));
        assertThat(reminderDeliveries(clockId)).hasSize(2);
        asRole(Roles.VIEWER).get("/api/escalations/{clockId}", clockId).then().statusCode(200)
                .body("reminders[0].status", equalTo("STOPPED")).body("reminders[0].stopReason", equalTo("ACKNOWLEDGED"))
                .body("reminders[0].sent", equalTo(2)).body("acknowledgement.acknowledgedBy", equalTo(io.accord.notification.support.TestTokens.userOf(Roles.AGENT)));
        Acknowledgement ack = QuarkusTransaction.requiringNew().call(() -> Acknowledgement.findById(clockId));
        assertThat(ack).isNotNull();
    }

    @Test
    void completionStopsReminders() throws Exception {
        String tag = tag();
        UUID agreementId = givenAgreement(tag);
        UUID clockId = UUID.randomUUID();
        apply(Samples.clockEvent("clock.breached", agreementId, clockId));
        apply(Samples.clockEvent("clock.completed", agreementId, clockId));
        reminders.fireDue(Instant.parse("2026-03-27T18:00:00Z"));
        assertThat(reminderDeliveries(clockId)).isEmpty();
        Reminder reminder = QuarkusTransaction.requiringNew().call(() -> Reminder.<Reminder>find("key.clockId", clockId)
                .singleResult());
        assertThat(reminder.stopReason).isEqualTo("COMPLETED");
    }

    @Test
    void aRevisionWithdrawingTheBreachCorrectsWhoWasTold() throws Exception {
        String tag = tag();
        UUID agreementId = givenAgreement(tag);
        UUID clockId = UUID.randomUUID();
        apply(Samples.clockEvent("clock.breached", agreementId, clockId));
        worker.sendDue(Instant.now());
        assertThat(mailsTo("lead-" + tag + "@example.com")).hasSize(1);

        apply(Samples.clockEvent("clock.revised", agreementId, clockId));
        List<Delivery> corrections = deliveries(clockId).stream().filter(d -> d.messageKind == MessageKind.CORRECTION)
                .toList();
        assertThat(corrections).extracting(d -> d.recipient).containsExactlyInAnyOrder("lead-" + tag + "@example.com",
                "slack-" + tag, "teams-" + tag, "hook-" + tag);
        worker.sendDue(Instant.now());

        List<MimeMessage> mails = mailsTo("lead-" + tag + "@example.com");
        assertThat(mails).hasSize(2);
        assertThat(mails.get(1).getSubject()).isEqualTo("[Accord] Dépassement annulé : Hosting SLA " + tag
                + " - zendesk-eu 48213");
        assertThat(contentByType((MimeMultipart) mails.get(1).getContent()).get("text/plain"))
                .contains("Merci d'ignorer l'alerte précédente").contains("résultat : MET");
        Reminder reminder = QuarkusTransaction.requiringNew().call(() -> Reminder.<Reminder>find("key.clockId", clockId)
                .singleResult());
        assertThat(reminder.status).isEqualTo(ReminderStatus.STOPPED);
        assertThat(reminder.stopReason).isEqualTo("BREACH_WITHDRAWN");
    }

    // --- helpers ---

    private UUID givenAgreement(String tag) {
        UUID agreementId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            try {
                agreements.handle(Samples.inbound(Fixtures.agreementActivated(agreementId, tag), mapper));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        createChannel("slack-" + tag, "SLACK", http.url("/slack-" + tag), null);
        createChannel("teams-" + tag, "TEAMS", http.url("/teams-" + tag), null);
        createChannel("hook-" + tag, "WEBHOOK", http.url("/hook-" + tag), SECRET);
        return agreementId;
    }

    static void createChannel(String id, String kind, String url, String secret) {
        ObjectNode body = Samples.MAPPER.createObjectNode().put("id", id).put("kind", kind).put("name", id)
                .put("url", url);
        if (secret != null) {
            body.put("secret", secret);
        }
        asRole(Roles.ADMIN).contentType(ContentType.JSON).body(body.toString()).post("/api/channels").then()
                .statusCode(201);
    }

    /** A caller with {@code role} and the roles it includes, as Keycloak's composite roles put them in the token. */
    static io.restassured.specification.RequestSpecification asRole(String role) {
        return given().auth().oauth2(io.accord.notification.support.TestTokens.forRole(role));
    }

    private void apply(ObjectNode cloudEvent) {
        QuarkusTransaction.requiringNew().run(() -> {
            try {
                clocks.handle(Samples.inbound(cloudEvent, mapper));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static List<Delivery> deliveries(UUID clockId) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>list("clockId = ?1 order by createdAt, id",
                clockId));
    }

    private static List<Delivery> reminderDeliveries(UUID clockId) {
        return deliveries(clockId).stream().filter(d -> d.messageKind == MessageKind.REMINDER).toList();
    }

    private static Delivery delivery(UUID clockId, String recipient) {
        return deliveries(clockId).stream().filter(d -> d.recipient.equals(recipient)).findFirst().orElseThrow();
    }

    private static RecordingHttpServer.Received single(String path) {
        List<RecordingHttpServer.Received> received = http.received(path);
        assertThat(received).hasSize(1);
        return received.get(0);
    }

    static List<MimeMessage> mailsTo(String address) throws Exception {
        GreenMailResource.smtp.waitForIncomingEmail(500, 1);
        return Arrays.stream(GreenMailResource.smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    static Map<String, String> contentByType(MimeMultipart multipart) throws Exception {
        Map<String, String> byType = new java.util.HashMap<>();
        collect(multipart, byType);
        return byType;
    }

    private static void collect(MimeMultipart multipart, Map<String, String> byType) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            Object content = part.getContent();
            if (content instanceof MimeMultipart nested) {
                collect(nested, byType);
            } else {
                byType.put(part.getContentType().split(";")[0].trim().toLowerCase(), content.toString());
            }
        }
    }

    /** What a receiver does, with nothing but the JDK: recompute the HMAC over "t.body" and compare. */
    static boolean receiverAccepts(String header, byte[] body) throws Exception {
        Map<String, String> parts = Arrays.stream(header.split(",")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p[1]));
        long t = Long.parseLong(parts.get("t"));
        if (Math.abs(Instant.now().getEpochSecond() - t) > 300) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
        String expected = java.util.HexFormat.of().formatHex(mac.doFinal(body));
        return java.security.MessageDigest.isEqual(expected.getBytes(), parts.get("v1").getBytes());
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
