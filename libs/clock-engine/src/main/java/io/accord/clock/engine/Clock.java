package io.accord.clock.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * One cycle of one objective's clock for one item, as of the computation's {@code now}.
 *
 * @param clockId          name-based UUID of source, externalId, agreementId, objectiveKey and cycle ({@link ClockIds})
 * @param item             the item
 * @param objective        agreement id and objective key
 * @param agreementVersion the agreement version whose terms were last applied to this cycle
 * @param metric           what is measured
 * @param cycle            1 for the first cycle of the objective on the item, then 2, 3... (NEXT_RESPONSE
 *                         cycles, RESOLUTION reopened with NEW_CYCLE, a clock started again after a cancellation)
 * @param phase            RUNNING, PAUSED or STOPPED
 * @param outcome          PENDING, MET, BREACHED or CANCELLED
 * @param priority         the item's priority as last applied to the clock
 * @param target           the target for that priority (the last one, for a clock cancelled for lack of target)
 * @param elapsed          business time accrued at {@code now}, or at the stop
 * @param remaining        target minus elapsed, zero when over
 * @param overrun          elapsed minus target, zero when not over
 * @param startedAt        when the cycle started counting (the item's creation for a retroactive start)
 * @param openedAt         when the clock came into being (differs from {@code startedAt} for a retroactive start)
 * @param phaseSince       when the clock entered its current phase
 * @param deadline         when elapsed reaches the target if the clock keeps running under the current terms;
 *                         the breach instant for a running breached clock; null while paused or stopped
 * @param warnings         thresholds crossed in this cycle, in order
 * @param breachedAt       when the target was reached (or the change instant that put elapsed over it)
 * @param completedAt      when the cycle completed (MET or BREACHED), null otherwise
 * @param cancelledAt      when the cycle was cancelled, null otherwise
 * @param cancelReason     why, null unless cancelled
 * @param zone             the zone of the calendar in use
 * @param nextFireAt       the next warning or breach instant after {@code now}, null when paused or stopped or
 *                         nothing is left to fire
 */
public record Clock(UUID clockId, ItemRef item, ObjectiveId objective, int agreementVersion, Metric metric, int cycle,
                    Phase phase, Outcome outcome, Priority priority, Duration target, Duration elapsed,
                    Duration remaining, Duration overrun, Instant startedAt, Instant openedAt, Instant phaseSince,
                    Instant deadline, List<Warning> warnings, Instant breachedAt, Instant completedAt,
                    Instant cancelledAt, CancelReason cancelReason, ZoneId zone, Instant nextFireAt) {

    public Clock {
        warnings = List.copyOf(warnings);
    }

    /** The facts that, once published, a change must revise (see {@link ClockRevisions}). */
    public ClockFacts facts() {
        boolean stopped = phase == Phase.STOPPED;
        return new ClockFacts(outcome, breachedAt, completedAt, cancelledAt, stopped ? elapsed : null,
                stopped ? overrun : null);
    }

    /** Elapsed in percent of the target (may exceed 100), for display. */
    public double percentElapsed() {
        return target == null ? 0 : 100.0 * elapsed.toNanos() / target.toNanos();
    }
}
