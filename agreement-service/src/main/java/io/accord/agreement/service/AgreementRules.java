package io.accord.agreement.service;

import io.accord.agreement.domain.Agreement;
import io.accord.agreement.domain.AgreementTerms;
import io.accord.agreement.domain.Party;
import io.accord.agreement.repository.AgreementRepository;
import io.accord.agreement.repository.CatalogueServiceRepository;
import io.accord.agreement.repository.CalendarRepository;
import io.accord.agreement.repository.PartyRepository;
import io.accord.model.agreement.AgreementType;
import io.accord.model.agreement.EscalationPolicy;
import io.accord.model.agreement.Metric;
import io.accord.model.agreement.Objective;
import io.accord.model.agreement.ObjectiveKind;
import io.accord.model.agreement.PartyKind;
import io.accord.model.agreement.PenaltyRules;
import io.accord.platform.problem.Problem.FieldError;
import io.accord.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The domain rules of agreement terms that Bean Validation cannot express: references to parties, services,
 * calendars and the parent SLA must exist and fit the agreement's type; zones must be known; intervals ordered;
 * every objective complete for its kind. All problems are reported together, each with its JSON path.
 */
@ApplicationScoped
public class AgreementRules {

    static final Pattern KEY = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final PartyRepository parties;
    private final CatalogueServiceRepository services;
    private final CalendarRepository calendars;
    private final AgreementRepository agreements;

    public AgreementRules(PartyRepository parties, CatalogueServiceRepository services, CalendarRepository calendars,
            AgreementRepository agreements) {
        this.parties = parties;
        this.services = services;
        this.calendars = calendars;
        this.agreements = agreements;
    }

