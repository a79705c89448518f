package io.accord.clock.engine;

import io.accord.time.BusinessCalendar;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The mutable state of one clock cycle while the engine walks the history. Accrual is done per segment
 * (between two boundaries nothing changes) with {@link BusinessCalendar#elapsed} and {@link BusinessCalendar#due}.
 */
final class Cycle {
    final int number;
    final boolean shadow;
    final Instant openedAt;
    Instant startedAt;

    ObjectiveTerms terms;
    Priority priority;
    Duration target;
    Duration elapsed = Duration.ZERO;
    Instant accruedUntil;

    Phase phase = Phase.RUNNING;
    Instant phaseSince;
    boolean customPaused;
    Outcome outcome = Outcome.PENDING;
    Instant breachedAt;
    Instant completedAt;
    Instant cancelledAt;
    CancelReason cancelReason;
    /** Completed by a resolution, so a RESUME reopening may run it again. */
    boolean resumable;

    /** Thresholds (percent) crossed under the current target; the re-arming rule keeps this equal to "crossed". */
    final List<Integer> fired = new ArrayList<>(4);
    final List<Warning> warnings = new ArrayList<>(4);
    /** The target or thresholds changed (or the cycle started retroactively) at the current instant. */
    boolean termsChanged;

    Cycle(int number, boolean shadow, Instant openedAt, ObjectiveTerms terms, Priority priority) {
        this.number = number;
        this.shadow = shadow;
        this.openedAt = openedAt;
        this.startedAt = openedAt;
        this.accruedUntil = openedAt;
        this.phaseSince = openedAt;
        this.terms = terms;
        this.priority = priority;
        this.target = terms.targetFor(priority);
    }

    boolean open() {
        return phase != Phase.STOPPED;
    }

    /**
     * Accrues the segment [accruedUntil, to): warnings and the breach inside it fire at their instants, those
     * exactly at {@code to} only when {@code inclusive} (the final segment up to {@code now}); otherwise the
     * end-of-instant check decides, after the events at {@code to}.
     */
    void advance(Instant to, boolean inclusive, Instant latestReceipt) {
        Instant from = accruedUntil;
        if (!to.isAfter(from)) {
            return;
        }
        accruedUntil = to;
        if (phase != Phase.RUNNING) {
            return;
        }
        BusinessCalendar calendar = terms.calendar();
        Duration gained = calendar.elapsed(from, to);
        if (gained.isZero()) {
            return;
        }
        Duration after = elapsed.plus(gained);
        if (!shadow && target != null && outcome == Outcome.PENDING) {
            for (int percent : terms.warningPercents()) {
                Duration threshold = threshold(percent);
                if (threshold.compareTo(after) > 0) {
                    break;
                }
                if (fired.contains(percent)) {
                    continue;
                }
                Instant at = threshold.compareTo(elapsed) <= 0 ? from : calendar.due(from, threshold.minus(elapsed));
                if (at.isBefore(to) || inclusive && at.equals(to)) {
                    fire(percent, at, latestReceipt);
                }
            }
            if (target.compareTo(after) <= 0) {
                Instant deadline = calendar.due(from, target.minus(elapsed));
                if (deadline.isBefore(to) || inclusive && deadline.equals(to)) {
                    outcome = Outcome.BREACHED;
                    breachedAt = deadline;
                }
            }
        }
        elapsed = after;
    }

    /**
     * After every event and change at {@code at}: thresholds newly crossed fire (only the highest after a target
     * change), those no longer crossed are re-armed, and a clock whose elapsed reached its target is breached.
     */
    void endOfInstant(Instant at, Instant latestReceipt) {
        if (!shadow && open() && target != null && outcome == Outcome.PENDING) {
            List<Integer> crossed = new ArrayList<>(4);
            int highestNew = -1;
            for (int percent : terms.warningPercents()) {
                if (threshold(percent).compareTo(elapsed) > 0) {
                    break;
                }
                crossed.add(percent);
                if (!fired.contains(percent)) {
                    if (termsChanged) {
                        highestNew = percent;
                    } else {
                        fire(percent, at, latestReceipt);
                    }
                }
            }
            if (highestNew > 0) {
                fire(highestNew, at, latestReceipt);
            }
            fired.clear();
            fired.addAll(crossed);
            if (elapsed.compareTo(target) >= 0) {
                outcome = Outcome.BREACHED;
                breachedAt = at;
            }
        }
        termsChanged = false;
    }

    private void fire(int percent, Instant at, Instant latestReceipt) {
        fired.add(percent);
        warnings.add(new Warning(percent, at, latestReceipt != null && latestReceipt.isAfter(at)));
    }

    Duration threshold(int percent) {
        return target.multipliedBy(percent).dividedBy(100);
    }

    /** Applies new terms and priority; a changed target or threshold list triggers the change rules at this instant. */
    void retarget(ObjectiveTerms newTerms, Priority newPriority) {
        Duration newTarget = newTerms.targetFor(newPriority);
        if (!java.util.Objects.equals(newTarget, target) || !newTerms.warningPercents().equals(terms.warningPercents())) {
            termsChanged = true;
        }
        terms = newTerms;
        priority = newPriority;
        target = newTarget;
    }

    void setPaused(boolean paused, Instant at) {
        if (!open()) {
            return;
        }
        Phase wanted = paused ? Phase.PAUSED : Phase.RUNNING;
        if (wanted != phase) {
            phase = wanted;
            phaseSince = at;
        }
    }

    /** Completion: MET when elapsed is within the target (a completion at the deadline is met). */
    void complete(Instant at, boolean byResolution) {
        if (!open()) {
            return;
        }
        if (outcome == Outcome.PENDING && target != null) {
            if (elapsed.compareTo(target) <= 0) {
                outcome = Outcome.MET;
            } else {
                outcome = Outcome.BREACHED;
                breachedAt = at;
            }
        }
        phase = Phase.STOPPED;
        phaseSince = at;
        completedAt = at;
        resumable = byResolution;
    }

    /** Cancellation: a breach stays counted (completed and breached outcomes stay counted). */
    void cancel(Instant at, CancelReason reason) {
        if (!open()) {
            return;
        }
        if (outcome == Outcome.PENDING) {
            outcome = Outcome.CANCELLED;
        }
        phase = Phase.STOPPED;
        phaseSince = at;
        cancelledAt = at;
        cancelReason = reason;
        resumable = false;
    }

    /** A RESUME reopening: the same cycle runs again with the elapsed time it had. */
    void resume(Instant at, ObjectiveTerms currentTerms, Priority currentPriority) {
        if (outcome == Outcome.MET) {
            outcome = Outcome.PENDING;
        }
        completedAt = null;
        resumable = false;
        phase = Phase.RUNNING;
        phaseSince = at;
        accruedUntil = at;
        customPaused = false;
        retarget(currentTerms, currentPriority);
    }

    /** The projected deadline if the clock keeps running from {@code now}; null when it cannot be reached. */
    Instant projectedDeadline(Instant now) {
        return dueFrom(now, target.minus(elapsed));
    }

    /** The next warning or breach instant after {@code now}. */
    Instant nextFire(Instant now) {
        if (phase != Phase.RUNNING || target == null || outcome != Outcome.PENDING) {
            return null;
        }
        for (int percent : terms.warningPercents()) {
            Duration threshold = threshold(percent);
            if (threshold.compareTo(elapsed) > 0) {
                return dueFrom(now, threshold.minus(elapsed));
            }
        }
        return projectedDeadline(now);
    }

    private Instant dueFrom(Instant from, Duration duration) {
        try {
            return terms.calendar().due(from, duration);
        } catch (DateTimeException | IllegalArgumentException neverOpenEnough) {
            // The calendar has no open time left before the end of its supported range: no deadline.
            return null;
        }
    }
}
