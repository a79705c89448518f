package io.accord.clock.engine;

import io.accord.time.BusinessCalendar;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.accord.clock.engine.HistoryBuilder.BERLIN;
import static io.accord.clock.engine.HistoryBuilder.at;
import static io.accord.clock.engine.ItemStatus.ON_HOLD;
import static io.accord.clock.engine.ItemStatus.OPEN;
import static io.accord.clock.engine.ItemStatus.PENDING_CUSTOMER;
import static io.accord.clock.engine.Priority.P1;
import static io.accord.clock.engine.Priority.P3;
import static io.accord.clock.engine.Priority.P4;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per clock rule, each with the reasoning that gives its expected values. */
class ClockEngineRulesTest {

    static final UUID AGREEMENT = UUID.fromString("6f1c1f8e-2d1a-4a51-9d3e-0c7d9b0d2a11");
    static final UUID OTHER_AGREEMENT = UUID.fromString("0b7e5c52-8f43-4c8e-b1a4-5a7f7b1c9e22");
    /** 09:00-18:00 every day of the week, Europe/Berlin. */
    static final BusinessCalendar BERLIN_9_18 = sevenDays();

    private final ClockEngine engine = new ClockEngine();

    private static BusinessCalendar sevenDays() {
        BusinessCalendar.Builder builder = BusinessCalendar.builder(BERLIN);
        for (DayOfWeek day : DayOfWeek.values()) {
            builder.hours(day, "09:00-18:00");
        }
        return builder.build();
    }

    static ObjectiveTerms.Builder objective(String key, Metric metric) {
        return ObjectiveTerms.builder(AGREEMENT, key, metric).calendar(BERLIN_9_18);
    }

    static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    private Clock only(ItemClocks clocks) {
        assertThat(clocks.clocks()).hasSize(1);
        return clocks.clocks().get(0);
    }

