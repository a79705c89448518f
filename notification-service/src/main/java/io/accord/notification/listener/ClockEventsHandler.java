package io.accord.notification.listener;

import io.accord.model.events.EventType;
import io.accord.notification.service.EscalationService;
import io.accord.platform.events.InboundEvent;
import io.accord.platform.messaging.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

/** Escalates clock facts (queue {@code notification-service.clocks}); each event is applied once. */
@ApplicationScoped
public class ClockEventsHandler implements EventHandler {

    public static final String NAME = "clocks";

    private static final Set<EventType> SUBSCRIPTIONS = EnumSet.of(EventType.CLOCK_WARNING, EventType.CLOCK_BREACHED,
            EventType.CLOCK_COMPLETED, EventType.CLOCK_CANCELLED, EventType.CLOCK_REVISED);

    private final EscalationService escalations;
    private final Clock clock;

    public ClockEventsHandler(EscalationService escalations, Clock clock) {
        this.escalations = escalations;
        this.clock = clock;
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
        EventType type = event.knownType();
        escalations.onClockEvent(type, event, clock.instant());
    }
}
