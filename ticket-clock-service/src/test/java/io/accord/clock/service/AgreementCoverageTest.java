package io.accord.clock.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.accord.clock.engine.AgreementState;
import io.accord.clock.engine.ItemAttributes;
import io.accord.clock.engine.ItemStatus;
import io.accord.clock.engine.Metric;
import io.accord.clock.engine.ObjectiveTerms;
import io.accord.clock.engine.Priority;
import io.accord.clock.service.AgreementCoverage.CalendarChange;
import io.accord.clock.service.AgreementCoverage.StateChange;
import io.accord.clock.support.AgreementFixtures;
import io.accord.model.agreement.AgreementVersion;
import io.accord.time.json.CalendarSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The adapter from the agreement copy to the engine's coverage, on sla-model's golden agreement: a Paris hosting
 * SLA for the customer known in zendesk-eu as org-4711, web-hosting tickets only, from 2026-01-01 to 2027-01-01,
 * with a FIRST_RESPONSE objective (P1 2 h, P3 9 h) on office hours and an escalation level at 75 %.
 */
class AgreementCoverageTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Instant IN_FORCE = Instant.parse("2026-03-10T08:00:00Z");
    private static final ItemAttributes COVERED = new ItemAttributes("ticket", "org-4711", "web-hosting", "paris",
            "email", Set.of(), null, null);

    private static ObjectNode golden() {
        return (ObjectNode) AgreementFixtures.goldenActivated().get("data").get("agreement");
    }

    private static AgreementVersion version(ObjectNode json) {
        return MAPPER.convertValue(json, AgreementVersion.class);
    }

    private static AgreementCoverage coverage(List<AgreementVersion> versions, List<StateChange> states,
            List<CalendarChange> calendars) {
        return new AgreementCoverage("zendesk-eu", versions, states, calendars);
    }

    @Test
    void aCoveredItemGetsEveryTimeToTargetObjectiveWithItsTermsResolved() {
        AgreementVersion v = version(golden());
        List<ObjectiveTerms> terms = coverage(List.of(v), List.of(), List.of()).termsAt(COVERED, IN_FORCE);

        // The availability objective starts no clock; the time-to-target one does
        assertThat(terms).hasSize(1);
        ObjectiveTerms t = terms.get(0);
        assertThat(t.objective().agreementId()).isEqualTo(v.agreementId());
        assertThat(t.objective().objectiveKey()).isEqualTo("intervention");
        assertThat(t.metric()).isEqualTo(Metric.FIRST_RESPONSE);
        assertThat(t.agreementVersion()).isEqualTo(v.version());
        assertThat(t.agreementState()).isEqualTo(AgreementState.ACTIVE);
        // All targets are passed on, so a priority change is the engine's to judge
        assertThat(t.targets()).containsExactlyInAnyOrderEntriesOf(
                Map.of(Priority.P1, Duration.ofHours(2), Priority.P3, Duration.ofHours(9)));
        assertThat(t.pauseStatuses()).containsExactlyInAnyOrder(ItemStatus.PENDING_CUSTOMER, ItemStatus.ON_HOLD);
        // Office hours: closed on a Sunday, open on a Monday at 10:00 Paris
        assertThat(t.calendar().isOpen(Instant.parse("2026-03-08T10:00:00Z"))).isFalse();
        assertThat(t.calendar().isOpen(Instant.parse("2026-03-09T09:00:00Z"))).isTrue();
        assertThat(t.warningPercents()).containsExactly(50, 75, 90);
    }

    @Test
    void customConditionsKeepAnEventAndAStatusTogether() {
        // {"event": "AGENT_REPLIED", "status": "PENDING_CUSTOMER"} is one alternative needing both, not two
        io.accord.model.agreement.ClockConditions model = new io.accord.model.agreement.ClockConditions(
                List.of(new io.accord.model.agreement.Condition(io.accord.model.agreement.ItemEventType.CREATED, null)),
                null, null,
                List.of(new io.accord.model.agreement.Condition(io.accord.model.agreement.ItemEventType.AGENT_REPLIED,
                                io.accord.model.agreement.NormalizedStatus.PENDING_CUSTOMER),
                        new io.accord.model.agreement.Condition(null, io.accord.model.agreement.NormalizedStatus.RESOLVED)),
                null, null);

        io.accord.clock.engine.CustomMetric custom = AgreementCoverage.custom(model);

        assertThat(custom.stop().alternatives()).containsExactly(
                new io.accord.clock.engine.Condition.Alternative(io.accord.clock.engine.ItemEventType.AGENT_REPLIED,
                        ItemStatus.PENDING_CUSTOMER),
                new io.accord.clock.engine.Condition.Alternative(null, ItemStatus.RESOLVED));
        assertThat(custom.start().alternatives()).containsExactly(
                new io.accord.clock.engine.Condition.Alternative(io.accord.clock.engine.ItemEventType.CREATED, null));
        assertThat(custom.pause().alternatives()).isEmpty();
    }

    @Test
    void escalationThresholdsAreWarningsToo() {
        ObjectNode json = golden();
        ((ObjectNode) json.get("escalationPolicy").get("levels").get(0).get("trigger")).put("percent", 60);
        List<ObjectiveTerms> terms = coverage(List.of(version(json)), List.of(), List.of()).termsAt(COVERED, IN_FORCE);
        assertThat(terms.get(0).warningPercents()).containsExactly(50, 60, 75, 90);
    }

    @Test
    void anotherCustomerAnotherServiceOrAnInstantBeforeTheStartIsNotCovered() {
        AgreementCoverage coverage = coverage(List.of(version(golden())), List.of(), List.of());
        assertThat(coverage.termsAt(COVERED.withCustomer("org-9999"), IN_FORCE)).isEmpty();
        assertThat(coverage.termsAt(COVERED.withService("email-hosting"), IN_FORCE)).isEmpty();
        assertThat(coverage.termsAt(COVERED, Instant.parse("2025-12-31T23:59:59Z"))).isEmpty();
    }

    @Test
    void theVersionInForceAtTheInstantGivesTheTerms() {
        ObjectNode v2 = golden().put("version", 2).put("effectiveFrom", "2026-04-01T00:00:00Z");
        ((ObjectNode) v2.get("objectives").get(1).get("targets")).put("P1", "PT1H");
        AgreementCoverage coverage = coverage(List.of(version(golden()), version(v2)), List.of(), List.of());

        assertThat(coverage.termsAt(COVERED, IN_FORCE).get(0).targetFor(Priority.P1)).isEqualTo(Duration.ofHours(2));
        ObjectiveTerms amended = coverage.termsAt(COVERED, Instant.parse("2026-04-02T00:00:00Z")).get(0);
        assertThat(amended.targetFor(Priority.P1)).isEqualTo(Duration.ofHours(1));
        assertThat(amended.agreementVersion()).isEqualTo(2);
        assertThat(coverage.changeInstants()).contains(Instant.parse("2026-04-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));
    }

    @Test
    void aSuspensionPausesFromItsInstantAndATerminationEndsFromItsEnd() {
        AgreementVersion active = version(golden());
        UUID id = active.agreementId();
        Instant suspendedAt = Instant.parse("2026-03-15T00:00:00Z");
        Instant resumedAt = Instant.parse("2026-03-20T00:00:00Z");
        Instant terminatedAt = Instant.parse("2026-03-25T00:00:00Z");
        AgreementVersion terminated = version(golden().put("status", "TERMINATED")
                .put("effectiveTo", terminatedAt.toString()));
        AgreementCoverage coverage = coverage(List.of(terminated), List.of(
                new StateChange(id, AgreementState.SUSPENDED, suspendedAt),
                new StateChange(id, AgreementState.ACTIVE, resumedAt),
                new StateChange(id, AgreementState.TERMINATED, terminatedAt)), List.of());

        assertThat(coverage.termsAt(COVERED, IN_FORCE).get(0).agreementState()).isEqualTo(AgreementState.ACTIVE);
        assertThat(coverage.termsAt(COVERED, suspendedAt).get(0).agreementState())
                .isEqualTo(AgreementState.SUSPENDED);
        assertThat(coverage.termsAt(COVERED, resumedAt).get(0).agreementState()).isEqualTo(AgreementState.ACTIVE);
        // After its end the agreement still answers, ended, so the engine cancels for that reason
        assertThat(coverage.termsAt(COVERED, terminatedAt.plusSeconds(60)).get(0).agreementState())
                .isEqualTo(AgreementState.TERMINATED);
        assertThat(coverage.changeInstants()).contains(suspendedAt, resumedAt, terminatedAt);
    }

    @Test
    void aChangedCalendarAppliesFromItsEffectiveFrom() throws Exception {
        Instant from = Instant.parse("2026-03-16T00:00:00Z");
        CalendarSpec weekends = MAPPER.readValue("""
                {"zone": "Europe/Paris", "weeklyHours": {"SATURDAY": ["09:00-18:00"], "SUNDAY": ["09:00-18:00"]}}
                """, CalendarSpec.class);
        AgreementCoverage coverage = coverage(List.of(version(golden())), List.of(),
                List.of(new CalendarChange("office-hours-paris", from, weekends)));
        Instant sundayMorning = Instant.parse("2026-03-22T09:00:00Z");

        assertThat(coverage.termsAt(COVERED, IN_FORCE).get(0).calendar().isOpen(sundayMorning)).isFalse();
        assertThat(coverage.termsAt(COVERED, from).get(0).calendar().isOpen(sundayMorning)).isTrue();
        assertThat(coverage.changeInstants()).contains(from);
    }

    @Test
    void theCustomerPartyIsFoundByTheItemsReference() {
        AgreementVersion v = version(golden());
        assertThat(AgreementCoverage.customerPartyId(List.of(v), "zendesk-eu", "org-4711"))
                .isEqualTo(v.customerPartyId());
        assertThat(AgreementCoverage.customerPartyId(List.of(v), "jira-itsm", "org-4711")).isNull();
    }
}
