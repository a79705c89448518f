package io.accord.clock.engine;

import io.accord.time.BusinessCalendar;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A deliberately naive model of the clock rules for tests: it walks the time line minute by minute and adds
 * one minute of business time whenever a clock is running and its calendar is open at the start of the minute.
 * Only valid when every event, coverage change and calendar boundary lies on a whole minute and every target
 * and threshold is a whole number of minutes. Covers the built-in metrics, priorities, pauses, suspension,
 * termination, retroactive starts and both reopen policies with a fixed set of objectives.
 */
final class MinuteReference {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    /** One cycle as the reference sees it. */
    static final class RefCycle {
        int number;
        Instant startedAt;
        long elapsed;
        Long target;
        Priority priority;
        Outcome outcome = Outcome.PENDING;
        Phase phase = Phase.RUNNING;
        Instant breachedAt;
        Instant completedAt;
        Instant cancelledAt;
        CancelReason cancelReason;
        boolean resumable;
        boolean changed;
        List<Integer> fired = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        Instant deadline;
        Instant nextFireAt;

        boolean open() {
            return phase != Phase.STOPPED;
        }
    }

    /** Per objective: its cycles, the open one, and a shadow that counts as if it had always applied. */
    private static final class RefObjective {
        final ObjectiveId id;
        ObjectiveTerms terms;
        boolean applying;
        final List<RefCycle> cycles = new ArrayList<>();
        RefCycle open;
        // shadow: the metric's cycle as if the objective applied from creation, ignoring targets and agreement state
        boolean shadowOpen;
        long shadowElapsed;
        Instant shadowStartedAt;
        boolean shadowResumable;

        RefObjective(ObjectiveId id) {
            this.id = id;
        }
    }

    private MinuteReference() {
    }

