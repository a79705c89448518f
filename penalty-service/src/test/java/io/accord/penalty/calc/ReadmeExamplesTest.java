package io.accord.penalty.calc;

import static io.accord.penalty.calc.ClockFact.Verdict.BREACHED;
import static io.accord.penalty.calc.ClockFact.Verdict.MET;
import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;

/** The two months the README walks through, with the figures it quotes. */
class ReadmeExamplesTest {

    static final BusinessCalendar PARIS_24X7 = BusinessCalendar.twentyFourSeven(ZoneId.of("Europe/Paris"));
    static final BusinessCalendar PARIS_OFFICE = BusinessCalendar.builder(ZoneId.of("Europe/Paris"))
            .weekdays("09:00-18:00").build();

    static AgreementVersion hostingSla() {
        return Terms.agreement().zone("Europe/Paris").fee("1200.00", "EUR").service("web-hosting")
                .availability("availability", "99.9", "24x7-paris", PARIS_24X7)
                .tiers("availability", "99.9", "10", "99", "25", "95", "100")
                .resolution("intervention", "95").breachFee("intervention", Priority.P1, "150.00")
                .cap("100").build();
    }

    static StatementResult hostingMarch() {
        List<ClockFact> clocks = new ArrayList<>(Terms.clocks("intervention", Priority.P1, MET, 11,
                "2026-03-12T10:00:00Z"));
        clocks.add(Terms.clock("intervention", Priority.P1, BREACHED, "2026-03-18T10:30:00Z"));
        List<Incident> incidents = List.of(
                Terms.incident("web-hosting", "2026-03-18T08:00:00Z", "2026-03-18T09:30:00Z"),
                Terms.incident("web-hosting", "2026-03-18T09:00:00Z", "2026-03-18T09:40:00Z"),
                Terms.maintenance("web-hosting", "2026-03-22T01:00:00Z", "2026-03-22T03:00:00Z"));
        return PenaltyCalculator.calculate(new StatementInput(Terms.period("2026-03", "Europe/Paris"),
                List.of(hostingSla()), clocks, List.of(), incidents, List.of(), Instant.parse("2026-04-06T00:00:00Z")));
    }

    @Test
    void aMonthOfAHostingSla() {
        // scheduled: 743 h (spring forward) = 44580 min, minus 120 min of maintenance = 44460 min;
        // downtime 08:00-09:30 and 09:00-09:40 merged = 100 min -> 1 - 100/44460 = 99.7751 % -> tier 10 % = 120.00
        // intervention: 11 met, 1 breached -> 91.6667 % (missed 95 %), one P1 fee of 150.00; total 270.00
        StatementResult march = hostingMarch();
        ObjectiveResult availability = march.versions().get(0).objectives().get(0);
        assertThat(availability.scheduledMinutes()).isEqualByComparingTo("44460");
        assertThat(availability.downtimeMinutes()).isEqualByComparingTo("100");
        assertThat(availability.availabilityPercent()).isEqualByComparingTo("99.7751");
        assertThat(march.totalCredit()).isEqualTo(Money.of("270.00", "EUR"));
    }

    static AgreementVersion marketingOla() {
        return Terms.agreement().zone("Europe/Paris").fee("8000.00", "EUR")
                .kpi("qualified-leads", "qualified_leads", Comparison.AT_LEAST, "50")
                .resolution("call-back", "90")
                .tiers("call-back", "90", "5", "75", "15").bonus("qualified-leads", "60", "3").cap("20").build();
    }

    static StatementResult marketingApril() {
        List<ClockFact> clocks = new ArrayList<>(Terms.clocks("call-back", Priority.P2, MET, 34,
                "2026-04-14T09:30:00Z"));
        clocks.addAll(Terms.clocks("call-back", Priority.P2, BREACHED, 6, "2026-04-21T15:00:00Z"));
        List<Measurement> leads = new ArrayList<>();
        String[] weeks = {"2026-04-05T18:00:00Z", "2026-04-12T18:00:00Z", "2026-04-19T18:00:00Z", "2026-04-26T18:00:00Z"};
        int[] values = {14, 17, 12, 19};
        for (int i = 0; i < weeks.length; i++) {
            leads.add(new Measurement(UUID.randomUUID(), "qualified_leads", BigDecimal.valueOf(values[i]), null,
                    Instant.parse(weeks[i])));
        }
        return PenaltyCalculator.calculate(new StatementInput(Terms.period("2026-04", "Europe/Paris"),
                List.of(marketingOla()), clocks, List.of(), List.of(), leads, Instant.parse("2026-05-06T00:00:00Z")));
    }

    @Test
    void aMonthOfAMarketingAndSalesOla() {
        // leads 14 + 17 + 12 + 19 = 62 >= 50 (met) and >= 60: bonus 3 % of 8000.00 = -240.00;
        // call-back 34 met / 40 = 85 % < 90: tier 5 % = 400.00; net 160.00 under the 20 % cap (1600.00)
        StatementResult april = marketingApril();
        assertThat(april.objectiveStatus()).containsEntry("qualified-leads", ObjectiveStatus.MET)
                .containsEntry("call-back", ObjectiveStatus.MISSED);
        assertThat(april.versions().get(0).lines()).extracting(StatementLine::amount).containsExactly(
                Money.of("400.00", "EUR"), Money.of("-240.00", "EUR"));
        assertThat(april.totalCredit()).isEqualTo(Money.of("160.00", "EUR"));
    }
}
