package io.accord.penalty.listener;

import io.accord.model.agreement.AgreementEvent;
import io.accord.model.calendar.CalendarChanged;
import io.accord.model.events.EventType;
import io.accord.penalty.service.AgreementCopies;
import io.accord.platform.events.InboundEvent;
import io.accord.platform.messaging.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Set;

/** Keeps the copy of agreement versions (and their embedded calendars) up to date. */
@ApplicationScoped
public class AgreementEventsHandler implements EventHandler {

    public static final String NAME = "agreement-events";

    private final AgreementCopies agreements;

    public AgreementEventsHandler(AgreementCopies agreements) {
        this.agreements = agreements;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<EventType> subscriptions() {
        return EnumSet.of(EventType.AGREEMENT_ACTIVATED, EventType.AGREEMENT_AMENDED, EventType.AGREEMENT_SUSPENDED,
                EventType.AGREEMENT_RESUMED, EventType.AGREEMENT_RENEWED, EventType.AGREEMENT_TERMINATED,
                EventType.AGREEMENT_EXPIRED, EventType.CALENDAR_CHANGED);
    }

    @Override
    public void handle(InboundEvent event) {
        if (event.eventType().orElse(null) == EventType.CALENDAR_CHANGED) {
            agreements.applyCalendar(event.data(CalendarChanged.class));
            return;
        }
        AgreementEvent data = event.data(AgreementEvent.class);
        agreements.apply(data.agreement(), data.occurredAt());
    }
}
