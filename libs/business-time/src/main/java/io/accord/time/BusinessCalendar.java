package io.accord.time;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

import static io.accord.time.ZoneTimeline.NANOS_PER_DAY;
import static io.accord.time.ZoneTimeline.NANOS_PER_SECOND;

/**
 * When a business is open, in one time zone: a weekly schedule of opening hours, holidays that close dates,
 * and special hours that replace the schedule on given dates. It answers SLA questions in business time, the
 * real elapsed time inside opening hours: when is a 4-hour target due, how much business time passed between
 * two instants, is it open now, when does it open or close next.
 *
 * <pre>{@code
 * BusinessCalendar paris = BusinessCalendar.builder(ZoneId.of("Europe/Paris"))
 *         .weekdays("09:00-12:30", "13:30-18:00")
 *         .yearlyHoliday(5, 1)
 *         .holiday(LocalDate.of(2026, 4, 6))
 *         .specialHours(LocalDate.of(2026, 12, 24), "09:00-12:00")
 *         .build();
 * Instant due = paris.due(Instant.parse("2026-05-29T15:30:00Z"), Duration.ofHours(4));
 * Duration spent = paris.elapsed(openedAt, resolvedAt);
 * }</pre>
 *
 * <h2>Semantics</h2>
 * <ul>
 *   <li>An interval belongs to the date it is listed on; its bounds are local times on that date resolved in
 *       the zone as {@link java.time.ZonedDateTime#of} does: in a spring-forward gap the bound moves later by
 *       the gap, in a fall-back overlap the earlier offset is used. An interval across a DST change is
 *       therefore an hour shorter or longer; an interval lying wholly in a gap is empty. {@code 24:00} on date
 *       D is 00:00 on D+1, resolved the same way. The open time is the union of the resolved intervals.</li>
 *   <li>Adjacent intervals (Friday 20:00-24:00 and Saturday 00:00-04:00, or {@link #twentyFourSeven}) form
 *       one continuous open stretch: no closing is reported between them.</li>
 *   <li>A date's hours are its {@link SpecialHours} if any, otherwise none if a {@link Holiday} covers it,
 *       otherwise the weekly schedule of its day of week.</li>
 *   <li>Instants are handled to the nanosecond, within {@link #SUPPORTED_FROM} (inclusive) to
 *       {@link #SUPPORTED_UNTIL} (exclusive); arguments outside are rejected.</li>
 * </ul>
 *
 * <p>Instances are immutable and thread-safe. Internally each UTC year of the time line is turned, on first
 * use, into a sorted array of open stretches with running totals; later queries are binary searches in it.
 */
public final class BusinessCalendar {

    /** The first instant a calendar answers for: 1900-01-01T00:00:00Z. */
    public static final Instant SUPPORTED_FROM = Instant.parse("1900-01-01T00:00:00Z");
    /** The instant after the last one a calendar answers for: 2150-01-01T00:00:00Z. */
    public static final Instant SUPPORTED_UNTIL = Instant.parse("2150-01-01T00:00:00Z");

    private static final int FIRST_YEAR = 1900;
    private static final int SLICES = 250;
    /** Start of UTC year FIRST_YEAR + i in epoch nanos, for i in 0..SLICES. */
    private static final long[] SLICE_STARTS = new long[SLICES + 1];
    private static final long AVERAGE_YEAR_NANOS = 31_556_952L * NANOS_PER_SECOND;
    private static final Duration SUPPORTED_SPAN = Duration.between(SUPPORTED_FROM, SUPPORTED_UNTIL);

    static {
        for (int i = 0; i <= SLICES; i++) {
            SLICE_STARTS[i] = LocalDate.of(FIRST_YEAR + i, 1, 1).toEpochDay() * NANOS_PER_DAY;
        }
    }

    private final ZoneId zone;
    private final Map<DayOfWeek, List<LocalTimeRange>> weeklyHours;
    private final List<Holiday> holidays;
    private final List<SpecialHours> specialHours;

