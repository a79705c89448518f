package io.accord.clock.engine;

import java.time.Instant;

/**
 * A warning threshold a clock cycle crossed, at or before the computation's {@code now}.
 *
 * @param percent         the threshold, in percent of the target
 * @param at              when elapsed business time reached it (or the instant of the target change that
 *                        crossed it, see the README's warning rules)
 * @param pastAtIngestion true when the warning's instant was already past when the facts behind it reached
 *                        the service: some event at or before {@code at} was received after {@code at}. The
 *                        service does not emit such warnings (items ingested late do not emit
 *                        warnings whose instant is already past); it still shows them.
 */
public record Warning(int percent, Instant at, boolean pastAtIngestion) {
}
