package io.accord.time.json;

import java.util.ArrayList;
import java.util.List;

import io.accord.time.InvalidCalendarException;
import io.accord.time.SpecialHours;

/**
 * Special hours of one date in JSON, replacing the weekly schedule and any holiday on that date; empty
 * {@code hours} close it: {@code {"date": "2026-12-24", "hours": ["09:00-12:00"]}}.
 *
 * <pre>{@code
 * ExceptionSpec christmasEve = new ExceptionSpec("2026-12-24", List.of(HoursSpec.valueOf("09:00-12:00")));
 * }</pre>
 *
 * @param date  the local date {@code YYYY-MM-DD}
 * @param hours the opening hours of that date
 */
public record ExceptionSpec(String date, List<HoursSpec> hours) {

    /** The spec of special hours. */
    public static ExceptionSpec of(SpecialHours special) {
        return new ExceptionSpec(special.date().toString(),
                special.hours().stream().map(HoursSpec::of).toList());
    }

    /**
     * The special hours this spec describes.
     *
     * @throws InvalidCalendarException naming {@code date} or {@code hours[i]} when malformed, reversed or
     *                                  overlapping
     */
    public SpecialHours toSpecialHours() {
        if (date == null) {
            throw new InvalidCalendarException("date", "exception needs a date");
        }
        List<String> texts = new ArrayList<>();
        if (hours != null) {
            for (HoursSpec h : hours) {
                texts.add(h == null ? "" : h.toString());
            }
        }
        return SpecialHours.parse(HolidaySpec.parseDate(date, "date", "exception"), texts);
    }
}
