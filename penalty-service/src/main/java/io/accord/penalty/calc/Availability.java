package io.accord.penalty.calc;

import io.accord.time.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Availability over service hours: {@code 1 - downtime / scheduled}, where scheduled time is the calendar's open
 * time in the window minus planned maintenance, and downtime is the open time covered by unplanned incidents, merged
 * so overlaps count once, minus planned maintenance. Incidents are clipped to the window, which splits one that
 * spans a period boundary; an open incident lasts until {@code asOf}.
 */
public final class Availability {

    /** The figures of one window. */
    public record Figures(Duration scheduled, Duration downtime, Duration planned, List<UUID> incidentIds) {
    }

    /** A half-open stretch {@code [start, end)}. */
    record Span(Instant start, Instant end) {
        boolean isEmpty() {
            return !start.isBefore(end);
        }
    }

    private Availability() {
    }

    public static Figures measure(BusinessCalendar calendar, Instant from, Instant to, List<Incident> incidents,
            Instant asOf) {
        Instant until = to.isBefore(asOf) ? to : asOf;
        if (!from.isBefore(until)) {
            return new Figures(Duration.ZERO, Duration.ZERO, Duration.ZERO, List.of());
        }
        List<Span> planned = merge(incidents.stream().filter(Incident::planned)
                .map(i -> clip(i, from, until, asOf)).toList());
        List<Span> outages = new ArrayList<>();
        List<UUID> contributing = new ArrayList<>();
        for (Incident incident : incidents) {
            if (incident.planned()) {
                continue;
            }
            List<Span> own = subtract(List.of(clip(incident, from, until, asOf)), planned);
            if (businessTime(calendar, own).compareTo(Duration.ZERO) > 0) {
                contributing.add(incident.id());
            }
            outages.addAll(own);
        }
        Duration plannedTime = businessTime(calendar, planned);
        Duration scheduled = calendar.elapsed(from, until).minus(plannedTime);
        return new Figures(scheduled, businessTime(calendar, merge(outages)), plannedTime, contributing);
    }

    private static Span clip(Incident incident, Instant from, Instant until, Instant asOf) {
        Instant end = incident.end() == null ? asOf : incident.end();
        Instant start = incident.start().isAfter(from) ? incident.start() : from;
        Instant stop = end.isBefore(until) ? end : until;
        return new Span(start, stop.isBefore(start) ? start : stop);
    }

    /** Sorted, non-overlapping, non-empty spans covering the same instants. */
    static List<Span> merge(List<Span> spans) {
        List<Span> sorted = spans.stream().filter(s -> !s.isEmpty()).sorted(Comparator.comparing(Span::start)).toList();
        List<Span> merged = new ArrayList<>();
        for (Span span : sorted) {
            Span last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !span.start().isAfter(last.end())) {
                merged.set(merged.size() - 1, new Span(last.start(), span.end().isAfter(last.end()) ? span.end() : last.end()));
            } else {
                merged.add(span);
            }
        }
        return merged;
    }

    /** {@code spans} without the instants of {@code holes} (both merged). */
    static List<Span> subtract(List<Span> spans, List<Span> holes) {
        List<Span> result = new ArrayList<>();
        for (Span span : merge(spans)) {
            Instant cursor = span.start();
            for (Span hole : holes) {
                if (!hole.end().isAfter(cursor) || !hole.start().isBefore(span.end())) {
                    continue;
                }
                if (hole.start().isAfter(cursor)) {
                    result.add(new Span(cursor, hole.start()));
                }
                cursor = hole.end().isAfter(cursor) ? hole.end() : cursor;
            }
            if (cursor.isBefore(span.end())) {
                result.add(new Span(cursor, span.end()));
            }
        }
        return result;
    }

    private static Duration businessTime(BusinessCalendar calendar, List<Span> spans) {
        Duration total = Duration.ZERO;
        for (Span span : merge(spans)) {
            total = total.plus(calendar.elapsed(span.start(), span.end()));
        }
        return total;
    }
}
