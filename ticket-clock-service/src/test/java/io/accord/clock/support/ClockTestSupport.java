package io.accord.clock.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accord.model.schema.EventSchemas;
import io.accord.platform.testing.RabbitQueues;
import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the service's tests share: posting events, publishing agreements, reading clock events from RabbitMQ. */
public final class ClockTestSupport {

    public static final ObjectMapper JSON = new ObjectMapper();

    private ClockTestSupport() {
    }

    /** Posts a body as an integration would (the caller sets the identity with @TestSecurity). */
    public static ValidatableResponse post(Object body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/work-items/events").then();
    }

    public static Map<String, Object> event(String source, String externalId, String eventType, String occurredAt,
            Object... more) {
        Map<String, Object> event = new java.util.LinkedHashMap<>();
        event.put("source", source);
        event.put("externalId", externalId);
        event.put("itemType", "ticket");
        event.put("eventType", eventType);
        event.put("occurredAt", occurredAt);
        for (int i = 0; i < more.length; i += 2) {
            event.put((String) more[i], more[i + 1]);
        }
        return event;
    }

    /** Publishes an agreement event to RabbitMQ and waits until the service's copy holds the version. */
    public static void publishAgreement(RabbitQueues rabbit, AgroalDataSource db, String event, ObjectNode agreement,
            String occurredAt) {
        ObjectNode cloudEvent = AgreementFixtures.event(event, agreement, occurredAt);
        rabbit.publish("agreement." + event, cloudEvent.get("id").asText(),
                cloudEvent.toString().getBytes(StandardCharsets.UTF_8));
        UUID agreementId = UUID.fromString(agreement.get("agreementId").asText());
        int version = agreement.get("version").asInt();
        await().atMost(Duration.ofSeconds(20)).until(() -> count(db,
                "select count(*) from processed_event where event_id = '" + cloudEvent.get("id").asText() + "'") == 1
                && count(db, "select count(*) from agreement_version where agreement_id = '" + agreementId
                        + "' and version = " + version) == 1);
    }

    /** The clock events about one item that arrive on {@code queue} within {@code window}, each schema-checked. */
    public static List<JsonNode> clockEvents(RabbitQueues rabbit, String queue, String source, String externalId,
            Duration window) {
        List<JsonNode> events = new ArrayList<>();
        for (RabbitQueues.Message message : rabbit.drain(queue, window)) {
            JsonNode body = read(message.body());
            // Other tests publish to the same exchange, malformed events included: only this item's are checked
            JsonNode item = body.path("data").path("item");
            if (!source.equals(item.path("source").asText()) || !externalId.equals(item.path("externalId").asText())) {
                continue;
            }
            assertThat(EventSchemas.get().validateCloudEvent(message.body()))
                    .as("%s %s", message.routingKey(), message.body()).isEmpty();
            assertThat(message.messageId()).isEqualTo(body.get("id").asText());
            events.add(body);
        }
        return events;
    }

    public static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.get("type").asText().replace("io.accord.", "").replace(".v1", "")).toList();
    }

    public static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(AgroalDataSource db, String sql) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
