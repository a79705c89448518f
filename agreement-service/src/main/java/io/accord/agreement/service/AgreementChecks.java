package io.accord.agreement.service;

import io.accord.model.agreement.AgreementVersion;
import io.accord.model.agreement.Objective;
import io.accord.model.agreement.ObjectiveKind;
import io.accord.model.agreement.PenaltyRules;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Consistency checks of an agreement version: warnings a manager should read, which do not block saving.
 * Pure: given the version and, for an OLA or UC, the SLA it underpins.
 */
public final class AgreementChecks {

    /** One finding: a stable {@code code}, the JSON path it concerns, and a sentence. */
    public record Check(String code, String field, String message) {
    }

    public static final String LOOSER_THAN_PARENT = "looser-than-parent";
    public static final String SITE_WITHOUT_CALENDAR = "site-without-calendar";
    public static final String UNKNOWN_OBJECTIVE = "unknown-objective";
    public static final String CREDIT_TIERS_OVERLAP = "credit-tiers-overlap";
    public static final String CREDIT_TIERS_NOT_MONOTONIC = "credit-tiers-not-monotonic";

    private AgreementChecks() {
    }

    public static List<Check> of(AgreementVersion version, Optional<AgreementVersion> parent) {
        List<Check> checks = new ArrayList<>();
        parent.ifPresent(p -> looserThanParent(version, p, checks));
        sitesWithoutCalendar(version, checks);
        penaltiesOnUnknownObjectives(version, checks);
        creditTiers(version.penaltyRules(), checks);
        return checks;
    }

    // An underpinning target longer than the SLA target of the same metric and priority cannot support it
    private static void looserThanParent(AgreementVersion version, AgreementVersion parent, List<Check> checks) {
        for (int i = 0; i < version.objectives().size(); i++) {
            Objective o = version.objectives().get(i);
            if (o.kind() != ObjectiveKind.TIME_TO_TARGET) {
                continue;
            }
            for (Objective p : parent.objectives()) {
                if (p.kind() != ObjectiveKind.TIME_TO_TARGET || p.metric() != o.metric()) {
                    continue;
                }
                int index = i;
                o.targets().forEach((priority, target) -> {
                    Duration slaTarget = p.targets().get(priority);
                    if (slaTarget != null && target.compareTo(slaTarget) > 0) {
                        checks.add(new Check(LOOSER_THAN_PARENT, "objectives[" + index + "].targets." + priority,
                                "target " + target + " for " + priority + " is looser than " + slaTarget + " of objective '"
                                        + p.objectiveKey() + "' in the SLA '" + parent.name() + "' it underpins"));
                    }
                });
            }
        }
    }

    private static void sitesWithoutCalendar(AgreementVersion version, List<Check> checks) {
        List<String> sites = version.scope().sites();
        for (int i = 0; i < version.objectives().size(); i++) {
            Objective o = version.objectives().get(i);
            if (o.kind() != ObjectiveKind.TIME_TO_TARGET || o.siteCalendarIds().isEmpty()) {
                continue;
            }
            for (String site : sites) {
                if (!o.siteCalendarIds().containsKey(site)) {
                    checks.add(new Check(SITE_WITHOUT_CALENDAR, "objectives[" + i + "].siteCalendarIds",
                            "objective '" + o.objectiveKey() + "' maps calendars per site but has none for site '" + site
                                    + "'; items there use '" + o.calendarId() + "'"));
                }
            }
        }
    }

    private static void penaltiesOnUnknownObjectives(AgreementVersion version, List<Check> checks) {
        Set<String> keys = version.objectives().stream().map(Objective::objectiveKey).collect(Collectors.toSet());
        for (String key : version.penaltyRules().objectiveKeys()) {
            if (!keys.contains(key)) {
                checks.add(new Check(UNKNOWN_OBJECTIVE, "penaltyRules",
                        "a penalty rule refers to objective '" + key + "', which this agreement does not have"));
            }
        }
    }

    // The lower the measure falls, the larger the credit: below 99.9 % 10 %, below 99 % 25 %, below 95 % 100 %
    private static void creditTiers(PenaltyRules rules, List<Check> checks) {
        for (int i = 0; i < rules.creditTiers().size(); i++) {
            List<PenaltyRules.CreditTier> tiers = new ArrayList<>(rules.creditTiers().get(i).tiers());
            tiers.sort(Comparator.comparing(PenaltyRules.CreditTier::belowPercent).reversed());
            String field = "penaltyRules.creditTiers[" + i + "].tiers";
            for (int j = 1; j < tiers.size(); j++) {
                PenaltyRules.CreditTier higher = tiers.get(j - 1);
                PenaltyRules.CreditTier lower = tiers.get(j);
                if (higher.belowPercent().compareTo(lower.belowPercent()) == 0) {
                    checks.add(new Check(CREDIT_TIERS_OVERLAP, field,
                            "two tiers start below " + plain(lower.belowPercent()) + " %"));
                } else if (lower.creditPercent().compareTo(higher.creditPercent()) <= 0) {
                    checks.add(new Check(CREDIT_TIERS_NOT_MONOTONIC, field,
                            "below " + plain(lower.belowPercent()) + " % the credit (" + plain(lower.creditPercent())
                                    + " %) must be larger than below " + plain(higher.belowPercent()) + " % ("
                                    + plain(higher.creditPercent()) + " %)"));
                }
            }
        }
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
