package io.accord.clock.engine;

import java.time.Instant;
import java.util.Objects;

/**
 * Computes every SLA clock of a work item as a pure function of its history, the objectives covering it over
 * time and their business calendars (the rules are listed in this module's README). Stateless and thread-safe; no I/O.
 *
 * <pre>{@code
 * ClockEngine engine = new ClockEngine();
 * ItemClocks clocks = engine.compute(history, coverage, Instant.now());
 * clocks.clocks().forEach(clock -> store(clock));             // the projection
 * scheduleAt(clocks.nextRecomputeAt());                       // the deadline index
 * }</pre>
 *
 * <p>The history is cut into segments at every event and every coverage change; within a segment the terms
 * and the item's status are constant, so accrual, deadlines and threshold instants come from
 * {@code BusinessCalendar.elapsed} and {@code due}, never from stepping through time.
 */
public final class ClockEngine {

    /**
     * Every clock of the item as of {@code now}.
     *
     * @param history  the item's events (events after {@code now} are deferred, after CLOSED/DELETED rejected)
     * @param coverage the objectives covering the item over time
     * @param now      the instant of the computation: warnings and breaches at or before it are facts
     * @return the clocks, rejected and deferred events and the next instant to compute again
     */
    public ItemClocks compute(ItemHistory history, Coverage coverage, Instant now) {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(coverage, "coverage");
        Objects.requireNonNull(now, "now");
        return new ItemComputation(history, coverage, now).run();
    }
}
