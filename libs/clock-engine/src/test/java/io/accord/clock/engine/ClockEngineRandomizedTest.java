package io.accord.clock.engine;

import io.accord.time.BusinessCalendar;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Random histories checked against {@link MinuteReference}. Seeds are fixed and printed; a failure names its seed
 * and case and prints the history. Rerun chosen seeds with {@code -Dclock-engine.seeds=3,17}.
 */
class ClockEngineRandomizedTest {
    private static final long[] DEFAULT_SEEDS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    private static final int CASES_PER_SEED = 300;
    private static final UUID AGREEMENT = UUID.fromString("2a4c6e80-1b3d-4f5a-8c7e-9d0f1a2b3c4d");
    private static final int[] PERCENTS = {25, 50, 60, 75, 80, 90};
    private static final List<BusinessCalendar> CALENDARS = calendars();

    private final ClockEngine engine = new ClockEngine();

    private static List<BusinessCalendar> calendars() {
        BusinessCalendar.Builder sevenDays = BusinessCalendar.builder(ZoneId.of("Europe/Berlin"));
        for (DayOfWeek day : DayOfWeek.values()) {
            sevenDays.hours(day, "09:00-18:00");
        }
        BusinessCalendar.Builder split = BusinessCalendar.builder(ZoneId.of("America/New_York"));
        for (DayOfWeek day : EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY)) {
            split.hours(day, "08:00-12:00", "13:30-17:15");
        }
        return List.of(
                BusinessCalendar.twentyFourSeven(ZoneOffset.UTC),
                BusinessCalendar.builder("Europe/Paris").weekdays("09:00-17:00")
                        .holiday(LocalDate.of(2026, 3, 4)).yearlyHoliday(3, 30).build(),
                sevenDays.build(),
                split.build());
    }

    @Test
    void matchesTheMinuteSteppingReferenceOnRandomHistories() {
        long[] seeds = seeds();
        System.out.println("ClockEngineRandomizedTest seeds " + Arrays.toString(seeds) + ", " + CASES_PER_SEED
                + " histories each");
        int clocksCompared = 0;
        for (long seed : seeds) {
            Random random = new Random(seed);
            for (int index = 0; index < CASES_PER_SEED; index++) {
                clocksCompared += runCase(seed, index, random);
            }
        }
        System.out.println("ClockEngineRandomizedTest compared " + clocksCompared + " clocks");
        assertThat(clocksCompared).isGreaterThan(seeds.length * CASES_PER_SEED);
    }

    private static long[] seeds() {
        String property = System.getProperty("clock-engine.seeds");
        if (property == null || property.isBlank()) {
            return DEFAULT_SEEDS;
        }
        return Arrays.stream(property.split(",")).map(String::trim).mapToLong(Long::parseLong).toArray();
    }

    private int runCase(long seed, int index, Random random) {
        Instant base = Instant.parse("2026-03-01T00:00:00Z").plus(Duration.ofMinutes(random.nextInt(30 * 24 * 60)));
        List<ItemEvent> events = history(random, base);
        Instant last = events.get(events.size() - 1).occurredAt();
        Instant now = random.nextInt(5) == 0
                ? events.get(random.nextInt(events.size())).occurredAt().plus(Duration.ofMinutes(random.nextInt(60)))
                : last.plus(Duration.ofMinutes(random.nextInt(2000)));
        List<ObjectiveTerms> objectives = objectives(random);
        Map<Instant, AgreementState> stateChanges = stateChanges(random, base, last);
        Coverage coverage = coverage(objectives, stateChanges);
        ItemHistory history = ItemHistory.of(HistoryBuilder.ITEM, events);
        String description = "seed " + seed + " case " + index + "\nnow " + now + "\nstates " + stateChanges
                + "\nobjectives " + describe(objectives) + "\nevents\n" + describeEvents(events);
        ItemClocks actual;
        Map<ObjectiveId, List<MinuteReference.RefCycle>> expected;
        try {
            actual = engine.compute(history, coverage, now);
            expected = MinuteReference.compute(history.events(), objectives, stateChanges, now);
        } catch (RuntimeException e) {
            throw new AssertionError(description, e);
        }
        int compared = 0;
        for (Map.Entry<ObjectiveId, List<MinuteReference.RefCycle>> entry : expected.entrySet()) {
            List<Clock> clocks = actual.clocksOf(entry.getKey());
            List<MinuteReference.RefCycle> cycles = entry.getValue();
            if (clocks.size() != cycles.size()) {
                fail("%s\n%s: engine has %d cycles, reference %d\nengine %s", description,
                        entry.getKey().objectiveKey(), clocks.size(), cycles.size(), clocks);
            }
            for (int i = 0; i < cycles.size(); i++) {
                compare(description + "\nobjective " + entry.getKey().objectiveKey() + " cycle " + (i + 1),
                        clocks.get(i), cycles.get(i), now);
                compared++;
            }
        }
        return compared;
    }

    private static void compare(String description, Clock clock, MinuteReference.RefCycle expected, Instant now) {
        String message = description + "\nengine " + clock;
        assertThat(clock.cycle()).as(message).isEqualTo(expected.number);
        assertThat(clock.phase()).as(message).isEqualTo(expected.phase);
        assertThat(clock.outcome()).as(message).isEqualTo(expected.outcome);
        assertThat(clock.elapsed()).as(message).isEqualTo(Duration.ofMinutes(expected.elapsed));
        assertThat(clock.target()).as(message).isEqualTo(Duration.ofMinutes(expected.target));
        assertThat(clock.startedAt()).as(message).isEqualTo(expected.startedAt);
        assertThat(clock.breachedAt()).as(message).isEqualTo(expected.breachedAt);
        assertThat(clock.completedAt()).as(message).isEqualTo(expected.completedAt);
        assertThat(clock.cancelledAt()).as(message).isEqualTo(expected.cancelledAt);
        assertThat(clock.cancelReason()).as(message).isEqualTo(expected.cancelReason);
        assertThat(clock.warnings()).as(message).isEqualTo(expected.warnings);
        Instant horizon = now.plus(Duration.ofDays(21));
        checkProjection(message + "\ndeadline", clock.deadline(), expected.deadline, horizon);
        checkProjection(message + "\nnextFireAt", clock.nextFireAt(), expected.nextFireAt, horizon);
    }

    /** The reference only looks 21 days ahead: beyond that it knows nothing. */
    private static void checkProjection(String message, Instant actual, Instant expected, Instant horizon) {
        if (expected != null) {
            assertThat(actual).as(message).isEqualTo(expected);
        } else if (actual != null) {
            assertThat(actual).as(message).isAfterOrEqualTo(horizon);
        }
    }

    private static List<ItemEvent> history(Random random, Instant base) {
        List<ItemEvent> events = new ArrayList<>();
        int count = 1 + random.nextInt(25);
        Instant t = base;
        ItemStatus status = List.of(ItemStatus.NEW, ItemStatus.OPEN, ItemStatus.PENDING_CUSTOMER).get(random.nextInt(3));
        Priority priority = Priority.values()[random.nextInt(4)];
        boolean late = random.nextInt(8) == 0;
        Instant lateReceipt = base.plus(Duration.ofMinutes(random.nextInt(3000)));
        events.add(event(ItemEventType.CREATED, t, 1, status, priority, late, lateReceipt));
        for (int i = 1; i < count; i++) {
            t = t.plus(Duration.ofMinutes(random.nextInt(4) == 0 ? 0 : random.nextInt(300)));
            int pick = random.nextInt(100);
            ItemEventType type;
            boolean resolved = status == ItemStatus.RESOLVED;
            if (pick < 20 && !resolved) {
                type = ItemEventType.STATUS_CHANGED;
                status = List.of(ItemStatus.OPEN, ItemStatus.PENDING_CUSTOMER, ItemStatus.ON_HOLD).get(random.nextInt(3));
            } else if (pick < 35) {
                type = ItemEventType.PRIORITY_CHANGED;
                priority = Priority.values()[random.nextInt(4)];
            } else if (pick < 52) {
                type = ItemEventType.AGENT_REPLIED;
            } else if (pick < 70) {
                type = ItemEventType.CUSTOMER_REPLIED;
            } else if (pick < 82) {
                type = ItemEventType.RESOLVED;
                status = ItemStatus.RESOLVED;
            } else if (pick < 94) {
                type = ItemEventType.REOPENED;
                status = ItemStatus.OPEN;
            } else if (pick < 97) {
                type = ItemEventType.CLOSED;
                status = ItemStatus.CLOSED;
            } else if (pick < 99) {
                type = ItemEventType.DELETED;
            } else {
                type = ItemEventType.FIELDS_CHANGED;
            }
            events.add(event(type, t, i + 1, status, priority, late, lateReceipt));
            if (type == ItemEventType.CLOSED || type == ItemEventType.DELETED) {
                if (random.nextBoolean()) {
                    // something after the end, to be rejected
                    events.add(event(ItemEventType.AGENT_REPLIED, t.plus(Duration.ofMinutes(5)), i + 2, status,
                            priority, late, lateReceipt));
                }
                break;
            }
        }
        return events;
    }

    private static ItemEvent event(ItemEventType type, Instant at, long arrival, ItemStatus status, Priority priority,
                                   boolean late, Instant lateReceipt) {
        Instant receivedAt = late && lateReceipt.isAfter(at) ? lateReceipt : at;
        return new ItemEvent("e" + arrival, type, at, null, arrival, receivedAt, status, priority,
                HistoryBuilder.ACME);
    }

    private static List<ObjectiveTerms> objectives(Random random) {
        List<ObjectiveTerms> objectives = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            Metric metric = List.of(Metric.FIRST_RESPONSE, Metric.NEXT_RESPONSE, Metric.RESOLUTION).get(random.nextInt(3));
            ObjectiveTerms.Builder builder = ObjectiveTerms.builder(AGREEMENT, "objective-" + i, metric)
                    .calendar(CALENDARS.get(random.nextInt(CALENDARS.size())))
                    .reopenPolicy(random.nextBoolean() ? ReopenPolicy.RESUME : ReopenPolicy.NEW_CYCLE)
                    .retroactiveStart(random.nextBoolean());
            for (Priority priority : Priority.values()) {
                if (random.nextInt(4) != 0) {
                    builder.target(priority, Duration.ofMinutes(20L * (1 + random.nextInt(48))));
                }
            }
            List<Integer> percents = new ArrayList<>();
            for (int percent : PERCENTS) {
                if (random.nextBoolean()) {
                    percents.add(percent);
                }
            }
            builder.warningPercents(percents);
            builder.pauseStatuses(List.of(ObjectiveTerms.DEFAULT_PAUSE_STATUSES, Set.of(ItemStatus.ON_HOLD),
                    Set.<ItemStatus>of()).get(random.nextInt(3)));
            objectives.add(builder.build());
        }
        return objectives;
    }

    private static Map<Instant, AgreementState> stateChanges(Random random, Instant base, Instant last) {
        Map<Instant, AgreementState> changes = new TreeMap<>();
        long span = Math.max(60, Duration.between(base, last).toMinutes() + 600);
        if (random.nextInt(3) == 0) {
            Instant from = base.plus(Duration.ofMinutes(random.nextLong(span)));
            Instant to = from.plus(Duration.ofMinutes(1 + random.nextInt(600)));
            changes.put(from, AgreementState.SUSPENDED);
            changes.put(to, AgreementState.ACTIVE);
            if (random.nextInt(3) == 0) {
                changes.put(to.plus(Duration.ofMinutes(1 + random.nextInt(900))), AgreementState.TERMINATED);
            }
        }
        return changes;
    }

    private static Coverage coverage(List<ObjectiveTerms> objectives, Map<Instant, AgreementState> stateChanges) {
        CoverageTimeline.Builder timeline = CoverageTimeline.builder().from(Instant.parse("2020-01-01T00:00:00Z"), objectives);
        stateChanges.forEach((at, state) -> timeline.from(at,
                objectives.stream().map(terms -> terms.toBuilder().agreementState(state).build()).toList()));
        return timeline.build();
    }

    private static String describe(List<ObjectiveTerms> objectives) {
        Map<String, String> described = new LinkedHashMap<>();
        for (ObjectiveTerms terms : objectives) {
            described.put(terms.objective().objectiveKey(), terms.metric() + " targets " + terms.targets()
                    + " warnings " + terms.warningPercents() + " pauses " + terms.pauseStatuses() + " "
                    + terms.reopenPolicy() + (terms.retroactiveStart() ? " retroactive" : "") + " calendar "
                    + terms.calendar().zone() + " " + terms.calendar().weeklyHours().get(DayOfWeek.MONDAY));
        }
        return described.toString();
    }

    private static String describeEvents(List<ItemEvent> events) {
        StringBuilder text = new StringBuilder();
        for (ItemEvent e : events) {
            text.append("  ").append(e.occurredAt()).append(' ').append(e.type()).append(' ').append(e.status())
                    .append(' ').append(e.priority()).append(" received ").append(e.receivedAt()).append('\n');
        }
        return text.toString();
    }
}
