package io.accord.clock.engine;

import java.util.Objects;

/**
 * The conditions of a custom metric. For an event, with a cycle open before it, the first matching of
 * cancel, stop, reset applies (cancel: the cycle ends CANCELLED; stop: it completes, MET or BREACHED;
 * reset: it ends CANCELLED with reason RESET and a new cycle starts from zero at the event); with no
 * cycle open, start opens one. Then, with a cycle open, pause and resume set or clear the cycle's own
 * pause. The objective's pause statuses and a suspended agreement pause it too. CLOSED completes an open
 * cycle and DELETED cancels it whatever the conditions say, since no event can follow them.
 *
 * <pre>{@code
 * new CustomMetric(
 *         Condition.onStatuses(ItemStatus.OPEN),              // start: work begins
 *         Condition.onStatuses(ItemStatus.ON_HOLD),           // pause
 *         Condition.onStatuses(ItemStatus.OPEN),              // resume
 *         Condition.onEvents(ItemEventType.RESOLVED),         // stop
 *         Condition.NEVER,                                    // cancel
 *         Condition.onEvents(ItemEventType.PRIORITY_CHANGED)) // reset
 * }</pre>
 */
public record CustomMetric(Condition start, Condition pause, Condition resume, Condition stop, Condition cancel,
                           Condition reset) {
    public CustomMetric {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(pause, "pause");
        Objects.requireNonNull(resume, "resume");
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(cancel, "cancel");
        Objects.requireNonNull(reset, "reset");
    }
}
