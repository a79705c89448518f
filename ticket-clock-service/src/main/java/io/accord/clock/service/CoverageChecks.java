package io.accord.clock.service;

import io.accord.clock.domain.WorkItem;
import io.accord.clock.rest.ExplainView.ObjectiveCheck;
import io.accord.clock.rest.ExplainView.Reason;
import io.accord.clock.rest.ExplainView.VersionCheck;
import io.accord.model.agreement.AgreementMatcher;
import io.accord.model.agreement.AgreementVersion;
import io.accord.model.agreement.ExternalRef;
import io.accord.model.agreement.Objective;
import io.accord.model.agreement.ObjectiveKind;
import io.accord.model.agreement.PartyRef;
import io.accord.model.agreement.Priority;
import io.accord.model.agreement.Scope;
import io.accord.time.json.CalendarSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The {@link AgreementMatcher}'s decision taken apart, to tell a person why an item is or is not covered: for every
 * agreement version, whether it is in force at the instant, and each of the matcher's checks (party, service,
 * scope) with the item's value; then, for a covering version, each objective's target and calendar or why it
 * starts no clock. Pure. {@code matched} agrees with the matcher: a version matches exactly when the matcher
 * returns it.
 */
public final class CoverageChecks {

    /** The order in which a version's checks come; the "closest" version failed the latest one. */
    static final List<String> ORDER = List.of("NOT_IN_FORCE", "CUSTOMER", "ASSIGNEE_TEAM", "SUPPLIER", "SERVICE",
            "SCOPE_ITEM_TYPE", "SCOPE_SITE", "SCOPE_CHANNEL", "SCOPE_TAGS");

    private CoverageChecks() {
    }

    public static List<VersionCheck> check(Collection<AgreementVersion> versions, String source, WorkItem item,
            Instant at) {
        Map<UUID, List<AgreementVersion>> byAgreement = new LinkedHashMap<>();
        versions.stream().sorted(Comparator.comparing((AgreementVersion v) -> String.valueOf(v.name()))
                        .thenComparing(AgreementVersion::agreementId).thenComparingInt(AgreementVersion::version))
                .forEach(v -> byAgreement.computeIfAbsent(v.agreementId(), id -> new ArrayList<>()).add(v));
        Priority priority = item.priority() == null ? null : Priority.valueOf(item.priority());
        List<VersionCheck> checks = new ArrayList<>();
        byAgreement.values().forEach(known -> {
            AgreementVersion latest = known.stream().max(Comparator.comparingInt(AgreementVersion::version))
                    .orElseThrow();
            Optional<AgreementVersion> inForce = AgreementMatcher.versionAt(known, latest, at);
            for (AgreementVersion v : known) {
                List<Reason> reasons = new ArrayList<>();
                boolean current = inForce.map(f -> f.version() == v.version()).orElse(false);
                if (!current) {
                    reasons.add(new Reason("NOT_IN_FORCE", notInForce(v, latest, inForce, at)));
                }
                party(v, source, item).ifPresent(reasons::add);
                service(v, item.serviceRef()).ifPresent(reasons::add);
                reasons.addAll(scope(v.scope(), item));
                boolean matched = reasons.isEmpty();
                List<ObjectiveCheck> objectives = v.objectives().stream()
                        .map(o -> objective(v, o, matched, priority, item)).toList();
                checks.add(new VersionCheck(v.agreementId(), v.name(), v.type().name(), v.version(),
                        latest.status().name(), v.effectiveFrom(), v.effectiveTo(), current, matched,
                        reasons.isEmpty() ? null : reasons, objectives));
            }
        });
        return checks;
    }

    /** The first failed check of the version that got furthest: why the item has no clock, in one line. */
    public static Optional<VersionCheck> closest(List<VersionCheck> checks) {
        return checks.stream().max(Comparator.comparingInt(CoverageChecks::progress));
    }

