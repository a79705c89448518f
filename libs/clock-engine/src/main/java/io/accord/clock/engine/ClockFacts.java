package io.accord.clock.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * What a clock cycle has published or will publish as facts: its breach, and its end (completion or
 * cancellation) with the elapsed time and overrun at that end. Running time is not a fact.
 *
 * @param outcome     the outcome
 * @param breachedAt  when it breached, null if not breached
 * @param completedAt when it completed (MET, or BREACHED and stopped), null otherwise
 * @param cancelledAt when it was cancelled, null otherwise
 * @param elapsed     business time at the end, null while not stopped
 * @param overrun     elapsed beyond the target at the end, null while not stopped
 */
public record ClockFacts(Outcome outcome, Instant breachedAt, Instant completedAt, Instant cancelledAt,
                         Duration elapsed, Duration overrun) {

    /** The facts of a clock that no longer exists after a recomputation (e.g. a late agent reply removed a cycle). */
    public static final ClockFacts VANISHED = new ClockFacts(Outcome.CANCELLED, null, null, null, null, null);

    /** Whether there is anything published: a breach or an end. */
    public boolean published() {
        return breachedAt != null || completedAt != null || cancelledAt != null;
    }
}
