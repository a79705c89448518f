package io.accord.model.agreement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides which agreements cover a work item at an instant, and which of their objectives start a clock.
 * Pure and stateless: agreement-service's {@code /api/agreements/match} and ticket-clock-service's copy of the
 * agreements use the same rules.
 *
 * <ol>
 * <li><b>In force.</b> Of each agreement's known versions, the one that applies is the highest whose
 * {@code effectiveFrom <= at}. The agreement must have been activated (its latest version's status is
 * {@code ACTIVE}, {@code SUSPENDED}, {@code EXPIRED} or {@code TERMINATED}) and {@code at} must fall before the
 * latest version's {@code effectiveTo} (the end of validity, or the instant it was terminated or expired).</li>
 * <li><b>Party.</b> An SLA matches on the item's customer (the agreement's customer party), an OLA on the item's
 * assignee team (the agreement's provider: the team that owes the work), a UC on the item's supplier (the
 * agreement's provider). The item's party matches by party id or by one of the party's external references.</li>
 * <li><b>Service.</b> An agreement listing services covers only items whose service code is listed; one listing
 * none covers every service.</li>
 * <li><b>Scope.</b> Each restricted dimension (item types, sites, channels) must contain the item's value; tags need
 * one tag in common.</li>
 * <li><b>Objectives.</b> Of a covering version, each time-to-target objective with a target for the item's
 * priority applies, with the calendar for the item's site. Availability and KPI objectives start no clocks.</li>
 * </ol>
 * Coverages come SLA first, then OLA, then UC, by name, then agreement id.
 */
public final class AgreementMatcher {

    private static final Comparator<Coverage> ORDER = Comparator
            .comparing((Coverage c) -> c.agreement().type())
            .thenComparing(c -> Objects.toString(c.agreement().name(), ""))
            .thenComparing(c -> c.agreement().agreementId());

    private AgreementMatcher() {
    }

    /** The versions of {@code versions} covering {@code item} at {@code at}, with their applicable objectives. */
    public static List<Coverage> match(Collection<AgreementVersion> versions, ItemAttributes item, Instant at) {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(at, "at");
        Map<UUID, List<AgreementVersion>> byAgreement = new LinkedHashMap<>();
        for (AgreementVersion v : versions) {
            byAgreement.computeIfAbsent(v.agreementId(), id -> new ArrayList<>()).add(v);
        }
        List<Coverage> coverages = new ArrayList<>();
        for (List<AgreementVersion> known : byAgreement.values()) {
            AgreementVersion latest = known.stream().max(Comparator.comparingInt(AgreementVersion::version)).orElseThrow();
            versionAt(known, latest, at)
                    .filter(v -> partyMatches(v, item) && serviceMatches(v, item.service())
                            && v.scope().covers(item.itemType(), item.site(), item.channel(), item.tags()))
                    .ifPresent(v -> coverages.add(new Coverage(v, latest.status() == AgreementStatus.SUSPENDED,
                            objectivesFor(v, item))));
        }
        coverages.sort(ORDER);
        return coverages;
    }

    /** The version of one agreement that applies at {@code at}, if the agreement is in force then. */
    public static Optional<AgreementVersion> versionAt(Collection<AgreementVersion> versionsOfOneAgreement,
            AgreementVersion latest, Instant at) {
        if (!latest.status().hasBeenInForce()) {
            return Optional.empty();
        }
        if (latest.effectiveTo() != null && !at.isBefore(latest.effectiveTo())) {
            return Optional.empty();
        }
        return versionsOfOneAgreement.stream()
                .filter(v -> v.effectiveFrom() != null && !v.effectiveFrom().isAfter(at))
                .max(Comparator.comparingInt(AgreementVersion::version));
    }

    /** The time-to-target objectives of {@code version} that start a clock for the item's priority and site. */
    public static List<Coverage.CoveredObjective> objectivesFor(AgreementVersion version, ItemAttributes item) {
        if (item.priority() == null) {
            return List.of();
        }
        List<Coverage.CoveredObjective> covered = new ArrayList<>();
        for (Objective o : version.objectives()) {
            if (o.kind() != ObjectiveKind.TIME_TO_TARGET) {
                continue;
            }
            o.targetFor(item.priority()).ifPresent(target -> covered.add(new Coverage.CoveredObjective(
                    o.objectiveKey(), o.metric(), item.priority(), target, o.calendarFor(item.site()), o)));
        }
        return covered;
    }

    static boolean partyMatches(AgreementVersion v, ItemAttributes item) {
        return switch (v.type()) {
            case SLA -> isParty(v, v.customerPartyId(), item.customerPartyId(), item.customerRef());
            case OLA -> isParty(v, v.providerPartyId(), item.teamPartyId(), item.teamRef());
            case UC -> isParty(v, v.providerPartyId(), item.supplierPartyId(), item.supplierRef());
        };
    }

    private static boolean isParty(AgreementVersion v, UUID agreementParty, UUID itemPartyId, ExternalRef itemRef) {
        if (agreementParty == null) {
            return false;
        }
        if (agreementParty.equals(itemPartyId)) {
            return true;
        }
        return itemRef != null && v.party(agreementParty).map(p -> p.isKnownAs(itemRef)).orElse(false);
    }

    static boolean serviceMatches(AgreementVersion v, String service) {
        if (v.services().isEmpty()) {
            return true;
        }
        return service != null && v.services().stream()
                .anyMatch(s -> s.code().equals(service) || (s.serviceId() != null && s.serviceId().toString().equals(service)));
    }
}