    @Test
    void pendingStatusPausesAccrualAndDeadline() {
        // 120 min from 09:00 would be due 11:00; 10:00-15:00 is pending, so 60 min are left at 15:00: due 16:00.
        ObjectiveTerms firstResponse = objective("first-response", Metric.FIRST_RESPONSE).target(P3, minutes(120)).build();
        ItemHistory history = new HistoryBuilder().created("09:00")
                .status("10:00", PENDING_CUSTOMER).status("15:00", OPEN).build();

        Clock atNoon = only(engine.compute(history, Coverage.always(firstResponse), at("12:00")));
        // While pending: no accrual, no deadline, nothing to fire.
        assertThat(atNoon.phase()).isEqualTo(Phase.PAUSED);
        assertThat(atNoon.elapsed()).isEqualTo(minutes(60));
        assertThat(atNoon.deadline()).isNull();
        assertThat(atNoon.nextFireAt()).isNull();

        Clock later = only(engine.compute(history, Coverage.always(firstResponse), at("15:30")));
        assertThat(later.phase()).isEqualTo(Phase.RUNNING);
        assertThat(later.deadline()).isEqualTo(at("16:00"));
        assertThat(later.elapsed()).isEqualTo(minutes(90));
        assertThat(later.remaining()).isEqualTo(minutes(30));
        // 50 % (60 min) was reached exactly when the item went pending; 75 % (90 min) at 15:30; 90 % (108 min) next.
        assertThat(later.warnings()).extracting(Warning::percent, Warning::at)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(50, at("10:00")),
                        org.assertj.core.groups.Tuple.tuple(75, at("15:30")));
        assertThat(later.nextFireAt()).isEqualTo(at("15:48"));
    }

    @Test
    void createdPendingAndResolvedIsMetWithZeroElapsed() {
        // The item never left a pause status, so no business time accrued: resolved at 12:00, MET, zero elapsed.
        ObjectiveTerms resolution = objective("resolution", Metric.RESOLUTION).target(P3, minutes(240)).build();
        ItemHistory history = new HistoryBuilder().created("09:00", PENDING_CUSTOMER, P3).resolved("12:00").build();

        Clock clock = only(engine.compute(history, Coverage.always(resolution), at("13:00")));

        assertThat(clock.outcome()).isEqualTo(Outcome.MET);
        assertThat(clock.phase()).isEqualTo(Phase.STOPPED);
        assertThat(clock.elapsed()).isZero();
        assertThat(clock.completedAt()).isEqualTo(at("12:00"));
    }

    @Test
    void priorityRaisedPastTheNewTargetBreachesAtTheChange() {
        // P3 has 240 min, P1 60 min. At 10:30, 90 min have elapsed: over the P1 target, so the clock is breached at
        // 10:30 (not at 10:00, when 60 min had passed under P3's terms). Of the thresholds crossed by the change
        // only the highest, 90 %, fires. The breached clock keeps running.
        ObjectiveTerms firstResponse = objective("first-response", Metric.FIRST_RESPONSE)
                .target(P1, minutes(60)).target(P3, minutes(240)).build();
        ItemHistory history = new HistoryBuilder().created("09:00", OPEN, P3).priority("10:30", P1).build();

        Clock clock = only(engine.compute(history, Coverage.always(firstResponse), at("11:00")));

        assertThat(clock.outcome()).isEqualTo(Outcome.BREACHED);
        assertThat(clock.breachedAt()).isEqualTo(at("10:30"));
        assertThat(clock.phase()).isEqualTo(Phase.RUNNING);
        assertThat(clock.target()).isEqualTo(minutes(60));
        assertThat(clock.elapsed()).isEqualTo(minutes(120));
        assertThat(clock.overrun()).isEqualTo(minutes(60));
        assertThat(clock.warnings()).extracting(Warning::percent).containsExactly(90);
        assertThat(clock.warnings().get(0).at()).isEqualTo(at("10:30"));
        assertThat(clock.nextFireAt()).isNull();
    }

    @Test
    void threeCustomerRepliesThenOneAgentReplyMakeOneNextResponseCycle() {
        // 09:30: a customer reply while the first response runs opens nothing. After the first agent reply
        // (09:40), the customer replies at 10:00, 10:05 and 10:10: only the first, unanswered, opens a cycle;
        // the agent reply at 11:00 stops it: one cycle, 60 min, MET.
        ObjectiveTerms nextResponse = objective("next-response", Metric.NEXT_RESPONSE).target(P3, minutes(120)).build();
        ItemHistory history = new HistoryBuilder().created("09:00", OPEN, P3).customerReplied("09:30")
                .agentReplied("09:40").customerReplied("10:00").customerReplied("10:05").customerReplied("10:10")
                .agentReplied("11:00").build();

        Clock clock = only(engine.compute(history, Coverage.always(nextResponse), at("12:00")));

        assertThat(clock.cycle()).isEqualTo(1);
        assertThat(clock.startedAt()).isEqualTo(at("10:00"));
        assertThat(clock.completedAt()).isEqualTo(at("11:00"));
        assertThat(clock.elapsed()).isEqualTo(minutes(60));
        assertThat(clock.outcome()).isEqualTo(Outcome.MET);
    }

    @Test
    void nextResponseOpensOneCycleForEachUnansweredCustomerReplyAndStopsAtResolution() {
        // Each agent reply answers the customer; a new customer reply after it opens the next cycle, which the
        // resolution at 14:00 stops (MET, 60 min).
        ObjectiveTerms nextResponse = objective("next-response", Metric.NEXT_RESPONSE).target(P3, minutes(120)).build();
        ItemHistory history = new HistoryBuilder().created("09:00", OPEN, P3).agentReplied("09:10")
                .customerReplied("10:00").agentReplied("10:30").customerReplied("13:00").resolved("14:00").build();

        ItemClocks clocks = engine.compute(history, Coverage.always(nextResponse), at("15:00"));

        assertThat(clocks.clocks()).extracting(Clock::cycle, Clock::elapsed, Clock::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, minutes(30), Outcome.MET),
                org.assertj.core.groups.Tuple.tuple(2, minutes(60), Outcome.MET));
        assertThat(clocks.clocks().get(0).clockId()).isNotEqualTo(clocks.clocks().get(1).clockId());
    }

    @Test
    void resolveReopenResolveRevisesTheOneResolutionClock() {
        // RESUME policy: the reopened item continues the same cycle (same clockId) with its 60 min kept.
        // The service held "MET at 10:00" (published clock.completed); after the reopening the recomputed clock is
        // PENDING again: ClockRevisions reports the withdrawn completion (clock.revised, revision 1). The second
        // resolution at 12:00 completes it with 60 + 60 min; compared with what was first published that is again
        // a revision of the completion.
        ObjectiveTerms resolution = objective("resolution", Metric.RESOLUTION).target(P3, minutes(240)).build();
        Coverage coverage = Coverage.always(resolution);
        HistoryBuilder builder = new HistoryBuilder().created("09:00", OPEN, P3).resolved("10:00");
        ItemClocks first = engine.compute(builder.build(), coverage, at("10:30"));
        ItemClocks reopened = engine.compute(builder.reopened("11:00").build(), coverage, at("11:30"));
        ItemClocks second = engine.compute(builder.resolved("12:00").build(), coverage, at("12:30"));

        Clock met = only(first);
        assertThat(met.outcome()).isEqualTo(Outcome.MET);
        assertThat(met.elapsed()).isEqualTo(minutes(60));

        Clock running = only(reopened);
        assertThat(running.clockId()).isEqualTo(met.clockId());
        assertThat(running.outcome()).isEqualTo(Outcome.PENDING);
        assertThat(running.phase()).isEqualTo(Phase.RUNNING);
        assertThat(running.elapsed()).isEqualTo(minutes(90));
        List<ClockRevision> revisions = ClockRevisions.between(first.clocks(), reopened.clocks());
        assertThat(revisions).singleElement().satisfies(revision -> {
            assertThat(revision.clockId()).isEqualTo(met.clockId());
            assertThat(revision.before().completedAt()).isEqualTo(at("10:00"));
            assertThat(revision.after().outcome()).isEqualTo(Outcome.PENDING);
            assertThat(revision.after().completedAt()).isNull();
        });

        Clock completedAgain = only(second);
        assertThat(completedAgain.clockId()).isEqualTo(met.clockId());
        assertThat(completedAgain.cycle()).isEqualTo(1);
        assertThat(completedAgain.outcome()).isEqualTo(Outcome.MET);
        assertThat(completedAgain.completedAt()).isEqualTo(at("12:00"));
        assertThat(completedAgain.elapsed()).isEqualTo(minutes(120));
        // From the running clock, the completion is progress (clock.completed), not a revision.
        assertThat(ClockRevisions.between(reopened.clocks(), second.clocks())).isEmpty();
        // Against the first publication (e.g. a late REOPENED and RESOLVED arriving together), it revises it.
        assertThat(ClockRevisions.between(first.clocks(), second.clocks())).singleElement()
                .satisfies(revision -> assertThat(revision.after().completedAt()).isEqualTo(at("12:00")));
    }

    @Test
    void reopeningWithNewCyclePolicyStartsASecondCycleFromZero() {
        // NEW_CYCLE: cycle 1 stays MET at 10:00 with 60 min; cycle 2 starts at 11:00 from zero and has 30 min at 11:30.
        ObjectiveTerms resolution = objective("resolution", Metric.RESOLUTION).target(P3, minutes(240))
                .reopenPolicy(ReopenPolicy.NEW_CYCLE).build();
        ItemHistory history = new HistoryBuilder().created("09:00", OPEN, P3).resolved("10:00").reopened("11:00").build();

        ItemClocks clocks = engine.compute(history, Coverage.always(resolution), at("11:30"));

        assertThat(clocks.clocks()).extracting(Clock::cycle, Clock::outcome, Clock::elapsed).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, Outcome.MET, minutes(60)),
                org.assertj.core.groups.Tuple.tuple(2, Outcome.PENDING, minutes(30)));
        assertThat(clocks.clocks().get(1).startedAt()).isEqualTo(at("11:00"));
    }

    @Test
    void closedAfterResolvedChangesNothingAndClosedAloneCompletesResolution() {
        // RESOLUTION stops at RESOLVED; the later CLOSED does not move its completion. Without RESOLVED, CLOSED stops it.
        ObjectiveTerms resolution = objective("resolution", Metric.RESOLUTION).target(P3, minutes(240)).build();
        ItemHistory resolvedThenClosed = new HistoryBuilder().created("09:00", OPEN, P3).resolved("10:00")
                .closed("16:00").build();
        ItemHistory closedOnly = new HistoryBuilder().created("09:00", OPEN, P3).closed("11:00").build();

        Clock first = only(engine.compute(resolvedThenClosed, Coverage.always(resolution), at("17:00")));
        Clock second = only(engine.compute(closedOnly, Coverage.always(resolution), at("17:00")));

        assertThat(first.completedAt()).isEqualTo(at("10:00"));
        assertThat(first.elapsed()).isEqualTo(minutes(60));
        assertThat(second.completedAt()).isEqualTo(at("11:00"));
        assertThat(second.outcome()).isEqualTo(Outcome.MET);
    }

    @Test
    void eventsAfterClosedOrDeletedAreRejected() {
        // Nothing follows CLOSED or DELETED: a REOPENED after CLOSED does not resume the clock; it is reported.
        ObjectiveTerms resolution = objective("resolution", Metric.RESOLUTION).target(P3, minutes(240)).build();
        ItemHistory closed = new HistoryBuilder().created("09:00", OPEN, P3).resolved("10:00").closed("10:30")
                .reopened("11:00").build();
        ItemHistory deleted = new HistoryBuilder().created("09:00", OPEN, P3).deleted("10:00")
                .agentReplied("10:30").build();

        ItemClocks afterClose = engine.compute(closed, Coverage.always(resolution), at("12:00"));
        ItemClocks afterDelete = engine.compute(deleted, Coverage.always(resolution), at("12:00"));

        assertThat(afterClose.rejected()).singleElement().satisfies(rejection -> {
            assertThat(rejection.event().type()).isEqualTo(ItemEventType.REOPENED);
            assertThat(rejection.reason()).isEqualTo(RejectionReason.AFTER_CLOSED);
        });
        assertThat(only(afterClose).outcome()).isEqualTo(Outcome.MET);
        assertThat(afterDelete.rejected()).extracting(RejectedEvent::reason).containsExactly(RejectionReason.AFTER_DELETED);
    }

    @Test
    void firstResponseStopsAtResolutionWhenResolvedFirst() {
        // No agent reply, resolved at 10:00: the first-response clock completes at the resolution.
        ObjectiveTerms firstResponse = objective("first-response", Metric.FIRST_RESPONSE).target(P3, minutes(120)).build();
        ItemHistory history = new HistoryBuilder().created("09:00", OPEN, P3).resolved("10:00").build();

        Clock clock = only(engine.compute(history, Coverage.always(firstResponse), at("12:00")));

        assertThat(clock.completedAt()).isEqualTo(at("10:00"));
        assertThat(clock.outcome()).isEqualTo(Outcome.MET);
    }

    @Test
    void deletedCancelsRunningClocksAndKeepsCompletedAndBreachedOutcomes() {
        // At 12:00: first response MET at 09:30 stays MET; resolution (60 min target) breached at 10:00 stays
        // BREACHED, stopped; next response (running since 11:00, within target) becomes CANCELLED.
        ObjectiveTerms firstResponse = objective("first-response", Metric.FIRST_RESPONSE).target(P3, minutes(120)).build();
        ObjectiveTerms resolution = objective("resolution", Metric.RESOLUTION).target(P3, minutes(60)).build();
        ObjectiveTerms nextResponse = objective("next-response", Metric.NEXT_RESPONSE).target(P3, minutes(240)).build();
        ItemHistory history = new HistoryBuilder().created("09:00", OPEN, P3).agentReplied("09:30")
                .customerReplied("11:00").deleted("12:00").build();

        ItemClocks clocks = engine.compute(history, Coverage.always(firstResponse, resolution, nextResponse), at("13:00"));

        assertThat(clocks.clocks()).extracting(clock -> clock.objective().objectiveKey(), Clock::outcome, Clock::phase)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("first-response", Outcome.MET, Phase.STOPPED),
                        org.assertj.core.groups.Tuple.tuple("next-response", Outcome.CANCELLED, Phase.STOPPED),
                        org.assertj.core.groups.Tuple.tuple("resolution", Outcome.BREACHED, Phase.STOPPED));
        Clock cancelled = clocks.clocks().get(1);
        assertThat(cancelled.cancelReason()).isEqualTo(CancelReason.ITEM_DELETED);
        assertThat(cancelled.cancelledAt()).isEqualTo(at("12:00"));
        assertThat(clocks.clocks().get(2).breachedAt()).isEqualTo(at("10:00"));
    }

    @Test
    void priorityChangeKeepsElapsedAndTakesTheNewTarget() {
        // 60 min elapsed under P3 (240 min) at 10:00; P1 has 120 min: 60 left, due 11:00. No breach, and the 50 %
        // threshold of the new target is crossed by the change (60 of 120): it fires at 10:00.
        ObjectiveTerms resolution = objective("resolution", Metric.RESOLUTION)
                .target(P1, minutes(120)).target(P3, minutes(240)).build();
        ItemHistory history = new HistoryBuilder().created("09:00", OPEN, P3).priority("10:00", P1).build();

        Clock clock = only(engine.compute(history, Coverage.always(resolution), at("10:15")));

        assertThat(clock.priority()).isEqualTo(P1);
        assertThat(clock.target()).isEqualTo(minutes(120));
        assertThat(clock.elapsed()).isEqualTo(minutes(75));
        assertThat(clock.deadline()).isEqualTo(at("11:00"));
        assertThat(clock.outcome()).isEqualTo(Outcome.PENDING);
        assertThat(clock.warnings()).extracting(Warning::percent, Warning::at)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(50, at("10:00")));
    }

    @Test
    void priorityWithoutTargetCancelsAndATargetAgainStartsANewCycle() {
        // P4 has no target: the clock is cancelled at 10:00. Back to P3 at 11:00: the objective applies again and,
        // not being retroactive, a new cycle starts from zero at 11:00.
        ObjectiveTerms resolution = objective("resolution", Metric.RESOLUTION).target(P3, minutes(240)).build();
        ItemHistory history = new HistoryBuilder().created("09:00", OPEN, P3).priority("10:00", P4)
                .priority("11:00", P3).build();

        ItemClocks clocks = engine.compute(history, Coverage.always(resolution), at("12:00"));

        assertThat(clocks.clocks()).extracting(Clock::cycle, Clock::outcome, Clock::cancelReason, Clock::elapsed)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, Outcome.CANCELLED, CancelReason.NO_TARGET_FOR_PRIORITY, minutes(60)),
                        org.assertj.core.groups.Tuple.tuple(2, Outcome.PENDING, null, minutes(60)));
    }

    @Test
    void customerChangeReMatchesTheItem() {
        // acme is covered by agreement A (resolution, 240 min); globex by agreement B (resolution, 240 min,
        // retroactive) and A's first response objective, which also covers globex. At 10:00 the customer becomes
        // globex: A's resolution no longer applies (cancelled), A's first response still applies (continues),
        // B's resolution starts then, counting from creation because it is retroactive.
        ObjectiveTerms aResolution = objective("resolution", Metric.RESOLUTION).target(P3, minutes(240)).build();
        ObjectiveTerms aFirstResponse = objective("first-response", Metric.FIRST_RESPONSE).target(P3, minutes(240)).build();
        ObjectiveTerms bResolution = ObjectiveTerms.builder(OTHER_AGREEMENT, "resolution", Metric.RESOLUTION)
                .calendar(BERLIN_9_18).target(P3, minutes(240)).retroactiveStart(true).build();
        Coverage coverage = CoverageTimeline.builder().from(at("2026-01-01T00:00"), attributes ->
                "acme".equals(attributes.customer()) ? List.of(aResolution, aFirstResponse)
                        : List.of(aFirstResponse, bResolution)).build();
        ItemHistory history = new HistoryBuilder().created("09:00", OPEN, P3)
                .fields("10:00", attributes -> attributes.withCustomer("globex")).build();

        ItemClocks clocks = engine.compute(history, coverage, at("11:00"));

        Clock aFirst = clocks.clocksOf(aFirstResponse.objective()).get(0);
        Clock aRes = clocks.clocksOf(aResolution.objective()).get(0);
        Clock bRes = clocks.clocksOf(bResolution.objective()).get(0);
        assertThat(aFirst.elapsed()).isEqualTo(minutes(120));
        assertThat(aFirst.outcome()).isEqualTo(Outcome.PENDING);
        assertThat(aRes.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(aRes.cancelReason()).isEqualTo(CancelReason.NO_LONGER_COVERED);
        assertThat(aRes.cancelledAt()).isEqualTo(at("10:00"));
        assertThat(bRes.openedAt()).isEqualTo(at("10:00"));
        assertThat(bRes.startedAt()).isEqualTo(at("09:00"));
        assertThat(bRes.elapsed()).isEqualTo(minutes(120));
    }

    @Test
    void newlyMatchedObjectiveWithoutRetroactiveStartCountsFromTheChange() {
        // The same objective, not retroactive: it starts at the customer change, 10:00, and has 60 min at 11:00.
        ObjectiveTerms resolution = objective("resolution", Metric.RESOLUTION).target(P3, minutes(240)).build();
        Coverage coverage = CoverageTimeline.builder().from(at("2026-01-01T00:00"), attributes ->
                "globex".equals(attributes.customer()) ? List.of(resolution) : List.of()).build();
        ItemHistory history = new HistoryBuilder().created("09:00", OPEN, P3)
                .fields("10:00", attributes -> attributes.withCustomer("globex")).build();

        Clock clock = only(engine.compute(history, coverage, at("11:00")));

        assertThat(clock.startedAt()).isEqualTo(at("10:00"));
        assertThat(clock.elapsed()).isEqualTo(minutes(60));
    }

    @Test
    void retroactiveStartCountsFromCreation() {
        // Only P1 has a target. Raised to P1 three hours after creation (12:00): with retroactive start the clock
        // counts from creation, 180 min, already over the 120 min P1 target: breached at the change.
        ObjectiveTerms resolution = objective("resolution", Metric.RESOLUTION).target(P1, minutes(120))
                .retroactiveStart(true).build();
        ItemHistory history = new HistoryBuilder().created("09:00", OPEN, P3).priority("12:00", P1).build();

        Clock clock = only(engine.compute(history, Coverage.always(resolution), at("12:30")));

        assertThat(clock.startedAt()).isEqualTo(at("09:00"));
        assertThat(clock.openedAt()).isEqualTo(at("12:00"));
        assertThat(clock.elapsed()).isEqualTo(minutes(210));
        assertThat(clock.breachedAt()).isEqualTo(at("12:00"));
        assertThat(clock.warnings()).extracting(Warning::percent).containsExactly(90);
    }

    @Test
    void breachAtTheDeadlineAndMetAtTheDeadline() {
        // 120 min from 09:00: the deadline is 11:00. An agent reply exactly at 11:00 is MET; without one the clock
        // is breached at 11:00 and keeps counting (150 min at 11:30).
        ObjectiveTerms firstResponse = objective("first-response", Metric.FIRST_RESPONSE).target(P3, minutes(120)).build();
        ItemHistory replied = new HistoryBuilder().created("09:00", OPEN, P3).agentReplied("11:00").build();
        ItemHistory silent = new HistoryBuilder().created("09:00", OPEN, P3).build();

        Clock met = only(engine.compute(replied, Coverage.always(firstResponse), at("11:30")));
        Clock breached = only(engine.compute(silent, Coverage.always(firstResponse), at("11:30")));
        Clock atDeadline = only(engine.compute(silent, Coverage.always(firstResponse), at("11:00")));

        assertThat(met.outcome()).isEqualTo(Outcome.MET);
        assertThat(met.elapsed()).isEqualTo(minutes(120));
        assertThat(breached.outcome()).isEqualTo(Outcome.BREACHED);
        assertThat(breached.breachedAt()).isEqualTo(at("11:00"));
        assertThat(breached.elapsed()).isEqualTo(minutes(150));
        assertThat(breached.deadline()).isEqualTo(at("11:00"));
        // A breach whose instant equals now is a fact already.
        assertThat(atDeadline.outcome()).isEqualTo(Outcome.BREACHED);
    }

    @Test
    void changeWhilePausedThatPutsElapsedOverTheTargetBreachesAtTheChange() {
        // 90 min accrue before the item goes on hold at 10:30; raised to P1 (60 min) at 12:00 while on hold:
        // breached at 12:00 though no time accrues; still paused.
        ObjectiveTerms resolution = objective("resolution", Metric.RESOLUTION)
                .target(P1, minutes(60)).target(P3, minutes(240)).build();
        ItemHistory history = new HistoryBuilder().created("09:00", OPEN, P3).status("10:30", ON_HOLD)
                .priority("12:00", P1).build();

        Clock clock = only(engine.compute(history, Coverage.always(resolution), at("13:00")));

        assertThat(clock.breachedAt()).isEqualTo(at("12:00"));
        assertThat(clock.phase()).isEqualTo(Phase.PAUSED);
        assertThat(clock.elapsed()).isEqualTo(minutes(90));
    }

    @Test
    void breachedClockKeepsCountingAndCompletionReportsElapsedAndOverrun() {
        // Target 60 min, breached 10:00, resolved 11:30: 150 min elapsed, overrun 90 min, outcome stays BREACHED.
        ObjectiveTerms resolution = objective("resolution", Metric.RESOLUTION).target(P3, minutes(60)).build();
        ItemHistory history = new HistoryBuilder().created("09:00", OPEN, P3).resolved("11:30").build();

        Clock clock = only(engine.compute(history, Coverage.always(resolution), at("12:00")));

        assertThat(clock.outcome()).isEqualTo(Outcome.BREACHED);
        assertThat(clock.breachedAt()).isEqualTo(at("10:00"));
        assertThat(clock.completedAt()).isEqualTo(at("11:30"));
        assertThat(clock.elapsed()).isEqualTo(minutes(150));
        assertThat(clock.overrun()).isEqualTo(minutes(90));
        assertThat(clock.facts().overrun()).isEqualTo(minutes(90));
    }

    @Test
    void warningsFireOncePerCycleAndAreReArmedAfterATargetChange() {
        // P1 100 min, P3 200 min. Under P1 from 09:00: 50 % at 09:50, 75 % at 10:15. At 10:20 (80 min) lowered to
        // P3: 80/200 = 40 %, so 50/75/90 are re-armed; they fire again under P3 at 10:40 (100 min) and 11:30
        // (150 min), 90 % at 12:00 (180 min), and the breach at 12:20. Each at most once between changes.
        ObjectiveTerms resolution = objective("resolution", Metric.RESOLUTION)
                .target(P1, minutes(100)).target(P3, minutes(200)).build();
        ItemHistory history = new HistoryBuilder().created("09:00", OPEN, P1).priority("10:20", P3).build();

        Clock clock = only(engine.compute(history, Coverage.always(resolution), at("13:00")));

        assertThat(clock.warnings()).extracting(Warning::percent, Warning::at).containsExactly(
                org.assertj.core.groups.Tuple.tuple(50, at("09:50")),
                org.assertj.core.groups.Tuple.tuple(75, at("10:15")),
                org.assertj.core.groups.Tuple.tuple(50, at("10:40")),
                org.assertj.core.groups.Tuple.tuple(75, at("11:30")),
                org.assertj.core.groups.Tuple.tuple(90, at("12:00")));
        assertThat(clock.breachedAt()).isEqualTo(at("12:20"));
    }

    @Test
    void raisedTargetFiresOnlyTheHighestNewlyCrossedThreshold() {
        // P3 400 min, P1 100 min, thresholds 50/75/90 plus an escalation level at 60. At 10:20, 80 min elapsed:
        // under P1 that crosses 50, 60 and 75 %: only 75 % fires, at the change; 90 % follows at 10:30.
        ObjectiveTerms resolution = objective("resolution", Metric.RESOLUTION).warningPercents(List.of(50, 60, 75, 90))
                .target(P1, minutes(100)).target(P3, minutes(400)).build();
        ItemHistory history = new HistoryBuilder().created("09:00", OPEN, P3).priority("10:20", P1).build();

        Clock clock = only(engine.compute(history, Coverage.always(resolution), at("10:35")));

        assertThat(clock.warnings()).extracting(Warning::percent, Warning::at).containsExactly(
                org.assertj.core.groups.Tuple.tuple(75, at("10:20")),
                org.assertj.core.groups.Tuple.tuple(90, at("10:30")));
        assertThat(clock.nextFireAt()).isEqualTo(at("10:40"));
    }

    @Test
    void suspensionPausesAndTerminationCancelsRunningClocks() {
        // Suspended 10:00-12:00, so 60 + 60 min at 13:00. Terminated at 13:00: the running resolution clock is
        // cancelled then; the first response completed at 09:30 stays MET.
        ObjectiveTerms resolution = objective("resolution", Metric.RESOLUTION).target(P3, minutes(480)).build();
        ObjectiveTerms firstResponse = objective("first-response", Metric.FIRST_RESPONSE).target(P3, minutes(60)).build();
        Coverage coverage = CoverageTimeline.builder()
                .from(at("2026-01-01T00:00"), List.of(resolution, firstResponse))
                .from(at("10:00"), List.of(suspended(resolution), suspended(firstResponse)))
                .from(at("12:00"), List.of(resolution, firstResponse))
                .from(at("13:00"), List.of(ended(resolution), ended(firstResponse)))
                .build();
        ItemHistory history = new HistoryBuilder().created("09:00", OPEN, P3).agentReplied("09:30").build();

        Clock atEleven = engine.compute(history, coverage, at("11:00")).clocksOf(resolution.objective()).get(0);
        ItemClocks atFourteen = engine.compute(history, coverage, at("14:00"));

        assertThat(atEleven.phase()).isEqualTo(Phase.PAUSED);
        assertThat(atEleven.elapsed()).isEqualTo(minutes(60));
        Clock cancelled = atFourteen.clocksOf(resolution.objective()).get(0);
        assertThat(cancelled.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(cancelled.cancelReason()).isEqualTo(CancelReason.AGREEMENT_TERMINATED);
        assertThat(cancelled.cancelledAt()).isEqualTo(at("13:00"));
        assertThat(cancelled.elapsed()).isEqualTo(minutes(120));
        assertThat(atFourteen.clocksOf(firstResponse.objective()).get(0).outcome()).isEqualTo(Outcome.MET);
    }

    private static ObjectiveTerms suspended(ObjectiveTerms terms) {
        return terms.toBuilder().agreementState(AgreementState.SUSPENDED).build();
    }

    private static ObjectiveTerms ended(ObjectiveTerms terms) {
        return terms.toBuilder().agreementState(AgreementState.TERMINATED).build();
    }

    @Test
    void amendmentAndCalendarChangeApplyFromTheirEffectiveFrom() {
        // Version 1: 240 min on 09-18. Version 2 from 10:00: 120 min on a 09-12 calendar. At 10:00, 60 min
        // elapsed (the earlier time stays counted); 60 min more on the new calendar: due 11:00; after 12:00 the
        // clock accrues nothing (calendar closed), so at 13:00 it is breached at 11:00 with 120 min.
        BusinessCalendar mornings = BusinessCalendar.builder(BERLIN).hours(DayOfWeek.MONDAY, "09:00-12:00").build();
        ObjectiveTerms v1 = objective("resolution", Metric.RESOLUTION).target(P3, minutes(240)).build();
        ObjectiveTerms v2 = v1.toBuilder().agreementVersion(2).target(P3, minutes(120)).calendar(mornings).build();
        Coverage coverage = CoverageTimeline.builder().from(at("2026-01-01T00:00"), List.of(v1))
                .from(at("10:00"), List.of(v2)).build();
        ItemHistory history = new HistoryBuilder().created("09:00", OPEN, P3).build();

        Clock atHalfTen = only(engine.compute(history, coverage, at("10:30")));
        Clock atOne = only(engine.compute(history, coverage, at("13:00")));

        assertThat(atHalfTen.agreementVersion()).isEqualTo(2);
        assertThat(atHalfTen.deadline()).isEqualTo(at("11:00"));
        assertThat(atOne.breachedAt()).isEqualTo(at("11:00"));
        assertThat(atOne.elapsed()).isEqualTo(minutes(180));
    }

    @Test
    void lateIngestedItemFlagsPastWarningsAndKeepsItsBreachInstant() {
        // The whole history reaches the service at 14:00. The 50/75/90 % instants (10:00, 10:30, 10:48) were past
        // at ingestion: the service shows but does not emit them. The breach keeps its own instant, 11:00.
        ObjectiveTerms firstResponse = objective("first-response", Metric.FIRST_RESPONSE).target(P3, minutes(120)).build();
        ItemHistory late = new HistoryBuilder().receivedAt("14:00").created("09:00", OPEN, P3).build();
        ItemHistory onTime = new HistoryBuilder().created("09:00", OPEN, P3).build();

        Clock lateClock = only(engine.compute(late, Coverage.always(firstResponse), at("14:00")));
        Clock onTimeClock = only(engine.compute(onTime, Coverage.always(firstResponse), at("14:00")));

        assertThat(lateClock.warnings()).extracting(Warning::pastAtIngestion).containsExactly(true, true, true);
        assertThat(lateClock.breachedAt()).isEqualTo(at("11:00"));
        // Known on time (only the scheduler ran late): the warnings are to be emitted.
        assertThat(onTimeClock.warnings()).extracting(Warning::pastAtIngestion).containsExactly(false, false, false);
    }

    @Test
    void customMetricFollowsItsConditions() {
        // Starts when the item is opened (10:00), paused by an ON_HOLD entry (11:00) and resumed on re-opening
        // (12:00), stopped by the agent reply (13:00): 120 min.
        CustomMetric conditions = new CustomMetric(Condition.onStatuses(OPEN), Condition.onStatuses(ON_HOLD),
                Condition.onStatuses(OPEN), Condition.onEvents(ItemEventType.AGENT_REPLIED), Condition.NEVER,
                Condition.NEVER);
        ObjectiveTerms custom = objective("time-to-work", Metric.CUSTOM).custom(conditions)
                .pauseStatuses(Set.of()).target(P3, minutes(240)).build();
        ItemHistory history = new HistoryBuilder().created("09:00", ItemStatus.NEW, P3).status("10:00", OPEN)
                .status("11:00", ON_HOLD).status("12:00", OPEN).agentReplied("13:00").build();

        Clock clock = only(engine.compute(history, Coverage.always(custom), at("14:00")));

        assertThat(clock.startedAt()).isEqualTo(at("10:00"));
        assertThat(clock.completedAt()).isEqualTo(at("13:00"));
        assertThat(clock.elapsed()).isEqualTo(minutes(120));
        assertThat(clock.outcome()).isEqualTo(Outcome.MET);
    }

    @Test
    void aConditionNamingAnEventAndAStatusNeedsBoth() {
        // Stop on "an agent reply that hands the item back to the customer": the 10:00 reply leaves the item OPEN and
        // the 11:00 move to PENDING_CUSTOMER is no reply, so neither stops it; the 12:00 reply with PENDING_CUSTOMER
        // does. Started at creation (09:00), never paused: 180 min.
        CustomMetric conditions = new CustomMetric(Condition.onEvents(ItemEventType.CREATED), Condition.NEVER,
                Condition.NEVER, Condition.on(ItemEventType.AGENT_REPLIED, ItemStatus.PENDING_CUSTOMER),
                Condition.NEVER, Condition.NEVER);
        ObjectiveTerms custom = objective("hand-back", Metric.CUSTOM).custom(conditions)
                .pauseStatuses(Set.of()).target(P3, minutes(480)).build();
        ItemHistory history = new HistoryBuilder().created("09:00", OPEN, P3).agentReplied("10:00")
                .status("11:00", ItemStatus.PENDING_CUSTOMER).status("11:30", OPEN)
                .agentReplied("12:00", ItemStatus.PENDING_CUSTOMER).build();

        Clock clock = only(engine.compute(history, Coverage.always(custom), at("14:00")));

        assertThat(clock.completedAt()).isEqualTo(at("12:00"));
        assertThat(clock.elapsed()).isEqualTo(minutes(180));
        assertThat(clock.outcome()).isEqualTo(Outcome.MET);
    }

    @Test
    void conditionsAreAlternatives() {
        // "Resolved, or an agent reply into PENDING_CUSTOMER": either stops; a status entered again matches only once.
        Condition stop = Condition.onEvents(ItemEventType.RESOLVED)
                .or(Condition.on(ItemEventType.AGENT_REPLIED, ItemStatus.PENDING_CUSTOMER))
                .or(Condition.onStatuses(ItemStatus.ON_HOLD));
        ItemHistory history = new HistoryBuilder().created("09:00", OPEN, P3).agentReplied("10:00")
                .agentReplied("11:00", ItemStatus.PENDING_CUSTOMER).status("11:30", ItemStatus.ON_HOLD)
                .customerReplied("11:40").resolved("12:00").build();
        List<ItemEvent> events = history.events();

        assertThat(stop.matches(events.get(1), OPEN)).as("a reply leaving the item open").isFalse();
        assertThat(stop.matches(events.get(2), OPEN)).as("a reply handing it back").isTrue();
        assertThat(stop.matches(events.get(3), ItemStatus.PENDING_CUSTOMER)).as("entering ON_HOLD").isTrue();
        assertThat(stop.matches(events.get(4), ItemStatus.ON_HOLD)).as("staying ON_HOLD").isFalse();
        assertThat(stop.matches(events.get(5), ItemStatus.ON_HOLD)).as("resolved").isTrue();
        assertThat(Condition.NEVER.matches(events.get(5), ItemStatus.ON_HOLD)).isFalse();
    }

    @Test
    void customResetEndsTheCycleAndStartsANewOne() {
        // Reset on a priority change: cycle 1 (09:00-10:00) is cancelled with reason RESET, cycle 2 counts from 10:00.
        CustomMetric conditions = new CustomMetric(Condition.onEvents(ItemEventType.CREATED), Condition.NEVER,
                Condition.NEVER, Condition.onEvents(ItemEventType.RESOLVED), Condition.NEVER,
                Condition.onEvents(ItemEventType.PRIORITY_CHANGED));
        ObjectiveTerms custom = objective("handling", Metric.CUSTOM).custom(conditions)
                .target(P1, minutes(240)).target(P3, minutes(240)).build();
        ItemHistory history = new HistoryBuilder().created("09:00", OPEN, P3).priority("10:00", P1).build();

        ItemClocks clocks = engine.compute(history, Coverage.always(custom), at("10:30"));

        assertThat(clocks.clocks()).extracting(Clock::cycle, Clock::outcome, Clock::cancelReason, Clock::elapsed)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, Outcome.CANCELLED, CancelReason.RESET, minutes(60)),
                        org.assertj.core.groups.Tuple.tuple(2, Outcome.PENDING, null, minutes(30)));
    }

    @Test
    void statusOnlySourcesResolveAndReopenThroughTheirStatuses() {
        // A source that only reports status changes: entering RESOLVED resolves, leaving it reopens.
        ObjectiveTerms resolution = objective("resolution", Metric.RESOLUTION).target(P3, minutes(240)).build();
        ItemHistory history = new HistoryBuilder().created("09:00", OPEN, P3).status("10:00", ItemStatus.RESOLVED)
                .status("11:00", OPEN).build();

        Clock clock = only(engine.compute(history, Coverage.always(resolution), at("11:30")));

        assertThat(clock.cycle()).isEqualTo(1);
        assertThat(clock.outcome()).isEqualTo(Outcome.PENDING);
        assertThat(clock.elapsed()).isEqualTo(minutes(90));
    }

    @Test
    void eventsAfterNowAreDeferredAndScheduleARecomputation() {
        // A source clock running ahead: the 11:00 reply is not applied at 10:30, and 11:00 is when to look again.
        ObjectiveTerms firstResponse = objective("first-response", Metric.FIRST_RESPONSE).target(P3, minutes(240)).build();
        ItemHistory history = new HistoryBuilder().created("09:00", OPEN, P3).agentReplied("11:00").build();

        ItemClocks clocks = engine.compute(history, Coverage.always(firstResponse), at("10:30"));

        assertThat(clocks.deferred()).hasSize(1);
        assertThat(only(clocks).phase()).isEqualTo(Phase.RUNNING);
        assertThat(clocks.nextRecomputeAt()).isEqualTo(at("11:00"));
    }

    @Test
    void clockIdsAreStableNameBasedUuids() {
        // Same item, objective and cycle: same id across computations; another cycle: another id.
        ObjectiveId objective = new ObjectiveId(AGREEMENT, "resolution");
        UUID id = ClockIds.of(HistoryBuilder.ITEM, objective, 1);

        assertThat(id.version()).isEqualTo(3);
        assertThat(ClockIds.of(new ItemRef("zendesk-eu", "4711"), objective, 1)).isEqualTo(id);
        assertThat(ClockIds.of(HistoryBuilder.ITEM, objective, 2)).isNotEqualTo(id);
        assertThat(ClockIds.of(new ItemRef("zendesk-e", "u4711"), objective, 1)).isNotEqualTo(id);
    }

    @Test
    void eventsAreOrderedByOccurrenceThenSequenceThenArrival() {
        // Same instant: the one with a sequence number 1 precedes sequence 2 whatever the arrival; without
        // sequence numbers, arrival decides.
        Instant t = at("09:00");
        ItemEvent second = new ItemEvent("b", ItemEventType.STATUS_CHANGED, t, 2L, 1, t, OPEN, P3, ItemAttributes.NONE);
        ItemEvent first = new ItemEvent("a", ItemEventType.CREATED, t, 1L, 2, t, ItemStatus.NEW, P3, ItemAttributes.NONE);
        ItemEvent laterArrival = new ItemEvent("c", ItemEventType.AGENT_REPLIED, t, null, 3, t, OPEN, P3, ItemAttributes.NONE);

        ItemHistory history = ItemHistory.of(HistoryBuilder.ITEM, List.of(laterArrival, second, first));

        assertThat(history.events()).extracting(ItemEvent::eventId).containsExactly("a", "b", "c");
    }
}