    // Who the agreement is for weighs most, then being in force and the service, then the scope: an ended
    // agreement of the item's customer explains more than an active one of another customer
    static int progress(VersionCheck check) {
        if (check.matched()) {
            return 100 + (check.objectives().stream().anyMatch(ObjectiveCheck::matched) ? 1 : 0);
        }
        List<String> failed = check.reasons().stream().map(Reason::code).toList();
        int score = 0;
        score += failed.stream().noneMatch(c -> List.of("CUSTOMER", "ASSIGNEE_TEAM", "SUPPLIER").contains(c)) ? 8 : 0;
        score += check.inForce() ? 4 : 0;
        score += failed.contains("SERVICE") ? 0 : 2;
        score += failed.stream().noneMatch(c -> c.startsWith("SCOPE_")) ? 1 : 0;
        return score;
    }

    /** The reason to show first: the earliest check failed, in the matcher's order, or the objectives' reason. */
    public static Reason firstReason(VersionCheck check) {
        if (!check.matched()) {
            return check.reasons().stream().min(Comparator.comparingInt(r -> ORDER.indexOf(r.code()))).orElseThrow();
        }
        if (check.objectives().stream().anyMatch(ObjectiveCheck::matched)) {
            return new Reason("NO_CYCLE", "covered, but no objective's metric has a cycle running (a next-response "
                    + "clock waits for a customer reply; a custom metric for its start condition)");
        }
        return check.objectives().stream().map(ObjectiveCheck::reason)
                .filter(r -> r != null && !r.code().equals("NOT_TIME_TO_TARGET")).findFirst()
                .orElse(new Reason("NO_TIME_TO_TARGET_OBJECTIVE", "the version has no objective that starts a clock"));
    }

    private static String notInForce(AgreementVersion v, AgreementVersion latest, Optional<AgreementVersion> inForce,
            Instant at) {
        if (!latest.status().hasBeenInForce()) {
            return "the agreement is " + latest.status() + ": it has never been activated";
        }
        if (latest.effectiveTo() != null && !at.isBefore(latest.effectiveTo())) {
            return "the agreement ended at " + latest.effectiveTo() + " (" + latest.status() + ")";
        }
        if (v.effectiveFrom() == null || v.effectiveFrom().isAfter(at)) {
            return "version " + v.version() + " takes effect at " + v.effectiveFrom();
        }
        return inForce.map(f -> "superseded by version " + f.version() + " from " + f.effectiveFrom())
                .orElse("not in force at " + at);
    }

