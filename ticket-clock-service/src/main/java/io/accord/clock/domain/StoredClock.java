package io.accord.clock.domain;

import io.accord.clock.engine.ClockFacts;
import io.accord.clock.engine.Outcome;
import io.accord.clock.engine.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A row of the clocks projection: a clock cycle as last computed, at {@code computedAt}. */
public record StoredClock(UUID clockId, long itemId, UUID agreementId, int agreementVersion, String objectiveKey,
        String metric, int cycle, int revision, Phase phase, Outcome outcome, String priority, Duration target,
        Duration elapsed, Duration remaining, Duration overrun, Instant computedAt, Instant startedAt,
        Instant openedAt, Instant phaseSince, Instant deadline, Instant breachedAt, Instant completedAt,
        Instant cancelledAt, String cancelReason, String zone, List<Integer> warningsFired, Instant nextFireAt) {

    /** The facts this row holds, which were published when it was stored; compared to detect revisions. */
    public ClockFacts facts() {
        boolean stopped = phase == Phase.STOPPED;
        return new ClockFacts(outcome, breachedAt, completedAt, cancelledAt, stopped ? elapsed : null,
                stopped ? overrun : null);
    }

    /** Elapsed in percent of the target, as of {@code computedAt}. */
    public double percentElapsed() {
        return target == null || target.isZero() ? 0 : 100.0 * elapsed.toMillis() / target.toMillis();
    }
}
