package io.accord.platform.events;

import io.accord.model.events.EventType;
import java.util.UUID;

/** An event ready to publish: its id (also the AMQP message-id), type, subject and serialized CloudEvent. */
public record OutboundEvent(UUID id, EventType type, String subject, byte[] body) {
}
