package io.accord.platform.messaging;

import io.accord.model.events.EventType;
import io.accord.platform.events.InboundEvent;
import java.util.Set;

/**
 * A consumer of Accord events. Declare one as an {@code @ApplicationScoped} bean and the platform
 * gives it a durable quorum queue {@code <service>.<name>} bound to the routing keys of
 * {@link #subscriptions()}, with a dead-letter queue {@code <service>.<name>.dlq}.
 *
 * <p>{@link #handle} runs inside a database transaction that also records the event id, so a
 * redelivered event is never applied twice; the message is acknowledged after the commit. An
 * exception rolls everything back and the message is delivered again, up to the delivery limit,
 * then dead-lettered.
 */
public interface EventHandler {

    /** A short stable name, part of the queue name: {@code clock-events}. */
    String name();

    /** The events this consumer needs; each is bound by its routing key. */
    Set<EventType> subscriptions();

    /** Applies one event, inside the consumer's transaction. */
    void handle(InboundEvent event) throws Exception;
}
