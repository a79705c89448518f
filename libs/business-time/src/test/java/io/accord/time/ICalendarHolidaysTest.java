package io.accord.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class ICalendarHolidaysTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    static List<Holiday> french() throws IOException {
        try (InputStream in = ICalendarHolidaysTest.class.getResourceAsStream("/fr-public-holidays-2026-2027.ics")) {
            return ICalendarHolidays.parse(in);
        }
    }

    static List<Holiday> parse(String... lines) throws IOException {
        String body = String.join("\r\n", lines);
        return ICalendarHolidays.parse(new StringReader(
                "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + body + "\r\nEND:VCALENDAR\r\n"));
    }

    static String[] event(String... properties) {
        String[] lines = new String[properties.length + 4];
        lines[0] = "BEGIN:VEVENT";
        lines[1] = "UID:test-1";
        lines[2] = "DTSTAMP:20260101T000000Z";
        System.arraycopy(properties, 0, lines, 3, properties.length);
        lines[lines.length - 1] = "END:VEVENT";
        return lines;
    }

    /** Easter Sunday by the anonymous Gregorian algorithm, to check the file's movable feasts independently. */
    static LocalDate easter(int year) {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25;
        int g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    @Test
    void readsTheFrenchPublicHolidays() throws IOException {
        List<Holiday> holidays = french();
        assertThat(holidays).hasSize(14);
        assertThat(holidays).filteredOn(h -> h instanceof Holiday.Yearly)
                .extracting(h -> ((Holiday.Yearly) h).monthDay())
                .containsExactly(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(5, 8), MonthDay.of(7, 14),
                        MonthDay.of(8, 15), MonthDay.of(11, 1), MonthDay.of(11, 11), MonthDay.of(12, 25));
        // Easter Monday = Easter + 1, Ascension = Easter + 39, Whit Monday = Easter + 50.
        LocalDate e26 = easter(2026);
        LocalDate e27 = easter(2027);
        assertThat(e26).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(e27).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(holidays).filteredOn(h -> h instanceof Holiday.OneOff)
                .extracting(h -> ((Holiday.OneOff) h).date())
                .containsExactly(e26.plusDays(1), e26.plusDays(39), e26.plusDays(50),
                        e27.plusDays(1), e27.plusDays(39), e27.plusDays(50));
        assertThat(holidays.get(1).name()).isEqualTo("Fête du Travail");
        assertThat(holidays.get(8).name()).isEqualTo("Lundi de Pâques");
    }

    @Test
    void frenchHolidaysCloseTheOffice() throws IOException {
        BusinessCalendar office = BusinessCalendar.builder(PARIS).weekdays("09:00-18:00").build()
                .withHolidays(french());
        // 2026 has 261 weekdays; the holidays on weekdays are 1 Jan, 6 Apr, 1 May, 8 May, 14 May, 25 May,
        // 14 Jul, 11 Nov, 25 Dec (15 Aug is a Saturday, 1 Nov a Sunday): 252 working days of 9h.
        assertThat(office.elapsed(ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, PARIS).toInstant(),
                ZonedDateTime.of(2027, 1, 1, 0, 0, 0, 0, PARIS).toInstant()))
                .isEqualTo(Duration.ofHours(252 * 9));
        // Wednesday 13 May 17:00 + 2h: 1h until 18:00, Thursday 14 May is Ascension, the second hour is
        // Friday 15 May 09:00-10:00.
        assertThat(office.due(ZonedDateTime.of(2026, 5, 13, 17, 0, 0, 0, PARIS).toInstant(), Duration.ofHours(2)))
                .isEqualTo(ZonedDateTime.of(2026, 5, 15, 10, 0, 0, 0, PARIS).toInstant());
    }

    @Test
    void multiDayEventsBecomeRanges() throws IOException {
        assertThat(parse(event("DTSTART;VALUE=DATE:20260810", "DTEND;VALUE=DATE:20260822", "SUMMARY:Summer")))
                .containsExactly(new Holiday.DateRange(LocalDate.of(2026, 8, 10), LocalDate.of(2026, 8, 21), "Summer"));
        assertThat(parse(event("DTSTART;VALUE=DATE:20261224", "DURATION:P2D")))
                .containsExactly(Holiday.range(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25)));
        // No DTEND: one day.
        assertThat(parse(event("DTSTART;VALUE=DATE:20260406")))
                .containsExactly(Holiday.on(LocalDate.of(2026, 4, 6)));
    }

    @Test
    void yearlyRulesBoundedByCountOrUntilBecomeDates() throws IOException {
        assertThat(parse(event("DTSTART;VALUE=DATE:20260501", "RRULE:FREQ=YEARLY;COUNT=3")))
                .containsExactly(Holiday.on(LocalDate.of(2026, 5, 1)), Holiday.on(LocalDate.of(2027, 5, 1)),
                        Holiday.on(LocalDate.of(2028, 5, 1)));
        assertThat(parse(event("DTSTART;VALUE=DATE:20260501", "RRULE:FREQ=YEARLY;UNTIL=20270501")))
                .containsExactly(Holiday.on(LocalDate.of(2026, 5, 1)), Holiday.on(LocalDate.of(2027, 5, 1)));
        // A multi-day yearly event is one yearly holiday per day.
        assertThat(parse(event("DTSTART;VALUE=DATE:20261225", "DTEND;VALUE=DATE:20261227", "RRULE:FREQ=YEARLY")))
                .containsExactly(Holiday.yearly(12, 25), Holiday.yearly(12, 26));
        // Redundant BYMONTH/BYMONTHDAY matching the start are fine.
        assertThat(parse(event("DTSTART;VALUE=DATE:20260714", "RRULE:FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=14")))
                .containsExactly(Holiday.yearly(7, 14));
    }

    @Test
    void cancelledEventsAreSkipped() throws IOException {
        assertThat(parse(event("DTSTART;VALUE=DATE:20260406", "STATUS:CANCELLED"))).isEmpty();
    }

    @Test
    void rejectsTextThatIsNotICalendar() {
        assertThatThrownBy(() -> ICalendarHolidays.parse(new StringReader("hello\r\n")))
                .isInstanceOf(InvalidCalendarException.class)
                .hasMessageStartingWith("not a valid iCalendar file")
                .extracting(e -> ((InvalidCalendarException) e).field()).isEqualTo("line 1");
        assertThatThrownBy(() -> ICalendarHolidays.parse(new StringReader(
                "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260101\r\n")))
                .isInstanceOf(InvalidCalendarException.class)
                .hasMessageStartingWith("not a valid iCalendar file");
    }

    @Test
    void rejectsEventsWithATime() {
        assertThatThrownBy(() -> parse(event("DTSTART:20260501T090000", "SUMMARY:Meeting")))
                .isInstanceOf(InvalidCalendarException.class)
                .hasMessage("VEVENT[0] 'Meeting' (UID test-1): DTSTART 20260501T090000 is not an all-day date:"
                        + " holidays need DTSTART;VALUE=DATE:YYYYMMDD")
                .extracting(e -> ((InvalidCalendarException) e).field()).isEqualTo("VEVENT[0].DTSTART");
    }

    @Test
    void rejectsUnsupportedRecurrence() {
        assertThatThrownBy(() -> parse(event("DTSTART;VALUE=DATE:20261126", "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=4TH",
                "SUMMARY:Thanksgiving")))
                .isInstanceOf(InvalidCalendarException.class)
                .hasMessageContaining("VEVENT[0] 'Thanksgiving' (UID test-1): RRULE ")
                .hasMessageContaining("is not supported: only FREQ=YEARLY on the start date is");
        assertThatThrownBy(() -> parse(event("DTSTART;VALUE=DATE:20260101", "RRULE:FREQ=MONTHLY")))
                .isInstanceOf(InvalidCalendarException.class)
                .hasMessageContaining("is not supported")
                .extracting(e -> ((InvalidCalendarException) e).field()).isEqualTo("VEVENT[0].RRULE");
        assertThatThrownBy(() -> parse(event("DTSTART;VALUE=DATE:20260101", "RRULE:FREQ=YEARLY;INTERVAL=2")))
                .isInstanceOf(InvalidCalendarException.class)
                .hasMessageContaining("is not supported");
        assertThatThrownBy(() -> parse(event("DTSTART;VALUE=DATE:20260101", "RRULE:FREQ=YEARLY",
                "EXDATE;VALUE=DATE:20270101")))
                .isInstanceOf(InvalidCalendarException.class)
                .hasMessageContaining("RDATE and EXDATE are not supported");
    }

    @Test
    void rejectsMissingOrReversedDates() {
        assertThatThrownBy(() -> parse(event("SUMMARY:Nothing")))
                .isInstanceOf(InvalidCalendarException.class)
                .hasMessage("VEVENT[0] 'Nothing' (UID test-1): DTSTART is missing");
        assertThatThrownBy(() -> parse(event("DTSTART;VALUE=DATE:20260105", "DTEND;VALUE=DATE:20260105")))
                .isInstanceOf(InvalidCalendarException.class)
                .hasMessage("VEVENT[0] '' (UID test-1): DTEND 2026-01-05 must be after DTSTART 2026-01-05"
                        + " (DTEND is exclusive)");
        assertThatThrownBy(() -> parse(event("DTSTART;VALUE=DATE:20260105", "DURATION:PT4H")))
                .isInstanceOf(InvalidCalendarException.class)
                .hasMessageContaining("DURATION PT4H must be a whole number of days");
    }

    @Test
    void rejectsImpossibleDates() {
        assertThatThrownBy(() -> parse(event("DTSTART;VALUE=DATE:20260230")))
                .isInstanceOf(InvalidCalendarException.class)
                .hasMessage("line 7: DTSTART 20260230 is not a valid date")
                .extracting(e -> ((InvalidCalendarException) e).field()).isEqualTo("line 7");
    }
}
