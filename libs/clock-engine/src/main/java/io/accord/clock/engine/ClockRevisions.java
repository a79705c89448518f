package io.accord.clock.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Compares what the service held (and published) for an item's clocks with a recomputation, and says which
 * clocks' published facts changed: those get a new revision and a {@code clock.revised} event.
 *
 * <p>A published fact is a breach instant, or an end (completion or cancellation with its elapsed time and
 * overrun). Progress is not a revision: a pending clock that breaches or completes, a breached clock that
 * completes. A revision is a published fact that changed or disappeared: a MET clock reopened (back to
 * PENDING), a breach moved or withdrawn by a late event, a completion at another instant, a cycle that no
 * longer exists.
 *
 * <pre>{@code
 * ItemClocks before = engine.compute(history, coverage, t1);        // RESOLUTION MET at 12:00
 * ItemClocks after = engine.compute(historyWithReopen, coverage, t2);
 * for (ClockRevision revision : ClockRevisions.between(before.clocks(), after.clocks())) {
 *     // revision+1, emit clock.revised with revision.after()
 * }
 * }</pre>
 */
public final class ClockRevisions {

    private ClockRevisions() {
    }

    /** The clocks of {@code held} whose published facts differ in {@code recomputed}, in the order of {@code held}. */
    public static List<ClockRevision> between(Collection<Clock> held, Collection<Clock> recomputed) {
        Map<UUID, Clock> now = new LinkedHashMap<>();
        recomputed.forEach(clock -> now.put(clock.clockId(), clock));
        List<ClockRevision> revisions = new ArrayList<>();
        for (Clock previous : held) {
            ClockFacts before = previous.facts();
            if (!before.published()) {
                continue;
            }
            Clock current = now.get(previous.clockId());
            ClockFacts after = current == null ? ClockFacts.VANISHED : current.facts();
            if (revises(before, after)) {
                revisions.add(new ClockRevision(previous.clockId(), before, after, current));
            }
        }
        return revisions;
    }

    /**
     * Whether {@code after} revises the published facts of {@code before} (rather than merely adding to them).
     */
    public static boolean revises(ClockFacts before, ClockFacts after) {
        if (after == ClockFacts.VANISHED) {
            return before.published();
        }
        boolean breachChanged = before.breachedAt() != null && !Objects.equals(before.breachedAt(), after.breachedAt());
        boolean endChanged = (before.completedAt() != null || before.cancelledAt() != null) && !before.equals(after);
        return breachChanged || endChanged;
    }

    /** Ids of {@code held} clocks that no longer exist in {@code recomputed}, published or not. */
    public static List<UUID> vanished(Collection<Clock> held, Collection<Clock> recomputed) {
        Map<UUID, Clock> now = new LinkedHashMap<>();
        recomputed.forEach(clock -> now.put(clock.clockId(), clock));
        return held.stream().map(Clock::clockId).filter(id -> !now.containsKey(id)).toList();
    }
}
