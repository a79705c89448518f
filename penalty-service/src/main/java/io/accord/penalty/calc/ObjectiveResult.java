package io.accord.penalty.calc;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.accord.model.agreement.Comparison;
import io.accord.model.agreement.ObjectiveKind;
import io.accord.model.statement.ObjectiveStatus;
import java.math.BigDecimal;
import java.util.List;

/**
 * How one objective did under one agreement version in the period. Time to target: counts by priority and
 * {@code compliancePercent} against {@code target}; availability: {@code scheduledMinutes} of service hours (planned
 * maintenance taken out), {@code downtimeMinutes} inside them and {@code availabilityPercent}; KPI: the summed
 * {@code value} of {@code measure} against {@code target}. Percentages are shown to 4 decimals; comparisons use the
 * unrounded value.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ObjectiveResult(String objectiveKey, String name, ObjectiveKind kind, ObjectiveStatus status,
        BigDecimal target,
        List<PriorityCount> counts, Integer met, Integer breached, BigDecimal compliancePercent,
        String calendarId, BigDecimal scheduledMinutes, BigDecimal downtimeMinutes, BigDecimal plannedMinutes,
        BigDecimal availabilityPercent,
        String measure, Comparison comparison, BigDecimal value,
        Evidence evidence, @JsonIgnore BigDecimal exact) {

    /** The figure credit tiers and bonuses compare, unrounded; null when undefined. */
    public BigDecimal exactMeasured() {
        return exact != null ? exact : measured();
    }

    /** The figure credit tiers and bonuses look at, as shown: compliance, availability or the KPI value. */
    public BigDecimal measured() {
        return switch (kind) {
            case TIME_TO_TARGET -> compliancePercent;
            case AVAILABILITY -> availabilityPercent;
            case KPI -> value;
        };
    }
}
