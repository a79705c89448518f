package io.accord.model.agreement;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.accord.time.json.CalendarSpec;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One version of an agreement as it travels in {@code agreement.*} events and the snapshot: everything a consumer
 * needs to clock, bill and escalate without calling agreement-service back, including the calendars its objectives
 * and escalation levels use ({@code calendars}, keyed by calendar id) and the parties with their external
 * references.
 *
 * <p>{@code version} starts at 1 and grows with each amendment; a version's content never changes once active.
 * {@code effectiveFrom} is when this version takes effect (for version 1, the agreement's start);
 * {@code effectiveTo} is the end of the agreement's validity (exclusive; null when open-ended), and
 * {@code status} the agreement's status when the version was published. Consumers keep the highest
 * {@code (agreementId, version)} they have seen.
 *
 * <p>{@code statusChanges} are the agreement's suspensions and resumptions so far, oldest first. Only the snapshot
 * carries them (events tell each change themselves, and leave the list out): a consumer rebuilding its copy learns
 * from them since when a suspended agreement is suspended, and when an active one was suspended before.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgreementVersion(
        UUID agreementId,
        int version,
        AgreementType type,
        AgreementStatus status,
        String name,
        UUID providerPartyId,
        UUID customerPartyId,
        UUID parentAgreementId,
        List<PartyRef> parties,
        List<ServiceRef> services,
        Scope scope,
        Instant effectiveFrom,
        Instant effectiveTo,
        Renewal renewal,
        ReportingPeriod reportingPeriod,
        String zone,
        Money monthlyFee,
        List<Objective> objectives,
        PenaltyRules penaltyRules,
        EscalationPolicy escalationPolicy,
        Map<String, CalendarSpec> calendars,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<StatusChange> statusChanges) {

    /** A version as events carry it: without the status changes, which only the snapshot lists. */
    public AgreementVersion(UUID agreementId, int version, AgreementType type, AgreementStatus status, String name,
            UUID providerPartyId, UUID customerPartyId, UUID parentAgreementId, List<PartyRef> parties,
            List<ServiceRef> services, Scope scope, Instant effectiveFrom, Instant effectiveTo, Renewal renewal,
            ReportingPeriod reportingPeriod, String zone, Money monthlyFee, List<Objective> objectives,
            PenaltyRules penaltyRules, EscalationPolicy escalationPolicy, Map<String, CalendarSpec> calendars) {
        this(agreementId, version, type, status, name, providerPartyId, customerPartyId, parentAgreementId, parties,
                services, scope, effectiveFrom, effectiveTo, renewal, reportingPeriod, zone, monthlyFee, objectives,
                penaltyRules, escalationPolicy, calendars, List.of());
    }

    public AgreementVersion {
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        parties = parties == null ? List.of() : List.copyOf(parties);
        services = services == null ? List.of() : List.copyOf(services);
        scope = scope == null ? Scope.ANY : scope;
        renewal = renewal == null ? Renewal.NONE : renewal;
        reportingPeriod = reportingPeriod == null ? ReportingPeriod.MONTH : reportingPeriod;
        objectives = objectives == null ? List.of() : List.copyOf(objectives);
        penaltyRules = penaltyRules == null ? PenaltyRules.NONE : penaltyRules;
        escalationPolicy = escalationPolicy == null ? EscalationPolicy.NONE : escalationPolicy;
        calendars = calendars == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(calendars));
        statusChanges = statusChanges == null ? List.of() : List.copyOf(statusChanges);
    }

    /** The party with this id among the agreement's parties. */
    public Optional<PartyRef> party(UUID partyId) {
        return parties.stream().filter(p -> p.partyId().equals(partyId)).findFirst();
    }

    /** The objective with this key. */
    public Optional<Objective> objective(String objectiveKey) {
        return objectives.stream().filter(o -> o.objectiveKey().equals(objectiveKey)).findFirst();
    }

    /** Every calendar id used by the objectives and escalation levels, in order of first use. */
    @JsonIgnore
    public Set<String> calendarIds() {
        Set<String> ids = new LinkedHashSet<>();
        objectives.forEach(o -> ids.addAll(o.calendarIds()));
        escalationPolicy.levels().forEach(l -> {
            if (l.calendarId() != null) {
                ids.add(l.calendarId());
            }
        });
        return ids;
    }

    /** This version with another status and end, as lifecycle events publish it. */
    public AgreementVersion withStatus(AgreementStatus newStatus, Instant newEffectiveTo) {
        return new AgreementVersion(agreementId, version, type, newStatus, name, providerPartyId, customerPartyId,
                parentAgreementId, parties, services, scope, effectiveFrom, newEffectiveTo, renewal, reportingPeriod,
                zone, monthlyFee, objectives, penaltyRules, escalationPolicy, calendars, statusChanges);
    }

    /** This version with the agreement's suspensions and resumptions so far, as the snapshot serves it. */
    public AgreementVersion withStatusChanges(List<StatusChange> changes) {
        return new AgreementVersion(agreementId, version, type, status, name, providerPartyId, customerPartyId,
                parentAgreementId, parties, services, scope, effectiveFrom, effectiveTo, renewal, reportingPeriod,
                zone, monthlyFee, objectives, penaltyRules, escalationPolicy, calendars, changes);
    }

    /** A reference to this version. */
    public AgreementRef ref() {
        return new AgreementRef(agreementId, version);
    }
}