    /** Clocks per objective (cycles in order) at {@code now}. */
    static Map<ObjectiveId, List<RefCycle>> compute(List<ItemEvent> sortedEvents, List<ObjectiveTerms> objectives,
                                                   Map<Instant, AgreementState> stateChanges, Instant now) {
        Map<ObjectiveId, RefObjective> all = new TreeMap<>((a, b) -> a.objectiveKey().compareTo(b.objectiveKey()));
        for (ObjectiveTerms terms : objectives) {
            RefObjective objective = new RefObjective(terms.objective());
            objective.terms = terms;
            all.put(terms.objective(), objective);
        }
        List<ItemEvent> events = new ArrayList<>();
        for (ItemEvent e : sortedEvents) {
            if (e.occurredAt().isAfter(now)) {
                break;
            }
            events.add(e);
            if (e.type() == ItemEventType.CLOSED || e.type() == ItemEventType.DELETED) {
                break;
            }
        }
        AgreementState state = AgreementState.ACTIVE;
        boolean seen = false;
        boolean resolved = false;
        boolean firstResponseDone = false;
        boolean awaiting = false;
        ItemStatus status = null;
        Priority priority = null;
        int next = 0;
        Instant t = events.get(0).occurredAt();
        while (true) {
            AgreementState changedState = t.isAfter(events.get(0).occurredAt()) ? stateChanges.get(t) : null;
            if (changedState != null) {
                state = changedState;
                for (RefObjective objective : all.values()) {
                    rematch(objective, state, priority, t, status);
                }
            }
            if (t.equals(events.get(0).occurredAt())) {
                for (Map.Entry<Instant, AgreementState> change : stateChanges.entrySet()) {
                    if (!change.getKey().isAfter(t)) {
                        state = change.getValue();
                    }
                }
            }
            while (next < events.size() && events.get(next).occurredAt().equals(t)) {
                ItemEvent e = events.get(next++);
                boolean created = !seen;
                seen = true;
                boolean resolvedNow = e.type() == ItemEventType.RESOLVED && !resolved;
                boolean reopenedNow = e.type() == ItemEventType.REOPENED && resolved;
                boolean closedNow = e.type() == ItemEventType.CLOSED;
                boolean deletedNow = e.type() == ItemEventType.DELETED;
                boolean agent = e.type() == ItemEventType.AGENT_REPLIED;
                if (resolvedNow) {
                    resolved = true;
                }
                if (reopenedNow) {
                    resolved = false;
                }
                if (agent || resolvedNow || closedNow) {
                    firstResponseDone = true;
                }
                if (e.type() == ItemEventType.CUSTOMER_REPLIED) {
                    awaiting = true;
                }
                if (agent || resolvedNow) {
                    awaiting = false;
                }
                status = e.status();
                priority = e.priority();
                boolean awaitsNext = awaiting && firstResponseDone && !resolved && !closedNow && !deletedNow;
                for (RefObjective objective : all.values()) {
                    Metric metric = objective.terms.metric();
                    boolean stops = switch (metric) {
                        case FIRST_RESPONSE, NEXT_RESPONSE -> agent || resolvedNow || closedNow;
                        default -> resolvedNow || closedNow;
                    };
                    // the shadow
                    if (deletedNow) {
                        objective.shadowOpen = false;
                    } else if (metric == Metric.FIRST_RESPONSE) {
                        if (created) {
                            objective.shadowOpen = true;
                            objective.shadowStartedAt = t;
                        }
                        if (stops) {
                            objective.shadowOpen = false;
                        }
                    } else if (metric == Metric.RESOLUTION) {
                        if (created) {
                            objective.shadowOpen = true;
                            objective.shadowStartedAt = t;
                        }
                        if (reopenedNow && !objective.shadowOpen) {
                            objective.shadowOpen = true;
                            if (!(objective.terms.reopenPolicy() == ReopenPolicy.RESUME && objective.shadowResumable)) {
                                objective.shadowElapsed = 0;
                                objective.shadowStartedAt = t;
                            }
                            objective.shadowResumable = false;
                        }
                        if (stops && objective.shadowOpen) {
                            objective.shadowOpen = false;
                            objective.shadowResumable = resolvedNow;
                        }
                    } else {
                        if (stops) {
                            objective.shadowOpen = false;
                        }
                        if (!objective.shadowOpen && awaitsNext) {
                            objective.shadowOpen = true;
                            objective.shadowElapsed = 0;
                            objective.shadowStartedAt = t;
                        }
                    }
                    // the real clock, when the objective applied before this event
                    boolean applies = applies(objective.terms, state, priority);
                    if (objective.applying && applies) {
                        RefCycle open = objective.open;
                        if (deletedNow) {
                            if (open != null) {
                                cancel(objective, t, CancelReason.ITEM_DELETED);
                            }
                        } else if (metric == Metric.RESOLUTION) {
                            if (reopenedNow && open == null) {
                                RefCycle last = objective.cycles.isEmpty() ? null
                                        : objective.cycles.get(objective.cycles.size() - 1);
                                if (objective.terms.reopenPolicy() == ReopenPolicy.RESUME && last != null
                                        && last.resumable) {
                                    last.phase = Phase.RUNNING;
                                    last.completedAt = null;
                                    last.resumable = false;
                                    if (last.outcome == Outcome.MET) {
                                        last.outcome = Outcome.PENDING;
                                    }
                                    retarget(last, objective.terms, priority);
                                    objective.open = last;
                                } else {
                                    newCycle(objective, t, priority);
                                }
                            }
                            if (objective.open != null && stops) {
                                complete(objective, t, resolvedNow);
                            }
                        } else if (metric == Metric.FIRST_RESPONSE) {
                            if (open != null && stops) {
                                complete(objective, t, false);
                            }
                        } else {
                            if (open != null && stops) {
                                complete(objective, t, false);
                            }
                            if (objective.open == null && awaitsNext) {
                                newCycle(objective, t, priority);
                            }
                        }
                    }
                    rematch(objective, state, priority, t, status);
                }
            }
            for (RefObjective objective : all.values()) {
                if (objective.open != null) {
                    RefCycle open = objective.open;
                    boolean paused = objective.terms.pauseStatuses().contains(status) || state == AgreementState.SUSPENDED;
                    open.phase = paused ? Phase.PAUSED : Phase.RUNNING;
                    check(open, objective.terms, t, events);
                }
            }
            if (!t.isBefore(now)) {
                break;
            }
            for (RefObjective objective : all.values()) {
                BusinessCalendar calendar = objective.terms.calendar();
                boolean openHours = calendar.isOpen(t);
                if (objective.open != null && objective.open.phase == Phase.RUNNING && openHours) {
                    objective.open.elapsed++;
                }
                if (objective.shadowOpen && !objective.terms.pauseStatuses().contains(status) && openHours) {
                    objective.shadowElapsed++;
                }
            }
            t = t.plus(MINUTE);
        }
        Map<ObjectiveId, List<RefCycle>> result = new TreeMap<>((a, b) -> a.objectiveKey().compareTo(b.objectiveKey()));
        for (RefObjective objective : all.values()) {
            if (objective.open != null && objective.open.phase == Phase.RUNNING) {
                project(objective.open, objective.terms, now);
            }
            result.put(objective.id, objective.cycles);
        }
        return result;
    }

    private static boolean applies(ObjectiveTerms terms, AgreementState state, Priority priority) {
        return !state.ended() && priority != null && terms.targets().containsKey(priority);
    }

