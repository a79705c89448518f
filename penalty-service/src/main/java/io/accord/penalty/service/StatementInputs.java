package io.accord.penalty.service;

import io.accord.model.agreement.AgreementVersion;
import io.accord.model.agreement.Priority;
import io.accord.penalty.calc.ClockExclusion;
import io.accord.penalty.calc.ClockFact;
import io.accord.penalty.calc.Incident;
import io.accord.penalty.calc.Measurement;
import io.accord.penalty.calc.PenaltyCalculator;
import io.accord.penalty.calc.StatementInput;
import io.accord.penalty.calc.StatementPeriod;
import io.accord.penalty.calc.StatementResult;
import io.accord.penalty.domain.ClockRecord;
import io.accord.penalty.domain.Exclusion;
import io.accord.penalty.domain.IncidentRecord;
import io.accord.penalty.domain.MeasurementRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Reads what one statement is computed from out of the database and runs the pure calculator on it. */
@ApplicationScoped
public class StatementInputs {

    private static final Set<String> DECIDED = Set.of("MET", "BREACHED");

    private final AgreementCopies agreements;

    public StatementInputs(AgreementCopies agreements) {
        this.agreements = agreements;
    }

    public StatementResult calculate(UUID agreementId, StatementPeriod period, Instant asOf) {
        List<AgreementVersion> versions = agreements.versions(agreementId);
        List<ClockFact> clocks = ClockRecord.decidedBetween(agreementId, period.start(), period.end()).stream()
                .filter(c -> DECIDED.contains(c.outcome))
                .map(c -> new ClockFact(c.clockId, c.agreementVersion, c.objectiveKey,
                        c.priority == null ? null : Priority.valueOf(c.priority),
                        ClockFact.Verdict.valueOf(c.outcome), c.decidedAt))
                .toList();
        List<ClockExclusion> exclusions = Exclusion.<Exclusion>list("agreementId", agreementId).stream()
                .map(e -> new ClockExclusion(e.clockId, e.reason, e.note, e.author)).toList();
        List<Incident> incidents = IncidentRecord.<IncidentRecord>list(
                "startedAt < ?1 and (endedAt is null or endedAt > ?2)", period.end(), period.start()).stream()
                .map(i -> new Incident(i.id, i.service, i.startedAt, i.endedAt, i.planned)).toList();
        List<Measurement> measurements = MeasurementRecord.<MeasurementRecord>list(
                "agreementId = ?1 and (period = ?2 or (measuredAt >= ?3 and measuredAt < ?4))", agreementId,
                period.label(), period.start(), period.end()).stream()
                .map(m -> new Measurement(m.id, m.measure, m.value, m.period, m.measuredAt)).toList();
        return PenaltyCalculator.calculate(new StatementInput(period, versions, clocks, exclusions, incidents,
                measurements, asOf));
    }
}
