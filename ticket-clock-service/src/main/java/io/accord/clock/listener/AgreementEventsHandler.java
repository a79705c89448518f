package io.accord.clock.listener;

import io.accord.clock.service.AgreementCopyUpdater;
import io.accord.model.agreement.AgreementEvent;
import io.accord.model.calendar.CalendarChanged;
import io.accord.model.events.EventType;
import io.accord.platform.events.InboundEvent;
import io.accord.platform.messaging.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Set;

/** Keeps the agreement copy current from agreement-service's events (queue {@code ticket-clock-service.agreements}). */
@ApplicationScoped
public class AgreementEventsHandler implements EventHandler {

    public static final String NAME = "agreements";

    private static final Set<EventType> SUBSCRIPTIONS = EnumSet.of(EventType.AGREEMENT_ACTIVATED,
            EventType.AGREEMENT_AMENDED, EventType.AGREEMENT_SUSPENDED, EventType.AGREEMENT_RESUMED,
            EventType.AGREEMENT_RENEWED, EventType.AGREEMENT_TERMINATED, EventType.AGREEMENT_EXPIRED,
            EventType.CALENDAR_CHANGED);

    private final AgreementCopyUpdater updater;

    public AgreementEventsHandler(AgreementCopyUpdater updater) {
        this.updater = updater;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<EventType> subscriptions() {
        return SUBSCRIPTIONS;
    }

    @Override
    public void handle(InboundEvent event) {
        EventType type = event.eventType().orElseThrow(
                () -> new IllegalArgumentException("unknown event type " + event.type()));
        if (type == EventType.CALENDAR_CHANGED) {
            updater.apply(event.data(CalendarChanged.class));
        } else {
            updater.apply(type, event.data(AgreementEvent.class));
        }
    }
}
