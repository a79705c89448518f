package io.accord.time;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The offset changes of one zone over the supported range, in a form that turns a local date-time into an
 * instant exactly as {@link ZonedDateTime#of} does (gap: the local time moves later by the gap; overlap: the
 * earlier offset) without allocating.
 *
 * <p>For transition k at instant T with offsets {@code before} and {@code after}, every local time below
 * {@code T + max(before, after)} that is not below the previous threshold resolves with {@code before}, and
 * later ones with {@code after}: in a gap {@code L - before} is exactly "moved later by the gap", and in an
 * overlap {@code before} is the earlier offset. This holds while the local windows of successive transitions
 * do not interleave and the offsets chain. The table is checked against {@code ZonedDateTime.of} around every
 * transition when it is built; a zone where it does not hold (none in tzdb data within the range, but other
 * zone providers exist, such as ical4j's) falls back to {@code ZonedDateTime.of}.
 */
final class ZoneTimeline {

    static final long NANOS_PER_SECOND = 1_000_000_000L;
    static final long NANOS_PER_DAY = 86_400L * NANOS_PER_SECOND;

    private static final ConcurrentHashMap<ZoneId, ZoneTimeline> TIMELINES = new ConcurrentHashMap<>();

    private final ZoneId zone;
    /** Local epoch nanos from which transition k's later offset applies, increasing. */
    private final long[] thresholds;
    /** Offset in nanos in force below threshold k. */
    private final long[] offsetsBefore;
    /** Offset in nanos above the last threshold. */
    private final long lastOffset;
    /** False when the table cannot reproduce ZonedDateTime.of for this zone: resolve through java.time instead. */
    private final boolean fastPathExact;

    private ZoneTimeline(ZoneId zone) {
        this.zone = zone;
        ZoneRules rules = zone.getRules();
        // Margins of a few weeks so that local dates just outside the supported range still resolve exactly.
        Instant from = BusinessCalendar.SUPPORTED_FROM.minusSeconds(40L * 86_400);
        Instant until = BusinessCalendar.SUPPORTED_UNTIL.plusSeconds(40L * 86_400);
        List<ZoneOffsetTransition> transitions = new ArrayList<>();
        ZoneOffsetTransition t = rules.nextTransition(from);
        while (t != null && t.getInstant().isBefore(until)) {
            transitions.add(t);
            t = rules.nextTransition(t.getInstant());
        }
        int n = transitions.size();
        thresholds = new long[n];
        offsetsBefore = new long[n];
        boolean ordered = true;
        for (int k = 0; k < n; k++) {
            ZoneOffsetTransition tr = transitions.get(k);
            long at = tr.getInstant().getEpochSecond();
            int before = tr.getOffsetBefore().getTotalSeconds();
            int after = tr.getOffsetAfter().getTotalSeconds();
            thresholds[k] = (at + Math.max(before, after)) * NANOS_PER_SECOND;
            offsetsBefore[k] = before * NANOS_PER_SECOND;
            if (k > 0) {
                long windowStart = (at + Math.min(before, after)) * NANOS_PER_SECOND;
                ordered &= thresholds[k - 1] <= windowStart;
                // Rules whose offsets do not chain (seen in zones built from VTIMEZONE data) are left to java.time.
                ordered &= transitions.get(k - 1).getOffsetAfter().equals(tr.getOffsetBefore());
            }
        }
        lastOffset = (n == 0 ? rules.getOffset(from) : transitions.get(n - 1).getOffsetAfter())
                .getTotalSeconds() * NANOS_PER_SECOND;
        fastPathExact = ordered && agreesWithJavaTime(transitions);
    }

    /**
     * Compares with {@code ZonedDateTime.of} at the edges and middle of every transition window once per zone:
     * zone data whose transitions and local-time lookups disagree (possible with non-tzdb providers) falls back.
     */
    private boolean agreesWithJavaTime(List<ZoneOffsetTransition> transitions) {
        for (ZoneOffsetTransition tr : transitions) {
            long before = tr.getDateTimeBefore().toEpochSecond(ZoneOffset.UTC) * NANOS_PER_SECOND;
            long after = tr.getDateTimeAfter().toEpochSecond(ZoneOffset.UTC) * NANOS_PER_SECOND;
            long low = Math.min(before, after);
            long high = Math.max(before, after);
            for (long local : new long[] {low - NANOS_PER_SECOND, low, low + (high - low) / 2, high - 1, high}) {
                if (resolveFast(local) != resolveThroughJavaTime(local)) {
                    return false;
                }
            }
        }
        return true;
    }

    static ZoneTimeline of(ZoneId zone) {
        return TIMELINES.computeIfAbsent(zone, ZoneTimeline::new);
    }

    ZoneId zone() {
        return zone;
    }

    /** @return true when resolution uses the transition table rather than java.time */
    boolean usesFastPath() {
        return fastPathExact;
    }

    /**
     * @param localNanos a local date-time as nanoseconds since 1970-01-01T00:00 local
     * @return the instant, as epoch nanos, that {@code ZonedDateTime.of} gives for it
     */
    long resolve(long localNanos) {
        return fastPathExact ? resolveFast(localNanos) : resolveThroughJavaTime(localNanos);
    }

    private long resolveFast(long localNanos) {
        int lo = 0;
        int hi = thresholds.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (thresholds[mid] > localNanos) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return localNanos - (lo < thresholds.length ? offsetsBefore[lo] : lastOffset);
    }

    private long resolveThroughJavaTime(long localNanos) {
        long seconds = Math.floorDiv(localNanos, NANOS_PER_SECOND);
        int nanos = (int) Math.floorMod(localNanos, NANOS_PER_SECOND);
        LocalDateTime local = LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
        Instant instant = ZonedDateTime.of(local, zone).toInstant();
        return instant.getEpochSecond() * NANOS_PER_SECOND + instant.getNano();
    }
}
