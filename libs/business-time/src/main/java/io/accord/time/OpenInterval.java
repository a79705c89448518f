package io.accord.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A continuous open stretch of a business calendar, {@code [start, end)} on the time line, as returned by
 * {@link BusinessCalendar#openIntervals(Instant, Instant)}. Adjacent opening hours (Friday 20:00-24:00 and
 * Saturday 00:00-04:00) form one stretch.
 *
 * <pre>{@code
 * for (OpenInterval open : calendar.openIntervals(weekStart, weekEnd)) {
 *     draw(open.start(), open.end());
 * }
 * }</pre>
 *
 * @param start first open instant
 * @param end   first instant after the stretch, after {@code start}
 */
public record OpenInterval(Instant start, Instant end) {

    /**
     * Validates the interval.
     *
     * @throws IllegalArgumentException if end is not after start
     */
    public OpenInterval {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end " + end + " must be after start " + start);
        }
    }

    /** @return the real time between start and end */
    public Duration duration() {
        return Duration.between(start, end);
    }

    /** @return true if the instant lies in {@code [start, end)} */
    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }
}
