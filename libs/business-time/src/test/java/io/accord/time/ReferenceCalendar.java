package io.accord.time;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A deliberately simple model of a business calendar, to check the real one against: it looks at every local
 * date one by one, resolves each interval bound with {@code ZonedDateTime.of}, and sums overlaps of the union.
 * Slow and obviously right. Times are minutes of day; 1440 is 24:00.
 */
final class ReferenceCalendar {

    /** An interval of minutes of day {@code [start, end)}. */
    record Span(int start, int end) {
        @Override
        public String toString() {
            return String.format("%02d:%02d-%02d:%02d", start / 60, start % 60, end / 60, end % 60);
        }
    }

    final ZoneId zone;
    final Map<DayOfWeek, List<Span>> weekly = new EnumMap<>(DayOfWeek.class);
    final Set<LocalDate> oneOff = new HashSet<>();
    final Set<MonthDay> yearly = new HashSet<>();
    final List<LocalDate[]> ranges = new ArrayList<>();
    final Map<LocalDate, List<Span>> exceptions = new HashMap<>();

    ReferenceCalendar(ZoneId zone) {
        this.zone = zone;
        for (DayOfWeek d : DayOfWeek.values()) {
            weekly.put(d, new ArrayList<>());
        }
    }

    /** The same definition as a real calendar. */
    BusinessCalendar toBusinessCalendar() {
        BusinessCalendar.Builder b = BusinessCalendar.builder(zone);
        weekly.forEach((day, spans) -> b.hours(day, spans.stream().map(Span::toString).toArray(String[]::new)));
        oneOff.stream().sorted().forEach(b::holiday);
        yearly.stream().sorted().forEach(md -> b.yearlyHoliday(md.getMonthValue(), md.getDayOfMonth()));
        ranges.forEach(r -> b.holidayRange(r[0], r[1]));
        exceptions.forEach((date, spans) -> b.specialHours(date,
                spans.stream().map(Span::toString).toArray(String[]::new)));
        return b.build();
    }

    boolean weeklyEmpty() {
        return weekly.values().stream().allMatch(List::isEmpty);
    }

    List<Span> hoursOn(LocalDate date) {
        if (exceptions.containsKey(date)) {
            return exceptions.get(date);
        }
        boolean holiday = oneOff.contains(date)
                || yearly.contains(MonthDay.from(date))
                || ranges.stream().anyMatch(r -> !date.isBefore(r[0]) && !date.isAfter(r[1]));
        return holiday ? List.of() : weekly.get(date.getDayOfWeek());
    }

    Instant resolve(LocalDate date, int minute) {
        LocalDate d = minute == 1440 ? date.plusDays(1) : date;
        LocalTime t = minute == 1440 ? LocalTime.MIDNIGHT : LocalTime.of(minute / 60, minute % 60);
        return ZonedDateTime.of(d, t, zone).toInstant();
    }

    /** The union of the open intervals of the local dates first..last, sorted and merged. */
    List<Instant[]> openUnion(LocalDate first, LocalDate last) {
        List<Instant[]> all = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            for (Span s : hoursOn(d)) {
                Instant a = resolve(d, s.start());
                Instant b = resolve(d, s.end());
                if (b.isAfter(a)) {
                    all.add(new Instant[] {a, b});
                }
            }
        }
        all.sort(Comparator.comparing(x -> x[0]));
        List<Instant[]> merged = new ArrayList<>();
        for (Instant[] x : all) {
            Instant[] last1 = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last1 != null && !x[0].isAfter(last1[1])) {
                if (x[1].isAfter(last1[1])) {
                    last1[1] = x[1];
                }
            } else {
                merged.add(x.clone());
            }
        }
        return merged;
    }

    LocalDate localDate(Instant t) {
        return t.atZone(zone).toLocalDate();
    }

    Duration elapsed(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration sum = Duration.ZERO;
        for (Instant[] x : openUnion(localDate(from).minusDays(3), localDate(to).plusDays(3))) {
            Instant a = x[0].isAfter(from) ? x[0] : from;
            Instant b = x[1].isBefore(to) ? x[1] : to;
            if (b.isAfter(a)) {
                sum = sum.plus(Duration.between(a, b));
            }
        }
        return sum;
    }

    boolean isOpen(Instant t) {
        LocalDate d = localDate(t);
        return openUnion(d.minusDays(3), d.plusDays(3)).stream()
                .anyMatch(x -> !t.isBefore(x[0]) && t.isBefore(x[1]));
    }

    /** @return the due instant, or null when the calendar runs out of open time (weekly schedule empty) */
    Instant due(Instant from, Duration d) {
        if (d.isZero()) {
            return from;
        }
        LocalDate start = localDate(from);
        LocalDate lastSpecial = exceptions.keySet().stream().max(LocalDate::compareTo).orElse(start);
        for (int window = 14; ; window *= 2) {
            LocalDate end = start.plusDays(window);
            // Intervals of later dates start after this instant: offsets are under 18 hours.
            Instant safe = end.atStartOfDay(ZoneOffset.UTC).toInstant();
            Duration left = d;
            for (Instant[] x : openUnion(start.minusDays(3), end)) {
                Instant a = x[0].isAfter(from) ? x[0] : from;
                if (!x[1].isAfter(a)) {
                    continue;
                }
                Duration length = Duration.between(a, x[1]);
                if (length.compareTo(left) >= 0) {
                    Instant t = a.plus(left);
                    if (!t.isAfter(safe)) {
                        return t;
                    }
                    break;
                }
                left = left.minus(length);
            }
            if (weeklyEmpty() && end.isAfter(lastSpecial.plusDays(10))) {
                return null;
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(zone.getId());
        weekly.forEach((day, spans) -> {
            if (!spans.isEmpty()) {
                s.append(' ').append(day).append('=').append(spans);
            }
        });
        s.append(" oneOff=").append(oneOff.stream().sorted().toList());
        s.append(" yearly=").append(yearly.stream().sorted().toList());
        s.append(" ranges=").append(ranges.stream().map(r -> r[0] + ".." + r[1]).toList());
        s.append(" exceptions=").append(new java.util.TreeMap<>(exceptions));
        return s.toString();
    }
}
