package io.accord.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accord.model.events.EventType;
import java.time.Instant;
import java.util.Optional;

/**
 * An event as a consumer receives it: the CloudEvent attributes Accord relies on and the JSON
 * {@code data}, read into the consumer's own record with {@link #data(Class)} (unknown fields are ignored).
 */
public record InboundEvent(String id, String type, String source, String subject, Instant time, JsonNode data,
        ObjectMapper mapper) {

    /** The catalogue entry of this event, empty when the type is newer than this service knows. */
    public Optional<EventType> eventType() {
        return EventType.fromType(type);
    }

    /**
     * The catalogue entry of this event, for a handler that only receives the types it subscribed to: a type this
     * service does not know cannot become readable by retrying, so it goes to the dead-letter queue at once.
     */
    public EventType knownType() {
        return eventType().orElseThrow(() -> new UnreadableEventException("event " + id + " has the unknown type "
                + type, null));
    }

    public <T> T data(Class<T> dataType) {
        try {
            return mapper.treeToValue(data, dataType);
        } catch (Exception e) {
            throw new UnreadableEventException("event " + id + " of type " + type + " has data that is not a "
                    + dataType.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
