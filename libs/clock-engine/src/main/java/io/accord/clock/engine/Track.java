package io.accord.clock.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One objective on one item: its cycles and the metric's life cycle (when a cycle opens, stops, resumes).
 * A shadow track replays the history under fixed terms, ignoring targets and the agreement's state, to find
 * where a cycle would stand had the objective applied all along (starts mid-history, retroactive starts).
 */
final class Track {
    final ObjectiveId objective;
    final boolean shadow;
    final List<Cycle> cycles = new ArrayList<>(2);
    ObjectiveTerms terms;
    boolean applying;
    Cycle open;

    Track(ObjectiveId objective, boolean shadow) {
        this.objective = objective;
        this.shadow = shadow;
    }

    /** Whether these terms give the item's current priority a clock (always, for a shadow). */
    boolean applies(ObjectiveTerms candidate, Priority priority) {
        return candidate != null
                && (shadow || !candidate.agreementState().ended() && candidate.targetFor(priority) != null);
    }

    Cycle last() {
        return cycles.isEmpty() ? null : cycles.get(cycles.size() - 1);
    }

    Cycle openCycle(Instant at, Priority priority) {
        Cycle cycle = new Cycle(cycles.size() + 1, shadow, at, terms, priority);
        cycles.add(cycle);
        open = cycle;
        return cycle;
    }

    private void closeIfStopped() {
        if (open != null && !open.open()) {
            open = null;
        }
    }

    /**
     * The metric's reaction to the event just applied to {@code item}, under the current terms; only when the
     * objective applied before the event (one that starts to apply with this event is started by re-matching).
     */
    void onEvent(ItemState item) {
        if (!applying || !applies(terms, item.priority)) {
            return;
        }
        Instant at = item.event.occurredAt();
        if (item.deletedNow) {
            if (open != null) {
                open.cancel(at, CancelReason.ITEM_DELETED);
            }
            closeIfStopped();
            return;
        }
        switch (terms.metric()) {
            case FIRST_RESPONSE -> {
                if (item.created && cycles.isEmpty()) {
                    openCycle(at, item.priority);
                }
                if (open != null && (item.agentReplied || item.resolvedNow || item.closedNow)) {
                    open.complete(at, false);
                }
            }
            case RESOLUTION -> {
                if (item.created && cycles.isEmpty()) {
                    openCycle(at, item.priority);
                }
                if (item.reopenedNow && open == null) {
                    Cycle previous = last();
                    if (terms.reopenPolicy() == ReopenPolicy.RESUME && previous != null && previous.resumable) {
                        previous.resume(at, terms, item.priority);
                        open = previous;
                    } else {
                        openCycle(at, item.priority);
                    }
                }
                if (open != null && (item.resolvedNow || item.closedNow)) {
                    open.complete(at, item.resolvedNow);
                }
            }
            case NEXT_RESPONSE -> {
                if (open != null && (item.agentReplied || item.resolvedNow || item.closedNow)) {
                    open.complete(at, false);
                    closeIfStopped();
                }
                if (open == null && item.awaitsNextResponse()) {
                    openCycle(at, item.priority);
                }
            }
            case CUSTOM -> onCustomEvent(item, at);
        }
        closeIfStopped();
    }

    private void onCustomEvent(ItemState item, Instant at) {
        CustomMetric custom = terms.custom();
        ItemEvent event = item.event;
        ItemStatus before = item.statusBefore;
        if (open != null) {
            if (custom.cancel().matches(event, before)) {
                open.cancel(at, CancelReason.CANCEL_CONDITION);
            } else if (custom.stop().matches(event, before)) {
                open.complete(at, false);
            } else if (custom.reset().matches(event, before)) {
                open.cancel(at, CancelReason.RESET);
                openCycle(at, item.priority);
            }
            closeIfStopped();
        } else if (custom.start().matches(event, before)) {
            openCycle(at, item.priority);
        }
        if (open != null) {
            if (custom.pause().matches(event, before)) {
                open.customPaused = true;
            } else if (custom.resume().matches(event, before)) {
                open.customPaused = false;
            }
            if (item.closedNow) {
                open.complete(at, false);
            }
        }
    }

    /** Sets the open cycle's phase from the item's status, the agreement's state and custom pauses. */
    void updatePhase(ItemState item, Instant at) {
        if (open == null) {
            return;
        }
        boolean paused = open.terms.pauseStatuses().contains(item.status)
                || !shadow && open.terms.agreementState() == AgreementState.SUSPENDED
                || open.customPaused;
        open.setPaused(paused, at);
    }
}
