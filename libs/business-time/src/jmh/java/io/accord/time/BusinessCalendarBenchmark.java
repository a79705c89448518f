package io.accord.time;

import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Due dates and elapsed time on a Paris office calendar (Monday-Friday 09:00-18:00, French public holidays
 * 2026-2027), from 1024 pre-generated instants spread over 2026 so that nothing is constant-folded; with the
 * naive minute-by-minute loop as a baseline.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BusinessCalendarBenchmark {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Duration FOUR_HOURS = Duration.ofHours(4);
    static final Duration FIVE_DAYS = Duration.ofHours(5 * 9);
    static final Duration SIXTY_DAYS = Duration.ofHours(60 * 9);
    static final int MASK = 1023;

    BusinessCalendar calendar;
    Instant[] froms;
    Instant[] thirtyDaysLater;
    Set<LocalDate> holidayDates;
    int next;

    @Setup
    public void setUp() throws IOException {
        List<Holiday> holidays;
        try (InputStream in = getClass().getResourceAsStream("/fr-public-holidays-2026-2027.ics")) {
            holidays = ICalendarHolidays.parse(in);
        }
        calendar = BusinessCalendar.builder(PARIS).weekdays("09:00-18:00").build().withHolidays(holidays);
        Random random = new Random(42);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        froms = new Instant[MASK + 1];
        thirtyDaysLater = new Instant[MASK + 1];
        for (int i = 0; i <= MASK; i++) {
            froms[i] = start.plusMillis((long) (random.nextDouble() * 365 * 86_400_000L));
            thirtyDaysLater[i] = froms[i].plus(Duration.ofDays(30));
        }
        holidayDates = new HashSet<>();
        for (LocalDate d = LocalDate.of(2026, 1, 1); d.getYear() < 2028; d = d.plusDays(1)) {
            if (calendar.hoursOn(d).isEmpty() && d.getDayOfWeek().getValue() <= 5) {
                holidayDates.add(d);
            }
        }
        // Check the baseline computes the same thing (to the minute) before timing it.
        for (int i = 0; i < 16; i++) {
            Instant exact = calendar.due(froms[i].truncatedTo(ChronoUnit.MINUTES), FIVE_DAYS);
            Instant naive = naiveDue(froms[i], FIVE_DAYS.toMinutes());
            if (!exact.equals(naive)) {
                throw new IllegalStateException("baseline disagrees: " + froms[i] + " " + exact + " " + naive);
            }
        }
    }

    private int nextIndex() {
        return next++ & MASK;
    }

    @Benchmark
    public Instant due4Hours() {
        return calendar.due(froms[nextIndex()], FOUR_HOURS);
    }

    @Benchmark
    public Instant due5BusinessDays() {
        return calendar.due(froms[nextIndex()], FIVE_DAYS);
    }

    @Benchmark
    public Instant due60BusinessDays() {
        return calendar.due(froms[nextIndex()], SIXTY_DAYS);
    }

    @Benchmark
    public Duration elapsed30Days() {
        int i = nextIndex();
        return calendar.elapsed(froms[i], thirtyDaysLater[i]);
    }

    /** A fresh calendar each time: includes turning the year of {@code from} into open stretches. */
    @Benchmark
    public Instant due5BusinessDaysOnAFreshCalendar() {
        return calendar.withHolidays(List.of()).due(froms[nextIndex()], FIVE_DAYS);
    }

    @Benchmark
    public Instant naiveMinuteLoop5BusinessDays() {
        return naiveDue(froms[nextIndex()], FIVE_DAYS.toMinutes());
    }

    /** The loop one writes first: step minute by minute, count the open ones. */
    Instant naiveDue(Instant from, long minutes) {
        ZonedDateTime t = from.atZone(PARIS).truncatedTo(ChronoUnit.MINUTES);
        long left = minutes;
        while (left > 0) {
            if (openAt(t)) {
                left--;
            }
            t = t.plusMinutes(1);
        }
        return t.toInstant();
    }

    private boolean openAt(ZonedDateTime t) {
        DayOfWeek day = t.getDayOfWeek();
        LocalTime time = t.toLocalTime();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY
                && !holidayDates.contains(t.toLocalDate())
                && !time.isBefore(LocalTime.of(9, 0)) && time.isBefore(LocalTime.of(18, 0));
    }
}
