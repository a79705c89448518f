package io.accord.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * The allocation-free local-time resolution agrees with ZonedDateTime.of around every transition of every
 * registered zone, and every tzdb zone gets the fast path.
 */
class ZoneTimelineTest {

    static final Instant FROM = Instant.parse("1899-12-20T00:00:00Z");
    static final Instant UNTIL = Instant.parse("2150-01-10T00:00:00Z");

    @Test
    void resolvesLikeZonedDateTimeOfAroundEveryTransition() {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (String id : new TreeSet<>(ZoneId.getAvailableZoneIds())) {
            ZoneId zone = ZoneId.of(id);
            ZoneTimeline timeline = ZoneTimeline.of(zone);
            // ical4j registers zones named "ical4j~uuid" built from VTIMEZONE data, some with rules whose
            // transitions and local lookups disagree: they must fall back and still resolve like java.time.
            boolean tzdb = !id.contains("~");
            if (tzdb && !timeline.usesFastPath()) {
                mismatches.add(id + " does not use the fast path");
            }
            ZoneOffsetTransition t = zone.getRules().nextTransition(FROM);
            while (t != null && t.getInstant().isBefore(UNTIL)) {
                LocalDateTime before = t.getDateTimeBefore();
                LocalDateTime after = t.getDateTimeAfter();
                for (LocalDateTime local : List.of(before.minusSeconds(1), before, before.plusMinutes(30),
                        after.minusNanos(1), after, after.plusSeconds(1), before.plusHours(3),
                        before.minusHours(3))) {
                    long localNanos = local.toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L + local.getNano();
                    Instant expected = ZonedDateTime.of(local, zone).toInstant();
                    long actual = timeline.resolve(localNanos);
                    checked++;
                    if (actual != expected.getEpochSecond() * 1_000_000_000L + expected.getNano()) {
                        mismatches.add(id + " " + local + " expected " + expected + " got " + actual);
                    }
                }
                t = zone.getRules().nextTransition(t.getInstant());
            }
        }
        assertThat(checked).isGreaterThan(100_000);
        assertThat(mismatches).isEmpty();
    }
}
