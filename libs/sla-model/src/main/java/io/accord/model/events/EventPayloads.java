package io.accord.model.events;

import io.accord.model.agreement.AgreementEvent;
import io.accord.model.calendar.CalendarChanged;
import io.accord.model.clock.ClockEvent;
import io.accord.model.notification.NotificationOutcome;
import io.accord.model.penalty.PenaltyAssessed;
import io.accord.model.penalty.PenaltyReviewRequired;
import io.accord.model.statement.StatementClosed;
import io.accord.model.statement.StatementUpdated;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The record each event type's {@code data} reads into. An event type is published only once it has a record
 * here, a JSON Schema ({@code schemas/<routing key>.v<N>.json}) and a golden sample
 * ({@code samples/<routing key>.v<N>.json}); the module's tests check the three agree.
 *
 * <pre>{@code
 * AgreementEvent data = inbound.data(EventPayloads.recordOf(EventType.AGREEMENT_ACTIVATED).orElseThrow());
 * }</pre>
 */
public final class EventPayloads {

    private static final Map<EventType, Class<?>> RECORDS;

    static {
        Map<EventType, Class<?>> records = new EnumMap<>(EventType.class);
        records.put(EventType.AGREEMENT_ACTIVATED, AgreementEvent.class);
        records.put(EventType.AGREEMENT_AMENDED, AgreementEvent.class);
        records.put(EventType.AGREEMENT_SUSPENDED, AgreementEvent.class);
        records.put(EventType.AGREEMENT_RESUMED, AgreementEvent.class);
        records.put(EventType.AGREEMENT_RENEWED, AgreementEvent.class);
        records.put(EventType.AGREEMENT_TERMINATED, AgreementEvent.class);
        records.put(EventType.AGREEMENT_EXPIRED, AgreementEvent.class);
        records.put(EventType.CALENDAR_CHANGED, CalendarChanged.class);
        records.put(EventType.CLOCK_STARTED, ClockEvent.class);
        records.put(EventType.CLOCK_PAUSED, ClockEvent.class);
        records.put(EventType.CLOCK_RESUMED, ClockEvent.class);
        records.put(EventType.CLOCK_WARNING, ClockEvent.class);
        records.put(EventType.CLOCK_BREACHED, ClockEvent.class);
        records.put(EventType.CLOCK_COMPLETED, ClockEvent.class);
        records.put(EventType.CLOCK_CANCELLED, ClockEvent.class);
        records.put(EventType.CLOCK_REVISED, ClockEvent.class);
        records.put(EventType.STATEMENT_UPDATED, StatementUpdated.class);
        records.put(EventType.STATEMENT_CLOSED, StatementClosed.class);
        records.put(EventType.PENALTY_ASSESSED, PenaltyAssessed.class);
        records.put(EventType.PENALTY_REVIEW_REQUIRED, PenaltyReviewRequired.class);
        records.put(EventType.NOTIFICATION_SENT, NotificationOutcome.class);
        records.put(EventType.NOTIFICATION_FAILED, NotificationOutcome.class);
        RECORDS = Collections.unmodifiableMap(records);
    }

    private EventPayloads() {
    }

    /** The record of {@code type}'s data; empty for types not published yet. */
    public static Optional<Class<?>> recordOf(EventType type) {
        return Optional.ofNullable(RECORDS.get(type));
    }

    /** Every event type published so far, with its record. */
    public static Map<EventType, Class<?>> all() {
        return RECORDS;
    }

    /** The schema's classpath resource, e.g. {@code schemas/agreement.activated.v1.json}. */
    public static String schemaResource(EventType type) {
        return "schemas/" + type.routingKey() + ".v" + type.version() + ".json";
    }

    /** The golden sample's classpath resource, e.g. {@code samples/agreement.activated.v1.json}. */
    public static String sampleResource(EventType type) {
        return "samples/" + type.routingKey() + ".v" + type.version() + ".json";
    }
}
