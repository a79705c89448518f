package io.accord.notification.listener;

import io.accord.model.events.EventType;
import io.accord.notification.service.PenaltyEscalations;
import io.accord.platform.events.InboundEvent;
import io.accord.platform.messaging.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

/** Escalates penalties and review signals (queue {@code notification-service.penalties}). */
@ApplicationScoped
public class PenaltyEventsHandler implements EventHandler {

    public static final String NAME = "penalties";

    private static final Set<EventType> SUBSCRIPTIONS = EnumSet.of(EventType.PENALTY_ASSESSED,
            EventType.PENALTY_REVIEW_REQUIRED);

    private final PenaltyEscalations escalations;
    private final Clock clock;

    public PenaltyEventsHandler(PenaltyEscalations escalations, Clock clock) {
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
        escalations.onPenaltyEvent(type, event, clock.instant());
    }
}
