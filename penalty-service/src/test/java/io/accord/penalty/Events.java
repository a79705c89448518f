package io.accord.penalty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accord.model.events.EventType;
import io.accord.model.schema.EventSchemas;
import io.accord.platform.testing.RabbitQueues;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Consumer;

/** Real CloudEvents for tests: sla-model's golden samples, adapted, published to accord.events. */
final class Events {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String CUSTOMER = "4a7d9e12-6b3f-4c8a-9e21-7f5b3d8c2e02";

    private Events() {
    }

    /** The golden sample of {@code routingKey} with a fresh event id, changed by {@code edit} on its data. */
    static ObjectNode sample(String routingKey, Consumer<ObjectNode> edit) {
        try (InputStream in = Events.class.getClassLoader().getResourceAsStream("samples/" + routingKey + ".v1.json")) {
            ObjectNode event = (ObjectNode) MAPPER.readTree(in);
            event.put("id", UUID.randomUUID().toString());
            edit.accept((ObjectNode) event.get("data"));
            return event;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hosting SLA of the golden sample (24x7 availability 99.9 %, P1 intervention fee 150.00, fee 1200.00). */
    static ObjectNode agreementActivated(UUID agreementId) {
        return sample("agreement.activated", data -> ((ObjectNode) data.get("agreement"))
                .put("agreementId", agreementId.toString()));
    }

    /** A clock verdict of the intervention objective, at P1, under version 1. */
    static ObjectNode clock(String routingKey, UUID agreementId, UUID clockId, int revision, String outcome,
            String breachedAt, String completedAt) {
        return sample(routingKey, data -> {
            data.put("clockId", clockId.toString()).put("agreementId", agreementId.toString())
                    .put("agreementVersion", 1).put("objectiveKey", "intervention").put("priority", "P1")
                    .put("revision", revision).put("outcome", outcome);
            data.remove("breachedAt");
            data.remove("completedAt");
            if (breachedAt != null) {
                data.put("breachedAt", breachedAt);
            }
            if (completedAt != null) {
                data.put("completedAt", completedAt);
            }
            data.put("occurredAt", completedAt != null ? completedAt : breachedAt);
        });
    }

    static void publish(RabbitQueues rabbit, ObjectNode event) {
        String type = event.get("type").asText();
        String routingKey = type.substring("io.accord.".length(), type.lastIndexOf(".v"));
        rabbit.publish(routingKey, event.get("id").asText(), event.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** What this service publishes matches sla-model's schema of its type (envelope and data). */
    static void assertMatchesItsSchema(RabbitQueues.Message message) {
        assertThat(EventSchemas.get().validateCloudEvent(message.body())).isEmpty();
        // validateCloudEvent checks the data against its type's schema; the routing key must name that type
        assertThat(subjectOrType(message, "type"))
                .isEqualTo(EventType.fromRoutingKey(message.routingKey()).orElseThrow().type());
    }

    /** The CloudEvent subject of a published message (the statement id of statement and penalty events). */
    static String subject(RabbitQueues.Message message) {
        return subjectOrType(message, "subject");
    }

    private static String subjectOrType(RabbitQueues.Message message, String field) {
        try {
            return MAPPER.readTree(message.body()).get(field).asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
