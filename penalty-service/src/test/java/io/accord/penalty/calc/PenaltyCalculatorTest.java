package io.accord.penalty.calc;

import static io.accord.penalty.calc.ClockFact.Verdict.BREACHED;
import static io.accord.penalty.calc.ClockFact.Verdict.MET;
import static io.accord.penalty.calc.Terms.agreement;
import static io.accord.penalty.calc.Terms.clock;
import static io.accord.penalty.calc.Terms.clocks;
import static io.accord.penalty.calc.Terms.incident;
import static io.accord.penalty.calc.Terms.period;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accord.model.agreement.AgreementVersion;
import io.accord.model.agreement.Comparison;
import io.accord.model.agreement.Money;
import io.accord.model.agreement.Priority;
import io.accord.model.statement.ObjectiveStatus;
import io.accord.time.BusinessCalendar;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PenaltyCalculatorTest {

    static final BusinessCalendar ALWAYS_UTC = BusinessCalendar.twentyFourSeven(ZoneId.of("UTC"));
    static final Instant AFTER_MARCH = Instant.parse("2026-04-10T00:00:00Z");

    /** One calculation: the period, the terms and what happened. */
    static final class Run {
        final List<AgreementVersion> versions = new ArrayList<>();
        final List<ClockFact> clocks = new ArrayList<>();
        final List<Incident> incidents = new ArrayList<>();
        final List<Measurement> measurements = new ArrayList<>();
        final List<ClockExclusion> exclusions = new ArrayList<>();
        StatementPeriod period = period("2026-03", "UTC");
        Instant asOf = AFTER_MARCH;

        Run(AgreementVersion... versions) {
            this.versions.addAll(List.of(versions));
        }

        StatementResult calculate() {
            return PenaltyCalculator.calculate(new StatementInput(period, versions, clocks, exclusions, incidents,
                    measurements, asOf));
        }
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static List<StatementLine> lines(StatementResult result) {
        return result.versions().stream().flatMap(s -> s.lines().stream()).toList();
    }

    static ObjectiveResult objective(StatementResult result, String key) {
        return result.versions().stream().flatMap(s -> s.objectives().stream())
                .filter(o -> o.objectiveKey().equals(key)).findFirst().orElseThrow();
    }

    @Nested
    class CreditTiers {

        /** AWS-style table on availability: below 99.99 % 10 %, below 99 % 30 %, below 95 % 100 %. */
        AgreementVersion aws() {
            return agreement().availability("uptime", "99.99", "always", ALWAYS_UTC)
                    .tiers("uptime", "99.99", "10", "99", "30", "95", "100").build();
        }

        @Test
        void anHourDownInMarchCostsTenPercent() {
            // March 2026 on 24x7 UTC = 31 x 1440 = 44640 scheduled minutes; 60 down -> 1 - 60/44640 = 99.8656 %
            // below 99.99 only -> 10 % of 1000.00 EUR = 100.00 EUR
            Run run = new Run(aws());
            run.incidents.add(incident("any", "2026-03-10T08:00:00Z", "2026-03-10T09:00:00Z"));
            StatementResult result = run.calculate();

            ObjectiveResult uptime = objective(result, "uptime");
            assertThat(uptime.scheduledMinutes()).isEqualByComparingTo("44640");
            assertThat(uptime.downtimeMinutes()).isEqualByComparingTo("60");
            assertThat(uptime.availabilityPercent()).isEqualByComparingTo("99.8656");
            assertThat(uptime.status()).isEqualTo(ObjectiveStatus.MISSED);
            StatementLine credit = lines(result).get(0);
            assertThat(credit.kind()).isEqualTo(LineKind.SERVICE_CREDIT);
            assertThat(credit.tierApplied().creditPercent()).isEqualByComparingTo("10");
            assertThat(credit.tiers()).hasSize(3);
            assertThat(credit.amount()).isEqualTo(eur("100.00"));
            assertThat(credit.evidence().incidentIds()).containsExactly(run.incidents.get(0).id());
            assertThat(result.totalCredit()).isEqualTo(eur("100.00"));
        }

        @Test
        void theWorstMatchingTierApplies() {
            // 500 minutes down: 1 - 500/44640 = 98.8799 %, below 99.99 and below 99 -> the worse, 30 % = 300.00
            Run run = new Run(aws());
            run.incidents.add(incident("any", "2026-03-10T00:00:00Z", "2026-03-10T08:20:00Z"));
            assertThat(run.calculate().totalCredit()).isEqualTo(eur("300.00"));

            // 2400 minutes (40 h) down: 1 - 2400/44640 = 94.6237 %, below 95 -> 100 % = 1000.00
            Run outage = new Run(aws());
            outage.incidents.add(incident("any", "2026-03-10T00:00:00Z", "2026-03-11T16:00:00Z"));
            assertThat(objective(outage.calculate(), "uptime").availabilityPercent()).isEqualByComparingTo("94.6237");
            assertThat(outage.calculate().totalCredit()).isEqualTo(eur("1000.00"));
        }

        @Test
        void sThreeStyleTableOnCompliance() {
            // S3-style 99.9 / 99 / 95 -> 10 / 25 / 100 %. 99 met, 1 breached: compliance 99 % exactly,
            // below 99.9 but not below 99 (thresholds are exclusive) -> 10 % = 100.00
            AgreementVersion terms = agreement().resolution("resolution", "99.9")
                    .tiers("resolution", "99.9", "10", "99", "25", "95", "100").build();
            Run run = new Run(terms);
            run.clocks.addAll(clocks("resolution", Priority.P2, MET, 99, "2026-03-05T10:00:00Z"));
            run.clocks.add(clock("resolution", Priority.P2, BREACHED, "2026-03-06T10:00:00Z"));
            StatementResult result = run.calculate();
            assertThat(objective(result, "resolution").compliancePercent()).isEqualByComparingTo("99.0000");
            assertThat(result.totalCredit()).isEqualTo(eur("100.00"));

            // 2 breached out of 100: 98 % is below 99 -> 25 % = 250.00
            run.clocks.set(0, clock("resolution", Priority.P2, BREACHED, "2026-03-06T10:00:00Z"));
            assertThat(run.calculate().totalCredit()).isEqualTo(eur("250.00"));
        }
    }

    @Test
    void perBreachFeesByPriority() {
        // 2 P1 breaches x 100.00 + 1 P2 breach x 50.00 = 250.00; the met clock costs nothing
        AgreementVersion terms = agreement().resolution("resolution", "95")
                .breachFee("resolution", Priority.P1, "100.00").breachFee("resolution", Priority.P2, "50.00").build();
        Run run = new Run(terms);
        run.clocks.addAll(clocks("resolution", Priority.P1, BREACHED, 2, "2026-03-03T10:00:00Z"));
        run.clocks.add(clock("resolution", Priority.P2, BREACHED, "2026-03-04T10:00:00Z"));
        run.clocks.add(clock("resolution", Priority.P2, MET, "2026-03-04T11:00:00Z"));
        StatementResult result = run.calculate();

        assertThat(lines(result)).extracting(StatementLine::priority, StatementLine::quantity, StatementLine::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Priority.P1, 2, eur("200.00")),
                        org.assertj.core.groups.Tuple.tuple(Priority.P2, 1, eur("50.00")));
        assertThat(lines(result).get(0).evidence().clockIds()).hasSize(2);
        assertThat(objective(result, "resolution").counts()).containsExactly(new PriorityCount(Priority.P1, 0, 2),
                new PriorityCount(Priority.P2, 1, 1));
        assertThat(result.totalCredit()).isEqualTo(eur("250.00"));
    }

    @Test
    void aCapThatBites() {
        // compliance 0 % -> 100 % credit = 1000.00, plus 2 P1 fees x 100.00 = 1200.00 net;
        // cap 50 % of 1000.00 = 500.00, so a cap line of -700.00 and a total of 500.00
        AgreementVersion terms = agreement().resolution("resolution", "95")
                .breachFee("resolution", Priority.P1, "100.00").tiers("resolution", "95", "100").cap("50").build();
        Run run = new Run(terms);
        run.clocks.addAll(clocks("resolution", Priority.P1, BREACHED, 2, "2026-03-03T10:00:00Z"));
        StatementResult result = run.calculate();

        StatementLine cap = lines(result).get(lines(result).size() - 1);
        assertThat(cap.kind()).isEqualTo(LineKind.CAP);
        assertThat(cap.amount()).isEqualTo(eur("-700.00"));
        assertThat(result.totalCredit()).isEqualTo(eur("500.00"));
    }

    @Test
    void aCapThatDoesNotBiteAddsNoLine() {
        // one fee of 100.00 under a 50 % cap (500.00): no cap line
        AgreementVersion terms = agreement().resolution("resolution", "95")
                .breachFee("resolution", Priority.P1, "100.00").cap("50").build();
        Run run = new Run(terms);
        run.clocks.add(clock("resolution", Priority.P1, BREACHED, "2026-03-03T10:00:00Z"));
        assertThat(lines(run.calculate())).extracting(StatementLine::kind).containsExactly(LineKind.BREACH_FEE);
    }

    @Test
    void aBonusIsANegativeLine() {
        // 20 of 20 met: compliance 100 % >= 99.5 -> bonus 5 % of 1000.00 = -50.00
        AgreementVersion terms = agreement().resolution("resolution", "95").bonus("resolution", "99.5", "5").build();
        Run run = new Run(terms);
        run.clocks.addAll(clocks("resolution", Priority.P2, MET, 20, "2026-03-05T10:00:00Z"));
        StatementResult result = run.calculate();

        StatementLine bonus = lines(result).get(0);
        assertThat(bonus.kind()).isEqualTo(LineKind.BONUS);
        assertThat(bonus.amount()).isEqualTo(eur("-50.00"));
        assertThat(bonus.evidence().clockIds()).hasSize(20);
        assertThat(result.totalCredit()).isEqualTo(eur("-50.00"));
    }

    @Test
    void noEligibleClocksMeansUndefinedComplianceAndNoCredit() {
        // nothing decided in March: no division by zero, compliance undefined, no line, status UNDEFINED
        AgreementVersion terms = agreement().resolution("resolution", "95").tiers("resolution", "95", "100").build();
        Run run = new Run(terms);
        run.clocks.add(clock("resolution", Priority.P1, BREACHED, "2026-02-27T10:00:00Z"));
        StatementResult result = run.calculate();

        ObjectiveResult resolution = objective(result, "resolution");
        assertThat(resolution.compliancePercent()).isNull();
        assertThat(resolution.status()).isEqualTo(ObjectiveStatus.UNDEFINED);
        assertThat(lines(result)).isEmpty();
        assertThat(result.totalCredit()).isEqualTo(eur("0.00"));
    }

    @Nested
    class Rounding {

        @Test
        void euroRoundsHalfEvenToCents() {
            // fee 1000.05 x 10 % = 100.005 -> HALF_EVEN to the cent: 100.00 (0 is even)
            AgreementVersion terms = agreement().fee("1000.05", "EUR").resolution("resolution", "95")
                    .tiers("resolution", "95", "10").build();
            Run run = new Run(terms);
            run.clocks.add(clock("resolution", Priority.P1, BREACHED, "2026-03-03T10:00:00Z"));
            assertThat(run.calculate().totalCredit()).isEqualTo(eur("100.00"));

            // fee 1000.15 x 10 % = 100.015 -> 100.02 (2 is even)
            run.versions.set(0, agreement().fee("1000.15", "EUR").resolution("resolution", "95")
                    .tiers("resolution", "95", "10").build());
            assertThat(run.calculate().totalCredit()).isEqualTo(eur("100.02"));
        }

        @Test
        void yenHasNoMinorUnit() {
            // fee 100005 JPY x 10 % = 10000.5 -> HALF_EVEN to the yen: 10000; 100015 x 10 % = 10001.5 -> 10002
            AgreementVersion terms = agreement().fee("100005", "JPY").resolution("resolution", "95")
                    .tiers("resolution", "95", "10").build();
            Run run = new Run(terms);
            run.clocks.add(clock("resolution", Priority.P1, BREACHED, "2026-03-03T10:00:00Z"));
            assertThat(run.calculate().totalCredit()).isEqualTo(Money.of("10000", "JPY"));
            assertThat(run.calculate().totalCredit().amount().scale()).isZero();

            run.versions.set(0, agreement().fee("100015", "JPY").resolution("resolution", "95")
                    .tiers("resolution", "95", "10").build());
            assertThat(run.calculate().totalCredit()).isEqualTo(Money.of("10002", "JPY"));
        }
    }

    @Test
    void aQuarterUsesThreeMonthlyFees() {
        // 2026-Q1: fee base 3 x 1000.00 = 3000.00; compliance 50 % below 95 -> 30 % = 900.00; cap 50 % = 1500.00
        AgreementVersion terms = agreement().quarterly().resolution("resolution", "95")
                .tiers("resolution", "95", "30").cap("50").build();
        Run run = new Run(terms);
        run.period = period("2026-Q1", "UTC");
        run.clocks.add(clock("resolution", Priority.P1, BREACHED, "2026-01-15T10:00:00Z"));
        run.clocks.add(clock("resolution", Priority.P1, MET, "2026-03-15T10:00:00Z"));
        StatementResult result = run.calculate();

        VersionSection section = result.versions().get(0);
        assertThat(section.days()).isEqualTo(90);
        assertThat(section.feeBase()).isEqualTo(eur("3000.00"));
        assertThat(result.totalCredit()).isEqualTo(eur("900.00"));
    }

    @Test
    void aPartialFirstMonthProRatesTheFeeByDays() {
        // starts 11 March: billed 11..31 = 21 of 31 days; base 1000.00 x 21 / 31 = 677.419... -> 677.42;
        // 10 % of 677.42 = 67.742 -> 67.74
        AgreementVersion terms = agreement().version(1, Instant.parse("2026-03-11T00:00:00Z"))
                .resolution("resolution", "95").tiers("resolution", "95", "10").build();
        Run run = new Run(terms);
        run.clocks.add(clock("resolution", Priority.P1, BREACHED, "2026-03-20T10:00:00Z"));
        StatementResult result = run.calculate();

        VersionSection section = result.versions().get(0);
        assertThat(section.days()).isEqualTo(21);
        assertThat(section.from()).isEqualTo(Instant.parse("2026-03-11T00:00:00Z"));
        assertThat(section.feeBase()).isEqualTo(eur("677.42"));
        assertThat(result.totalCredit()).isEqualTo(eur("67.74"));
    }

    @Test
    void anAmendmentSplitsTheMonthIntoVersionSections() {
        // v1 until 16 March 12:00, v2 (fee 2000.00) after: the 16th goes to v2 (the highest version in force that
        // day), so v1 bills 15 days (1..15) and v2 16 days (16..31). Each clock counts under the version it names.
        AgreementVersion v1 = agreement().resolution("resolution", "95")
                .breachFee("resolution", Priority.P1, "100.00").build();
        AgreementVersion v2 = agreement().version(2, Instant.parse("2026-03-16T12:00:00Z")).fee("2000.00", "EUR")
                .resolution("resolution", "95").breachFee("resolution", Priority.P1, "150.00").build();
        Run run = new Run(v1, v2);
        run.clocks.add(new ClockFact(UUID.randomUUID(), 1, "resolution", Priority.P1, BREACHED,
                Instant.parse("2026-03-10T10:00:00Z")));
        run.clocks.add(new ClockFact(UUID.randomUUID(), 2, "resolution", Priority.P1, BREACHED,
                Instant.parse("2026-03-20T10:00:00Z")));
        StatementResult result = run.calculate();

        assertThat(result.versions()).extracting(VersionSection::version, VersionSection::days)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 15), org.assertj.core.groups.Tuple.tuple(2, 16));
        // v1 base 1000.00 x 15/31 = 483.87; v2 base 2000.00 x 16/31 = 1032.26
        assertThat(result.versions().get(0).feeBase()).isEqualTo(eur("483.87"));
        assertThat(result.versions().get(1).feeBase()).isEqualTo(eur("1032.26"));
        assertThat(result.totalCredit()).isEqualTo(eur("250.00"));
    }

    @Test
    void anExcludedClockLeavesTheCounts() {
        // 1 met + 1 breached, the breach excluded as customer-caused: compliance 100 %, no fee, exclusion shown
        AgreementVersion terms = agreement().resolution("resolution", "95")
                .breachFee("resolution", Priority.P1, "100.00").build();
        Run run = new Run(terms);
        ClockFact breach = clock("resolution", Priority.P1, BREACHED, "2026-03-03T10:00:00Z");
        run.clocks.add(breach);
        run.clocks.add(clock("resolution", Priority.P1, MET, "2026-03-04T10:00:00Z"));
        run.exclusions.add(new ClockExclusion(breach.clockId(), "CUSTOMER_CAUSED_DELAY", "waited on access", "manager"));
        StatementResult result = run.calculate();

        assertThat(objective(result, "resolution").compliancePercent()).isEqualByComparingTo("100");
        assertThat(objective(result, "resolution").status()).isEqualTo(ObjectiveStatus.MET);
        assertThat(lines(result)).isEmpty();
        assertThat(result.exclusions()).extracting(ClockExclusion::clockId).containsExactly(breach.clockId());
    }

    @Test
    void aRevisionThatTurnsABreachIntoMetRemovesItsFee() {
        // the statement holds the latest state per clock id: the same clock, revised to MET, owes nothing
        AgreementVersion terms = agreement().resolution("resolution", "95")
                .breachFee("resolution", Priority.P1, "100.00").build();
        ClockFact breached = clock("resolution", Priority.P1, BREACHED, "2026-03-03T10:00:00Z");
        Run before = new Run(terms);
        before.clocks.add(breached);
        assertThat(before.calculate().totalCredit()).isEqualTo(eur("100.00"));

        Run after = new Run(terms);
        after.clocks.add(new ClockFact(breached.clockId(), 1, "resolution", Priority.P1, MET,
                Instant.parse("2026-03-03T09:50:00Z")));
        StatementResult result = after.calculate();
        assertThat(result.totalCredit()).isEqualTo(eur("0.00"));
        assertThat(objective(result, "resolution").met()).isEqualTo(1);
    }

    @Test
    void aClockCountsInThePeriodOfItsVerdictInTheAgreementsZone() {
        // 28 Feb 23:30 UTC is 1 March 00:30 in Paris: it counts in the Paris March statement
        AgreementVersion terms = agreement().zone("Europe/Paris").resolution("resolution", "95")
                .breachFee("resolution", Priority.P1, "100.00").build();
        Run run = new Run(terms);
        run.period = period("2026-03", "Europe/Paris");
        run.clocks.add(clock("resolution", Priority.P1, BREACHED, "2026-02-28T23:30:00Z"));
        assertThat(run.calculate().totalCredit()).isEqualTo(eur("100.00"));
    }

    @Test
    void aKpiIsTheSumOfThePeriodsMeasurements() {
        // 50 qualified leads a month: 30 (whole-month figure) + 12 (one day) = 42 < 50 -> MISSED;
        // a measurement of April does not count; bonus at 60 leads not reached
        AgreementVersion terms = agreement().kpi("leads", "qualified_leads", Comparison.AT_LEAST, "50")
                .bonus("leads", "60", "5").build();
        Run run = new Run(terms);
        run.measurements.add(new Measurement(UUID.randomUUID(), "qualified_leads", new BigDecimal("30"), "2026-03", null));
        run.measurements.add(new Measurement(UUID.randomUUID(), "qualified_leads", new BigDecimal("12"), null,
                Instant.parse("2026-03-20T10:00:00Z")));
        run.measurements.add(new Measurement(UUID.randomUUID(), "qualified_leads", new BigDecimal("99"), "2026-04", null));
        StatementResult result = run.calculate();

        ObjectiveResult leads = objective(result, "leads");
        assertThat(leads.value()).isEqualByComparingTo("42");
        assertThat(leads.status()).isEqualTo(ObjectiveStatus.MISSED);
        assertThat(leads.evidence().measurementIds()).hasSize(2);
        assertThat(lines(result)).isEmpty();

        // 30 more leads: 72 >= 60 -> bonus 5 % of 1000.00 = -50.00
        run.measurements.add(new Measurement(UUID.randomUUID(), "qualified_leads", new BigDecimal("30"), "2026-03", null));
        assertThat(run.calculate().totalCredit()).isEqualTo(eur("-50.00"));
    }

    @Test
    void anAtMostKpiIsMetAtOrBelowItsTarget() {
        AgreementVersion terms = agreement().kpi("complaints", "complaints", Comparison.AT_MOST, "5").build();
        Run run = new Run(terms);
        run.measurements.add(new Measurement(UUID.randomUUID(), "complaints", new BigDecimal("5"), "2026-03", null));
        assertThat(objective(run.calculate(), "complaints").status()).isEqualTo(ObjectiveStatus.MET);
    }

    @Test
    void anObjectiveMissedUnderAnyVersionOfThePeriodIsMissed() {
        ObjectiveStatus met = ObjectiveStatus.MET;
        ObjectiveStatus missed = ObjectiveStatus.MISSED;
        ObjectiveStatus undefined = ObjectiveStatus.UNDEFINED;
        assertThat(PenaltyCalculator.acrossVersions(met, missed)).isEqualTo(missed);
        assertThat(PenaltyCalculator.acrossVersions(undefined, missed)).isEqualTo(missed);
        assertThat(PenaltyCalculator.acrossVersions(undefined, met)).isEqualTo(met);
        assertThat(PenaltyCalculator.acrossVersions(met, undefined)).isEqualTo(met);
        assertThat(PenaltyCalculator.acrossVersions(undefined, undefined)).isEqualTo(undefined);
    }

    @Test
    void withoutAnyActiveVersionThereIsNoStatement() {
        assertThatThrownBy(() -> new Run().calculate()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no active version");
    }
}
