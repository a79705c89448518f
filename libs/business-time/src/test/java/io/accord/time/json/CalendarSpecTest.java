package io.accord.time.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import io.accord.time.BusinessCalendar;
import io.accord.time.Holiday;
import io.accord.time.InvalidCalendarException;
import io.accord.time.LocalTimeRange;

class CalendarSpecTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The JSON example of the README, so that the documentation cannot drift from the code. */
    static String readmeExample() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher m = Pattern.compile("<!-- json-example -->\\s*```json\\s*(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(m.find()).as("README.md has a ```json block after <!-- json-example -->").isTrue();
        return m.group(1);
    }

    @Test
    void readsTheReadmeExample() throws IOException {
        CalendarSpec spec = JSON.readValue(readmeExample(), CalendarSpec.class);
        BusinessCalendar calendar = spec.toCalendar();

        assertThat(calendar.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(calendar.weeklyHours().get(DayOfWeek.MONDAY))
                .containsExactly(LocalTimeRange.parse("09:00-12:30"), LocalTimeRange.parse("13:30-18:00"));
        assertThat(calendar.weeklyHours().get(DayOfWeek.FRIDAY))
                .containsExactly(LocalTimeRange.parse("09:00-12:30"), LocalTimeRange.parse("13:30-17:00"));
        assertThat(calendar.weeklyHours().get(DayOfWeek.SATURDAY)).isEmpty();
        assertThat(calendar.holidays()).containsExactly(
                Holiday.yearly(5, 1).named("Fête du Travail"),
                Holiday.on(LocalDate.of(2026, 4, 6)).named("Lundi de Pâques"),
                Holiday.range(LocalDate.of(2026, 8, 10), LocalDate.of(2026, 8, 21)).named("Summer closure"));
        assertThat(calendar.specialHours()).hasSize(1);
        // Thursday 24 December 2026 11:00 + 2h: 1h left that morning, Friday 25 December is open as usual
        // in this example (no Christmas holiday), so the second hour ends Friday 10:00.
        assertThat(calendar.due(Instant.parse("2026-12-24T10:00:00Z"), Duration.ofHours(2)))
                .isEqualTo(Instant.parse("2026-12-25T09:00:00Z"));
    }

    @Test
    void roundTripsTheReadmeExampleThroughJackson() throws IOException {
        CalendarSpec spec = JSON.readValue(readmeExample(), CalendarSpec.class);
        BusinessCalendar calendar = spec.toCalendar();
        String written = JSON.writeValueAsString(CalendarSpec.of(calendar));
        BusinessCalendar again = JSON.readValue(written, CalendarSpec.class).toCalendar();
        assertThat(again).isEqualTo(calendar);
        // Hours are written as strings, absent parts left out.
        JsonNode tree = JSON.readTree(written);
        assertThat(tree.get("weeklyHours").get("FRIDAY").get(1).asText()).isEqualTo("13:30-17:00");
        assertThat(tree.get("holidays").get(0).toString())
                .isEqualTo("{\"month\":5,\"day\":1,\"name\":\"Fête du Travail\"}");
        assertThat(tree.has("exceptions")).isTrue();
    }

    @Test
    void roundTripsEveryKindOfPart() {
        BusinessCalendar calendar = BusinessCalendar.builder(ZoneId.of("America/New_York"))
                .hours(DayOfWeek.FRIDAY, "20:00-24:00")
                .hours(DayOfWeek.SATURDAY, "00:00-04:00")
                .yearlyHoliday(2, 29)
                .holiday(LocalDate.of(2026, 7, 3))
                .holidayRange(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 31))
                .specialHours(LocalDate.of(2026, 11, 27))
                .specialHours(LocalDate.of(2026, 11, 28), "10:00-12:00", "13:00-24:00")
                .build();
        assertThat(CalendarSpec.of(calendar).toCalendar()).isEqualTo(calendar);
        assertThat(CalendarSpec.of(BusinessCalendar.twentyFourSeven(ZoneId.of("UTC"))).weeklyHours())
                .containsEntry(DayOfWeek.SUNDAY, List.of(HoursSpec.valueOf("00:00-24:00")));
    }

    @Test
    void reportsEveryProblemWithItsJsonPath() throws IOException {
        String json = """
                {
                  "zone": "Europe/Pariss",
                  "weeklyHours": {
                    "MONDAY": ["10:00-09:00", {"start": "13:00", "end": "18:00"}],
                    "TUESDAY": ["09:00-12:00", "11:00-14:00"],
                    "WEDNESDAY": ["9h-12h"]
                  },
                  "holidays": [
                    {"month": 2, "day": 30},
                    {"date": "2026-02-30"},
                    {"from": "2026-05-10", "to": "2026-05-01"},
                    {"name": "nothing"},
                    {"month": 13, "day": 1}
                  ],
                  "exceptions": [
                    {"date": "2026-12-24", "hours": ["12:00-09:00"]},
                    {"date": "2026-12-31", "hours": ["09:00-12:00", "10:00-11:00"]},
                    {"date": "2026-12-25", "hours": []},
                    {"date": "2026-12-25", "hours": ["09:00-10:00"]},
                    {"date": "24/12/2026", "hours": []}
                  ]
                }
                """;
        CalendarSpec spec = JSON.readValue(json, CalendarSpec.class);
        assertThatThrownBy(spec::toCalendar)
                .isInstanceOfSatisfying(InvalidCalendarException.class, e -> assertThat(e.violations())
                        .extracting(InvalidCalendarException.Violation::field,
                                InvalidCalendarException.Violation::message)
                        .containsExactly(
                                tuple("zone", "zone 'Europe/Pariss' is unknown"),
                                tuple("weeklyHours.MONDAY[0]", "MONDAY interval 10:00-09:00: start must be before end"),
                                tuple("weeklyHours.TUESDAY[1]", "TUESDAY intervals 09:00-12:00 and 11:00-14:00 overlap"),
                                tuple("weeklyHours.WEDNESDAY[0]", "WEDNESDAY '9h-12h' is not a time range like"
                                        + " 09:00-18:00: '9h' is not a time HH:mm"),
                                tuple("holidays[0].day", "yearly holiday 2-30: February has no day 30"),
                                tuple("holidays[1].date", "holiday date '2026-02-30' is not a date YYYY-MM-DD"),
                                tuple("holidays[2].to", "holiday range 2026-05-10..2026-05-01: from must not be after to"),
                                tuple("holidays[3]", "a holiday needs either date, or month and day (yearly), or from"
                                        + " and to"),
                                tuple("holidays[4].month", "yearly holiday month 13 is not between 1 and 12"),
                                tuple("exceptions[0].hours[0]",
                                        "exception 2026-12-24 interval 12:00-09:00: start must be before end"),
                                tuple("exceptions[1].hours[1]",
                                        "exception 2026-12-31 intervals 09:00-12:00 and 10:00-11:00 overlap"),
                                tuple("exceptions[3].date", "exception 2026-12-25 is given more than once"),
                                tuple("exceptions[4].date", "exception date '24/12/2026' is not a date YYYY-MM-DD")));
    }

    @Test
    void aMissingZoneOrAnEmptyCalendarIsReported() {
        assertThatThrownBy(() -> new CalendarSpec(null, Map.of(DayOfWeek.MONDAY, List.of(HoursSpec.valueOf("09:00-18:00"))),
                null, null).toCalendar())
                .isInstanceOf(InvalidCalendarException.class)
                .hasMessage("zone is required");
        assertThatThrownBy(() -> new CalendarSpec("UTC", Map.of(), List.of(), List.of()).toCalendar())
                .isInstanceOf(InvalidCalendarException.class)
                .hasMessage("calendar is never open: no weekday has opening hours and no exception gives any")
                .extracting(e -> ((InvalidCalendarException) e).field()).isEqualTo("weeklyHours");
    }

    static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
