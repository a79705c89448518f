package io.accord.model.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AgreementMatcherTest {

    static final UUID PROVIDER = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID CUSTOMER = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    static final UUID OTHER_CUSTOMER = UUID.fromString("00000000-0000-0000-0000-0000000000c2");
    static final UUID SALES = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    static final UUID MARKETING = UUID.fromString("00000000-0000-0000-0000-0000000000d2");
    static final UUID SUPPLIER = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    static final ExternalRef ZENDESK_ORG = ExternalRef.of("zendesk-eu", "org-4711");
    static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant MAR = Instant.parse("2026-03-01T00:00:00Z");
    static final Instant FEB_10 = Instant.parse("2026-02-10T10:00:00Z");

    static final Objective INTERVENTION = Objective.timeToTarget("intervention", Metric.FIRST_RESPONSE,
            Map.of(Priority.P1, Duration.ofHours(2), Priority.P3, Duration.ofHours(9)), "office-hours")
            .withSiteCalendars(Map.of("lyon", "office-hours-lyon"));
    static final Objective AVAILABILITY = new Objective("availability", null, ObjectiveKind.AVAILABILITY, null, null,
            "24x7", null, null, null, null, null, null, null, new java.math.BigDecimal("99.9"), null, null, null);

    static AgreementVersion sla(int version, AgreementStatus status, Instant from, Instant to, List<Objective> objectives) {
        return new AgreementVersion(UUID.fromString("00000000-0000-0000-0000-000000000051"), version, AgreementType.SLA,
                status, "Hosting", PROVIDER, CUSTOMER, null,
                List.of(new PartyRef(PROVIDER, PartyKind.PROVIDER, "Nimbus", List.of()),
                        new PartyRef(CUSTOMER, PartyKind.CUSTOMER, "Brasserie", List.of(ZENDESK_ORG))),
                List.of(new ServiceRef(null, "web-hosting", "Web hosting")),
                new Scope(List.of("ticket"), List.of(), List.of(), List.of()), from, to, null, null, "Europe/Paris",
                null, objectives, null, null, null);
    }

    static AgreementVersion activeSla() {
        return sla(1, AgreementStatus.ACTIVE, JAN, null, List.of(AVAILABILITY, INTERVENTION));
    }

    static ItemAttributes.Builder ticket() {
        return ItemAttributes.builder().customerPartyId(CUSTOMER).service("web-hosting").itemType("ticket")
                .priority(Priority.P1);
    }

    @Test
    void anActiveSlaCoversItsCustomersTicketsWithTheObjectivesThatHaveATargetForThePriority() {
        List<Coverage> coverages = AgreementMatcher.match(List.of(activeSla()), ticket().build(), FEB_10);

        assertThat(coverages).hasSize(1);
        assertThat(coverages.get(0).suspended()).isFalse();
        assertThat(coverages.get(0).objectives()).singleElement().satisfies(o -> {
            assertThat(o.objectiveKey()).isEqualTo("intervention");
            assertThat(o.target()).isEqualTo(Duration.ofHours(2));
            assertThat(o.calendarId()).isEqualTo("office-hours");
            assertThat(o.metric()).isEqualTo(Metric.FIRST_RESPONSE);
        });
    }

    @Test
    void aPriorityWithoutTargetIsCoveredButStartsNoClock() {
        List<Coverage> coverages = AgreementMatcher.match(List.of(activeSla()), ticket().priority(Priority.P2).build(), FEB_10);
        assertThat(coverages).singleElement().satisfies(c -> assertThat(c.objectives()).isEmpty());
        assertThat(AgreementMatcher.match(List.of(activeSla()), ticket().priority(null).build(), FEB_10).get(0).objectives())
                .isEmpty();
    }

    @Test
    void theSiteCalendarWinsWhereTheObjectiveMapsOne() {
        assertThat(AgreementMatcher.match(List.of(activeSla()), ticket().site("lyon").build(), FEB_10)
                .get(0).objectives().get(0).calendarId()).isEqualTo("office-hours-lyon");
        assertThat(AgreementMatcher.match(List.of(activeSla()), ticket().site("nantes").build(), FEB_10)
                .get(0).objectives().get(0).calendarId()).isEqualTo("office-hours");
    }

    @Test
    void theCustomerMatchesByExternalReferenceToo() {
        ItemAttributes byRef = ticket().customerPartyId(null).customerRef(ZENDESK_ORG).build();
        assertThat(AgreementMatcher.match(List.of(activeSla()), byRef, FEB_10)).hasSize(1);

        ItemAttributes otherSource = ticket().customerPartyId(null).customerRef(ExternalRef.of("jira-itsm", "org-4711")).build();
        assertThat(AgreementMatcher.match(List.of(activeSla()), otherSource, FEB_10)).isEmpty();
    }

    @Test
    void anotherCustomerServiceItemTypeOrMissingServiceIsNotCovered() {
        assertThat(AgreementMatcher.match(List.of(activeSla()), ticket().customerPartyId(OTHER_CUSTOMER).build(), FEB_10)).isEmpty();
        assertThat(AgreementMatcher.match(List.of(activeSla()), ticket().service("email").build(), FEB_10)).isEmpty();
        assertThat(AgreementMatcher.match(List.of(activeSla()), ticket().service(null).build(), FEB_10)).isEmpty();
        assertThat(AgreementMatcher.match(List.of(activeSla()), ticket().itemType("lead").build(), FEB_10)).isEmpty();
    }

    @Test
    void scopeDimensionsRestrictOnlyWhenListed() {
        Scope scope = new Scope(List.of(), List.of("paris"), List.of("email", "phone"), List.of("vip", "gold"));
        assertThat(scope.covers("ticket", "paris", "email", List.of("gold"))).isTrue();
        assertThat(scope.covers("ticket", "lyon", "email", List.of("gold"))).isFalse();
        assertThat(scope.covers("ticket", "paris", "chat", List.of("gold"))).isFalse();
        assertThat(scope.covers("ticket", "paris", "email", List.of("bronze"))).isFalse();
        assertThat(scope.covers("ticket", null, "email", List.of("vip"))).isFalse();
        assertThat(Scope.ANY.covers(null, null, null, List.of())).isTrue();
    }

    @Test
    void anAgreementListingNoServicesCoversEveryService() {
        AgreementVersion v = activeSla();
        AgreementVersion anyService = new AgreementVersion(v.agreementId(), 1, v.type(), v.status(), v.name(),
                PROVIDER, CUSTOMER, null, v.parties(), List.of(), Scope.ANY, JAN, null, null, null, "UTC", null,
                v.objectives(), null, null, null);
        assertThat(AgreementMatcher.match(List.of(anyService), ticket().service("anything").itemType("lead").build(), FEB_10))
                .hasSize(1);
    }

    @Test
    void onlyAgreementsThatHaveBeenActivatedCoverAndOnlyBetweenStartAndEnd() {
        for (AgreementStatus notYet : List.of(AgreementStatus.DRAFT, AgreementStatus.IN_REVIEW, AgreementStatus.APPROVED)) {
            assertThat(AgreementMatcher.match(List.of(sla(1, notYet, JAN, null, List.of(INTERVENTION))), ticket().build(), FEB_10))
                    .as(notYet.name()).isEmpty();
        }
        AgreementVersion fromMarch = sla(1, AgreementStatus.ACTIVE, MAR, null, List.of(INTERVENTION));
        assertThat(AgreementMatcher.match(List.of(fromMarch), ticket().build(), FEB_10)).isEmpty();
        assertThat(AgreementMatcher.match(List.of(fromMarch), ticket().build(), MAR)).hasSize(1);

        AgreementVersion terminated = sla(1, AgreementStatus.TERMINATED, JAN, MAR, List.of(INTERVENTION));
        assertThat(AgreementMatcher.match(List.of(terminated), ticket().build(), FEB_10)).as("before its end").hasSize(1);
        assertThat(AgreementMatcher.match(List.of(terminated), ticket().build(), MAR)).as("end is exclusive").isEmpty();
    }

    @Test
    void aSuspendedAgreementStillCoversButSaysSo() {
        AgreementVersion suspended = sla(1, AgreementStatus.SUSPENDED, JAN, null, List.of(INTERVENTION));
        assertThat(AgreementMatcher.match(List.of(suspended), ticket().build(), FEB_10))
                .singleElement().satisfies(c -> assertThat(c.suspended()).isTrue());
    }

    @Test
    void theVersionInForceAtTheInstantApplies() {
        Objective faster = Objective.timeToTarget("intervention", Metric.FIRST_RESPONSE,
                Map.of(Priority.P1, Duration.ofHours(1)), "office-hours");
        AgreementVersion v1 = sla(1, AgreementStatus.ACTIVE, JAN, null, List.of(INTERVENTION));
        AgreementVersion v2 = sla(2, AgreementStatus.ACTIVE, MAR, null, List.of(faster));

        assertThat(AgreementMatcher.match(List.of(v2, v1), ticket().build(), FEB_10).get(0).objectives().get(0).target())
                .isEqualTo(Duration.ofHours(2));
        assertThat(AgreementMatcher.match(List.of(v1, v2), ticket().build(), MAR.plusSeconds(1)).get(0).agreement().version())
                .isEqualTo(2);
    }

    @Test
    void theLatestVersionDecidesStatusAndEnd() {
        AgreementVersion v1 = sla(1, AgreementStatus.ACTIVE, JAN, null, List.of(INTERVENTION));
        AgreementVersion v2Terminated = sla(2, AgreementStatus.TERMINATED, MAR, Instant.parse("2026-02-01T00:00:00Z"),
                List.of(INTERVENTION));
        assertThat(AgreementMatcher.match(List.of(v1, v2Terminated), ticket().build(), FEB_10)).isEmpty();
    }

    @Test
    void anOlaMatchesTheAssigneeTeamAndAUcTheSupplier() {
        AgreementVersion ola = new AgreementVersion(UUID.randomUUID(), 1, AgreementType.OLA, AgreementStatus.ACTIVE,
                "Lead call-back", SALES, MARKETING, null,
                List.of(new PartyRef(SALES, PartyKind.DEPARTMENT, "Sales", List.of(ExternalRef.of("hubspot-sales", "team-7"))),
                        new PartyRef(MARKETING, PartyKind.DEPARTMENT, "Marketing", List.of())),
                List.of(), new Scope(List.of("lead"), null, null, null), JAN, null, null, null, "Europe/Paris", null,
                List.of(Objective.timeToTarget("call-back", Metric.FIRST_RESPONSE,
                        Map.of(Priority.P1, Duration.ofHours(24), Priority.P2, Duration.ofHours(24),
                                Priority.P3, Duration.ofHours(24), Priority.P4, Duration.ofHours(24)), "office-hours")),
                null, null, null);
        AgreementVersion uc = new AgreementVersion(UUID.randomUUID(), 1, AgreementType.UC, AgreementStatus.ACTIVE,
                "Datacentre hands", SUPPLIER, PROVIDER, null, List.of(), List.of(), Scope.ANY, JAN, null, null, null,
                "UTC", null, List.of(INTERVENTION), null, null, null);
        List<AgreementVersion> all = List.of(activeSla(), ola, uc);

        ItemAttributes lead = ItemAttributes.builder().teamRef(ExternalRef.of("hubspot-sales", "team-7")).itemType("lead")
                .priority(Priority.P3).build();
        assertThat(AgreementMatcher.match(all, lead, FEB_10)).extracting(c -> c.agreement().type())
                .containsExactly(AgreementType.OLA);
        ItemAttributes leadOfMarketing = ItemAttributes.builder().teamPartyId(MARKETING).itemType("lead").build();
        assertThat(AgreementMatcher.match(all, leadOfMarketing, FEB_10)).as("the OLA's customer team is not the assignee").isEmpty();

        ItemAttributes passedOn = ticket().supplierPartyId(SUPPLIER).build();
        assertThat(AgreementMatcher.match(all, passedOn, FEB_10)).extracting(c -> c.agreement().type())
                .containsExactly(AgreementType.SLA, AgreementType.UC);
    }

    @Test
    void timeToTargetObjectivesGetTheDocumentedDefaults() {
        assertThat(INTERVENTION.pauseStatuses()).containsExactly(NormalizedStatus.PENDING_CUSTOMER, NormalizedStatus.ON_HOLD);
        assertThat(INTERVENTION.warningThresholds()).containsExactly(50, 75, 90);
        assertThat(INTERVENTION.reopenPolicy()).isEqualTo(ReopenPolicy.RESUME);
        assertThat(INTERVENTION.retroactiveStart()).isFalse();
        assertThat(AVAILABILITY.pauseStatuses()).isNull();
    }

    @Test
    void moneyIsRoundedHalfEvenToTheMinorUnit() {
        assertThat(Money.of("10.125", "EUR").amount()).isEqualByComparingTo("10.12");
        assertThat(Money.of("10.135", "EUR").amount()).isEqualByComparingTo("10.14");
        assertThat(Money.of("1000.5", "JPY").amount().toPlainString()).isEqualTo("1000");
        assertThat(Money.of("1200", "EUR").percent(new java.math.BigDecimal("12.5")).amount().toPlainString()).isEqualTo("150.00");
    }
}