    private final ZoneTimeline timeline;
    /** Per day of week (Monday = 0): start and end nano-of-day pairs. */
    private final long[][] weeklyNanos;
    private final long[] oneOffDays;
    private final long[] rangeFirstDays;
    private final long[] rangeLastDays;
    /** Indexed by month * 32 + day. */
    private final boolean[] yearlyDays;
    private final boolean hasYearly;
    private final long[] specialDays;
    private final long[][] specialNanos;
    /** One slice per UTC year, built on first use; racing builders produce equal slices. */
    private final AtomicReferenceArray<OpenStretches> slices = new AtomicReferenceArray<>(SLICES);

    private BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<LocalTimeRange>> weeklyHours,
                             List<Holiday> holidays, List<SpecialHours> specialHours) {
        this.zone = zone;
        EnumMap<DayOfWeek, List<LocalTimeRange>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            weekly.put(day, List.copyOf(weeklyHours.getOrDefault(day, List.of())));
        }
        this.weeklyHours = Collections.unmodifiableMap(weekly);
        this.holidays = List.copyOf(holidays);
        List<SpecialHours> specials = new ArrayList<>(specialHours);
        specials.sort((a, b) -> a.date().compareTo(b.date()));
        this.specialHours = List.copyOf(specials);

        this.timeline = ZoneTimeline.of(zone);
        this.weeklyNanos = new long[7][];
        for (DayOfWeek day : DayOfWeek.values()) {
            weeklyNanos[day.ordinal()] = nanos(weekly.get(day));
        }
        TreeSet<Long> oneOff = new TreeSet<>();
        List<long[]> ranges = new ArrayList<>();
        this.yearlyDays = new boolean[13 * 32];
        boolean yearly = false;
        for (Holiday h : this.holidays) {
            if (h instanceof Holiday.OneOff o) {
                oneOff.add(o.date().toEpochDay());
            } else if (h instanceof Holiday.DateRange r) {
                ranges.add(new long[] {r.from().toEpochDay(), r.to().toEpochDay()});
            } else if (h instanceof Holiday.Yearly y) {
                yearlyDays[y.monthDay().getMonthValue() * 32 + y.monthDay().getDayOfMonth()] = true;
                yearly = true;
            }
        }
        this.hasYearly = yearly;
        this.oneOffDays = oneOff.stream().mapToLong(Long::longValue).toArray();
        long[][] merged = mergedRanges(ranges);
        this.rangeFirstDays = merged[0];
        this.rangeLastDays = merged[1];
        this.specialDays = new long[this.specialHours.size()];
        this.specialNanos = new long[this.specialHours.size()][];
        for (int i = 0; i < specialDays.length; i++) {
            specialDays[i] = this.specialHours.get(i).date().toEpochDay();
            specialNanos[i] = nanos(this.specialHours.get(i).hours());
        }
    }

    private static long[] nanos(List<LocalTimeRange> ranges) {
        long[] pairs = new long[ranges.size() * 2];
        for (int i = 0; i < ranges.size(); i++) {
            pairs[2 * i] = ranges.get(i).startNanoOfDay();
            pairs[2 * i + 1] = ranges.get(i).endNanoOfDay();
        }
        return pairs;
    }

    private static long[][] mergedRanges(List<long[]> ranges) {
        ranges.sort((a, b) -> Long.compare(a[0], b[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] r : ranges) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r[0] <= last[1] + 1) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                merged.add(r.clone());
            }
        }
        long[] firsts = new long[merged.size()];
        long[] lasts = new long[merged.size()];
        for (int i = 0; i < merged.size(); i++) {
            firsts[i] = merged.get(i)[0];
            lasts[i] = merged.get(i)[1];
        }
        return new long[][] {firsts, lasts};
    }

    // ------------------------------------------------------------------------------------------------ factories

    /**
     * Starts a calendar in a zone. Add opening hours, holidays and special hours, then {@link Builder#build()}.
     *
     * @param zone the zone whose local dates and times the hours and holidays are in
     */
    public static Builder builder(ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        return new Builder(() -> zone);
    }

    /**
     * Starts a calendar in a zone given by its id, e.g. {@code "Europe/Paris"}. An unknown id is reported by
     * {@link Builder#build()} with field {@code zone}, together with any other problem.
     *
     * @param zoneId an IANA zone id or an offset such as {@code +02:00}
     */
    public static Builder builder(String zoneId) {
        Objects.requireNonNull(zoneId, "zoneId");
        return new Builder(() -> {
            if (zoneId.isBlank()) {
                throw new InvalidCalendarException("zone", "zone is required");
            }
            try {
                return ZoneId.of(zoneId);
            } catch (DateTimeException e) {
                throw new InvalidCalendarException("zone", "zone '" + zoneId + "' is unknown");
            }
        });
    }

    /**
     * A calendar open all the time, every day {@code 00:00-24:00}; with holidays added
     * ({@link #withHolidays}) it closes on those local dates.
     *
     * <pre>{@code
     * BusinessCalendar always = BusinessCalendar.twentyFourSeven(ZoneId.of("UTC"));
     * always.due(t, Duration.ofHours(4)); // t + 4h
     * }</pre>
     */
    public static BusinessCalendar twentyFourSeven(ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        Map<DayOfWeek, List<LocalTimeRange>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            weekly.put(day, List.of(LocalTimeRange.WHOLE_DAY));
        }
        return new BusinessCalendar(zone, weekly, List.of(), List.of());
    }

    /**
     * This calendar with more holidays, e.g. imported from an iCalendar file.
     *
     * <pre>{@code
     * BusinessCalendar withFrench = calendar.withHolidays(ICalendarHolidays.parse(in));
     * }</pre>
     */
    public BusinessCalendar withHolidays(Collection<? extends Holiday> more) {
        Objects.requireNonNull(more, "more");
        List<Holiday> all = new ArrayList<>(holidays);
        for (Holiday h : more) {
            all.add(Objects.requireNonNull(h, "holiday in more"));
        }
        return new BusinessCalendar(zone, weeklyHours, all, specialHours);
    }

    /** This calendar with more holidays. */
    public BusinessCalendar withHolidays(Holiday... more) {
        Objects.requireNonNull(more, "more");
        return withHolidays(Arrays.asList(more));
    }

    // ------------------------------------------------------------------------------------------------ definition

    /** @return the zone of the local dates and times */
    public ZoneId zone() {
        return zone;
    }

    /** @return the opening hours of each day of week, all seven present, sorted by start (closed: empty) */
    public Map<DayOfWeek, List<LocalTimeRange>> weeklyHours() {
        return weeklyHours;
    }

    /** @return the holidays, in the order given */
    public List<Holiday> holidays() {
        return holidays;
    }

    /** @return the special hours, sorted by date */
    public List<SpecialHours> specialHours() {
        return specialHours;
    }

    /**
     * The opening hours of a local date, before time-zone resolution: its special hours if any, else none if a
     * holiday covers it, else the weekly schedule.
     */
    public List<LocalTimeRange> hoursOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        for (SpecialHours s : specialHours) {
            if (s.date().equals(date)) {
                return s.hours();
            }
        }
        for (Holiday h : holidays) {
            if (h.covers(date)) {
                return List.of();
            }
        }
        return weeklyHours.get(date.getDayOfWeek());
    }

    // ------------------------------------------------------------------------------------------------ queries

    /**
     * The earliest instant {@code t >= from} at which {@code duration} of business time has elapsed since
     * {@code from}. Counting starts at {@code from} if open, else at the next opening. A target reached exactly
     * at a closing time is that closing time (Friday 17:00 + 1h on a 09:00-18:00 calendar is Friday 18:00).
     * {@code due(from, Duration.ZERO)} is {@code from}, and {@code elapsed(from, due(from, d))} is {@code d}.
     *
     * <pre>{@code
     * Instant deadline = calendar.due(createdAt, Duration.ofHours(4));
     * }</pre>
     *
     * @throws IllegalArgumentException if {@code duration} is negative or {@code from} is outside the supported
     *                                  range
     * @throws DateTimeException        if the calendar has not enough open time before {@link #SUPPORTED_UNTIL}
     */
    public Instant due(Instant from, Duration duration) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative: " + duration);
        }
        long f = epochNanos(from, "from");
        if (duration.isZero()) {
            return from;
        }
        if (duration.compareTo(SUPPORTED_SPAN) >= 0) {
            throw notReachable(from, duration);
        }
        int index = sliceIndex(f);
        OpenStretches slice = slice(index);
        long need = slice.cumulativeAt(f) + duration.toNanos();
        while (need > slice.total) {
            need -= slice.total;
            if (++index == SLICES) {
                throw notReachable(from, duration);
            }
            slice = slice(index);
        }
        return instant(slice.instantReaching(need));
    }

    private static DateTimeException notReachable(Instant from, Duration duration) {
        return new DateTimeException("the calendar has less than " + duration + " of open time between "
                + from + " and " + SUPPORTED_UNTIL);
    }

    /**
     * The business time inside {@code [from, to)}: zero when {@code to <= from}.
     *
     * <pre>{@code
     * Duration spent = calendar.elapsed(createdAt, Instant.now());
     * }</pre>
     *
     * @throws IllegalArgumentException if an argument is outside the supported range
     */
    public Duration elapsed(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        long a = epochNanos(from, "from");
        long b = epochNanos(to, "to");
        if (b <= a) {
            return Duration.ZERO;
        }
        int first = sliceIndex(a);
        int last = sliceIndex(b);
        OpenStretches slice = slice(first);
        if (first == last) {
            return Duration.ofNanos(slice.cumulativeAt(b) - slice.cumulativeAt(a));
        }
        long sum = slice.total - slice.cumulativeAt(a);
        for (int i = first + 1; i < last; i++) {
            sum += slice(i).total;
        }
        return Duration.ofNanos(sum + slice(last).cumulativeAt(b));
    }

    /**
     * @return true if the instant lies inside opening hours
     * @throws IllegalArgumentException if the instant is outside the supported range
     */
    public boolean isOpen(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        long t = epochNanos(instant, "instant");
        return slice(sliceIndex(t)).contains(t);
    }

    /**
     * The earliest open instant at or after {@code instant}: the instant itself when open.
     *
     * @return that instant, or {@link Instant#MAX} if the calendar never opens again before
     *         {@link #SUPPORTED_UNTIL}
     * @throws IllegalArgumentException if the instant is outside the supported range
     */
    public Instant nextOpening(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        long t = epochNanos(instant, "instant");
        int index = sliceIndex(t);
        OpenStretches slice = slice(index);
        int i = slice.lastStartingAtOrBefore(t);
        if (i >= 0 && t < slice.ends[i]) {
            return instant;
        }
        i++;
        while (i >= slice.size) {
            if (++index == SLICES) {
                return Instant.MAX;
            }
            slice = slice(index);
            i = 0;
        }
        return instant(slice.starts[i]);
    }

    /**
     * The end of the open stretch containing {@code instant}, or, when closed, of the next open stretch:
     * the first closed instant after some open time. Adjacent opening hours are one stretch.
     *
     * @return that instant, or {@link Instant#MAX} if the calendar stays open (or never opens) until
     *         {@link #SUPPORTED_UNTIL}, as a 24x7 calendar does
     * @throws IllegalArgumentException if the instant is outside the supported range
     */
    public Instant nextClosing(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        long t = epochNanos(instant, "instant");
        int index = sliceIndex(t);
        OpenStretches slice = slice(index);
        int i = slice.lastStartingAtOrBefore(t);
        if (i < 0 || t >= slice.ends[i]) {
            i++;
            while (i >= slice.size) {
                if (++index == SLICES) {
                    return Instant.MAX;
                }
                slice = slice(index);
                i = 0;
            }
        }
        long end = slice.ends[i];
        while (end == slice.sliceEnd) {
            // The stretch was cut at the slice end: it goes on if the next slice opens right there.
            if (++index == SLICES) {
                return Instant.MAX;
            }
            slice = slice(index);
            if (slice.size == 0 || slice.starts[0] != end) {
                break;
            }
            end = slice.ends[0];
        }
        return instant(end);
    }

    /**
     * The open stretches within {@code [from, to)}, clipped to it, adjacent ones merged; empty when
     * {@code to <= from}. For reports and pictures of a ticket's business time.
     *
     * @throws IllegalArgumentException if an argument is outside the supported range
     */
    public List<OpenInterval> openIntervals(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        long a = epochNanos(from, "from");
        long b = epochNanos(to, "to");
        List<OpenInterval> result = new ArrayList<>();
        if (b <= a) {
            return result;
        }
        long openStart = 0;
        long openEnd = Long.MIN_VALUE;
        for (int index = sliceIndex(a), last = sliceIndex(b - 1); index <= last; index++) {
            OpenStretches slice = slice(index);
            int i = Math.max(0, slice.lastStartingAtOrBefore(a));
            for (; i < slice.size && slice.starts[i] < b; i++) {
                long s = Math.max(slice.starts[i], a);
                long e = Math.min(slice.ends[i], b);
                if (e <= s) {
                    continue;
                }
                if (s == openEnd) {
                    openEnd = e;
                } else {
                    if (openEnd != Long.MIN_VALUE) {
                        result.add(new OpenInterval(instant(openStart), instant(openEnd)));
                    }
                    openStart = s;
                    openEnd = e;
                }
            }
        }
        if (openEnd != Long.MIN_VALUE) {
            result.add(new OpenInterval(instant(openStart), instant(openEnd)));
        }
        return result;
    }

    // ------------------------------------------------------------------------------------------------ time line

    private static long epochNanos(Instant instant, String name) {
        if (instant.compareTo(SUPPORTED_FROM) < 0 || instant.compareTo(SUPPORTED_UNTIL) >= 0) {
            throw new IllegalArgumentException(name + " " + instant + " is outside the supported range "
                    + SUPPORTED_FROM + " to " + SUPPORTED_UNTIL);
        }
        return instant.getEpochSecond() * NANOS_PER_SECOND + instant.getNano();
    }

    private static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, NANOS_PER_SECOND),
                Math.floorMod(epochNanos, NANOS_PER_SECOND));
    }

    private static int sliceIndex(long t) {
        int i = (int) ((t - SLICE_STARTS[0]) / AVERAGE_YEAR_NANOS);
        i = Math.max(0, Math.min(SLICES - 1, i));
        while (t >= SLICE_STARTS[i + 1]) {
            i++;
        }
        while (t < SLICE_STARTS[i]) {
            i--;
        }
        return i;
    }

    private OpenStretches slice(int index) {
        OpenStretches slice = slices.get(index);
        if (slice == null) {
            slice = buildSlice(index);
            slices.set(index, slice);
        }
        return slice;
    }

    /** Resolves the hours of every local date that can reach into the slice, clips, sorts and merges them. */
    private OpenStretches buildSlice(int index) {
        long sliceStart = SLICE_STARTS[index];
        long sliceEnd = SLICE_STARTS[index + 1];
        // Local dates differ from UTC dates by under a day, and gaps move bounds by at most a day more.
        long firstDay = Math.floorDiv(sliceStart, NANOS_PER_DAY) - 3;
        long lastDay = Math.floorDiv(sliceEnd, NANOS_PER_DAY) + 3;
        long[] starts = new long[512];
        long[] ends = new long[512];
        int n = 0;
        for (long day = firstDay; day <= lastDay; day++) {
            long[] hours = hoursOn(day);
            long midnight = day * NANOS_PER_DAY;
            for (int k = 0; k < hours.length; k += 2) {
                long s = Math.max(timeline.resolve(midnight + hours[k]), sliceStart);
                long e = Math.min(timeline.resolve(midnight + hours[k + 1]), sliceEnd);
                if (e > s) {
                    if (n == starts.length) {
                        starts = Arrays.copyOf(starts, n * 2);
                        ends = Arrays.copyOf(ends, n * 2);
                    }
                    starts[n] = s;
                    ends[n] = e;
                    n++;
                }
            }
        }
        // Gaps can resolve a later local bound to an earlier instant: sort (almost sorted, so insertion).
        for (int i = 1; i < n; i++) {
            long s = starts[i];
            long e = ends[i];
            int j = i - 1;
            while (j >= 0 && starts[j] > s) {
                starts[j + 1] = starts[j];
                ends[j + 1] = ends[j];
                j--;
            }
            starts[j + 1] = s;
            ends[j + 1] = e;
        }
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (m > 0 && starts[i] <= ends[m - 1]) {
                ends[m - 1] = Math.max(ends[m - 1], ends[i]);
            } else {
                starts[m] = starts[i];
                ends[m] = ends[i];
                m++;
            }
        }
        return new OpenStretches(sliceStart, sliceEnd, Arrays.copyOf(starts, m), Arrays.copyOf(ends, m), m);
    }

    /** Start and end nano-of-day pairs of a local date given as epoch day. */
    private long[] hoursOn(long epochDay) {
        int special = Arrays.binarySearch(specialDays, epochDay);
        if (special >= 0) {
            return specialNanos[special];
        }
        if (isHoliday(epochDay)) {
            return EMPTY;
        }
        return weeklyNanos[(int) Math.floorMod(epochDay + 3, 7)];
    }

    private static final long[] EMPTY = new long[0];

    private boolean isHoliday(long epochDay) {
        if (Arrays.binarySearch(oneOffDays, epochDay) >= 0) {
            return true;
        }
        int r = Arrays.binarySearch(rangeFirstDays, epochDay);
        if (r >= 0 || (r = -r - 2) >= 0 && epochDay <= rangeLastDays[r]) {
            return true;
        }
        if (hasYearly) {
            LocalDate date = LocalDate.ofEpochDay(epochDay);
            return yearlyDays[date.getMonthValue() * 32 + date.getDayOfMonth()];
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------------ value

    /** Equal when zone, weekly hours, holidays (in order) and special hours are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof BusinessCalendar other
                && zone.equals(other.zone)
                && weeklyHours.equals(other.weeklyHours)
                && holidays.equals(other.holidays)
                && specialHours.equals(other.specialHours);
    }

    @Override
    public int hashCode() {
        return Objects.hash(zone, weeklyHours, holidays, specialHours);
    }

    /** @return e.g. {@code BusinessCalendar[Europe/Paris, MONDAY=[09:00-18:00], ..., 11 holidays, 1 special]} */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("BusinessCalendar[").append(zone);
        weeklyHours.forEach((day, hours) -> {
            if (!hours.isEmpty()) {
                s.append(", ").append(day).append('=').append(hours);
            }
        });
        return s.append(", ").append(holidays.size()).append(" holidays, ")
                .append(specialHours.size()).append(" special]").toString();
    }

    // ------------------------------------------------------------------------------------------------ builder

    /**
     * Collects a calendar definition; {@link #build()} validates all of it at once and reports every problem
     * in one {@link InvalidCalendarException}, with field paths as in the JSON shape
     * ({@code weeklyHours.MONDAY[0]}, {@code holidays[1].day}, {@code exceptions[0].hours[1]}, {@code zone}).
     * Intervals may be given in any order; they are sorted.
     *
     * <pre>{@code
     * BusinessCalendar support = BusinessCalendar.builder(ZoneId.of("America/New_York"))
     *         .weekdays("08:00-20:00")
     *         .hours(DayOfWeek.SATURDAY, "10:00-14:00")
     *         .yearlyHoliday(7, 4)
     *         .holidayRange(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 26))
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private final Supplier<ZoneId> zone;
        private final Map<DayOfWeek, List<Supplier<LocalTimeRange>>> weekly = new EnumMap<>(DayOfWeek.class);
        private final List<Supplier<Holiday>> holidays = new ArrayList<>();
        private final List<Supplier<SpecialHours>> specials = new ArrayList<>();

        private Builder(Supplier<ZoneId> zone) {
            this.zone = zone;
        }

        /** Adds opening hours {@code "HH:mm-HH:mm"} to a day of week. */
        public Builder hours(DayOfWeek day, String... ranges) {
            Objects.requireNonNull(day, "day");
            List<Supplier<LocalTimeRange>> list = weekly.computeIfAbsent(day, d -> new ArrayList<>());
            for (String range : Objects.requireNonNull(ranges, "ranges")) {
                Objects.requireNonNull(range, "range");
                list.add(() -> LocalTimeRange.parse(range));
            }
            return this;
        }

        /** Adds opening hours to a day of week. */
        public Builder hours(DayOfWeek day, LocalTimeRange... ranges) {
            Objects.requireNonNull(day, "day");
            List<Supplier<LocalTimeRange>> list = weekly.computeIfAbsent(day, d -> new ArrayList<>());
            for (LocalTimeRange range : Objects.requireNonNull(ranges, "ranges")) {
                Objects.requireNonNull(range, "range");
                list.add(() -> range);
            }
            return this;
        }

        /** Adds opening hours {@code [start, end)} to a day of week; an end of 00:00 means 24:00. */
        public Builder hours(DayOfWeek day, LocalTime start, LocalTime end) {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            weekly.computeIfAbsent(day, d -> new ArrayList<>()).add(() -> LocalTimeRange.of(start, end));
            return this;
        }

        /** Adds the same opening hours {@code "HH:mm-HH:mm"} to Monday through Friday. */
        public Builder weekdays(String... ranges) {
            for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                    DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
                hours(day, ranges);
            }
            return this;
        }

        /** Adds a holiday. */
        public Builder holiday(Holiday holiday) {
            Objects.requireNonNull(holiday, "holiday");
            holidays.add(() -> holiday);
            return this;
        }

        /** Adds holidays, e.g. from {@link ICalendarHolidays#parse}. */
        public Builder holidays(Collection<? extends Holiday> more) {
            Objects.requireNonNull(more, "more").forEach(this::holiday);
            return this;
        }

        /** Adds a one-off holiday. */
        public Builder holiday(LocalDate date) {
            Objects.requireNonNull(date, "date");
            holidays.add(() -> Holiday.on(date));
            return this;
        }

        /** Adds a holiday on the same month and day every year; an impossible day is reported by build. */
        public Builder yearlyHoliday(int month, int day) {
            holidays.add(() -> Holiday.yearly(month, day));
            return this;
        }

        /** Adds a holiday on every date from {@code from} to {@code to}, both inclusive. */
        public Builder holidayRange(LocalDate from, LocalDate to) {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            holidays.add(() -> Holiday.range(from, to));
            return this;
        }

        /**
         * Adds a holiday whose construction may fail, as converters from other formats do; an
         * {@link InvalidCalendarException} it throws is reported by build under {@code holidays[i]}.
         */
        public Builder holiday(Supplier<? extends Holiday> holiday) {
            Objects.requireNonNull(holiday, "holiday");
            holidays.add(holiday::get);
            return this;
        }

        /**
         * Replaces the hours of one date ({@code "HH:mm-HH:mm"}); no ranges closes the date. Special hours
         * take precedence over holidays and the weekly schedule.
         */
        public Builder specialHours(LocalDate date, String... ranges) {
            Objects.requireNonNull(date, "date");
            List<String> texts = List.of(Objects.requireNonNull(ranges, "ranges"));
            specials.add(() -> SpecialHours.parse(date, texts));
            return this;
        }

        /** Replaces the hours of one date. */
        public Builder specialHours(SpecialHours special) {
            Objects.requireNonNull(special, "special");
            specials.add(() -> special);
            return this;
        }

        /**
         * Adds special hours whose construction may fail, as converters from other formats do; an
         * {@link InvalidCalendarException} it throws is reported by build under {@code exceptions[i]}.
         */
        public Builder specialHours(Supplier<SpecialHours> special) {
            Objects.requireNonNull(special, "special");
            specials.add(special);
            return this;
        }

        /**
         * Validates and builds the calendar.
         *
         * @throws InvalidCalendarException listing every problem: unknown zone, reversed, malformed or
         *                                  overlapping intervals, impossible holidays, special hours given
         *                                  twice for a date, or a calendar that is never open
         */
        public BusinessCalendar build() {
            List<InvalidCalendarException.Violation> violations = new ArrayList<>();
            ZoneId z = null;
            try {
                z = zone.get();
            } catch (InvalidCalendarException e) {
                violations.addAll(e.violations());
            }

            boolean everOpen = false;
            Map<DayOfWeek, List<LocalTimeRange>> weeklyHours = new EnumMap<>(DayOfWeek.class);
            for (Map.Entry<DayOfWeek, List<Supplier<LocalTimeRange>>> entry : weekly.entrySet()) {
                String path = "weeklyHours." + entry.getKey();
                List<LocalTimeRange> hours = ranges(entry.getValue(), path, entry.getKey() + " ", violations);
                weeklyHours.put(entry.getKey(), hours);
                everOpen |= !hours.isEmpty();
            }

            List<Holiday> hs = new ArrayList<>();
            for (int i = 0; i < holidays.size(); i++) {
                try {
                    hs.add(Objects.requireNonNull(holidays.get(i).get(), "holiday"));
                } catch (InvalidCalendarException e) {
                    violations.addAll(e.under("holidays[" + i + "]", "").violations());
                }
            }

            List<SpecialHours> days = new ArrayList<>();
            Map<LocalDate, Integer> seen = new HashMap<>();
            for (int i = 0; i < specials.size(); i++) {
                String path = "exceptions[" + i + "]";
                SpecialHours special;
                try {
                    special = Objects.requireNonNull(specials.get(i).get(), "special");
                } catch (InvalidCalendarException e) {
                    violations.addAll(e.under(path, "").violations());
                    continue;
                }
                if (seen.putIfAbsent(special.date(), i) != null) {
                    violations.add(new InvalidCalendarException.Violation(path + ".date",
                            "exception " + special.date() + " is given more than once"));
                    continue;
                }
                days.add(special);
                everOpen |= !special.isClosed();
            }

            if (!everOpen && violations.isEmpty()) {
                violations.add(new InvalidCalendarException.Violation("weeklyHours",
                        "calendar is never open: no weekday has opening hours and no exception gives any"));
            }
            if (!violations.isEmpty()) {
                throw new InvalidCalendarException(violations);
            }
            return new BusinessCalendar(z, weeklyHours, hs, days);
        }

        /** Resolves, sorts and checks for overlaps the ranges of one day; problems go to violations. */
        private static List<LocalTimeRange> ranges(List<Supplier<LocalTimeRange>> suppliers, String path,
                                                   String prefix,
                                                   List<InvalidCalendarException.Violation> violations) {
            List<LocalTimeRange> ranges = new ArrayList<>();
            List<Integer> indexes = new ArrayList<>();
            for (int i = 0; i < suppliers.size(); i++) {
                try {
                    ranges.add(suppliers.get(i).get());
                    indexes.add(i);
                } catch (InvalidCalendarException e) {
                    violations.addAll(e.under(path + "[" + i + "]", prefix).violations());
                }
            }
            Integer[] order = new Integer[ranges.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> ranges.get(x).compareTo(ranges.get(y)));
            List<LocalTimeRange> sorted = new ArrayList<>();
            for (int k = 0; k < order.length; k++) {
                LocalTimeRange r = ranges.get(order[k]);
                if (!sorted.isEmpty() && sorted.get(sorted.size() - 1).overlaps(r)) {
                    violations.add(new InvalidCalendarException.Violation(path + "[" + indexes.get(order[k]) + "]",
                            prefix + "intervals " + sorted.get(sorted.size() - 1) + " and " + r + " overlap"));
                    continue;
                }
                sorted.add(r);
            }
            return sorted;
        }
    }
}
