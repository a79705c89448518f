package io.accord.time;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.Objects;

/**
 * A day or days on which a business calendar is closed, as local dates in the calendar's zone.
 *
 * <p>A holiday closes the intervals listed on its date only: with a night shift Friday {@code 20:00-24:00}
 * plus Saturday {@code 00:00-04:00}, a holiday on Saturday closes the Saturday part and leaves Friday
 * evening open. Special hours ({@link SpecialHours}) on the same date take precedence over a holiday.
 *
 * <p>Three kinds:
 * <ul>
 *   <li>{@link OneOff}: one date, e.g. Easter Monday 2026-04-06; observed holidays (a Sunday holiday moved
 *       to Monday) are given this way;</li>
 *   <li>{@link Yearly}: the same month and day every year, e.g. 1 May; 29 February applies in leap years
 *       only;</li>
 *   <li>{@link DateRange}: every date from {@code from} to {@code to}, both inclusive.</li>
 * </ul>
 *
 * <pre>{@code
 * Holiday labourDay = Holiday.yearly(5, 1).named("Fête du Travail");
 * Holiday easterMonday = Holiday.on(LocalDate.of(2026, 4, 6));
 * Holiday closure = Holiday.range(LocalDate.of(2026, 8, 10), LocalDate.of(2026, 8, 21));
 * }</pre>
 */
public sealed interface Holiday permits Holiday.OneOff, Holiday.Yearly, Holiday.DateRange {

    /** @return a name for people, empty when none was given */
    String name();

    /** @return true if the holiday falls on this local date */
    boolean covers(LocalDate date);

    /** @return the same holiday under another name */
    Holiday named(String name);

    /** A holiday on one date. */
    static OneOff on(LocalDate date) {
        return new OneOff(date, "");
    }

    /** A holiday on the same month and day every year. */
    static Yearly yearly(MonthDay monthDay) {
        return new Yearly(monthDay, "");
    }

    /** A holiday on the same month and day every year. */
    static Yearly yearly(Month month, int day) {
        Objects.requireNonNull(month, "month");
        return yearly(month.getValue(), day);
    }

    /**
     * A holiday on the same month and day every year.
     *
     * @throws InvalidCalendarException if no such day exists in any year (e.g. 30 February), with field
     *                                  {@code month} or {@code day}
     */
    static Yearly yearly(int month, int day) {
        if (month < 1 || month > 12) {
            throw new InvalidCalendarException("month",
                    "yearly holiday month " + month + " is not between 1 and 12");
        }
        Month m = Month.of(month);
        if (day < 1 || day > m.maxLength()) {
            throw new InvalidCalendarException("day",
                    "yearly holiday " + month + "-" + day + ": " + display(m) + " has no day " + day);
        }
        return new Yearly(MonthDay.of(month, day), "");
    }

    /**
     * A holiday on every date from {@code from} to {@code to}, both inclusive.
     *
     * @throws InvalidCalendarException if {@code from} is after {@code to}, with field {@code to}
     */
    static DateRange range(LocalDate from, LocalDate to) {
        return new DateRange(from, to, "");
    }

    private static String display(Month m) {
        String n = m.name();
        return n.charAt(0) + n.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * A holiday on one date.
     *
     * @param date the closed date
     * @param name a name for people, may be empty
     */
    record OneOff(LocalDate date, String name) implements Holiday {
        /** Both parts are required (use an empty name for none). */
        public OneOff {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(name, "name");
        }

        @Override
        public boolean covers(LocalDate d) {
            return date.equals(d);
        }

        @Override
        public OneOff named(String newName) {
            return new OneOff(date, newName);
        }
    }

    /**
     * A holiday on the same month and day every year; 29 February applies in leap years only.
     *
     * @param monthDay the month and day
     * @param name     a name for people, may be empty
     */
    record Yearly(MonthDay monthDay, String name) implements Holiday {
        /** Both parts are required (use an empty name for none). */
        public Yearly {
            Objects.requireNonNull(monthDay, "monthDay");
            Objects.requireNonNull(name, "name");
        }

        @Override
        public boolean covers(LocalDate d) {
            return d.getMonthValue() == monthDay.getMonthValue() && d.getDayOfMonth() == monthDay.getDayOfMonth();
        }

        @Override
        public Yearly named(String newName) {
            return new Yearly(monthDay, newName);
        }

        /**
         * @return the date of this holiday in a year
         * @throws DateTimeException for 29 February in a year that is not a leap year
         */
        public LocalDate inYear(int year) {
            if (!monthDay.isValidYear(year)) {
                throw new DateTimeException(monthDay + " does not exist in " + year);
            }
            return monthDay.atYear(year);
        }
    }

    /**
     * A holiday on every date from {@code from} to {@code to}, both inclusive.
     *
     * @param from first closed date
     * @param to   last closed date, not before {@code from}
     * @param name a name for people, may be empty
     */
    record DateRange(LocalDate from, LocalDate to, String name) implements Holiday {
        /**
         * Validates the range.
         *
         * @throws InvalidCalendarException if {@code from} is after {@code to}
         */
        public DateRange {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(name, "name");
            if (from.isAfter(to)) {
                throw new InvalidCalendarException("to",
                        "holiday range " + from + ".." + to + ": from must not be after to");
            }
        }

        @Override
        public boolean covers(LocalDate d) {
            return !d.isBefore(from) && !d.isAfter(to);
        }

        @Override
        public DateRange named(String newName) {
            return new DateRange(from, to, newName);
        }
    }
}
