package io.accord.model.clock;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.accord.model.agreement.Metric;
import io.accord.model.agreement.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The {@code data} of every {@code clock.*} event (started, paused, resumed, warning, breached, completed,
 * cancelled, revised): one clock cycle as the clock service holds it when the fact happened.
 *
 * <p>{@code clockId} is a name-based UUID of source, externalId, agreementId, objectiveKey and cycle, stable across
 * recomputations. {@code revision} starts at 0 and grows each time a published breach or completion is changed by
 * a late event or an agreement change; a consumer keeps, per {@code clockId}, what the highest revision says.
 *
 * @param clockId          the clock cycle
 * @param cycle            1, 2... per objective and item
 * @param revision         0, then +1 per {@code clock.revised}
 * @param agreementId      the agreement
 * @param agreementVersion the version whose terms the clock used last
 * @param objectiveKey     the objective, stable across versions
 * @param metric           what the clock measures
 * @param priority         the item's priority the target was taken for
 * @param item             the item
 * @param phase            RUNNING, PAUSED or STOPPED
 * @param outcome          PENDING, MET, BREACHED or CANCELLED
 * @param target           the target business time
 * @param elapsed          business time accrued when the fact happened (at the end for a stopped clock)
 * @param remaining        target minus elapsed, zero when over
 * @param overrun          elapsed minus target, zero when not over
 * @param startedAt        when the cycle started counting
 * @param deadline         when the target is reached if the clock keeps running; null while paused or stopped
 * @param thresholdPercent the warning threshold crossed ({@code clock.warning} only)
 * @param warnedAt         when that threshold was reached ({@code clock.warning} only)
 * @param breachedAt       when the target was reached, null when not breached
 * @param completedAt      when the cycle completed (MET or BREACHED), null otherwise
 * @param cancelledAt      when the cycle was cancelled, null otherwise
 * @param cancelReason     why it was cancelled (e.g. {@code ITEM_DELETED}, {@code AGREEMENT_TERMINATED})
 * @param zone             the zone of the calendar the clock counts in
 * @param occurredAt       the instant of this fact (the warning, breach, completion, pause... instant)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClockEvent(
        UUID clockId,
        int cycle,
        int revision,
        UUID agreementId,
        int agreementVersion,
        String objectiveKey,
        Metric metric,
        Priority priority,
        ClockItem item,
        ClockPhase phase,
        ClockOutcome outcome,
        Duration target,
        Duration elapsed,
        Duration remaining,
        Duration overrun,
        Instant startedAt,
        Instant deadline,
        Integer thresholdPercent,
        Instant warnedAt,
        Instant breachedAt,
        Instant completedAt,
        Instant cancelledAt,
        String cancelReason,
        String zone,
        Instant occurredAt) {

    public ClockEvent {
        Objects.requireNonNull(clockId, "clockId");
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(objectiveKey, "objectiveKey");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** The same clock reported as the warning at {@code percent}, reached at {@code at}. */
    public ClockEvent asWarning(int percent, Instant at) {
        return new ClockEvent(clockId, cycle, revision, agreementId, agreementVersion, objectiveKey, metric, priority,
                item, phase, outcome, target, elapsed, remaining, overrun, startedAt, deadline, percent, at,
                breachedAt, completedAt, cancelledAt, cancelReason, zone, at);
    }

    /** The same clock with the instant of the fact reported. */
    public ClockEvent at(Instant instant) {
        return new ClockEvent(clockId, cycle, revision, agreementId, agreementVersion, objectiveKey, metric, priority,
                item, phase, outcome, target, elapsed, remaining, overrun, startedAt, deadline, thresholdPercent,
                warnedAt, breachedAt, completedAt, cancelledAt, cancelReason, zone, instant);
    }
}
