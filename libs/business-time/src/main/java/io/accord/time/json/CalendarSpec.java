package io.accord.time.json;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.accord.time.BusinessCalendar;
import io.accord.time.InvalidCalendarException;

/**
 * A business calendar as JSON, for APIs and storage; plain records that Jackson reads and writes as is.
 *
 * <pre>{@code
 * {
 *   "zone": "Europe/Paris",
 *   "weeklyHours": {
 *     "MONDAY": ["09:00-12:30", "13:30-18:00"],
 *     "FRIDAY": ["09:00-12:30", {"start": "13:30", "end": "17:00"}],
 *     "SATURDAY": ["20:00-24:00"]
 *   },
 *   "holidays": [
 *     {"month": 5, "day": 1, "name": "Fête du Travail"},
 *     {"date": "2026-04-06", "name": "Lundi de Pâques"},
 *     {"from": "2026-08-10", "to": "2026-08-21", "name": "Summer closure"}
 *   ],
 *   "exceptions": [ {"date": "2026-12-24", "hours": ["09:00-12:00"]} ]
 * }
 * }</pre>
 *
 * <p>{@link #toCalendar()} validates everything and reports all problems in one
 * {@link InvalidCalendarException} whose field paths follow this shape ({@code zone},
 * {@code weeklyHours.MONDAY[1]}, {@code holidays[0].day}, {@code exceptions[0].hours[0]}). Missing
 * {@code weeklyHours}, {@code holidays} or {@code exceptions} mean none.
 *
 * @param zone        IANA zone id, e.g. {@code Europe/Paris}
 * @param weeklyHours opening hours per day of week ({@code MONDAY}..{@code SUNDAY}); absent days are closed
 * @param holidays    closed dates
 * @param exceptions  dates with their own hours
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CalendarSpec(String zone, Map<DayOfWeek, List<HoursSpec>> weeklyHours, List<HolidaySpec> holidays,
                           List<ExceptionSpec> exceptions) {

    /**
     * The spec of a calendar: its weekly hours (open days only, Monday first), holidays and special hours.
     * {@code CalendarSpec.of(calendar).toCalendar()} equals {@code calendar}.
     */
    public static CalendarSpec of(BusinessCalendar calendar) {
        Objects.requireNonNull(calendar, "calendar");
        Map<DayOfWeek, List<HoursSpec>> weekly = new LinkedHashMap<>();
        calendar.weeklyHours().forEach((day, hours) -> {
            if (!hours.isEmpty()) {
                weekly.put(day, hours.stream().map(HoursSpec::of).toList());
            }
        });
        return new CalendarSpec(calendar.zone().getId(), weekly,
                calendar.holidays().stream().map(HolidaySpec::of).toList(),
                calendar.specialHours().stream().map(ExceptionSpec::of).toList());
    }

    /**
     * Builds and validates the calendar.
     *
     * @throws InvalidCalendarException listing every problem with its field path
     */
    public BusinessCalendar toCalendar() {
        BusinessCalendar.Builder builder = BusinessCalendar.builder(zone == null ? "" : zone);
        if (weeklyHours != null) {
            weeklyHours.forEach((day, hours) -> {
                if (day == null) {
                    throw new InvalidCalendarException("weeklyHours", "weeklyHours has a day that is not a day of"
                            + " week (MONDAY..SUNDAY)");
                }
                List<String> texts = new ArrayList<>();
                for (HoursSpec h : hours == null ? List.<HoursSpec>of() : hours) {
                    texts.add(h == null ? "" : h.toString());
                }
                builder.hours(day, texts.toArray(String[]::new));
            });
        }
        for (HolidaySpec h : holidays == null ? List.<HolidaySpec>of() : holidays) {
            builder.holiday(() -> {
                if (h == null) {
                    throw new InvalidCalendarException("", "holiday is empty");
                }
                return h.toHoliday();
            });
        }
        for (ExceptionSpec e : exceptions == null ? List.<ExceptionSpec>of() : exceptions) {
            builder.specialHours(() -> {
                if (e == null) {
                    throw new InvalidCalendarException("", "exception is empty");
                }
                return e.toSpecialHours();
            });
        }
        return builder.build();
    }
}
