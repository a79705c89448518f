package io.accord.model.agreement;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One promise of an agreement, identified across versions by its {@code objectiveKey} (penalty rules, clocks and
 * statements refer to it).
 *
 * <ul>
 * <li>{@code TIME_TO_TARGET}: {@code metric}, {@code targets} per priority (an absent priority has no clock),
 * {@code calendarId} with optional {@code siteCalendarIds} (site or region to calendar id), {@code pauseStatuses}
 * (default {@code PENDING_CUSTOMER, ON_HOLD}), {@code warningThresholds} in percent (default 50, 75, 90),
 * {@code reopenPolicy} (default {@code RESUME}), {@code retroactiveStart}, {@code complianceTarget} percent of
 * clocks met in a period, and {@code conditions} for a {@code CUSTOM} metric.</li>
 * <li>{@code AVAILABILITY}: {@code availabilityTarget} percent over the service hours of {@code calendarId}.</li>
 * <li>{@code KPI}: {@code measure} (e.g. {@code qualified_leads}), {@code comparison} and {@code periodTarget}.</li>
 * </ul>
 * Defaults are applied to time-to-target objectives only, when the field is absent (an explicit empty list stays
 * empty: no pause statuses).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Objective(
        String objectiveKey,
        String name,
        ObjectiveKind kind,
        Metric metric,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<Priority, Duration> targets,
        String calendarId,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> siteCalendarIds,
        List<NormalizedStatus> pauseStatuses,
        List<Integer> warningThresholds,
        ReopenPolicy reopenPolicy,
        Boolean retroactiveStart,
        BigDecimal complianceTarget,
        ClockConditions conditions,
        BigDecimal availabilityTarget,
        String measure,
        Comparison comparison,
        BigDecimal periodTarget) {

    public static final List<NormalizedStatus> DEFAULT_PAUSE_STATUSES =
            List.of(NormalizedStatus.PENDING_CUSTOMER, NormalizedStatus.ON_HOLD);
    public static final List<Integer> DEFAULT_WARNING_THRESHOLDS = List.of(50, 75, 90);

    public Objective {
        Objects.requireNonNull(objectiveKey, "objectiveKey");
        Objects.requireNonNull(kind, "kind");
        targets = targets == null || targets.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(targets));
        siteCalendarIds = siteCalendarIds == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(siteCalendarIds));
        if (kind == ObjectiveKind.TIME_TO_TARGET) {
            pauseStatuses = pauseStatuses == null ? DEFAULT_PAUSE_STATUSES : List.copyOf(pauseStatuses);
            warningThresholds = warningThresholds == null ? DEFAULT_WARNING_THRESHOLDS
                    : warningThresholds.stream().sorted().toList();
            reopenPolicy = reopenPolicy == null ? ReopenPolicy.RESUME : reopenPolicy;
            retroactiveStart = retroactiveStart != null && retroactiveStart;
        } else {
            pauseStatuses = pauseStatuses == null ? null : List.copyOf(pauseStatuses);
            warningThresholds = warningThresholds == null ? null : List.copyOf(warningThresholds);
        }
    }

    /** A time-to-target objective with the defaults, e.g. {@code timeToTarget("p1-resolution", RESOLUTION, ...)}. */
    public static Objective timeToTarget(String objectiveKey, Metric metric, Map<Priority, Duration> targets,
            String calendarId) {
        return new Objective(objectiveKey, null, ObjectiveKind.TIME_TO_TARGET, metric, targets, calendarId, null, null,
                null, null, null, null, null, null, null, null, null);
    }

    /** The same objective with per-site calendars. */
    public Objective withSiteCalendars(Map<String, String> siteCalendars) {
        return new Objective(objectiveKey, name, kind, metric, targets, calendarId, siteCalendars, pauseStatuses,
                warningThresholds, reopenPolicy, retroactiveStart, complianceTarget, conditions, availabilityTarget,
                measure, comparison, periodTarget);
    }

    /** The target for {@code priority}; empty when this objective starts no clock at that priority. */
    public Optional<Duration> targetFor(Priority priority) {
        return priority == null ? Optional.empty() : Optional.ofNullable(targets.get(priority));
    }

    /** The calendar a clock of an item at {@code site} uses: the site's own when mapped, else the objective's. */
    public String calendarFor(String site) {
        if (site != null) {
            String perSite = siteCalendarIds.get(site);
            if (perSite != null) {
                return perSite;
            }
        }
        return calendarId;
    }

    /** Every calendar id this objective names, default first. */
    public List<String> calendarIds() {
        java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
        if (calendarId != null) {
            ids.add(calendarId);
        }
        ids.addAll(siteCalendarIds.values());
        return List.copyOf(ids);
    }
}
