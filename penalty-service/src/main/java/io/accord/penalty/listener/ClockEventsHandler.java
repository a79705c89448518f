package io.accord.penalty.listener;

import io.accord.model.clock.ClockEvent;
import io.accord.model.events.EventType;
import io.accord.penalty.service.ClockLedger;
import io.accord.platform.events.InboundEvent;
import io.accord.platform.messaging.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;

/** Clock verdicts into statements: the platform applies each event once, in one transaction with its effect. */
@ApplicationScoped
public class ClockEventsHandler implements EventHandler {

    public static final String NAME = "clock-events";

    private final ClockLedger ledger;

    public ClockEventsHandler(ClockLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<EventType> subscriptions() {
        return Set.of(EventType.CLOCK_BREACHED, EventType.CLOCK_COMPLETED, EventType.CLOCK_CANCELLED,
                EventType.CLOCK_REVISED);
    }

    @Override
    public void handle(InboundEvent event) {
        ledger.apply(event.data(ClockEvent.class), event.type(), Instant.now());
    }
}
