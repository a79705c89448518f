package io.accord.clock.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of the engine over one item: walks the boundaries (item events and coverage changes, a change
 * before the events at its instant) and keeps one {@link Track} per objective ever covering the item.
 */
final class ItemComputation {
    private static final Comparator<Clock> CLOCK_ORDER = Comparator
            .comparing((Clock clock) -> clock.objective().agreementId())
            .thenComparing(clock -> clock.objective().objectiveKey())
            .thenComparingInt(Clock::cycle);

    private final ItemHistory history;
    private final Coverage coverage;
    private final Instant now;

    private final List<ItemEvent> applied = new ArrayList<>();
    private final List<RejectedEvent> rejected = new ArrayList<>();
    private final List<ItemEvent> deferred = new ArrayList<>();
    private final Map<ObjectiveId, Track> tracks = new LinkedHashMap<>();
    private final ItemState item = new ItemState();
    private Instant latestReceipt;

    ItemComputation(ItemHistory history, Coverage coverage, Instant now) {
        this.history = history;
        this.coverage = coverage;
        this.now = now;
    }

    ItemClocks run() {
        Instant terminalAt = split();
        if (applied.isEmpty()) {
            return result(null);
        }
        Instant first = applied.get(0).occurredAt();
        Instant changesUntil = terminalAt != null ? terminalAt : now;
        List<Instant> changes = coverage.changeInstants();
        int change = 0;
        while (change < changes.size() && !changes.get(change).isAfter(first)) {
            change++;
        }
        int event = 0;
        while (event < applied.size() || change < changes.size() && !changes.get(change).isAfter(changesUntil)) {
            boolean takeChange = change < changes.size() && !changes.get(change).isAfter(changesUntil)
                    && (event >= applied.size() || !changes.get(change).isAfter(applied.get(event).occurredAt()));
            Instant at;
            if (takeChange) {
                at = changes.get(change++);
                advanceAll(at);
                recover(at, event);
            } else {
                ItemEvent e = applied.get(event++);
                at = e.occurredAt();
                advanceAll(at);
                item.apply(e);
                if (latestReceipt == null || e.receivedAt().isAfter(latestReceipt)) {
                    latestReceipt = e.receivedAt();
                }
                for (Track track : tracks.values()) {
                    track.onEvent(item);
                }
                recover(at, event);
            }
            for (Track track : tracks.values()) {
                track.updatePhase(item, at);
            }
            boolean lastAtInstant = nextBoundary(event, change, changesUntil, changes) == null
                    || nextBoundary(event, change, changesUntil, changes).isAfter(at);
            if (lastAtInstant) {
                for (Track track : tracks.values()) {
                    if (track.open != null) {
                        track.open.endOfInstant(at, latestReceipt);
                    }
                }
            }
        }
        for (Track track : tracks.values()) {
            if (track.open != null) {
                track.open.advance(now, true, latestReceipt);
            }
        }
        return result(terminalAt);
    }

    private Instant nextBoundary(int event, int change, Instant changesUntil, List<Instant> changes) {
        Instant next = event < applied.size() ? applied.get(event).occurredAt() : null;
        if (change < changes.size() && !changes.get(change).isAfter(changesUntil)
                && (next == null || changes.get(change).isBefore(next))) {
            next = changes.get(change);
        }
        return next;
    }

    /** Sorts the history into applied, rejected (after CLOSED or DELETED) and deferred (after now) events. */
    private Instant split() {
        ItemEvent terminal = null;
        for (ItemEvent e : history.events()) {
            if (terminal != null) {
                rejected.add(new RejectedEvent(e, terminal.type() == ItemEventType.DELETED
                        ? RejectionReason.AFTER_DELETED : RejectionReason.AFTER_CLOSED));
            } else if (e.occurredAt().isAfter(now) || !deferred.isEmpty()) {
                deferred.add(e);
            } else {
                applied.add(e);
                if (e.type() == ItemEventType.CLOSED || e.type() == ItemEventType.DELETED
                        || e.status() == ItemStatus.CLOSED) {
                    terminal = e;
                }
            }
        }
        return terminal == null ? null : terminal.occurredAt();
    }

    private void advanceAll(Instant at) {
        for (Track track : tracks.values()) {
            if (track.open != null) {
                track.open.advance(at, false, latestReceipt);
            }
        }
    }

