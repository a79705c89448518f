package io.accord.clock.engine;

import io.accord.time.BusinessCalendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Recomputing one item's clocks, as the service does on every ingested event: a 50-event history over three
 * weeks, three objectives (first response, next response, resolution) on a Paris Monday-Friday 09:00-18:00
 * calendar with holidays; with the minute-stepping reference of the tests as the baseline.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ClockEngineBenchmark {

    static final UUID AGREEMENT = UUID.fromString("5e0c8a4b-7d21-4c3f-9a6e-1b2c3d4e5f60");

    ClockEngine engine;
    ItemHistory history;
    List<ObjectiveTerms> objectives;
    Coverage coverage;
    Instant now;

    @Setup
    public void setUp() {
        BusinessCalendar office = BusinessCalendar.builder(ZoneId.of("Europe/Paris")).weekdays("09:00-18:00")
                .yearlyHoliday(5, 1).yearlyHoliday(5, 8).holiday(LocalDate.of(2026, 5, 14))
                .holiday(LocalDate.of(2026, 5, 25)).build();
        objectives = List.of(
                terms("first-response", Metric.FIRST_RESPONSE, office, 60, 240),
                terms("next-response", Metric.NEXT_RESPONSE, office, 120, 480),
                terms("resolution", Metric.RESOLUTION, office, 480, 2400));
        coverage = Coverage.always(objectives);
        history = ItemHistory.of(new ItemRef("zendesk-eu", "bench-1"), fiftyEvents());
        now = history.events().get(history.events().size() - 1).occurredAt().plus(Duration.ofDays(1));
        engine = new ClockEngine();
    }

    private static ObjectiveTerms terms(String key, Metric metric, BusinessCalendar calendar, int p1Minutes,
                                        int p3Minutes) {
        return ObjectiveTerms.builder(AGREEMENT, key, metric).calendar(calendar)
                .target(Priority.P1, Duration.ofMinutes(p1Minutes)).target(Priority.P2, Duration.ofMinutes(p1Minutes * 2L))
                .target(Priority.P3, Duration.ofMinutes(p3Minutes)).warningPercents(List.of(50, 75, 90)).build();
    }

    /** Replies, pauses, a priority change, resolutions and reopenings, every 3 to 7 hours from 27 April 2026. */
    private static List<ItemEvent> fiftyEvents() {
        ItemEventType[] pattern = {
                ItemEventType.CUSTOMER_REPLIED, ItemEventType.AGENT_REPLIED, ItemEventType.STATUS_CHANGED,
                ItemEventType.STATUS_CHANGED, ItemEventType.CUSTOMER_REPLIED, ItemEventType.CUSTOMER_REPLIED,
                ItemEventType.AGENT_REPLIED, ItemEventType.PRIORITY_CHANGED, ItemEventType.RESOLVED,
                ItemEventType.REOPENED};
        List<ItemEvent> events = new ArrayList<>();
        ItemAttributes attributes = new ItemAttributes("ticket", "acme", "hosting", "paris", "email", null, "l2", null);
        Instant t = Instant.parse("2026-04-27T07:13:00Z");
        ItemStatus status = ItemStatus.NEW;
        Priority priority = Priority.P3;
        events.add(new ItemEvent("e0", ItemEventType.CREATED, t, null, 0, t, status, priority, attributes));
        for (int i = 1; i < 50; i++) {
            t = t.plus(Duration.ofMinutes(180 + (i * 37) % 240));
            ItemEventType type = pattern[(i - 1) % pattern.length];
            switch (type) {
                case STATUS_CHANGED -> status = status == ItemStatus.PENDING_CUSTOMER ? ItemStatus.OPEN
                        : ItemStatus.PENDING_CUSTOMER;
                case PRIORITY_CHANGED -> priority = priority == Priority.P3 ? Priority.P2 : Priority.P3;
                case RESOLVED -> status = ItemStatus.RESOLVED;
                case REOPENED, AGENT_REPLIED -> status = ItemStatus.OPEN;
                default -> { }
            }
            events.add(new ItemEvent("e" + i, type, t, null, i, t, status, priority, attributes));
        }
        return events;
    }

    @Benchmark
    public ItemClocks engineRecompute() {
        return engine.compute(history, coverage, now);
    }

    @Benchmark
    public Map<ObjectiveId, List<MinuteReference.RefCycle>> naiveMinuteReference() {
        return MinuteReference.compute(history.events(), objectives, Map.of(), now);
    }
}
