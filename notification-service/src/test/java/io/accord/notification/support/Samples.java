package io.accord.notification.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.accord.platform.events.InboundEvent;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;

/** sla-model's golden samples, copied and re-identified so every test has its own agreement, clock and event ids. */
public final class Samples {

    public static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule());

    private Samples() {
    }

    /** The golden CloudEvent {@code samples/<name>.v1.json}, as a mutable tree. */
    public static ObjectNode cloudEvent(String name) {
        try (InputStream in = Samples.class.getClassLoader().getResourceAsStream("samples/" + name + ".v1.json")) {
            if (in == null) {
                throw new IllegalStateException("no golden sample " + name);
            }
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A clock event from the golden sample, for this agreement and clock, with a fresh event id. */
    public static ObjectNode clockEvent(String name, UUID agreementId, UUID clockId) {
        ObjectNode event = cloudEvent(name);
        event.put("id", UUID.randomUUID().toString());
        event.put("subject", clockId.toString());
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("clockId", clockId.toString());
        data.put("agreementId", agreementId.toString());
        return event;
    }

    public static InboundEvent inbound(JsonNode cloudEvent, ObjectMapper mapper) {
        return new InboundEvent(cloudEvent.get("id").asText(), cloudEvent.get("type").asText(),
                cloudEvent.get("source").asText(), cloudEvent.path("subject").asText(null),
                Instant.parse(cloudEvent.get("time").asText()), cloudEvent.get("data"), mapper);
    }
}
