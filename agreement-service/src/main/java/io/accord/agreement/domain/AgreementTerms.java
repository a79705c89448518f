package io.accord.agreement.domain;

import io.accord.model.agreement.AgreementType;
import io.accord.model.agreement.EscalationPolicy;
import io.accord.model.agreement.Money;
import io.accord.model.agreement.Objective;
import io.accord.model.agreement.PenaltyRules;
import io.accord.model.agreement.Renewal;
import io.accord.model.agreement.ReportingPeriod;
import io.accord.model.agreement.Scope;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The terms of one agreement version as a manager writes them (the body of create, update and amend) and as they
 * are stored. Parties are referred to by id, services by code, calendars by id: the published
 * {@link io.accord.model.agreement.AgreementVersion} embeds what they point to.
 *
 * <p>{@code effectiveFrom}: for version 1 the agreement's start (absent: when activated); for an amendment the
 * instant the new version applies (absent: now). {@code effectiveTo}: the end of validity (absent: open-ended).
 */
public record AgreementTerms(
        @NotNull AgreementType type,
        @NotBlank @Size(max = 200) String name,
        @NotNull UUID providerPartyId,
        @NotNull UUID customerPartyId,
        UUID parentAgreementId,
        List<@NotBlank String> services,
        Scope scope,
        Instant effectiveFrom,
        Instant effectiveTo,
        Renewal renewal,
        ReportingPeriod reportingPeriod,
        @NotBlank String zone,
        Money monthlyFee,
        @Size(max = 50) List<@NotNull Objective> objectives,
        PenaltyRules penaltyRules,
        EscalationPolicy escalationPolicy) {

    public AgreementTerms {
        services = services == null ? List.of() : List.copyOf(services);
        scope = scope == null ? Scope.ANY : scope;
        renewal = renewal == null ? Renewal.NONE : renewal;
        reportingPeriod = reportingPeriod == null ? ReportingPeriod.MONTH : reportingPeriod;
        objectives = objectives == null ? List.of() : List.copyOf(objectives);
        penaltyRules = penaltyRules == null ? PenaltyRules.NONE : penaltyRules;
        escalationPolicy = escalationPolicy == null ? EscalationPolicy.NONE : escalationPolicy;
        // Instants are kept to the millisecond, as everywhere in Accord's API
        effectiveFrom = effectiveFrom == null ? null : effectiveFrom.truncatedTo(ChronoUnit.MILLIS);
        effectiveTo = effectiveTo == null ? null : effectiveTo.truncatedTo(ChronoUnit.MILLIS);
    }

    public AgreementTerms withEffectiveFrom(Instant from) {
        return new AgreementTerms(type, name, providerPartyId, customerPartyId, parentAgreementId, services, scope, from,
                effectiveTo, renewal, reportingPeriod, zone, monthlyFee, objectives, penaltyRules, escalationPolicy);
    }

    public AgreementTerms withEffectiveTo(Instant to) {
        return new AgreementTerms(type, name, providerPartyId, customerPartyId, parentAgreementId, services, scope,
                effectiveFrom, to, renewal, reportingPeriod, zone, monthlyFee, objectives, penaltyRules, escalationPolicy);
    }
}
