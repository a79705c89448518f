package io.accord.penalty.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accord.model.agreement.ReportingPeriod;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class StatementPeriodTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void aMonthRunsFromLocalMidnightToLocalMidnight() {
        StatementPeriod march = StatementPeriod.parse("2026-03", PARIS);
        assertThat(march.start()).isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));
        assertThat(march.end()).isEqualTo(Instant.parse("2026-03-31T22:00:00Z"));
        assertThat(march.days()).isEqualTo(31);
        assertThat(march.months()).isEqualTo(1);
        assertThat(march.label()).isEqualTo("2026-03");
        assertThat(march.previous().label()).isEqualTo("2026-02");
    }

    @Test
    void aQuarterHasThreeMonths() {
        StatementPeriod q1 = StatementPeriod.parse("2026-Q1", ZoneId.of("UTC"));
        assertThat(q1.kind()).isEqualTo(ReportingPeriod.QUARTER);
        assertThat(q1.days()).isEqualTo(90);
        assertThat(q1.months()).isEqualTo(3);
        assertThat(q1.end()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
        assertThat(q1.previous().label()).isEqualTo("2025-Q4");
        assertThat(StatementPeriod.containing(Instant.parse("2026-08-15T00:00:00Z"), ReportingPeriod.QUARTER,
                ZoneId.of("UTC")).label()).isEqualTo("2026-Q3");
    }

    @Test
    void theContainingPeriodIsTakenInTheZone() {
        // 31 March 22:30Z is already 1 April in Paris
        assertThat(StatementPeriod.containing(Instant.parse("2026-03-31T22:30:00Z"), ReportingPeriod.MONTH, PARIS)
                .label()).isEqualTo("2026-04");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026", "2026-13", "2026-00", "2026-Q5", "2026-Q0", "26-03", "2026-3", "march",
            "2026-03-01"})
    void badPeriodsAreRefusedWithTheText(String text) {
        assertThatThrownBy(() -> StatementPeriod.parse(text, PARIS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("period");
    }
}
