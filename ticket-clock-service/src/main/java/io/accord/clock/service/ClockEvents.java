package io.accord.clock.service;

import io.accord.clock.domain.StoredClock;
import io.accord.clock.domain.WorkItem;
import io.accord.clock.engine.Clock;
import io.accord.model.agreement.Metric;
import io.accord.model.agreement.Priority;
import io.accord.model.clock.ClockEvent;
import io.accord.model.clock.ClockItem;
import io.accord.model.clock.ClockOutcome;
import io.accord.model.clock.ClockPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** The {@code data} of clock events, from the engine's clocks or the stored projection. */
final class ClockEvents {

    private ClockEvents() {
    }

    static ClockEvent of(Clock c, int revision, WorkItem item, UUID party) {
        return new ClockEvent(c.clockId(), c.cycle(), revision, c.objective().agreementId(), c.agreementVersion(),
                c.objective().objectiveKey(), Metric.valueOf(c.metric().name()),
                c.priority() == null ? null : Priority.valueOf(c.priority().name()), itemOf(item, party),
                ClockPhase.valueOf(c.phase().name()), ClockOutcome.valueOf(c.outcome().name()), c.target(),
                c.elapsed(), c.remaining(), c.overrun(), c.startedAt(), c.deadline(), null, null, c.breachedAt(),
                c.completedAt(), c.cancelledAt(), c.cancelReason() == null ? null : c.cancelReason().name(),
                c.zone() == null ? null : c.zone().getId(), Instant.EPOCH);
    }

    /** A clock that a recomputation no longer produces, told as cancelled at {@code at}. */
    static ClockEvent vanished(StoredClock c, int revision, WorkItem item, UUID party, Instant at) {
        return new ClockEvent(c.clockId(), c.cycle(), revision, c.agreementId(), c.agreementVersion(),
                c.objectiveKey(), Metric.valueOf(c.metric()), c.priority() == null ? null : Priority.valueOf(c.priority()),
                itemOf(item, party), ClockPhase.STOPPED, ClockOutcome.CANCELLED, c.target(), c.elapsed(),
                c.remaining(), Duration.ZERO, c.startedAt(), null, null, null, null, null, at, "VANISHED", c.zone(),
                at);
    }

    static ClockItem itemOf(WorkItem item, UUID party) {
        return new ClockItem(item.source(), item.externalId(), item.itemType(), party, item.serviceRef(),
                item.site(), item.title(), item.url());
    }
}
