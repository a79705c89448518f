package io.accord.model.agreement;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.List;

/**
 * An agreement version that covers an item at an instant, with the objectives that start a clock for the item's
 * priority. {@code suspended}: the agreement is in force but suspended, so its clocks are paused.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Coverage(AgreementVersion agreement, boolean suspended, List<CoveredObjective> objectives) {

    public Coverage {
        objectives = List.copyOf(objectives);
    }

    /**
     * A time-to-target objective that applies to the item: its target at the item's priority and the calendar
     * its clock uses (the site's own calendar when the objective maps one for the item's site).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CoveredObjective(String objectiveKey, Metric metric, Priority priority, Duration target,
            String calendarId, Objective objective) {
    }
}
