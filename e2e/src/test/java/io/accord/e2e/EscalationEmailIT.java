package io.accord.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The whole way from a ticket to an inbox: an SLA whose breach level emails the account lead in French, a P1 ticket
 * that nobody answers, the breach detected by ticket-clock-service, and the email delivered by notification-service
 * over SMTP to the stack's mail sink, where it is read back through the sink's API.
 */
class EscalationEmailIT {

    private static final int MAIL_API = 8190;

    @Test
    void aMissedFirstResponseReachesTheLeadsInboxInFrench() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String source = "e2e-mail";
        String customer = "org-" + run;
        String lead = "lead-" + run + "@example.com";
        Stack.activeSla(source, customer, Duration.ofSeconds(10), """
                {"levels": [{"level": 1, "name": "Tell the lead", "trigger": {"kind": "BREACH"}, "urgent": true,
                  "recipients": [{"email": "%s", "locale": "fr", "zone": "Europe/Paris"}]}]}""".formatted(lead));

        String ticket = "T-" + run;
        Stack.gateway(Stack.token("agent")).contentType("application/json").body(Map.of("source", source,
                "externalId", ticket, "itemType", "ticket", "customerRef", customer, "priority", "P1",
                "status", "NEW", "eventType", "CREATED", "occurredAt", Instant.now().toString(),
                "title", "Site down")).post("/api/work-items/events").then().statusCode(200);

        // Ten seconds later the clock breaches; the email follows (the lead also hears of the probe item that
        // Stack.activeSla posted, under the same agreement)
        List<Map<String, Object>> inbox = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> messagesAbout(lead, ticket), messages -> !messages.isEmpty());
        Stack.pause(Duration.ofSeconds(2));
        inbox = messagesAbout(lead, ticket);
        assertThat(inbox).as("one email about %s", ticket).hasSize(1);
        String subject = (String) inbox.get(0).get("subject");
        assertThat(subject).contains("Dépassé").contains("E2E ").contains(source + " " + ticket);
        String mime = (String) inbox.get(0).get("mimeMessage");
        assertThat(mime).contains("multipart/alternative").contains("text/plain").contains("text/html");

        // The notification log tells the same: one email, sent, for that clock
        String clockId = Stack.gateway(Stack.token("viewer")).get("/api/work-items/{s}/{id}", source, ticket).then()
                .statusCode(200).extract().path("clocks[0].clockId");
        JsonPath log = Stack.gateway(Stack.token("viewer")).queryParam("clockId", clockId)
                .get("/api/notifications").then().statusCode(200).extract().jsonPath();
        assertThat(log.getList("items.status", String.class)).containsExactly("SENT");
        assertThat(log.getList("items.recipient", String.class)).containsExactly(lead);
    }

    /**
     * The messages in the address's inbox whose subject names the ticket; empty while nothing was delivered to the
     * address (the sink then knows no such user).
     */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> messagesAbout(String address, String ticket) {
        io.restassured.response.Response inbox = given().port(MAIL_API)
                .get("/api/user/{address}/messages/INBOX", address);
        List<Map<String, Object>> messages = inbox.statusCode() == 200 ? inbox.as(List.class) : List.of();
        return messages.stream().filter(m -> String.valueOf(m.get("subject")).contains(ticket)).toList();
    }
}
