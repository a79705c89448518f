package io.accord.clock.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every clock of an item as of {@code now}, what the engine did not apply, and when to compute again.
 *
 * @param item            the item
 * @param now             the instant of the computation
 * @param clocks          every clock cycle, ordered by objective and cycle
 * @param rejected        events after CLOSED or DELETED
 * @param deferred        events later than {@code now} (a source's clock ahead of ours): not applied yet
 * @param nextRecomputeAt the earliest instant after {@code now} at which the result changes without new
 *                        input: a clock's {@code nextFireAt}, a coverage change instant, a deferred event;
 *                        null when none
 */
public record ItemClocks(ItemRef item, Instant now, List<Clock> clocks, List<RejectedEvent> rejected,
                         List<ItemEvent> deferred, Instant nextRecomputeAt) {

    public ItemClocks {
        clocks = List.copyOf(clocks);
        rejected = List.copyOf(rejected);
        deferred = List.copyOf(deferred);
    }

    /** The clock with this id. */
    public Optional<Clock> clock(UUID clockId) {
        return clocks.stream().filter(clock -> clock.clockId().equals(clockId)).findFirst();
    }

    /** The cycles of one objective, in cycle order. */
    public List<Clock> clocksOf(ObjectiveId objective) {
        return clocks.stream().filter(clock -> clock.objective().equals(objective)).toList();
    }
}
