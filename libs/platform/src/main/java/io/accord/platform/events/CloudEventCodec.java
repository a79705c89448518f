package io.accord.platform.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accord.model.events.EventType;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes and reads Accord's events as structured CloudEvents 1.0 JSON
 * ({@code application/cloudevents+json}), through the CloudEvents SDK.
 *
 * <p>The source is {@code /accord/<service>}; times are UTC at millisecond precision; {@code data}
 * is the event's record as JSON.
 */
@ApplicationScoped
public class CloudEventCodec {

    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;

    private final JsonFormat format = new JsonFormat();
    private final ObjectMapper mapper;
    private final URI source;

    public CloudEventCodec(ObjectMapper mapper, @ConfigProperty(name = "accord.service.name") String serviceName) {
        // Consumers ignore fields they do not know, whatever the application's own mapper says
        this.mapper = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.source = URI.create("/accord/" + serviceName);
    }

    /** A new event about {@code subject}, with a fresh id and the current time. */
    public OutboundEvent create(EventType type, String subject, Object data) {
        return create(UUID.randomUUID(), type, subject, Instant.now(), data);
    }

    public OutboundEvent create(UUID id, EventType type, String subject, Instant time, Object data) {
        try {
            CloudEvent event = CloudEventBuilder.v1()
                    .withId(id.toString())
                    .withSource(source)
                    .withType(type.type())
                    .withSubject(subject)
                    .withTime(time.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC))
                    .withDataContentType("application/json")
                    .withData(mapper.writeValueAsBytes(data))
                    .build();
            return new OutboundEvent(id, type, subject, format.serialize(event));
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot write " + type.type() + " data for " + subject, e);
        }
    }

    /** Reads a structured CloudEvent; fails with a message saying what is wrong when it is not one. */
    public InboundEvent read(byte[] body) {
        CloudEvent event;
        try {
            event = format.deserialize(body);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a structured CloudEvent: " + e.getMessage(), e);
        }
        try {
            JsonNode data = event.getData() == null ? mapper.nullNode() : mapper.readTree(event.getData().toBytes());
            Instant time = event.getTime() == null ? null : event.getTime().toInstant();
            return new InboundEvent(event.getId(), event.getType(), String.valueOf(event.getSource()),
                    event.getSubject(), time, data, mapper);
        } catch (Exception e) {
            throw new IllegalArgumentException("event " + event.getId() + " has unreadable data: " + e.getMessage(), e);
        }
    }
}
