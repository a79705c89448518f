package io.accord.penalty.calc;

import io.accord.model.agreement.AgreementVersion;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything a statement is computed from. {@code versions} are the known versions of one agreement (older ones
 * included; those not in force during the period are ignored), {@code clocks} the latest state of its clocks that
 * may fall in the period, {@code incidents} all incidents that may overlap it (filtered here by the agreement's
 * services), {@code measurements} its KPI values. {@code asOf} is "now": an open incident counts up to it, and a
 * period still running is measured up to it.
 */
public record StatementInput(StatementPeriod period, List<AgreementVersion> versions, List<ClockFact> clocks,
        List<ClockExclusion> exclusions, List<Incident> incidents, List<Measurement> measurements, Instant asOf) {

    public StatementInput {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(asOf, "asOf");
        versions = List.copyOf(versions);
        clocks = List.copyOf(clocks);
        exclusions = List.copyOf(exclusions);
        incidents = List.copyOf(incidents);
        measurements = List.copyOf(measurements);
    }
}
