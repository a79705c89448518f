package io.accord.penalty.calc;

import static io.accord.penalty.calc.Terms.incident;
import static io.accord.penalty.calc.Terms.maintenance;
import static org.assertj.core.api.Assertions.assertThat;

import io.accord.time.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class AvailabilityTest {

    /** Monday to Friday 09:00-17:00 UTC: March 2026 has 22 weekdays (the 1st is a Sunday) = 176 h = 10560 min. */
    static final BusinessCalendar OFFICE = BusinessCalendar.builder(ZoneId.of("UTC")).weekdays("09:00-17:00").build();
    static final Instant MARCH = Instant.parse("2026-03-01T00:00:00Z");
    static final Instant APRIL = Instant.parse("2026-04-01T00:00:00Z");
    static final Instant LATER = Instant.parse("2026-05-01T00:00:00Z");

    static Availability.Figures march(List<Incident> incidents) {
        return Availability.measure(OFFICE, MARCH, APRIL, incidents, LATER);
    }

    @Test
    void overlappingIncidentsAreCountedOnce() {
        // Tue 3 March 10:00-11:00 and 10:30-12:00 merge into 10:00-12:00 = 120 min, not 150
        Availability.Figures figures = march(List.of(incident("web", "2026-03-03T10:00:00Z", "2026-03-03T11:00:00Z"),
                incident("web", "2026-03-03T10:30:00Z", "2026-03-03T12:00:00Z")));
        assertThat(figures.scheduled()).isEqualTo(Duration.ofMinutes(10560));
        assertThat(figures.downtime()).isEqualTo(Duration.ofMinutes(120));
        assertThat(figures.incidentIds()).hasSize(2);
    }

    @Test
    void onlyServiceHoursCount() {
        // Saturday 7 March 10:00-14:00 is outside service hours: 0 min, and the incident is not evidence;
        // Mon 2 March 16:00 to Tue 3 March 10:00 counts 16:00-17:00 + 09:00-10:00 = 120 min
        Incident weekend = incident("web", "2026-03-07T10:00:00Z", "2026-03-07T14:00:00Z");
        Incident overnight = incident("web", "2026-03-02T16:00:00Z", "2026-03-03T10:00:00Z");
        Availability.Figures figures = march(List.of(weekend, overnight));
        assertThat(figures.downtime()).isEqualTo(Duration.ofMinutes(120));
        assertThat(figures.incidentIds()).containsExactly(overnight.id());
    }

    @Test
    void plannedMaintenanceLeavesBothDowntimeAndScheduledTime() {
        // maintenance Wed 4 March 09:00-11:00 (120 min) and an outage 10:00-12:00: only 11:00-12:00 is downtime;
        // scheduled 10560 - 120 = 10440 min
        Availability.Figures figures = march(List.of(maintenance("web", "2026-03-04T09:00:00Z", "2026-03-04T11:00:00Z"),
                incident("web", "2026-03-04T10:00:00Z", "2026-03-04T12:00:00Z")));
        assertThat(figures.planned()).isEqualTo(Duration.ofMinutes(120));
        assertThat(figures.scheduled()).isEqualTo(Duration.ofMinutes(10440));
        assertThat(figures.downtime()).isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void anIncidentAcrossPeriodsIsSplitAtTheBoundaryInTheAgreementsZone() {
        // 24x7 Paris; 31 March 21:00Z-23:00Z. Paris is on summer time (UTC+2) since the 29th, so April begins at
        // 31 March 22:00Z: 60 min belong to March and 60 min to April
        BusinessCalendar paris = BusinessCalendar.twentyFourSeven(ZoneId.of("Europe/Paris"));
        StatementPeriod march = Terms.period("2026-03", "Europe/Paris");
        List<Incident> incidents = List.of(incident("web", "2026-03-31T21:00:00Z", "2026-03-31T23:00:00Z"));
        assertThat(Availability.measure(paris, march.start(), march.end(), incidents, LATER).downtime())
                .isEqualTo(Duration.ofMinutes(60));
        assertThat(Availability.measure(paris, march.next().start(), march.next().end(), incidents, LATER).downtime())
                .isEqualTo(Duration.ofMinutes(60));
        // March in Paris has 31 x 24 h - 1 h (the spring-forward night) = 743 h
        assertThat(Availability.measure(paris, march.start(), march.end(), List.of(), LATER).scheduled())
                .isEqualTo(Duration.ofHours(743));
    }

    @Test
    void aStillOpenIncidentCountsUntilNow() {
        // 24x7 UTC, open since 10 March 12:00, now 10 March 14:00: 120 min down out of the 9 d 14 h (13800 min)
        // scheduled so far -> 1 - 120/13800 = 99.1304 %
        BusinessCalendar always = BusinessCalendar.twentyFourSeven(ZoneId.of("UTC"));
        Instant now = Instant.parse("2026-03-10T14:00:00Z");
        Availability.Figures figures = Availability.measure(always, MARCH, APRIL,
                List.of(incident("web", "2026-03-10T12:00:00Z", null)), now);
        assertThat(figures.downtime()).isEqualTo(Duration.ofMinutes(120));
        assertThat(figures.scheduled()).isEqualTo(Duration.ofMinutes(13800));

        StatementResult result = PenaltyCalculator.calculate(new StatementInput(Terms.period("2026-03", "UTC"),
                List.of(Terms.agreement().availability("uptime", "99.9", "always", always).build()), List.of(),
                List.of(), List.of(incident("web", "2026-03-10T12:00:00Z", null)), List.of(), now));
        assertThat(result.versions().get(0).objectives().get(0).availabilityPercent()).isEqualByComparingTo("99.1304");
    }

    @Test
    void incidentsOfOtherServicesDoNotCount() {
        // the agreement covers web-hosting only: a mail outage is not its downtime
        BusinessCalendar always = BusinessCalendar.twentyFourSeven(ZoneId.of("UTC"));
        StatementResult result = PenaltyCalculator.calculate(new StatementInput(Terms.period("2026-03", "UTC"),
                List.of(Terms.agreement().service("web-hosting").availability("uptime", "99.9", "always", always)
                        .build()),
                List.of(), List.of(), List.of(incident("mail", "2026-03-10T12:00:00Z", "2026-03-10T13:00:00Z"),
                        incident("web-hosting", "2026-03-11T12:00:00Z", "2026-03-11T12:30:00Z")),
                List.of(), LATER));
        assertThat(result.versions().get(0).objectives().get(0).downtimeMinutes()).isEqualByComparingTo("30");
    }
}