    private static Optional<Reason> party(AgreementVersion v, String source, WorkItem item) {
        String code;
        String role;
        UUID partyId;
        String ref;
        switch (v.type()) {
            case SLA -> {
                code = "CUSTOMER";
                role = "customer";
                partyId = v.customerPartyId();
                ref = item.customerRef();
            }
            case OLA -> {
                code = "ASSIGNEE_TEAM";
                role = "assignee team";
                partyId = v.providerPartyId();
                ref = item.assigneeTeamRef();
            }
            default -> {
                code = "SUPPLIER";
                role = "supplier";
                partyId = v.providerPartyId();
                ref = item.supplierRef();
            }
        }
        Optional<PartyRef> party = partyId == null ? Optional.empty() : v.party(partyId);
        String partyName = party.map(p -> p.name() == null ? p.partyId().toString() : p.name()).orElse("?");
        String known = party.map(p -> p.externalRefs().stream().filter(r -> r.source().equals(source))
                .map(ExternalRef::id).collect(Collectors.joining(", "))).orElse("");
        String knownAs = known.isEmpty() ? "has no reference in " + source : "is known in " + source + " as " + known;
        if (ref == null) {
            return Optional.of(new Reason(code, "the item has no " + role + "; the agreement's " + role + " "
                    + partyName + " " + knownAs));
        }
        if (party.map(p -> p.isKnownAs(ExternalRef.of(source, ref))).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of(new Reason(code, "the item's " + role + " '" + ref + "' is not the agreement's "
                + role + " " + partyName + ", which " + knownAs));
    }

    private static Optional<Reason> service(AgreementVersion v, String service) {
        if (v.services().isEmpty()) {
            return Optional.empty();
        }
        String listed = v.services().stream().map(s -> s.code()).collect(Collectors.joining(", "));
        if (service == null) {
            return Optional.of(new Reason("SERVICE", "the item has no service; the agreement covers " + listed));
        }
        boolean covered = v.services().stream().anyMatch(s -> service.equals(s.code())
                || s.serviceId() != null && s.serviceId().toString().equals(service));
        return covered ? Optional.empty() : Optional.of(new Reason("SERVICE",
                "the item's service '" + service + "' is not among the agreement's: " + listed));
    }

    private static List<Reason> scope(Scope scope, WorkItem item) {
        List<Reason> reasons = new ArrayList<>();
        dimension("SCOPE_ITEM_TYPE", "item type", scope.itemTypes(), item.itemType()).ifPresent(reasons::add);
        dimension("SCOPE_SITE", "site", scope.sites(), item.site()).ifPresent(reasons::add);
        dimension("SCOPE_CHANNEL", "channel", scope.channels(), item.channel()).ifPresent(reasons::add);
        if (!scope.tags().isEmpty() && item.tags().stream().noneMatch(scope.tags()::contains)) {
            reasons.add(new Reason("SCOPE_TAGS", "none of the item's tags " + item.tags()
                    + " is among the scope's " + scope.tags()));
        }
        return reasons;
    }

    private static Optional<Reason> dimension(String code, String name, List<String> allowed, String value) {
        if (allowed.isEmpty() || value != null && allowed.contains(value)) {
            return Optional.empty();
        }
        return Optional.of(new Reason(code, (value == null ? "the item has no " + name
                : "the item's " + name + " '" + value + "' is not") + " in the scope's " + allowed));
    }

    private static ObjectiveCheck objective(AgreementVersion v, Objective o, boolean versionMatched,
            Priority priority, WorkItem item) {
        String metric = o.metric() == null ? null : o.metric().name();
        if (o.kind() != ObjectiveKind.TIME_TO_TARGET || o.metric() == null) {
            return new ObjectiveCheck(o.objectiveKey(), o.kind().name(), metric, false,
                    new Reason("NOT_TIME_TO_TARGET", o.kind() + " objectives are measured per period, not clocked"),
                    null, null, null, null);
        }
        String calendarId = o.calendarFor(item.site());
        String zone = zone(v, calendarId);
        if (priority == null) {
            String detail = item.priorityRaw() == null ? "the item has no priority"
                    : "the item's raw priority '" + item.priorityRaw() + "' is not in the source's mapping";
            return new ObjectiveCheck(o.objectiveKey(), o.kind().name(), metric, false,
                    new Reason("NO_PRIORITY", detail), null, null, calendarId, zone);
        }
        Optional<Duration> target = o.targetFor(priority);
        if (target.isEmpty()) {
            String targets = o.targets().keySet().stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
            return new ObjectiveCheck(o.objectiveKey(), o.kind().name(), metric, false,
                    new Reason("PRIORITY_WITHOUT_TARGET", "no target for " + priority
                            + (targets.isEmpty() ? "" : "; targets exist for " + targets)),
                    priority.name(), null, calendarId, zone);
        }
        return new ObjectiveCheck(o.objectiveKey(), o.kind().name(), metric, versionMatched,
                versionMatched ? null : new Reason("VERSION_NOT_MATCHED", "the version does not cover the item"),
                priority.name(), target.get(), calendarId, zone);
    }

    /** The zone of a calendar the version embeds; without a calendar, the objective counts 24x7 in the agreement's. */
    static String zone(AgreementVersion v, String calendarId) {
        CalendarSpec spec = calendarId == null ? null : v.calendars().get(calendarId);
        if (spec != null && spec.zone() != null) {
            return spec.zone();
        }
        return v.zone() == null ? "UTC" : v.zone();
    }
}
