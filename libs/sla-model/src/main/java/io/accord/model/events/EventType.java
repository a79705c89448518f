package io.accord.model.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue of facts Accord's services publish on the {@code accord.events} exchange.
 *
 * <p>Each entry knows its CloudEvent {@link #type()} ({@code io.accord.clock.breached.v1}) and its
 * AMQP {@link #routingKey()} ({@code clock.breached}: no prefix, no version, so a consumer bound to a
 * key keeps receiving the fact when its schema gains a version).
 *
 * <pre>{@code
 * EventType.CLOCK_BREACHED.type();        // "io.accord.clock.breached.v1"
 * EventType.CLOCK_BREACHED.routingKey();  // "clock.breached"
 * EventType.fromType("io.accord.clock.breached.v1"); // Optional[CLOCK_BREACHED]
 * }</pre>
 */
public enum EventType {
    AGREEMENT_ACTIVATED("agreement", "activated", 1),
    AGREEMENT_AMENDED("agreement", "amended", 1),
    AGREEMENT_SUSPENDED("agreement", "suspended", 1),
    AGREEMENT_RESUMED("agreement", "resumed", 1),
    AGREEMENT_RENEWED("agreement", "renewed", 1),
    AGREEMENT_TERMINATED("agreement", "terminated", 1),
    AGREEMENT_EXPIRED("agreement", "expired", 1),
    CALENDAR_CHANGED("calendar", "changed", 1),
    CLOCK_STARTED("clock", "started", 1),
    CLOCK_PAUSED("clock", "paused", 1),
    CLOCK_RESUMED("clock", "resumed", 1),
    CLOCK_WARNING("clock", "warning", 1),
    CLOCK_BREACHED("clock", "breached", 1),
    CLOCK_COMPLETED("clock", "completed", 1),
    CLOCK_CANCELLED("clock", "cancelled", 1),
    CLOCK_REVISED("clock", "revised", 1),
    STATEMENT_UPDATED("statement", "updated", 1),
    STATEMENT_CLOSED("statement", "closed", 1),
    PENALTY_ASSESSED("penalty", "assessed", 1),
    PENALTY_REVIEW_REQUIRED("penalty", "review-required", 1),
    NOTIFICATION_SENT("notification", "sent", 1),
    NOTIFICATION_FAILED("notification", "failed", 1);

    /** The one topic exchange every event goes through. */
    public static final String EXCHANGE = "accord.events";

    private static final String TYPE_PREFIX = "io.accord.";

    private final String aggregate;
    private final String event;
    private final int version;

    EventType(String aggregate, String event, int version) {
        this.aggregate = aggregate;
        this.event = event;
        this.version = version;
    }

    /** The aggregate the fact is about, e.g. {@code clock}. */
    public String aggregate() {
        return aggregate;
    }

    /** The schema version of the event's {@code data}. */
    public int version() {
        return version;
    }

    /** The CloudEvent {@code type} attribute, e.g. {@code io.accord.clock.breached.v1}. */
    public String type() {
        return TYPE_PREFIX + aggregate + "." + event + ".v" + version;
    }

    /** The AMQP routing key, e.g. {@code clock.breached}. */
    public String routingKey() {
        return aggregate + "." + event;
    }

    /** The entry whose CloudEvent type is {@code type}, empty for types this build does not know. */
    public static Optional<EventType> fromType(String type) {
        return Arrays.stream(values()).filter(t -> t.type().equals(type)).findFirst();
    }

    /** The entry whose routing key is {@code routingKey}, empty for unknown keys. */
    public static Optional<EventType> fromRoutingKey(String routingKey) {
        return Arrays.stream(values()).filter(t -> t.routingKey().equals(routingKey)).findFirst();
    }
}