    /**
     * Re-matches the item at {@code at}: objectives that still apply take their new terms, those that no longer
     * apply are cancelled, and those that start to apply open a cycle if their metric has one running then
     * (counted from {@code at}, or from the cycle's own start when the objective is retroactive).
     */
    private void recover(Instant at, int eventsApplied) {
        List<ObjectiveTerms> covering = coverage.termsAt(item.attributes, at);
        for (ObjectiveTerms terms : covering) {
            tracks.computeIfAbsent(terms.objective(), id -> new Track(id, false));
        }
        for (Track track : tracks.values()) {
            ObjectiveTerms terms = find(covering, track.objective);
            boolean applies = track.applies(terms, item.priority);
            if (track.open != null) {
                if (applies) {
                    track.open.retarget(terms, item.priority);
                } else {
                    track.open.cancel(at, cancelReason(terms));
                    track.open = null;
                }
            }
            boolean wasApplying = track.applying;
            track.terms = terms;
            track.applying = applies;
            if (applies && !wasApplying && track.open == null) {
                start(track, at, eventsApplied);
            }
        }
    }

    private static ObjectiveTerms find(List<ObjectiveTerms> covering, ObjectiveId objective) {
        for (ObjectiveTerms terms : covering) {
            if (terms.objective().equals(objective)) {
                return terms;
            }
        }
        return null;
    }

    private CancelReason cancelReason(ObjectiveTerms terms) {
        if (terms == null) {
            return CancelReason.NO_LONGER_COVERED;
        }
        if (terms.agreementState() == AgreementState.TERMINATED) {
            return CancelReason.AGREEMENT_TERMINATED;
        }
        if (terms.agreementState() == AgreementState.EXPIRED) {
            return CancelReason.AGREEMENT_EXPIRED;
        }
        return CancelReason.NO_TARGET_FOR_PRIORITY;
    }

    /** Replays the history so far under {@code track}'s terms to see whether, and since when, a cycle runs now. */
    private void start(Track track, Instant at, int eventsApplied) {
        Track shadow = new Track(track.objective, true);
        shadow.terms = track.terms;
        shadow.applying = true;
        ItemState replayed = new ItemState();
        for (int i = 0; i < eventsApplied; i++) {
            ItemEvent e = applied.get(i);
            if (shadow.open != null) {
                shadow.open.advance(e.occurredAt(), false, null);
            }
            replayed.apply(e);
            shadow.onEvent(replayed);
            shadow.updatePhase(replayed, e.occurredAt());
        }
        Cycle running = shadow.open;
        if (running == null) {
            return;
        }
        running.advance(at, false, null);
        Cycle cycle = track.openCycle(at, item.priority);
        cycle.customPaused = running.customPaused;
        if (track.terms.retroactiveStart()) {
            cycle.startedAt = running.startedAt;
            cycle.elapsed = running.elapsed;
            cycle.termsChanged = true;
        }
    }

    private ItemClocks result(Instant terminalAt) {
        List<Clock> clocks = new ArrayList<>();
        Instant next = null;
        for (Track track : tracks.values()) {
            for (Cycle cycle : track.cycles) {
                Clock clock = toClock(track, cycle);
                clocks.add(clock);
                next = earliest(next, clock.nextFireAt());
            }
        }
        clocks.sort(CLOCK_ORDER);
        if (!deferred.isEmpty()) {
            next = earliest(next, deferred.get(0).occurredAt());
        }
        if (terminalAt == null && !applied.isEmpty()) {
            for (Instant change : coverage.changeInstants()) {
                if (change.isAfter(now)) {
                    next = earliest(next, change);
                    break;
                }
            }
        }
        return new ItemClocks(history.item(), now, clocks, rejected, deferred, next);
    }

    private Clock toClock(Track track, Cycle cycle) {
        Duration target = cycle.target;
        Duration elapsed = cycle.elapsed;
        Duration remaining = target == null || elapsed.compareTo(target) >= 0 ? Duration.ZERO : target.minus(elapsed);
        Duration overrun = target == null || elapsed.compareTo(target) <= 0 ? Duration.ZERO : elapsed.minus(target);
        Instant deadline = null;
        if (cycle.phase == Phase.RUNNING && target != null) {
            deadline = cycle.outcome == Outcome.BREACHED ? cycle.breachedAt : cycle.projectedDeadline(now);
        }
        return new Clock(ClockIds.of(history.item(), track.objective, cycle.number), history.item(), track.objective,
                cycle.terms.agreementVersion(), cycle.terms.metric(), cycle.number, cycle.phase, cycle.outcome,
                cycle.priority, target, elapsed, remaining, overrun, cycle.startedAt, cycle.openedAt,
                cycle.phaseSince, deadline, cycle.warnings, cycle.breachedAt, cycle.completedAt, cycle.cancelledAt,
                cycle.cancelReason, cycle.terms.calendar().zone(), cycle.open() ? cycle.nextFire(now) : null);
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
