package io.accord.clock.engine;

import java.util.UUID;

/**
 * A clock whose published facts a recomputation changed: the service increments its revision and emits
 * {@code clock.revised} with the new outcome.
 *
 * @param clockId the clock
 * @param before  the facts held before
 * @param after   the facts now ({@link ClockFacts#VANISHED} when the cycle no longer exists)
 * @param clock   the recomputed clock, null when it vanished
 */
public record ClockRevision(UUID clockId, ClockFacts before, ClockFacts after, Clock clock) {
}
