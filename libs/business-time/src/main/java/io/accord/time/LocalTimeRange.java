package io.accord.time;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * Opening hours within one day: the local times {@code [start, end)} on the date they are listed on.
 *
 * <p>An end of {@link LocalTime#MIDNIGHT} means the end of the day, written {@code 24:00}: a night shift is
 * {@code 20:00-24:00} on Friday plus {@code 00:00-04:00} on Saturday. The start must be before the end, so
 * {@code 10:00-09:00} is rejected; {@code 00:00-24:00} is the whole day.
 *
 * <pre>{@code
 * LocalTimeRange morning = LocalTimeRange.parse("09:00-12:30");
 * LocalTimeRange evening = LocalTimeRange.of(LocalTime.of(20, 0), LocalTime.MIDNIGHT); // 20:00-24:00
 * }</pre>
 *
 * @param start first local time of the range (inclusive)
 * @param end   local time the range stops at (exclusive); {@code 00:00} stands for {@code 24:00}
 */
public record LocalTimeRange(LocalTime start, LocalTime end) implements Comparable<LocalTimeRange> {

    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    /** The whole day, {@code 00:00-24:00}. */
    public static final LocalTimeRange WHOLE_DAY = new LocalTimeRange(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    /**
     * Validates the range.
     *
     * @throws InvalidCalendarException if start is not before end
     */
    public LocalTimeRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.equals(LocalTime.MIDNIGHT) && !start.isBefore(end)) {
            throw new InvalidCalendarException("",
                    "interval " + text(start, end) + ": start must be before end");
        }
    }

    /**
     * The range {@code [start, end)}; an end of {@code 00:00} means {@code 24:00}.
     *
     * @throws InvalidCalendarException if start is not before end
     */
    public static LocalTimeRange of(LocalTime start, LocalTime end) {
        return new LocalTimeRange(start, end);
    }

    /**
     * Parses {@code "HH:mm-HH:mm"} (seconds allowed, {@code 24:00} allowed as the end).
     *
     * @throws InvalidCalendarException if the text is not such a range or start is not before end
     */
    public static LocalTimeRange parse(CharSequence text) {
        Objects.requireNonNull(text, "text");
        String s = text.toString().trim();
        int dash = s.indexOf('-');
        if (dash < 0) {
            throw new InvalidCalendarException("", "'" + s + "' is not a time range like 09:00-18:00");
        }
        LocalTime start = time(s, s.substring(0, dash).trim(), false);
        LocalTime end = time(s, s.substring(dash + 1).trim(), true);
        return new LocalTimeRange(start, end);
    }

    private static LocalTime time(String range, String part, boolean end) {
        if (end && (part.equals("24:00") || part.equals("24:00:00"))) {
            return LocalTime.MIDNIGHT;
        }
        try {
            return LocalTime.parse(part);
        } catch (DateTimeParseException e) {
            throw new InvalidCalendarException("",
                    "'" + range + "' is not a time range like 09:00-18:00: '" + part + "' is not a time HH:mm");
        }
    }

    /** @return true if the range ends at the end of the day ({@code 24:00}) */
    public boolean endsAtMidnight() {
        return end.equals(LocalTime.MIDNIGHT);
    }

    /** Start as nanoseconds since the start of the day. */
    long startNanoOfDay() {
        return start.toNanoOfDay();
    }

    /** End as nanoseconds since the start of the day, {@code 24:00} being a whole day. */
    long endNanoOfDay() {
        return endsAtMidnight() ? NANOS_PER_DAY : end.toNanoOfDay();
    }

    /** @return true if the two ranges share some time (touching ranges do not overlap) */
    public boolean overlaps(LocalTimeRange other) {
        return startNanoOfDay() < other.endNanoOfDay() && other.startNanoOfDay() < endNanoOfDay();
    }

    /** Orders by start, then end. */
    @Override
    public int compareTo(LocalTimeRange other) {
        int c = Long.compare(startNanoOfDay(), other.startNanoOfDay());
        return c != 0 ? c : Long.compare(endNanoOfDay(), other.endNanoOfDay());
    }

    /** @return {@code "HH:mm-HH:mm"}, with {@code 24:00} for the end of the day */
    @Override
    public String toString() {
        return text(start, end);
    }

    private static String text(LocalTime start, LocalTime end) {
        return start + "-" + (end.equals(LocalTime.MIDNIGHT) ? "24:00" : end.toString());
    }
}