    private static void rematch(RefObjective objective, AgreementState state, Priority priority, Instant t,
                                ItemStatus status) {
        boolean applies = applies(objective.terms, state, priority);
        if (objective.open != null) {
            if (applies) {
                retarget(objective.open, objective.terms, priority);
            } else {
                cancel(objective, t, state == AgreementState.TERMINATED ? CancelReason.AGREEMENT_TERMINATED
                        : CancelReason.NO_TARGET_FOR_PRIORITY);
            }
        }
        boolean was = objective.applying;
        objective.applying = applies;
        if (applies && !was && objective.open == null && objective.shadowOpen) {
            RefCycle cycle = newCycle(objective, t, priority);
            if (objective.terms.retroactiveStart()) {
                cycle.elapsed = objective.shadowElapsed;
                cycle.startedAt = objective.shadowStartedAt;
                cycle.changed = true;
            }
        }
    }

    private static RefCycle newCycle(RefObjective objective, Instant t, Priority priority) {
        RefCycle cycle = new RefCycle();
        cycle.number = objective.cycles.size() + 1;
        cycle.startedAt = t;
        cycle.priority = priority;
        cycle.target = objective.terms.targets().get(priority).toMinutes();
        objective.cycles.add(cycle);
        objective.open = cycle;
        return cycle;
    }

    private static void retarget(RefCycle cycle, ObjectiveTerms terms, Priority priority) {
        long target = terms.targets().get(priority).toMinutes();
        if (target != cycle.target) {
            cycle.changed = true;
        }
        cycle.target = target;
        cycle.priority = priority;
    }

    private static void complete(RefObjective objective, Instant t, boolean byResolution) {
        RefCycle cycle = objective.open;
        if (cycle.outcome == Outcome.PENDING) {
            if (cycle.elapsed <= cycle.target) {
                cycle.outcome = Outcome.MET;
            } else {
                cycle.outcome = Outcome.BREACHED;
                cycle.breachedAt = t;
            }
        }
        cycle.phase = Phase.STOPPED;
        cycle.completedAt = t;
        cycle.resumable = byResolution;
        objective.open = null;
    }

    private static void cancel(RefObjective objective, Instant t, CancelReason reason) {
        RefCycle cycle = objective.open;
        if (cycle.outcome == Outcome.PENDING) {
            cycle.outcome = Outcome.CANCELLED;
        }
        cycle.phase = Phase.STOPPED;
        cycle.cancelledAt = t;
        cycle.cancelReason = reason;
        cycle.resumable = false;
        objective.open = null;
    }

    private static void check(RefCycle cycle, ObjectiveTerms terms, Instant t, List<ItemEvent> events) {
        if (cycle.outcome == Outcome.PENDING) {
            List<Integer> crossed = new ArrayList<>();
            List<Integer> fresh = new ArrayList<>();
            for (int percent : terms.warningPercents()) {
                if (cycle.elapsed * 100 >= cycle.target * percent) {
                    crossed.add(percent);
                    if (!cycle.fired.contains(percent)) {
                        fresh.add(percent);
                    }
                }
            }
            if (cycle.changed && !fresh.isEmpty()) {
                fresh = List.of(fresh.get(fresh.size() - 1));
            }
            for (int percent : fresh) {
                boolean past = events.stream().anyMatch(e -> !e.occurredAt().isAfter(t) && e.receivedAt().isAfter(t));
                cycle.warnings.add(new Warning(percent, t, past));
            }
            cycle.fired = crossed;
            if (cycle.elapsed >= cycle.target) {
                cycle.outcome = Outcome.BREACHED;
                cycle.breachedAt = t;
            }
        }
        cycle.changed = false;
    }

    /** Steps forward from now (at most 21 days) to find the next threshold and the deadline. */
    private static void project(RefCycle cycle, ObjectiveTerms terms, Instant now) {
        long elapsed = cycle.elapsed;
        Instant t = now;
        Instant limit = now.plus(Duration.ofDays(21));
        while (t.isBefore(limit) && (cycle.deadline == null || cycle.nextFireAt == null)) {
            if (cycle.outcome == Outcome.PENDING) {
                for (int percent : terms.warningPercents()) {
                    if (cycle.nextFireAt == null && elapsed * 100 >= cycle.target * percent
                            && !cycle.fired.contains(percent)) {
                        cycle.nextFireAt = t;
                    }
                }
                if (elapsed >= cycle.target && cycle.deadline == null) {
                    cycle.deadline = t;
                    if (cycle.nextFireAt == null) {
                        cycle.nextFireAt = t;
                    }
                }
            } else {
                cycle.deadline = cycle.breachedAt;
                return;
            }
            if (terms.calendar().isOpen(t)) {
                elapsed++;
            }
            t = t.plus(MINUTE);
        }
    }
}
