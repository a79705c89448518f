package io.accord.time;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An exception to the weekly schedule: the opening hours of one date, replacing whatever the weekly schedule
 * and the holidays say for that date. Empty hours close the date.
 *
 * <pre>{@code
 * SpecialHours christmasEve = SpecialHours.of(LocalDate.of(2026, 12, 24), LocalTimeRange.parse("09:00-12:00"));
 * }</pre>
 *
 * @param date  the local date in the calendar's zone
 * @param hours the intervals of that date, sorted by start, not overlapping (touching is allowed)
 */
public record SpecialHours(LocalDate date, List<LocalTimeRange> hours) {

    /**
     * Sorts and validates the hours.
     *
     * @throws InvalidCalendarException if two intervals overlap, with the field of the later one
     *                                  ({@code hours[i]})
     */
    public SpecialHours {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(hours, "hours");
        List<LocalTimeRange> sorted = new ArrayList<>(hours);
        sorted.forEach(h -> Objects.requireNonNull(h, "hours element"));
        sorted.sort(null);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                throw new InvalidCalendarException("hours[" + hours.indexOf(sorted.get(i)) + "]",
                        "exception " + date + " intervals " + sorted.get(i - 1) + " and " + sorted.get(i)
                                + " overlap");
            }
        }
        hours = List.copyOf(sorted);
    }

    /** The given hours on a date; none closes the date. */
    public static SpecialHours of(LocalDate date, LocalTimeRange... hours) {
        return new SpecialHours(date, List.of(hours));
    }

    /**
     * The hours {@code "HH:mm-HH:mm"} on a date.
     *
     * @throws InvalidCalendarException listing each malformed or reversed interval ({@code hours[i]}), or
     *                                  the first overlap
     */
    public static SpecialHours parse(LocalDate date, List<String> hours) {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(hours, "hours");
        String prefix = "exception " + date + " ";
        List<LocalTimeRange> ranges = new ArrayList<>();
        List<InvalidCalendarException.Violation> violations = new ArrayList<>();
        for (int i = 0; i < hours.size(); i++) {
            try {
                ranges.add(LocalTimeRange.parse(Objects.requireNonNull(hours.get(i), "hours element")));
            } catch (InvalidCalendarException e) {
                violations.addAll(e.under("hours[" + i + "]", prefix).violations());
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidCalendarException(violations);
        }
        return new SpecialHours(date, ranges);
    }

    /** @return true if the date is closed all day */
    public boolean isClosed() {
        return hours.isEmpty();
    }
}