    /** Throws a validation problem listing every broken rule of {@code terms}. */
    public void requireValid(AgreementTerms terms) {
        List<FieldError> errors = new ArrayList<>();
        checkZone(terms.zone(), "zone", errors);
        if (terms.effectiveFrom() != null && terms.effectiveTo() != null
                && !terms.effectiveTo().isAfter(terms.effectiveFrom())) {
            errors.add(new FieldError("effectiveTo", "must be after effectiveFrom " + terms.effectiveFrom()));
        }
        checkParties(terms, errors);
        checkParent(terms, errors);
        for (int i = 0; i < terms.services().size(); i++) {
            String code = terms.services().get(i);
            if (code != null && services.findByCode(code).isEmpty()) {
                errors.add(new FieldError("services[" + i + "]", "unknown service '" + code + "'"));
            }
        }
        if (terms.renewal().autoRenew()) {
            if (terms.renewal().term() == null || isNotPositive(terms.renewal().term())) {
                errors.add(new FieldError("renewal.term", "an auto-renewing agreement needs a positive term, e.g. P1Y"));
            }
            if (terms.effectiveTo() == null) {
                errors.add(new FieldError("effectiveTo", "an auto-renewing agreement needs an end of validity"));
            }
        }
        if (terms.renewal().noticePeriod().isNegative()) {
            errors.add(new FieldError("renewal.noticePeriod", "must not be negative"));
        }
        if (terms.monthlyFee() != null && terms.monthlyFee().amount().signum() < 0) {
            errors.add(new FieldError("monthlyFee.amount", "must not be negative"));
        }
        checkObjectives(terms.objectives(), errors);
        checkPenalties(terms.penaltyRules(), errors);
        checkEscalation(terms.escalationPolicy(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList()),
                    errors);
        }
    }

    private void checkParties(AgreementTerms terms, List<FieldError> errors) {
        Party provider = parties.findById(terms.providerPartyId());
        Party customer = parties.findById(terms.customerPartyId());
        if (provider == null) {
            errors.add(new FieldError("providerPartyId", "unknown party " + terms.providerPartyId()));
        }
        if (customer == null) {
            errors.add(new FieldError("customerPartyId", "unknown party " + terms.customerPartyId()));
        }
        if (terms.providerPartyId().equals(terms.customerPartyId())) {
            errors.add(new FieldError("customerPartyId", "must differ from the provider"));
        }
        if (provider == null || customer == null) {
            return;
        }
        switch (terms.type()) {
            case SLA -> {
                if (customer.kind != PartyKind.CUSTOMER && customer.kind != PartyKind.DEPARTMENT) {
                    errors.add(new FieldError("customerPartyId", "the customer of an SLA must be a CUSTOMER or a DEPARTMENT, not " + customer.kind));
                }
            }
            case OLA -> {
                if (provider.kind != PartyKind.DEPARTMENT && provider.kind != PartyKind.PROVIDER) {
                    errors.add(new FieldError("providerPartyId", "the provider of an OLA must be an internal DEPARTMENT, not " + provider.kind));
                }
                if (customer.kind != PartyKind.DEPARTMENT && customer.kind != PartyKind.PROVIDER) {
                    errors.add(new FieldError("customerPartyId", "the customer of an OLA must be an internal DEPARTMENT, not " + customer.kind));
                }
            }
            case UC -> {
                if (provider.kind != PartyKind.SUPPLIER) {
                    errors.add(new FieldError("providerPartyId", "the provider of a UC must be a SUPPLIER, not " + provider.kind));
                }
            }
        }
    }

    private void checkParent(AgreementTerms terms, List<FieldError> errors) {
        if (terms.parentAgreementId() == null) {
            return;
        }
        if (terms.type() == AgreementType.SLA) {
            errors.add(new FieldError("parentAgreementId", "only an OLA or a UC underpins another agreement"));
            return;
        }
        Agreement parent = agreements.findById(terms.parentAgreementId());
        if (parent == null) {
            errors.add(new FieldError("parentAgreementId", "unknown agreement " + terms.parentAgreementId()));
        } else if (parent.type != AgreementType.SLA) {
            errors.add(new FieldError("parentAgreementId", "must be an SLA, not " + parent.type));
        }
    }

    private void checkObjectives(List<Objective> objectives, List<FieldError> errors) {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < objectives.size(); i++) {
            Objective o = objectives.get(i);
            String at = "objectives[" + i + "].";
            if (!KEY.matcher(o.objectiveKey()).matches()) {
                errors.add(new FieldError(at + "objectiveKey", "must be lower-case letters, digits, '.', '_' or '-' (at most 64)"));
            }
            if (!keys.add(o.objectiveKey())) {
                errors.add(new FieldError(at + "objectiveKey", "objectiveKey '" + o.objectiveKey() + "' is used twice"));
            }
            switch (o.kind()) {
                case TIME_TO_TARGET -> checkTimeToTarget(o, at, errors);
                case AVAILABILITY -> {
                    if (o.availabilityTarget() == null || o.availabilityTarget().signum() <= 0
                            || o.availabilityTarget().compareTo(HUNDRED) > 0) {
                        errors.add(new FieldError(at + "availabilityTarget", "an availability objective needs a target above 0 and at most 100 percent"));
                    }
                    checkCalendar(o.calendarId(), at + "calendarId", true, errors);
                }
                case KPI -> {
                    if (o.measure() == null || o.measure().isBlank()) {
                        errors.add(new FieldError(at + "measure", "a KPI objective needs a measure, e.g. qualified_leads"));
                    }
                    if (o.comparison() == null) {
                        errors.add(new FieldError(at + "comparison", "a KPI objective needs AT_LEAST or AT_MOST"));
                    }
                    if (o.periodTarget() == null) {
                        errors.add(new FieldError(at + "periodTarget", "a KPI objective needs a target per period"));
                    }
                }
            }
        }
    }

    private void checkTimeToTarget(Objective o, String at, List<FieldError> errors) {
        if (o.metric() == null) {
            errors.add(new FieldError(at + "metric", "a time-to-target objective needs a metric"));
        }
        if (o.targets().isEmpty()) {
            errors.add(new FieldError(at + "targets", "a time-to-target objective needs a target for at least one priority"));
        }
        o.targets().forEach((priority, target) -> {
            if (target == null || target.isNegative() || target.isZero()) {
                errors.add(new FieldError(at + "targets." + priority, "must be a positive duration such as PT4H"));
            }
        });
        checkCalendar(o.calendarId(), at + "calendarId", true, errors);
        o.siteCalendarIds().forEach((site, calendarId) -> checkCalendar(calendarId, at + "siteCalendarIds." + site, true, errors));
        for (int j = 0; j < o.warningThresholds().size(); j++) {
            Integer t = o.warningThresholds().get(j);
            if (t == null || t < 1 || t > 100) {
                errors.add(new FieldError(at + "warningThresholds[" + j + "]", "must be a percent between 1 and 100"));
            }
        }
        checkPercent(o.complianceTarget(), at + "complianceTarget", errors);
        if (o.metric() == Metric.CUSTOM && (o.conditions() == null || o.conditions().start().isEmpty()
                || o.conditions().stop().isEmpty())) {
            errors.add(new FieldError(at + "conditions", "a CUSTOM metric needs start and stop conditions"));
        }
    }

    private void checkPenalties(PenaltyRules rules, List<FieldError> errors) {
        checkPercent(rules.capPercent(), "penaltyRules.capPercent", errors);
        for (int i = 0; i < rules.creditTiers().size(); i++) {
            var tiers = rules.creditTiers().get(i).tiers();
            for (int j = 0; j < tiers.size(); j++) {
                checkPercent(tiers.get(j).belowPercent(), "penaltyRules.creditTiers[" + i + "].tiers[" + j + "].belowPercent", errors);
                checkPercent(tiers.get(j).creditPercent(), "penaltyRules.creditTiers[" + i + "].tiers[" + j + "].creditPercent", errors);
            }
        }
        for (int i = 0; i < rules.breachFees().size(); i++) {
            rules.breachFees().get(i).feeByPriority().forEach((p, fee) -> {
                if (fee.amount().signum() < 0) {
                    errors.add(new FieldError("penaltyRules.breachFees.feeByPriority." + p, "must not be negative"));
                }
            });
        }
        if (rules.reviewAfterMissedPeriods() != null && rules.reviewAfterMissedPeriods() < 1) {
            errors.add(new FieldError("penaltyRules.reviewAfterMissedPeriods", "must be 1 or more"));
        }
    }

    private void checkEscalation(EscalationPolicy policy, List<FieldError> errors) {
        for (int i = 0; i < policy.levels().size(); i++) {
            EscalationPolicy.Level level = policy.levels().get(i);
            String at = "escalationPolicy.levels[" + i + "].";
            if (level.trigger() == null || level.trigger().kind() == null) {
                errors.add(new FieldError(at + "trigger", "a level needs a trigger"));
            } else {
                switch (level.trigger().kind()) {
                    case THRESHOLD -> {
                        if (level.trigger().percent() == null || level.trigger().percent() < 1 || level.trigger().percent() > 100) {
                            errors.add(new FieldError(at + "trigger.percent", "a THRESHOLD trigger needs a percent between 1 and 100"));
                        }
                    }
                    case AFTER_BREACH -> {
                        if (level.trigger().delay() == null || level.trigger().delay().isNegative()) {
                            errors.add(new FieldError(at + "trigger.delay", "an AFTER_BREACH trigger needs a delay such as PT1H"));
                        }
                        Duration repeat = level.trigger().repeat();
                        if (repeat != null && (repeat.isNegative() || repeat.isZero())) {
                            errors.add(new FieldError(at + "trigger.repeat", "must be a positive duration"));
                        }
                    }
                    default -> {
                    }
                }
            }
            if (level.recipients().isEmpty()) {
                errors.add(new FieldError(at + "recipients", "a level needs at least one recipient"));
            }
            for (int j = 0; j < level.recipients().size(); j++) {
                EscalationPolicy.Recipient r = level.recipients().get(j);
                String rat = at + "recipients[" + j + "].";
                boolean email = r.email() != null && !r.email().isBlank();
                boolean channel = r.channelId() != null && !r.channelId().isBlank();
                if (email == channel) {
                    errors.add(new FieldError(rat + "email", "a recipient is either an email address or a channel id"));
                } else if (email && !r.email().matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
                    errors.add(new FieldError(rat + "email", "'" + r.email() + "' is not an email address"));
                } else if (channel && r.channelId().contains("://")) {
                    errors.add(new FieldError(rat + "channelId", "a channel id, not a URL: URLs and secrets live in notification-service's channels"));
                }
                if (r.zone() != null) {
                    checkZone(r.zone(), rat + "zone", errors);
                }
            }
            if (level.businessHoursOnly()) {
                checkCalendar(level.calendarId(), at + "calendarId", true, errors);
            } else if (level.calendarId() != null) {
                checkCalendar(level.calendarId(), at + "calendarId", false, errors);
            }
        }
    }

    private void checkCalendar(String calendarId, String field, boolean required, List<FieldError> errors) {
        if (calendarId == null) {
            if (required) {
                errors.add(new FieldError(field, "a calendar id is required"));
            }
        } else if (calendars.findByIdOptional(calendarId).isEmpty()) {
            errors.add(new FieldError(field, "unknown calendar '" + calendarId + "'"));
        }
    }

    private static void checkZone(String zone, String field, List<FieldError> errors) {
        if (zone == null) {
            return;
        }
        try {
            ZoneId.of(zone);
        } catch (RuntimeException e) {
            errors.add(new FieldError(field, "zone '" + zone + "' is unknown"));
        }
    }

    private static void checkPercent(BigDecimal value, String field, List<FieldError> errors) {
        if (value != null && (value.signum() < 0 || value.compareTo(HUNDRED) > 0)) {
            errors.add(new FieldError(field, "must be a percent between 0 and 100"));
        }
    }

    private static boolean isNotPositive(Period p) {
        return p.isNegative() || p.isZero();
    }

    static boolean isTimeToTarget(Objective o) {
        return o.kind() == ObjectiveKind.TIME_TO_TARGET;
    }
}
