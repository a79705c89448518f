package io.accord.time.json;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.accord.time.Holiday;
import io.accord.time.InvalidCalendarException;

/**
 * A holiday in JSON, one of three shapes, each with an optional {@code name}:
 * <ul>
 *   <li>one date: {@code {"date": "2026-04-06", "name": "Easter Monday"}}</li>
 *   <li>every year: {@code {"month": 5, "day": 1, "name": "Labour Day"}}</li>
 *   <li>a range of dates, both inclusive: {@code {"from": "2026-08-10", "to": "2026-08-21"}}</li>
 * </ul>
 * Fields of other shapes are left out ({@code null}). Dates are {@code YYYY-MM-DD}, local to the calendar's
 * zone.
 *
 * <pre>{@code
 * HolidaySpec labourDay = HolidaySpec.yearly(5, 1, "Labour Day");
 * }</pre>
 *
 * @param date  the date of a one-off holiday
 * @param month the month (1-12) of a yearly holiday
 * @param day   the day of month of a yearly holiday
 * @param from  the first date of a range
 * @param to    the last date of a range
 * @param name  a name for people, optional
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HolidaySpec(String date, Integer month, Integer day, String from, String to, String name) {

    /** A one-off holiday. */
    public static HolidaySpec on(String date, String name) {
        return new HolidaySpec(date, null, null, null, null, name);
    }

    /** A yearly holiday. */
    public static HolidaySpec yearly(int month, int day, String name) {
        return new HolidaySpec(null, month, day, null, null, name);
    }

    /** A range of dates, both inclusive. */
    public static HolidaySpec range(String from, String to, String name) {
        return new HolidaySpec(null, null, null, from, to, name);
    }

    /** The spec of a holiday. */
    public static HolidaySpec of(Holiday holiday) {
        String name = holiday.name().isEmpty() ? null : holiday.name();
        if (holiday instanceof Holiday.OneOff o) {
            return on(o.date().toString(), name);
        }
        if (holiday instanceof Holiday.Yearly y) {
            return yearly(y.monthDay().getMonthValue(), y.monthDay().getDayOfMonth(), name);
        }
        Holiday.DateRange r = (Holiday.DateRange) holiday;
        return range(r.from().toString(), r.to().toString(), name);
    }

    /**
     * The holiday this spec describes.
     *
     * @throws InvalidCalendarException naming the field ({@code date}, {@code month}, {@code day},
     *                                  {@code from}, {@code to}) that is malformed, impossible or missing
     */
    public Holiday toHoliday() {
        boolean oneOff = date != null;
        boolean yearly = month != null || day != null;
        boolean range = from != null || to != null;
        if ((oneOff ? 1 : 0) + (yearly ? 1 : 0) + (range ? 1 : 0) != 1) {
            throw new InvalidCalendarException("",
                    "a holiday needs either date, or month and day (yearly), or from and to");
        }
        Holiday holiday;
        if (oneOff) {
            holiday = Holiday.on(parseDate(date, "date", "holiday"));
        } else if (yearly) {
            if (month == null) {
                throw new InvalidCalendarException("month", "yearly holiday needs a month");
            }
            if (day == null) {
                throw new InvalidCalendarException("day", "yearly holiday needs a day");
            }
            holiday = Holiday.yearly(month, day);
        } else {
            if (from == null) {
                throw new InvalidCalendarException("from", "holiday range needs from");
            }
            if (to == null) {
                throw new InvalidCalendarException("to", "holiday range needs to");
            }
            holiday = Holiday.range(parseDate(from, "from", "holiday range"), parseDate(to, "to", "holiday range"));
        }
        return name == null ? holiday : holiday.named(name);
    }

    static LocalDate parseDate(String text, String field, String what) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidCalendarException(field,
                    what + " " + field + " '" + text + "' is not a date YYYY-MM-DD");
        }
    }
}
