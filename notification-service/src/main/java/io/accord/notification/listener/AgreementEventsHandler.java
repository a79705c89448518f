package io.accord.notification.listener;

import io.accord.model.agreement.AgreementEvent;
import io.accord.model.calendar.CalendarChanged;
import io.accord.model.events.EventType;
import io.accord.notification.service.AgreementCopies;
import io.accord.platform.events.InboundEvent;
import io.accord.platform.messaging.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Set;

/** Keeps the copy of escalation policies and calendars current (queue {@code notification-service.agreements}). */
@ApplicationScoped
public class AgreementEventsHandler implements EventHandler {

    public static final String NAME = "agreements";

    private static final Set<EventType> SUBSCRIPTIONS = EnumSet.of(EventType.AGREEMENT_ACTIVATED,
            EventType.AGREEMENT_AMENDED, EventType.AGREEMENT_SUSPENDED, EventType.AGREEMENT_RESUMED,
            EventType.AGREEMENT_RENEWED, EventType.AGREEMENT_TERMINATED, EventType.AGREEMENT_EXPIRED,
            EventType.CALENDAR_CHANGED);

    private final AgreementCopies copies;

    public AgreementEventsHandler(AgreementCopies copies) {
        this.copies = copies;
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
        EventType type = event.eventType()
                .orElseThrow(() -> new IllegalArgumentException("unknown event type " + event.type()));
        if (type == EventType.CALENDAR_CHANGED) {
            copies.apply(event.data(CalendarChanged.class));
        } else {
            copies.apply(event.data(AgreementEvent.class).agreement());
        }
    }
}
