package io.accord.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Examples worked out by hand; each comment gives the reasoning. */
class BusinessCalendarExamplesTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

    static final BusinessCalendar PARIS_OFFICE = BusinessCalendar.builder(PARIS).weekdays("09:00-18:00").build();

    static Instant at(String localDateTime, ZoneId zone) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), zone).toInstant();
    }

    static Instant paris(String localDateTime) {
        return at(localDateTime, PARIS);
    }

    @Nested
    class OfficeHours {

        @Test
        void fridayEveningTicketIsDueMondayMorning() {
            // Friday 2026-03-13 17:30, 2h: 30 min left on Friday (17:30-18:00), the remaining 1h30 from
            // Monday 09:00 gives Monday 10:30. No DST change (Paris switches on 29 March).
            assertThat(PARIS_OFFICE.due(paris("2026-03-13T17:30"), Duration.ofHours(2)))
                    .isEqualTo(paris("2026-03-16T10:30"));
        }

        @Test
        void targetReachedAtClosingTimeIsTheClosingTime() {
            // Friday 17:00 + 1h ends exactly when the office closes: Friday 18:00, not Monday 09:00.
            assertThat(PARIS_OFFICE.due(paris("2026-03-13T17:00"), Duration.ofHours(1)))
                    .isEqualTo(paris("2026-03-13T18:00"));
        }

        @Test
        void countingStartsAtTheNextOpeningWhenClosed() {
            // Saturday 11:00 is closed; counting starts Monday 09:00, so 3h is Monday 12:00.
            assertThat(PARIS_OFFICE.due(paris("2026-03-14T11:00"), Duration.ofHours(3)))
                    .isEqualTo(paris("2026-03-16T12:00"));
            // Monday 07:00 also waits for 09:00.
            assertThat(PARIS_OFFICE.due(paris("2026-03-16T07:00"), Duration.ofMinutes(30)))
                    .isEqualTo(paris("2026-03-16T09:30"));
        }

        @Test
        void zeroDurationIsDueImmediatelyEvenWhenClosed() {
            Instant saturday = paris("2026-03-14T11:00");
            assertThat(PARIS_OFFICE.due(saturday, Duration.ZERO)).isEqualTo(saturday);
        }

        @Test
        void holidayInTheMiddleIsSkipped() {
            // Tuesday 2026-06-09 16:00, 4h: 2h on Tuesday (16:00-18:00), Wednesday 10 June is a holiday, the
            // remaining 2h from Thursday 09:00 give Thursday 11:00.
            BusinessCalendar calendar = PARIS_OFFICE.withHolidays(Holiday.on(LocalDate.of(2026, 6, 10)));
            assertThat(calendar.due(paris("2026-06-09T16:00"), Duration.ofHours(4)))
                    .isEqualTo(paris("2026-06-11T11:00"));
            // Across the whole week: 5 days of 9h minus the holiday = 36h.
            assertThat(calendar.elapsed(paris("2026-06-08T00:00"), paris("2026-06-15T00:00")))
                    .isEqualTo(Duration.ofHours(36));
        }

        @Test
        void halfDayExceptionBeforeAHoliday() {
            // Thursday 2026-12-24 has special hours 09:00-12:00 and Friday 25 December is a yearly holiday.
            // Thursday 11:00 + 3h: 1h on Thursday (11:00-12:00), Friday closed, weekend closed, the remaining
            // 2h from Monday 28 December 09:00 give 11:00.
            BusinessCalendar calendar = BusinessCalendar.builder(PARIS)
                    .weekdays("09:00-18:00")
                    .yearlyHoliday(12, 25)
                    .specialHours(LocalDate.of(2026, 12, 24), "09:00-12:00")
                    .build();
            assertThat(calendar.due(paris("2026-12-24T11:00"), Duration.ofHours(3)))
                    .isEqualTo(paris("2026-12-28T11:00"));
            assertThat(calendar.isOpen(paris("2026-12-24T12:30"))).isFalse();
            assertThat(calendar.nextClosing(paris("2026-12-24T10:00"))).isEqualTo(paris("2026-12-24T12:00"));
        }

        @Test
        void specialHoursWinOverAHolidayOnTheSameDate() {
            // 1 May is a yearly holiday but 2026-05-01 has special hours 10:00-12:00: 2h that day.
            BusinessCalendar calendar = BusinessCalendar.builder(PARIS)
                    .weekdays("09:00-18:00")
                    .yearlyHoliday(5, 1)
                    .specialHours(LocalDate.of(2026, 5, 1), "10:00-12:00")
                    .build();
            assertThat(calendar.elapsed(paris("2026-05-01T00:00"), paris("2026-05-02T00:00")))
                    .isEqualTo(Duration.ofHours(2));
        }

        @Test
        void splitShiftWithLunchBreak() {
            // Monday 09:00-12:00 and 13:00-18:00. Monday 11:00 + 2h: 1h until 12:00, lunch closed, 1h from
            // 13:00 gives 14:00. Monday 11:00 + 1h ends at the lunch closing: 12:00.
            BusinessCalendar calendar = BusinessCalendar.builder(PARIS).weekdays("09:00-12:00", "13:00-18:00")
                    .build();
            assertThat(calendar.due(paris("2026-03-16T11:00"), Duration.ofHours(2)))
                    .isEqualTo(paris("2026-03-16T14:00"));
            assertThat(calendar.due(paris("2026-03-16T11:00"), Duration.ofHours(1)))
                    .isEqualTo(paris("2026-03-16T12:00"));
            assertThat(calendar.nextOpening(paris("2026-03-16T12:15"))).isEqualTo(paris("2026-03-16T13:00"));
            assertThat(calendar.elapsed(paris("2026-03-16T00:00"), paris("2026-03-17T00:00")))
                    .isEqualTo(Duration.ofHours(8));
        }

        @Test
        void nextOpeningOfAnOpenInstantIsTheInstantItself() {
            Instant open = paris("2026-03-16T10:00");
            assertThat(PARIS_OFFICE.nextOpening(open)).isEqualTo(open);
            // At the closing instant itself the office is closed: [09:00, 18:00).
            assertThat(PARIS_OFFICE.isOpen(paris("2026-03-16T18:00"))).isFalse();
            assertThat(PARIS_OFFICE.isOpen(paris("2026-03-16T09:00"))).isTrue();
            assertThat(PARIS_OFFICE.nextClosing(paris("2026-03-14T10:00"))).isEqualTo(paris("2026-03-16T18:00"));
        }

        @Test
        void openIntervalsAreClippedToTheRange() {
            assertThat(PARIS_OFFICE.openIntervals(paris("2026-03-13T12:00"), paris("2026-03-16T10:00")))
                    .containsExactly(
                            new OpenInterval(paris("2026-03-13T12:00"), paris("2026-03-13T18:00")),
                            new OpenInterval(paris("2026-03-16T09:00"), paris("2026-03-16T10:00")));
        }

        @Test
        void weekendDstChangeDoesNotMoveOfficeHours() {
            // New York springs forward on Sunday 2026-03-08; Friday 17:00 + 2h = 1h Friday + 1h from Monday
            // 09:00 local (now UTC-4): Monday 10:00 EDT = 14:00Z.
            BusinessCalendar ny = BusinessCalendar.builder(NEW_YORK).weekdays("09:00-18:00").build();
            assertThat(ny.due(at("2026-03-06T17:00", NEW_YORK), Duration.ofHours(2)))
                    .isEqualTo(Instant.parse("2026-03-09T14:00:00Z"));
        }
    }

    @Nested
    class DaylightSaving {

        static BusinessCalendar sundaysOnly(ZoneId zone) {
            return BusinessCalendar.builder(zone).hours(DayOfWeek.SUNDAY, "00:00-24:00").build();
        }

        @Test
        void parisSpringForwardSundayHas23Hours() {
            // 2026-03-29: 02:00 CET jumps to 03:00 CEST, so 00:00-24:00 is 23h of real time.
            assertThat(sundaysOnly(PARIS).elapsed(paris("2026-03-23T00:00"), paris("2026-03-30T00:00")))
                    .isEqualTo(Duration.ofHours(23));
            // 24x7: Saturday 12:00 CET (11:00Z) + 24h = Sunday 11:00Z = 13:00 CEST.
            assertThat(BusinessCalendar.twentyFourSeven(PARIS).due(paris("2026-03-28T12:00"), Duration.ofHours(24)))
                    .isEqualTo(paris("2026-03-29T13:00"));
        }

        @Test
        void parisFallBackSundayHas25Hours() {
            // 2026-10-25: 03:00 CEST goes back to 02:00 CET, so the day lasts 25h.
            assertThat(sundaysOnly(PARIS).elapsed(paris("2026-10-19T00:00"), paris("2026-10-26T00:00")))
                    .isEqualTo(Duration.ofHours(25));
            // Sunday 00:00 CEST (Saturday 22:00Z) + 24h = Sunday 22:00Z = 23:00 CET, still Sunday.
            assertThat(sundaysOnly(PARIS).due(paris("2026-10-25T00:00"), Duration.ofHours(24)))
                    .isEqualTo(paris("2026-10-25T23:00"));
        }

        @Test
        void newYorkSpringForwardAndFallBack() {
            // 2026-03-08 02:00 EST -> 03:00 EDT (23h day); 2026-11-01 02:00 EDT -> 01:00 EST (25h day).
            BusinessCalendar sundays = sundaysOnly(NEW_YORK);
            assertThat(sundays.elapsed(at("2026-03-08T00:00", NEW_YORK), at("2026-03-09T00:00", NEW_YORK)))
                    .isEqualTo(Duration.ofHours(23));
            assertThat(sundays.elapsed(at("2026-11-01T00:00", NEW_YORK), at("2026-11-02T00:00", NEW_YORK)))
                    .isEqualTo(Duration.ofHours(25));
            // 24x7 across the spring-forward night: Saturday 22:00 EST (03:00Z) + 6h = 09:00Z = 05:00 EDT.
            assertThat(BusinessCalendar.twentyFourSeven(NEW_YORK)
                    .due(at("2026-03-07T22:00", NEW_YORK), Duration.ofHours(6)))
                    .isEqualTo(at("2026-03-08T05:00", NEW_YORK));
        }

        @Test
        void sydneyEndsDstInAprilAndStartsInOctober() {
            // Southern hemisphere: 2026-04-05 03:00 AEDT -> 02:00 AEST (25h day), 2026-10-04 02:00 AEST ->
            // 03:00 AEDT (23h day).
            BusinessCalendar sundays = sundaysOnly(SYDNEY);
            assertThat(sundays.elapsed(at("2026-04-05T00:00", SYDNEY), at("2026-04-06T00:00", SYDNEY)))
                    .isEqualTo(Duration.ofHours(25));
            assertThat(sundays.elapsed(at("2026-10-04T00:00", SYDNEY), at("2026-10-05T00:00", SYDNEY)))
                    .isEqualTo(Duration.ofHours(23));
            // A Sunday 01:00-05:00 shift on 2026-04-05 runs 01:00+11:00 (Saturday 14:00Z) to 05:00+10:00
            // (Saturday 19:00Z): 5h, not 4h.
            BusinessCalendar shift = BusinessCalendar.builder(SYDNEY).hours(DayOfWeek.SUNDAY, "01:00-05:00").build();
            assertThat(shift.openIntervals(at("2026-04-04T12:00", SYDNEY), at("2026-04-06T00:00", SYDNEY)))
                    .containsExactly(new OpenInterval(Instant.parse("2026-04-04T14:00:00Z"),
                            Instant.parse("2026-04-04T19:00:00Z")));
        }

        @Test
        void nightShiftAcrossMidnightOnDstNights() {
            // Saturday 20:00-24:00 plus Sunday 00:00-06:00 is one stretch: no closing at midnight.
            BusinessCalendar nights = BusinessCalendar.builder(PARIS)
                    .hours(DayOfWeek.SATURDAY, "20:00-24:00")
                    .hours(DayOfWeek.SUNDAY, "00:00-06:00")
                    .build();
            // March: Saturday 20:00 CET (19:00Z) to Sunday 06:00 CEST (04:00Z) is 9h, not 10h.
            assertThat(nights.elapsed(paris("2026-03-28T12:00"), paris("2026-03-29T12:00")))
                    .isEqualTo(Duration.ofHours(9));
            assertThat(nights.nextClosing(paris("2026-03-28T21:00"))).isEqualTo(paris("2026-03-29T06:00"));
            assertThat(nights.due(paris("2026-03-28T20:00"), Duration.ofHours(9))).isEqualTo(paris("2026-03-29T06:00"));
            assertThat(nights.openIntervals(paris("2026-03-28T00:00"), paris("2026-03-30T00:00")))
                    .containsExactly(new OpenInterval(paris("2026-03-28T20:00"), paris("2026-03-29T06:00")));
            // October: Saturday 20:00 CEST (18:00Z) to Sunday 06:00 CET (05:00Z) is 11h.
            assertThat(nights.elapsed(paris("2026-10-24T12:00"), paris("2026-10-25T12:00")))
                    .isEqualTo(Duration.ofHours(11));
            // 10h after Saturday 20:00 CEST (18:00Z) is 04:00Z = 05:00 CET.
            assertThat(nights.due(paris("2026-10-24T20:00"), Duration.ofHours(10))).isEqualTo(paris("2026-10-25T05:00"));
        }

        @Test
        void holidayOnTheSecondDayClosesOnlyItsPartOfTheNightShift() {
            // Friday 20:00-24:00 + Saturday 00:00-04:00; a holiday on Saturday 2026-03-14 leaves Friday's 4h.
            BusinessCalendar nights = BusinessCalendar.builder(PARIS)
                    .hours(DayOfWeek.FRIDAY, "20:00-24:00")
                    .hours(DayOfWeek.SATURDAY, "00:00-04:00")
                    .holiday(LocalDate.of(2026, 3, 14))
                    .build();
            assertThat(nights.elapsed(paris("2026-03-13T00:00"), paris("2026-03-15T00:00")))
                    .isEqualTo(Duration.ofHours(4));
            assertThat(nights.nextClosing(paris("2026-03-13T21:00"))).isEqualTo(paris("2026-03-14T00:00"));
        }

        @Test
        void intervalStartInTheSpringForwardGapMovesLater() {
            // On 2026-03-29 Paris has no 02:00-03:00: a 02:30 start resolves like ZonedDateTime.of, to 03:30
            // CEST. The 02:30-05:00 shift is then 03:30-05:00 CEST = 1h30.
            BusinessCalendar early = BusinessCalendar.builder(PARIS).hours(DayOfWeek.SUNDAY, "02:30-05:00").build();
            assertThat(early.nextOpening(paris("2026-03-29T00:00")))
                    .isEqualTo(Instant.parse("2026-03-29T01:30:00Z"))
                    .isEqualTo(paris("2026-03-29T03:30"));
            assertThat(early.elapsed(paris("2026-03-29T00:00"), paris("2026-03-30T00:00")))
                    .isEqualTo(Duration.ofMinutes(90));
            // A normal Sunday keeps 2h30.
            assertThat(early.elapsed(paris("2026-03-22T00:00"), paris("2026-03-23T00:00")))
                    .isEqualTo(Duration.ofMinutes(150));
        }

        @Test
        void gapResolutionCanReorderOrOverlapIntervalsAndTheUnionCounts() {
            // 2026-03-29 in Paris: 02:40-02:50 lies in the gap and resolves to 03:40-03:50 CEST, after the
            // 03:00-03:20 interval listed later. Open time is the union: 20 + 10 = 30 min, in time order.
            BusinessCalendar reordered = BusinessCalendar.builder(PARIS)
                    .hours(DayOfWeek.SUNDAY, "02:40-02:50", "03:00-03:20").build();
            assertThat(reordered.openIntervals(paris("2026-03-29T00:00"), paris("2026-03-30T00:00")))
                    .containsExactly(new OpenInterval(paris("2026-03-29T03:00"), paris("2026-03-29T03:20")),
                            new OpenInterval(paris("2026-03-29T03:40"), paris("2026-03-29T03:50")));
            // 02:30-02:50 resolves to 03:30-03:50 CEST, inside 03:00-04:00: counted once, 1h in all.
            BusinessCalendar overlapping = BusinessCalendar.builder(PARIS)
                    .hours(DayOfWeek.SUNDAY, "02:30-02:50", "03:00-04:00").build();
            assertThat(overlapping.elapsed(paris("2026-03-29T00:00"), paris("2026-03-30T00:00")))
                    .isEqualTo(Duration.ofHours(1));
            // An interval wholly inside the gap ends up empty: 02:30-03:00 resolves to 03:30-03:00.
            BusinessCalendar empty = BusinessCalendar.builder(PARIS).hours(DayOfWeek.SUNDAY, "02:30-03:00").build();
            assertThat(empty.elapsed(paris("2026-03-29T00:00"), paris("2026-03-30T00:00"))).isZero();
            assertThat(empty.elapsed(paris("2026-03-22T00:00"), paris("2026-03-23T00:00")))
                    .isEqualTo(Duration.ofMinutes(30));
        }

        @Test
        void intervalInTheFallBackOverlapUsesTheEarlierOffset() {
            // 2026-10-25 02:00-02:30 happens twice in Paris; both bounds take the earlier offset (CEST), so the
            // interval is 00:00Z-00:30Z, 30 min.
            BusinessCalendar overlap = BusinessCalendar.builder(PARIS).hours(DayOfWeek.SUNDAY, "02:00-02:30").build();
            assertThat(overlap.openIntervals(paris("2026-10-25T00:00"), paris("2026-10-26T00:00")))
                    .containsExactly(new OpenInterval(Instant.parse("2026-10-25T00:00:00Z"),
                            Instant.parse("2026-10-25T00:30:00Z")));
            // 01:00-04:00 that night spans the repeated hour: 01:00 CEST (23:00Z) to 04:00 CET (03:00Z) = 4h.
            BusinessCalendar longer = BusinessCalendar.builder(PARIS).hours(DayOfWeek.SUNDAY, "01:00-04:00").build();
            assertThat(longer.elapsed(paris("2026-10-25T00:00"), paris("2026-10-26T00:00")))
                    .isEqualTo(Duration.ofHours(4));
        }
    }

    @Nested
    class TwentyFourSeven {

        @Test
        void alwaysOpenAndNeverCloses() {
            BusinessCalendar always = BusinessCalendar.twentyFourSeven(PARIS);
            Instant t = paris("2026-03-29T01:59:59.123456789");
            assertThat(always.isOpen(t)).isTrue();
            assertThat(always.nextOpening(t)).isEqualTo(t);
            assertThat(always.nextClosing(t)).isEqualTo(Instant.MAX);
            assertThat(always.due(t, Duration.ofDays(400).plusNanos(1))).isEqualTo(t.plus(Duration.ofDays(400)).plusNanos(1));
            assertThat(always.elapsed(t, t.plus(Duration.ofDays(3000)))).isEqualTo(Duration.ofDays(3000));
            // One merged stretch across midnights, DST changes and year ends.
            assertThat(always.openIntervals(paris("2026-12-30T00:00"), paris("2027-01-02T00:00")))
                    .containsExactly(new OpenInterval(paris("2026-12-30T00:00"), paris("2027-01-02T00:00")));
        }

        @Test
        void holidaysCloseWholeLocalDates() {
            BusinessCalendar always = BusinessCalendar.twentyFourSeven(PARIS).withHolidays(Holiday.yearly(5, 1));
            assertThat(always.nextClosing(paris("2026-04-30T10:00"))).isEqualTo(paris("2026-05-01T00:00"));
            assertThat(always.nextOpening(paris("2026-05-01T10:00"))).isEqualTo(paris("2026-05-02T00:00"));
            assertThat(always.due(paris("2026-04-30T23:00"), Duration.ofHours(2))).isEqualTo(paris("2026-05-02T01:00"));
        }
    }

    @Test
    void precisionIsTheNanosecond() {
        Instant from = paris("2026-03-13T17:59:59.999999999");
        assertThat(PARIS_OFFICE.due(from, Duration.ofNanos(2))).isEqualTo(paris("2026-03-16T09:00:00.000000001"));
        assertThat(PARIS_OFFICE.elapsed(from, paris("2026-03-16T09:00:00.000000001"))).isEqualTo(Duration.ofNanos(2));
    }

    @Test
    void calendarsWithTheSameDefinitionAreEqual() {
        BusinessCalendar a = BusinessCalendar.builder(PARIS).hours(DayOfWeek.MONDAY, "13:00-18:00", "09:00-12:00")
                .build();
        BusinessCalendar b = BusinessCalendar.builder(PARIS).hours(DayOfWeek.MONDAY, "09:00-12:00", "13:00-18:00")
                .build();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.weeklyHours().get(DayOfWeek.MONDAY)).extracting(Object::toString)
                .containsExactly("09:00-12:00", "13:00-18:00");
        assertThat(a.hoursOn(LocalDate.of(2026, 3, 16))).hasSize(2);
        assertThat(a.hoursOn(LocalDate.of(2026, 3, 17))).isEqualTo(List.of());
        assertThat(a.toString()).isEqualTo(
                "BusinessCalendar[Europe/Paris, MONDAY=[09:00-12:00, 13:00-18:00], 0 holidays, 0 special]");
    }
}
