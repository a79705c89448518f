package io.accord.time.json;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

import io.accord.time.LocalTimeRange;

/**
 * Opening hours within a day in JSON: either the string {@code "09:00-18:00"} or the object
 * {@code {"start": "09:00", "end": "18:00"}}; written back as the string. {@code "24:00"} is allowed as the
 * end. The values are checked when the calendar is built ({@link CalendarSpec#toCalendar()}), not here.
 *
 * <pre>{@code
 * HoursSpec morning = HoursSpec.valueOf("09:00-12:30");
 * }</pre>
 *
 * @param start local start time {@code HH:mm}
 * @param end   local end time {@code HH:mm}, exclusive
 */
public record HoursSpec(String start, String end) {

    /** The object form. */
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public HoursSpec(@JsonProperty("start") String start, @JsonProperty("end") String end) {
        this.start = start;
        this.end = end;
    }

    /** The string form {@code "HH:mm-HH:mm"}; text without a dash keeps it all as start (rejected later). */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static HoursSpec valueOf(String text) {
        if (text == null) {
            return new HoursSpec(null, null);
        }
        int dash = text.indexOf('-');
        return dash < 0
                ? new HoursSpec(text.trim(), null)
                : new HoursSpec(text.substring(0, dash).trim(), text.substring(dash + 1).trim());
    }

    /** The spec of a range, e.g. {@code 20:00-24:00}. */
    public static HoursSpec of(LocalTimeRange range) {
        return valueOf(range.toString());
    }

    /** @return {@code "HH:mm-HH:mm"}, the form written to JSON */
    @JsonValue
    @Override
    public String toString() {
        return (start == null ? "" : start) + (end == null ? "" : "-" + end);
    }
}
