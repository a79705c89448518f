package io.accord.clock.engine;

import io.accord.time.BusinessCalendar;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The terms of one time-to-target objective in force for an item at an instant: what the service reads
 * from the agreement version that covers the item, already resolved for the item (the calendar of the
 * item's site; the warning percents of the objective plus those of its escalation levels).
 *
 * <pre>{@code
 * ObjectiveTerms terms = ObjectiveTerms.builder(agreementId, "first-response", Metric.FIRST_RESPONSE)
 *         .agreementVersion(3)
 *         .target(Priority.P1, Duration.ofHours(1))
 *         .target(Priority.P3, Duration.ofHours(8))
 *         .calendar(officeHours)
 *         .build();   // pause statuses PENDING_CUSTOMER and ON_HOLD, warnings at 50/75/90 %, RESUME, ACTIVE
 * }</pre>
 *
 * @param objective        agreement id and objective key
 * @param agreementVersion the version these terms come from (reported on the clocks)
 * @param agreementState   the agreement's state at the instant
 * @param metric           what is measured
 * @param custom           the conditions of a {@link Metric#CUSTOM} metric, null for the others
 * @param targets          target business time per priority; a priority absent here has no clock
 * @param calendar         the business calendar that counts time
 * @param pauseStatuses    statuses in which no time accrues
 * @param warningPercents  thresholds in percent of the target, each strictly between 0 and 100, sorted, distinct
 * @param reopenPolicy     what reopening a resolved item does to a RESOLUTION clock
 * @param retroactiveStart whether a clock that starts after the item's creation (re-matching, a priority
 *                         gaining a target, an amendment adding the objective) counts from the start its
 *                         cycle would have had if the objective had applied all along
 */
public record ObjectiveTerms(ObjectiveId objective, int agreementVersion, AgreementState agreementState,
                             Metric metric, CustomMetric custom, Map<Priority, Duration> targets,
                             BusinessCalendar calendar, Set<ItemStatus> pauseStatuses,
                             List<Integer> warningPercents, ReopenPolicy reopenPolicy, boolean retroactiveStart) {

    /** Accord's default pause statuses. */
    public static final Set<ItemStatus> DEFAULT_PAUSE_STATUSES = Set.of(ItemStatus.PENDING_CUSTOMER, ItemStatus.ON_HOLD);
    /** Accord's default warning thresholds. */
    public static final List<Integer> DEFAULT_WARNING_PERCENTS = List.of(50, 75, 90);

    public ObjectiveTerms {
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(agreementState, "agreementState");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(reopenPolicy, "reopenPolicy");
        if ((metric == Metric.CUSTOM) != (custom != null)) {
            throw new IllegalArgumentException("custom conditions are required for, and only for, a CUSTOM metric: "
                    + objective);
        }
        Map<Priority, Duration> copy = new EnumMap<>(Priority.class);
        Objects.requireNonNull(targets, "targets").forEach((priority, target) -> {
            if (target.isNegative() || target.isZero()) {
                throw new IllegalArgumentException("target of " + priority + " must be positive: " + target);
            }
            copy.put(priority, target);
        });
        targets = Map.copyOf(copy);
        pauseStatuses = pauseStatuses == null || pauseStatuses.isEmpty() ? Set.of()
                : Set.copyOf(EnumSet.copyOf(pauseStatuses));
        TreeSet<Integer> percents = new TreeSet<>(Objects.requireNonNull(warningPercents, "warningPercents"));
        for (int percent : percents) {
            if (percent <= 0 || percent >= 100) {
                throw new IllegalArgumentException("warning percent must be between 1 and 99: " + percent);
            }
        }
        warningPercents = List.copyOf(percents);
    }

    /** The target for a priority, or null when the priority (or a null priority) has none. */
    public Duration targetFor(Priority priority) {
        return priority == null ? null : targets.get(priority);
    }

    /** A builder with Accord's defaults: version 1, ACTIVE, 24x7 UTC calendar, default pauses and warnings, RESUME. */
    public static Builder builder(UUID agreementId, String objectiveKey, Metric metric) {
        return new Builder(new ObjectiveId(agreementId, objectiveKey), metric);
    }

    /** A builder starting from these terms (to express an amendment). */
    public Builder toBuilder() {
        Builder builder = new Builder(objective, metric);
        builder.agreementVersion = agreementVersion;
        builder.agreementState = agreementState;
        builder.custom = custom;
        builder.targets.putAll(targets);
        builder.calendar = calendar;
        builder.pauseStatuses = pauseStatuses;
        builder.warningPercents = warningPercents;
        builder.reopenPolicy = reopenPolicy;
        builder.retroactiveStart = retroactiveStart;
        return builder;
    }

    /** Collects terms; {@link #build()} validates them. */
    public static final class Builder {
        private final ObjectiveId objective;
        private Metric metric;
        private int agreementVersion = 1;
        private AgreementState agreementState = AgreementState.ACTIVE;
        private CustomMetric custom;
        private final Map<Priority, Duration> targets = new EnumMap<>(Priority.class);
        private BusinessCalendar calendar = BusinessCalendar.twentyFourSeven(java.time.ZoneOffset.UTC);
        private Set<ItemStatus> pauseStatuses = DEFAULT_PAUSE_STATUSES;
        private List<Integer> warningPercents = DEFAULT_WARNING_PERCENTS;
        private ReopenPolicy reopenPolicy = ReopenPolicy.RESUME;
        private boolean retroactiveStart;

        private Builder(ObjectiveId objective, Metric metric) {
            this.objective = objective;
            this.metric = metric;
        }

        public Builder agreementVersion(int version) {
            this.agreementVersion = version;
            return this;
        }

        public Builder agreementState(AgreementState state) {
            this.agreementState = state;
            return this;
        }

        /** Makes the metric CUSTOM with these conditions. */
        public Builder custom(CustomMetric conditions) {
            this.metric = Metric.CUSTOM;
            this.custom = conditions;
            return this;
        }

        public Builder target(Priority priority, Duration target) {
            targets.put(priority, target);
            return this;
        }

        /** Removes the target of a priority: that priority then has no clock. */
        public Builder noTarget(Priority priority) {
            targets.remove(priority);
            return this;
        }

        public Builder calendar(BusinessCalendar businessCalendar) {
            this.calendar = businessCalendar;
            return this;
        }

        public Builder pauseStatuses(Set<ItemStatus> statuses) {
            this.pauseStatuses = statuses;
            return this;
        }

        public Builder warningPercents(List<Integer> percents) {
            this.warningPercents = percents;
            return this;
        }

        public Builder reopenPolicy(ReopenPolicy policy) {
            this.reopenPolicy = policy;
            return this;
        }

        public Builder retroactiveStart(boolean retroactive) {
            this.retroactiveStart = retroactive;
            return this;
        }

        public ObjectiveTerms build() {
            return new ObjectiveTerms(objective, agreementVersion, agreementState, metric, custom, targets, calendar,
                    pauseStatuses, warningPercents, reopenPolicy, retroactiveStart);
        }
    }
}
