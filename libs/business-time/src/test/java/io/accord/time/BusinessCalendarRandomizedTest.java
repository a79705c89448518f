package io.accord.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random calendars, instants and durations checked against {@link ReferenceCalendar} and against the laws
 * of business time. Each seed generates {@link #CALENDARS_PER_SEED} calendars; a failure names its seed and
 * case, and {@code -Dbusiness-time.seeds=7,8} reruns chosen seeds.
 */
class BusinessCalendarRandomizedTest {

    static final int SEEDS = 20;
    static final int CALENDARS_PER_SEED = 1_000;

    /** Zones with DST, southern DST, half-hour and 45-minute offsets, midnight changes, skipped days. */
    static final List<String> ZONES = List.of(
            "Europe/Paris", "America/New_York", "Australia/Sydney", "Australia/Lord_Howe", "America/Sao_Paulo",
            "Asia/Tehran", "Pacific/Apia", "America/Havana", "Africa/Casablanca", "Europe/Dublin", "UTC",
            "Asia/Kolkata", "America/St_Johns", "Pacific/Chatham", "Antarctica/Troll", "America/Santiago",
            "Asia/Amman", "Europe/Moscow", "America/Nuuk", "Asia/Gaza", "Europe/London", "America/Los_Angeles",
            "Pacific/Kiritimati", "Asia/Kathmandu", "Africa/Cairo", "America/Asuncion", "Asia/Beirut",
            "Pacific/Auckland", "Etc/GMT+5", "+05:30");
    /**
     * tzdb zones only: ical4j also registers zones named "ical4j~uuid", whose random names would make the
     * seeds unreproducible (ZoneTimelineTest covers them).
     */
    static final List<String> TZDB_ZONES = new TreeSet<>(ZoneId.getAvailableZoneIds()).stream()
            .filter(id -> !id.contains("~")).toList();

    static LongStream seeds() {
        String chosen = System.getProperty("business-time.seeds");
        if (chosen != null && !chosen.isBlank()) {
            return java.util.Arrays.stream(chosen.split(",")).mapToLong(s -> Long.parseLong(s.trim()));
        }
        return LongStream.rangeClosed(1, SEEDS);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void agreesWithTheReferenceModelAndKeepsTheLaws(long seed) {
        Random random = new Random(seed);
        for (int c = 0; c < CALENDARS_PER_SEED; c++) {
            Case k = new Case(seed, c, random);
            k.check();
        }
    }

    /** One random calendar with a few random instants and durations. */
    static final class Case {
        final long seed;
        final int index;
        final Random random;
        final ReferenceCalendar model;
        final BusinessCalendar calendar;
        final Instant base;
        final int minuteStep;

        Case(long seed, int index, Random random) {
            this.seed = seed;
            this.index = index;
            this.random = random;
            int zoneKind = random.nextInt(20);
            // Mostly DST-rich zones, some of any tzdb zone.
            String zoneId = zoneKind < 15 ? pick(ZONES) : pick(TZDB_ZONES);
            ZoneId zone = ZoneId.of(zoneId);
            this.base = baseInstant(zone);
            LocalDate baseDate = base.atZone(zone).toLocalDate();
            this.minuteStep = new int[] {60, 30, 15, 1}[random.nextInt(4)];
            model = new ReferenceCalendar(zone);
            boolean weeklyEmpty = random.nextInt(50) == 0;
            for (DayOfWeek day : DayOfWeek.values()) {
                if (!weeklyEmpty && random.nextInt(10) >= 3) {
                    model.weekly.get(day).addAll(spans());
                }
            }
            int holidays = random.nextInt(6);
            for (int i = 0; i < holidays; i++) {
                model.oneOff.add(baseDate.plusDays(random.nextInt(120) - 40));
            }
            int yearly = random.nextInt(4);
            for (int i = 0; i < yearly; i++) {
                LocalDate d = baseDate.plusDays(random.nextInt(120) - 40);
                model.yearly.add(random.nextInt(40) == 0 ? MonthDay.of(2, 29) : MonthDay.from(d));
            }
            int ranges = random.nextInt(3);
            for (int i = 0; i < ranges; i++) {
                LocalDate from = baseDate.plusDays(random.nextInt(120) - 40);
                model.ranges.add(new LocalDate[] {from, from.plusDays(random.nextInt(20))});
            }
            int exceptions = random.nextInt(4) + (weeklyEmpty ? 2 : 0);
            for (int i = 0; i < exceptions; i++) {
                model.exceptions.put(baseDate.plusDays(random.nextInt(60) - 10),
                        weeklyEmpty ? spansNotEmpty() : spans());
            }
            if (model.weeklyEmpty() && model.exceptions.values().stream().allMatch(List::isEmpty)) {
                model.weekly.get(DayOfWeek.MONDAY).add(new ReferenceCalendar.Span(540, 1020));
            }
            calendar = model.toBusinessCalendar();
        }

        <T> T pick(List<T> list) {
            return list.get(random.nextInt(list.size()));
        }

        Instant baseInstant(ZoneId zone) {
            int kind = random.nextInt(20);
            long start;
            long span;
            if (kind == 0) {
                start = Instant.parse("1900-01-10T00:00:00Z").getEpochSecond();
                span = 90L * 365 * 86_400;
            } else if (kind == 1) {
                start = Instant.parse("2045-01-01T00:00:00Z").getEpochSecond();
                span = 95L * 365 * 86_400;
            } else {
                start = Instant.parse("1990-01-01T00:00:00Z").getEpochSecond();
                span = 55L * 365 * 86_400;
            }
            Instant t = Instant.ofEpochSecond(start + (long) (random.nextDouble() * span));
            if (random.nextInt(10) < 4) {
                // Near a DST change: these are where mistakes hide.
                ZoneOffsetTransition next = zone.getRules().nextTransition(t);
                if (next != null && next.getInstant().isBefore(Instant.parse("2140-01-01T00:00:00Z"))) {
                    t = next.getInstant().plusSeconds(random.nextInt(4 * 86_400) - 2 * 86_400);
                }
            }
            return t;
        }

        /** 0 to 3 sorted, non-overlapping spans, sometimes touching, often at midnight edges. */
        List<ReferenceCalendar.Span> spans() {
            int count = random.nextInt(4);
            TreeSet<Integer> points = new TreeSet<>();
            while (points.size() < 2 * count) {
                int r = random.nextInt(10);
                int minute = r == 0 ? 0 : r == 1 ? 1440 : r < 5
                        ? random.nextInt(5 * 60 / minuteStep) * minuteStep // early hours, where DST changes are
                        : random.nextInt(1440 / minuteStep + 1) * minuteStep;
                points.add(minute);
            }
            List<Integer> p = new ArrayList<>(points);
            List<ReferenceCalendar.Span> spans = new ArrayList<>();
            for (int i = 0; i < p.size(); i += 2) {
                int start = p.get(i);
                // Sometimes touch the previous span: adjacent intervals must merge.
                if (!spans.isEmpty() && random.nextInt(4) == 0) {
                    start = spans.get(spans.size() - 1).end();
                }
                spans.add(new ReferenceCalendar.Span(start, p.get(i + 1)));
            }
            return spans;
        }

        List<ReferenceCalendar.Span> spansNotEmpty() {
            List<ReferenceCalendar.Span> spans = spans();
            return spans.isEmpty() ? List.of(new ReferenceCalendar.Span(600, 720)) : spans;
        }

        String describe() {
            return "seed " + seed + " case " + index + ": " + model;
        }

        Instant randomInstantNear(Instant t) {
            long millis = (long) ((random.nextDouble() - 0.3) * 10 * 86_400_000L);
            Instant r = t.plusMillis(millis);
            if (random.nextInt(3) == 0) {
                r = r.truncatedTo(ChronoUnit.MINUTES); // land on bounds often
            } else if (random.nextInt(10) == 0) {
                r = r.plusNanos(random.nextInt(1_000_000));
            }
            return r;
        }

        Duration randomDuration(Instant from) {
            int r = random.nextInt(10);
            if (r == 0) {
                return Duration.ZERO;
            }
            if (r <= 2) {
                // Exactly up to a closing time: the answer must be that closing, not the next opening.
                Instant close = calendar.nextClosing(from);
                if (!close.equals(Instant.MAX) && close.isBefore(from.plus(Duration.ofDays(60)))) {
                    return model.elapsed(from, close);
                }
            }
            return Duration.ofMillis((long) (random.nextDouble() * 60 * 3_600_000L));
        }

        void check() {
            for (int q = 0; q < 3; q++) {
                Instant from = randomInstantNear(base);
                Duration d = randomDuration(from);
                Supplier<String> where = () -> describe() + " from=" + from + " d=" + d;

                Instant expected = model.due(from, d);
                if (expected == null) {
                    assertThatThrownBy(() -> calendar.due(from, d)).as(where.get())
                            .isInstanceOf(DateTimeException.class);
                    continue;
                }
                Instant due = calendar.due(from, d);
                assertThat(due).as(where).isEqualTo(expected);
                assertThat(calendar.elapsed(from, due)).as(where).isEqualTo(d);
                assertThat(calendar.due(from, Duration.ZERO)).as(where).isEqualTo(from);

                Duration shorter = Duration.ofNanos((long) (d.toNanos() * random.nextDouble()));
                assertThat(calendar.due(from, shorter)).as(where).isBeforeOrEqualTo(due);

                Instant to = randomInstantNear(from);
                Instant middle = randomInstantNear(from);
                Duration elapsed = calendar.elapsed(from, to);
                assertThat(elapsed).as(() -> where.get() + " to=" + to).isEqualTo(model.elapsed(from, to));
                if (!from.isAfter(middle) && !middle.isAfter(to)) {
                    assertThat(calendar.elapsed(from, middle).plus(calendar.elapsed(middle, to)))
                            .as(() -> where.get() + " middle=" + middle + " to=" + to).isEqualTo(elapsed);
                }
                checkOpenings(from, where);
                checkOpenings(to, where);
                checkIntervals(from, to, elapsed, where);
            }
        }

        void checkOpenings(Instant t, Supplier<String> where) {
            Supplier<String> at = () -> where.get() + " t=" + t;
            boolean open = calendar.isOpen(t);
            assertThat(open).as(at).isEqualTo(model.isOpen(t));
            Instant opening = calendar.nextOpening(t);
            Instant closing = calendar.nextClosing(t);
            if (open) {
                assertThat(opening).as(at).isEqualTo(t);
            } else if (!opening.equals(Instant.MAX)) {
                assertThat(opening).as(at).isAfter(t);
                assertThat(calendar.isOpen(opening)).as(at).isTrue();
                assertThat(calendar.elapsed(t, opening)).as(at).isZero();
            }
            if (!closing.equals(Instant.MAX)) {
                assertThat(closing).as(at).isAfter(opening);
                assertThat(calendar.isOpen(closing)).as(at).isFalse();
                // Open all the way from the opening to the closing.
                assertThat(calendar.elapsed(opening, closing)).as(at).isEqualTo(Duration.between(opening, closing));
                assertThat(model.isOpen(closing.minusNanos(1))).as(at).isTrue();
            }
        }

        void checkIntervals(Instant a, Instant b, Duration elapsed, Supplier<String> where) {
            List<OpenInterval> intervals = calendar.openIntervals(a, b);
            Duration sum = intervals.stream().map(OpenInterval::duration).reduce(Duration.ZERO, Duration::plus);
            assertThat(sum).as(where).isEqualTo(elapsed);
            for (int i = 1; i < intervals.size(); i++) {
                // Merged: a closed gap separates any two.
                assertThat(intervals.get(i).start()).as(where).isAfter(intervals.get(i - 1).end());
            }
        }
    }
}
