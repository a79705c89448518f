package io.accord.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Every rejection, with the message a user sees and the field a service reports. */
class BusinessCalendarValidationTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final BusinessCalendar OFFICE = BusinessCalendar.builder(PARIS).weekdays("09:00-18:00").build();
    static final Instant T = Instant.parse("2026-03-16T10:00:00Z");

    static void rejected(ThrowingCallable call, String field, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(InvalidCalendarException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.violations()).hasSize(1);
                })
                .hasMessage(message);
    }

    @Test
    void reversedInterval() {
        rejected(() -> BusinessCalendar.builder(PARIS).hours(DayOfWeek.MONDAY, "10:00-09:00").build(),
                "weeklyHours.MONDAY[0]", "MONDAY interval 10:00-09:00: start must be before end");
        rejected(() -> BusinessCalendar.builder(PARIS).hours(DayOfWeek.MONDAY, "09:00-09:00").build(),
                "weeklyHours.MONDAY[0]", "MONDAY interval 09:00-09:00: start must be before end");
        rejected(() -> BusinessCalendar.builder(PARIS)
                        .hours(DayOfWeek.FRIDAY, LocalTime.of(9, 0), LocalTime.of(8, 0)).build(),
                "weeklyHours.FRIDAY[0]", "FRIDAY interval 09:00-08:00: start must be before end");
        rejected(() -> LocalTimeRange.parse("18:00-09:00"), "",
                "interval 18:00-09:00: start must be before end");
    }

    @Test
    void overlappingIntervals() {
        rejected(() -> BusinessCalendar.builder(PARIS).hours(DayOfWeek.MONDAY, "09:00-12:00", "11:00-14:00").build(),
                "weeklyHours.MONDAY[1]", "MONDAY intervals 09:00-12:00 and 11:00-14:00 overlap");
        // Given in any order: the later one in time is reported, at its own index.
        rejected(() -> BusinessCalendar.builder(PARIS).hours(DayOfWeek.MONDAY, "11:00-14:00", "09:00-12:00").build(),
                "weeklyHours.MONDAY[0]", "MONDAY intervals 09:00-12:00 and 11:00-14:00 overlap");
        // Touching is fine.
        assertThat(BusinessCalendar.builder(PARIS).hours(DayOfWeek.MONDAY, "09:00-12:00", "12:00-14:00").build()
                .nextClosing(Instant.parse("2026-03-16T08:00:00Z"))).isEqualTo(Instant.parse("2026-03-16T13:00:00Z"));
    }

    @Test
    void malformedInterval() {
        rejected(() -> BusinessCalendar.builder(PARIS).hours(DayOfWeek.MONDAY, "9-12").build(),
                "weeklyHours.MONDAY[0]", "MONDAY '9-12' is not a time range like 09:00-18:00: '9' is not a time HH:mm");
        rejected(() -> BusinessCalendar.builder(PARIS).hours(DayOfWeek.MONDAY, "09:00").build(),
                "weeklyHours.MONDAY[0]", "MONDAY '09:00' is not a time range like 09:00-18:00");
        rejected(() -> BusinessCalendar.builder(PARIS).hours(DayOfWeek.MONDAY, "09:00-25:00").build(),
                "weeklyHours.MONDAY[0]",
                "MONDAY '09:00-25:00' is not a time range like 09:00-18:00: '25:00' is not a time HH:mm");
    }

    @Test
    void emptyCalendar() {
        rejected(() -> BusinessCalendar.builder(PARIS).build(), "weeklyHours",
                "calendar is never open: no weekday has opening hours and no exception gives any");
        rejected(() -> BusinessCalendar.builder(PARIS).specialHours(LocalDate.of(2026, 1, 1)).build(), "weeklyHours",
                "calendar is never open: no weekday has opening hours and no exception gives any");
        // Special hours alone make a (finite) calendar.
        BusinessCalendar oneDay = BusinessCalendar.builder(PARIS)
                .specialHours(LocalDate.of(2026, 1, 2), "09:00-10:00").build();
        assertThat(oneDay.elapsed(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-03T00:00:00Z")))
                .isEqualTo(Duration.ofHours(1));
        assertThat(oneDay.nextOpening(Instant.parse("2026-01-03T00:00:00Z"))).isEqualTo(Instant.MAX);
        assertThatThrownBy(() -> oneDay.due(Instant.parse("2026-01-02T08:00:00Z"), Duration.ofHours(2)))
                .isInstanceOf(DateTimeException.class)
                .hasMessage("the calendar has less than PT2H of open time between 2026-01-02T08:00:00Z and"
                        + " 2150-01-01T00:00:00Z");
    }

    @Test
    void unknownZone() {
        rejected(() -> BusinessCalendar.builder("Europe/Pariss").weekdays("09:00-18:00").build(), "zone",
                "zone 'Europe/Pariss' is unknown");
        rejected(() -> BusinessCalendar.builder(" ").weekdays("09:00-18:00").build(), "zone", "zone is required");
    }

    @Test
    void impossibleHolidays() {
        rejected(() -> OFFICE.withHolidays(Holiday.yearly(2, 30)), "day", "yearly holiday 2-30: February has no day 30");
        rejected(() -> BusinessCalendar.builder(PARIS).weekdays("09:00-18:00").yearlyHoliday(4, 31).build(),
                "holidays[0].day", "yearly holiday 4-31: April has no day 31");
        rejected(() -> BusinessCalendar.builder(PARIS).weekdays("09:00-18:00").yearlyHoliday(0, 1).build(),
                "holidays[0].month", "yearly holiday month 0 is not between 1 and 12");
        rejected(() -> BusinessCalendar.builder(PARIS).weekdays("09:00-18:00")
                        .holiday(LocalDate.of(2026, 1, 1))
                        .holidayRange(LocalDate.of(2026, 5, 10), LocalDate.of(2026, 5, 1)).build(),
                "holidays[1].to", "holiday range 2026-05-10..2026-05-01: from must not be after to");
        // 29 February is a real yearly holiday: leap years only.
        BusinessCalendar leap = BusinessCalendar.twentyFourSeven(ZoneId.of("UTC")).withHolidays(Holiday.yearly(2, 29));
        assertThat(leap.isOpen(Instant.parse("2028-02-29T12:00:00Z"))).isFalse();
        assertThat(leap.isOpen(Instant.parse("2027-03-01T12:00:00Z"))).isTrue();
    }

    @Test
    void badSpecialHours() {
        rejected(() -> BusinessCalendar.builder(PARIS).weekdays("09:00-18:00")
                        .specialHours(LocalDate.of(2026, 12, 24), "12:00-09:00").build(),
                "exceptions[0].hours[0]", "exception 2026-12-24 interval 12:00-09:00: start must be before end");
        rejected(() -> BusinessCalendar.builder(PARIS).weekdays("09:00-18:00")
                        .specialHours(LocalDate.of(2026, 12, 24), "09:00-12:00", "11:00-13:00").build(),
                "exceptions[0].hours[1]", "exception 2026-12-24 intervals 09:00-12:00 and 11:00-13:00 overlap");
        rejected(() -> BusinessCalendar.builder(PARIS).weekdays("09:00-18:00")
                        .specialHours(LocalDate.of(2026, 12, 24), "09:00-12:00")
                        .specialHours(LocalDate.of(2026, 12, 24)).build(),
                "exceptions[1].date", "exception 2026-12-24 is given more than once");
    }

    @Test
    void allProblemsAreReportedTogether() {
        assertThatThrownBy(() -> BusinessCalendar.builder("Mars/Olympus")
                .hours(DayOfWeek.MONDAY, "10:00-09:00")
                .yearlyHoliday(2, 30)
                .build())
                .isInstanceOfSatisfying(InvalidCalendarException.class, e -> assertThat(e.violations())
                        .extracting(InvalidCalendarException.Violation::field)
                        .containsExactly("zone", "weeklyHours.MONDAY[0]", "holidays[0].day"))
                .hasMessage("zone 'Mars/Olympus' is unknown; MONDAY interval 10:00-09:00: start must be before end;"
                        + " yearly holiday 2-30: February has no day 30");
    }

    @Test
    void negativeDuration() {
        assertThatThrownBy(() -> OFFICE.due(T, Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duration must not be negative: PT-1M");
    }

    @Test
    void nullArgumentsAreNamed() {
        assertThatThrownBy(() -> OFFICE.due(null, Duration.ZERO)).isInstanceOf(NullPointerException.class)
                .hasMessage("from");
        assertThatThrownBy(() -> OFFICE.due(T, null)).isInstanceOf(NullPointerException.class).hasMessage("duration");
        assertThatThrownBy(() -> OFFICE.elapsed(T, null)).isInstanceOf(NullPointerException.class).hasMessage("to");
        assertThatThrownBy(() -> OFFICE.isOpen(null)).isInstanceOf(NullPointerException.class).hasMessage("instant");
        assertThatThrownBy(() -> BusinessCalendar.builder((ZoneId) null)).isInstanceOf(NullPointerException.class)
                .hasMessage("zone");
        assertThatThrownBy(() -> Holiday.on(null)).isInstanceOf(NullPointerException.class).hasMessage("date");
    }

    @Test
    void instantsOutsideTheSupportedRange() {
        assertThatThrownBy(() -> OFFICE.elapsed(T, Instant.MAX))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("to +1000000000-12-31T23:59:59.999999999Z is outside the supported range"
                        + " 1900-01-01T00:00:00Z to 2150-01-01T00:00:00Z");
        assertThatThrownBy(() -> OFFICE.nextOpening(Instant.parse("1899-12-31T23:59:59Z")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("instant 1899-12-31T23:59:59Z is outside the supported range");
        assertThatThrownBy(() -> OFFICE.due(Instant.parse("2149-12-31T12:00:00Z"), Duration.ofDays(10)))
                .isInstanceOf(DateTimeException.class);
    }

    @Test
    void openIntervalMustNotBeEmpty() {
        assertThatThrownBy(() -> new OpenInterval(T, T))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("end 2026-03-16T10:00:00Z must be after start 2026-03-16T10:00:00Z");
    }
}
