package io.accord.notification.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accord.platform.events.InboundEvent;
import java.time.temporal.ChronoUnit;

/** The CloudEvent a delivery is about, kept as structured JSON so webhooks forward it as received. */
public final class ReceivedEvents {

    private ReceivedEvents() {
    }

    public static String toJson(InboundEvent event, ObjectMapper mapper) {
        ObjectNode node = mapper.createObjectNode();
        node.put("specversion", "1.0");
        node.put("id", event.id());
        node.put("source", event.source());
        node.put("type", event.type());
        if (event.subject() != null) {
            node.put("subject", event.subject());
        }
        if (event.time() != null) {
            node.put("time", event.time().truncatedTo(ChronoUnit.MILLIS).toString());
        }
        node.put("datacontenttype", "application/json");
        node.set("data", event.data() == null ? mapper.nullNode() : event.data());
        return node.toString();
    }

    public static JsonNode read(String json, ObjectMapper mapper) {
        try {
            return mapper.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("stored event is not JSON", e);
        }
    }
}
