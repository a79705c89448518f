package io.accord.penalty.calc;

import io.accord.model.agreement.AgreementStatus;
import io.accord.model.agreement.AgreementVersion;
import io.accord.model.agreement.Comparison;
import io.accord.model.agreement.Money;
import io.accord.model.agreement.Objective;
import io.accord.model.agreement.ObjectiveKind;
import io.accord.model.agreement.PenaltyRules;
import io.accord.model.agreement.PenaltyRules.CreditTier;
import io.accord.model.agreement.Priority;
import io.accord.model.statement.ObjectiveStatus;
import io.accord.time.BusinessCalendar;
import io.accord.time.json.CalendarSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Computes one agreement's statement for one reporting period, without I/O: the same input always gives the same
 * statement, so a closed statement can be recomputed to see what a late event changes.
 *
 * <p>Rules, in order:
 * <ol>
 * <li>Each version is in force from its {@code effectiveFrom} until the next version's, and the agreement ends at
 * the latest version's {@code effectiveTo}. A day of the period is billed to the highest version in force at some
 * moment of that day; a version's fee base is its monthly fee x months of the period (1 or 3) x billed days / days
 * of the period, rounded HALF_EVEN to the currency's minor unit.</li>
 * <li>A clock counts once, in the period of its verdict instant, in the section of the version it names, unless a
 * manager excluded it. Compliance = met / (met + breached); undefined without clocks.</li>
 * <li>Availability over the objective's calendar within the version's stretch of the period, up to {@code asOf}
 * ({@link Availability}), counting the incidents of the agreement's services (all when it lists none).</li>
 * <li>A KPI is the sum of the period's measurements of its measure, judged once per period in the section of the
 * latest version in force (a volume target is a whole period's).</li>
 * <li>Lines: breach fees by priority; a service credit for the worst matching tier (highest credit among the tiers
 * whose threshold the measure is below); bonuses as negative lines; then a cap line bringing the net credit down to
 * {@code capPercent} of the fee base when it is above.</li>
 * </ol>
 */
public final class PenaltyCalculator {

    /** Percentages are compared at this scale and shown at {@link #SHOWN_SCALE}. */
    private static final int COMPARE_SCALE = 10;
    private static final int SHOWN_SCALE = 4;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Set<AgreementStatus> BINDING = Set.of(AgreementStatus.ACTIVE, AgreementStatus.SUSPENDED,
            AgreementStatus.EXPIRED, AgreementStatus.TERMINATED);

    private PenaltyCalculator() {
    }

    public static StatementResult calculate(StatementInput input) {
        StatementPeriod period = input.period();
        List<AgreementVersion> versions = input.versions().stream()
                .filter(v -> BINDING.contains(v.status()))
                .sorted(Comparator.comparingInt(AgreementVersion::version)).toList();
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("no active version of the agreement is known");
        }
        AgreementVersion latest = versions.get(versions.size() - 1);
        Map<Integer, Stretch> stretches = stretches(versions, latest.effectiveTo(), period);
        Map<Integer, Integer> billedDays = billedDays(stretches, period);

        Map<UUID, ClockExclusion> excluded = input.exclusions().stream()
                .collect(Collectors.toMap(ClockExclusion::clockId, Function.identity(), (a, b) -> a));
        List<ClockFact> counted = input.clocks().stream()
                .filter(c -> period.contains(c.decidedAt()))
                .filter(c -> !excluded.containsKey(c.clockId()))
                .toList();
        Map<Integer, List<ClockFact>> clocksBySection = new LinkedHashMap<>();
        for (ClockFact clock : counted) {
            clocksBySection.computeIfAbsent(sectionOf(clock, versions, stretches), k -> new ArrayList<>()).add(clock);
        }
        Integer kpiSection = stretches.isEmpty() ? null
                : stretches.keySet().stream().max(Integer::compare).orElseThrow();

        List<VersionSection> sections = new ArrayList<>();
        Map<String, ObjectiveStatus> statuses = new LinkedHashMap<>();
        for (AgreementVersion version : versions) {
            Stretch stretch = stretches.get(version.version());
            List<ClockFact> clocks = clocksBySection.getOrDefault(version.version(), List.of());
            if (stretch == null && clocks.isEmpty()) {
                continue;
            }
            VersionSection section = section(version, stretch, billedDays.getOrDefault(version.version(), 0), clocks,
                    input, version.version() == (kpiSection == null ? -1 : kpiSection));
            section.objectives()
                    .forEach(o -> statuses.merge(o.objectiveKey(), o.status(), PenaltyCalculator::acrossVersions));
            sections.add(section);
        }
        String currency = currency(latest);
        Money total = Money.zero(currency);
        for (VersionSection section : sections) {
            total = total.plus(section.subtotal());
        }
        List<ClockExclusion> shownExclusions = input.exclusions().stream()
                .filter(e -> input.clocks().stream().anyMatch(c -> c.clockId().equals(e.clockId())
                        && period.contains(c.decidedAt())))
                .toList();
        return new StatementResult(latest.agreementId(), period.label(), period.zone().getId(), period.start(),
                period.end(), input.asOf(), sections, shownExclusions, statuses, total);
    }

    /** When a version was in force inside the period. */
    record Stretch(Instant from, Instant to) {
    }

    private static Map<Integer, Stretch> stretches(List<AgreementVersion> versions, Instant agreementEnd,
            StatementPeriod period) {
        Map<Integer, Stretch> result = new LinkedHashMap<>();
        for (int i = 0; i < versions.size(); i++) {
            AgreementVersion version = versions.get(i);
            Instant from = version.effectiveFrom() == null ? Instant.MIN : version.effectiveFrom();
            Instant to = agreementEnd == null ? Instant.MAX : agreementEnd;
            for (int j = i + 1; j < versions.size(); j++) {
                Instant next = versions.get(j).effectiveFrom();
                if (next != null && next.isBefore(to)) {
                    to = next;
                }
            }
            Instant start = from.isAfter(period.start()) ? from : period.start();
            Instant end = to.isBefore(period.end()) ? to : period.end();
            if (start.isBefore(end)) {
                result.put(version.version(), new Stretch(start, end));
            }
        }
        return result;
    }

    private static Map<Integer, Integer> billedDays(Map<Integer, Stretch> stretches, StatementPeriod period) {
        Map<Integer, Integer> days = new LinkedHashMap<>();
        for (LocalDate day = period.firstDay(); day.isBefore(period.endDay()); day = day.plusDays(1)) {
            Instant dayStart = period.startOf(day);
            Instant dayEnd = period.startOf(day.plusDays(1));
            stretches.entrySet().stream()
                    .filter(e -> e.getValue().from().isBefore(dayEnd) && e.getValue().to().isAfter(dayStart))
                    .map(Map.Entry::getKey).max(Integer::compare)
                    .ifPresent(v -> days.merge(v, 1, Integer::sum));
        }
        return days;
    }

    /** The version a clock is reported under: the one it names when known, else the one in force at its verdict. */
    private static int sectionOf(ClockFact clock, List<AgreementVersion> versions, Map<Integer, Stretch> stretches) {
        if (versions.stream().anyMatch(v -> v.version() == clock.agreementVersion())) {
            return clock.agreementVersion();
        }
        return stretches.entrySet().stream()
                .filter(e -> !e.getValue().from().isAfter(clock.decidedAt()) && e.getValue().to().isAfter(clock.decidedAt()))
                .map(Map.Entry::getKey).findFirst()
                .orElse(versions.get(versions.size() - 1).version());
    }

    private static VersionSection section(AgreementVersion version, Stretch stretch, int days, List<ClockFact> clocks,
            StatementInput input, boolean judgesKpis) {
        StatementPeriod period = input.period();
        String currency = currency(version);
        Money monthlyFee = version.monthlyFee() == null ? Money.zero(currency) : version.monthlyFee();
        // Fee base = monthly fee x months x billed days / period days; a whole period keeps the exact fee
        Money feeBase = days == period.days() ? monthlyFee.times(BigDecimal.valueOf(period.months()))
                : new Money(monthlyFee.amount().multiply(BigDecimal.valueOf((long) period.months() * days))
                        .divide(BigDecimal.valueOf(period.days()), COMPARE_SCALE, RoundingMode.HALF_EVEN), currency);

        List<ObjectiveResult> objectives = new ArrayList<>();
        for (Objective objective : version.objectives()) {
            ObjectiveResult result = switch (objective.kind()) {
                case TIME_TO_TARGET -> compliance(objective, clocks);
                case AVAILABILITY -> stretch == null ? null : availability(objective, version, stretch, input);
                case KPI -> judgesKpis ? kpi(objective, input) : null;
            };
            if (result != null) {
                objectives.add(result);
            }
        }
        List<StatementLine> lines = lines(version.penaltyRules(), objectives, clocks, feeBase);
        Money subtotal = Money.zero(currency);
        for (StatementLine line : lines) {
            subtotal = subtotal.plus(line.amount());
        }
        return new VersionSection(version.version(), stretch == null ? null : stretch.from(),
                stretch == null ? null : stretch.to(), days, period.days(), monthlyFee, feeBase, objectives, lines,
                subtotal);
    }

    private static ObjectiveResult compliance(Objective objective, List<ClockFact> clocks) {
        List<ClockFact> own = clocks.stream().filter(c -> c.objectiveKey().equals(objective.objectiveKey())).toList();
        Map<Priority, int[]> byPriority = new EnumMap<>(Priority.class);
        for (ClockFact clock : own) {
            if (clock.priority() == null) {
                continue;
            }
            int[] count = byPriority.computeIfAbsent(clock.priority(), p -> new int[2]);
            count[clock.verdict() == ClockFact.Verdict.MET ? 0 : 1]++;
        }
        List<PriorityCount> counts = byPriority.entrySet().stream()
                .map(e -> new PriorityCount(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        int met = (int) own.stream().filter(c -> c.verdict() == ClockFact.Verdict.MET).count();
        int breached = own.size() - met;
        BigDecimal compliance = own.isEmpty() ? null
                : percent(BigDecimal.valueOf(met), BigDecimal.valueOf(own.size()));
        ObjectiveStatus status = status(compliance, objective.complianceTarget(), Comparison.AT_LEAST);
        return new ObjectiveResult(objective.objectiveKey(), objective.name(), ObjectiveKind.TIME_TO_TARGET, status,
                objective.complianceTarget(), counts, met, breached, shown(compliance), null, null, null, null, null,
                null, null, null, Evidence.clocks(own.stream().map(ClockFact::clockId).toList()), compliance);
    }

    private static ObjectiveResult availability(Objective objective, AgreementVersion version, Stretch stretch,
            StatementInput input) {
        BusinessCalendar calendar = calendar(version, objective.calendarId());
        Set<String> services = version.services().stream().map(s -> s.code()).collect(Collectors.toSet());
        List<Incident> incidents = input.incidents().stream()
                .filter(i -> services.isEmpty() || services.contains(i.service())).toList();
        Availability.Figures figures = Availability.measure(calendar, stretch.from(), stretch.to(), incidents,
                input.asOf());
        BigDecimal scheduled = BigDecimal.valueOf(figures.scheduled().toMillis());
        BigDecimal availability = figures.scheduled().isZero() ? null
                : percent(scheduled.subtract(BigDecimal.valueOf(figures.downtime().toMillis())), scheduled);
        ObjectiveStatus status = status(availability, objective.availabilityTarget(), Comparison.AT_LEAST);
        return new ObjectiveResult(objective.objectiveKey(), objective.name(), ObjectiveKind.AVAILABILITY, status,
                objective.availabilityTarget(), null, null, null, null, objective.calendarId(),
                minutes(figures.scheduled()), minutes(figures.downtime()), minutes(figures.planned()),
                shown(availability), null, null, null, Evidence.incidents(figures.incidentIds()), availability);
    }

    private static ObjectiveResult kpi(Objective objective, StatementInput input) {
        StatementPeriod period = input.period();
        List<Measurement> own = input.measurements().stream()
                .filter(m -> m.measure().equals(objective.measure()))
                .filter(m -> m.period() != null ? m.period().equals(period.label()) : period.contains(m.at()))
                .toList();
        BigDecimal value = own.isEmpty() ? null
                : own.stream().map(Measurement::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        Comparison comparison = objective.comparison() == null ? Comparison.AT_LEAST : objective.comparison();
        return new ObjectiveResult(objective.objectiveKey(), objective.name(), ObjectiveKind.KPI,
                status(value, objective.periodTarget(), comparison), objective.periodTarget(), null, null, null, null,
                null, null, null, null, null, objective.measure(), comparison, value,
                Evidence.measurements(own.stream().map(Measurement::id).toList()), value);
    }

    private static List<StatementLine> lines(PenaltyRules rules, List<ObjectiveResult> objectives,
            List<ClockFact> clocks, Money feeBase) {
        List<StatementLine> lines = new ArrayList<>();
        for (PenaltyRules.BreachFee fee : rules.breachFees()) {
            for (Priority priority : Priority.values()) {
                Money unit = fee.feeByPriority().get(priority);
                List<UUID> breached = clocks.stream()
                        .filter(c -> c.objectiveKey().equals(fee.objectiveKey()) && c.priority() == priority
                                && c.verdict() == ClockFact.Verdict.BREACHED)
                        .map(ClockFact::clockId).toList();
                if (unit == null || breached.isEmpty()) {
                    continue;
                }
                lines.add(new StatementLine(LineKind.BREACH_FEE, fee.objectiveKey(), priority,
                        breached.size() + " breached " + priority + " clock(s) x " + unit.amount() + " " + unit.currency(),
                        breached.size(), unit, null, null, null, null, null,
                        unit.times(BigDecimal.valueOf(breached.size())), Evidence.clocks(breached)));
            }
        }
        for (PenaltyRules.CreditTiers table : rules.creditTiers()) {
            Optional<ObjectiveResult> objective = find(objectives, table.objectiveKey());
            BigDecimal measured = objective.map(ObjectiveResult::measured).orElse(null);
            if (measured == null || objective.get().kind() == ObjectiveKind.KPI) {
                continue;
            }
            BigDecimal exact = objective.get().exactMeasured();
            // The worst matching tier: of every tier whose threshold the measure is below, the highest credit
            table.tiers().stream()
                    .filter(t -> exact.compareTo(t.belowPercent()) < 0)
                    .max(Comparator.comparing(CreditTier::creditPercent)
                            .thenComparing(CreditTier::belowPercent, Comparator.reverseOrder()))
                    .ifPresent(tier -> lines.add(new StatementLine(LineKind.SERVICE_CREDIT, table.objectiveKey(), null,
                            label(objective.get()) + " " + measured + " % below " + tier.belowPercent() + " %: "
                                    + tier.creditPercent() + " % of the fee",
                            null, null, measured, table.tiers(), tier, tier.creditPercent(), feeBase,
                            feeBase.percent(tier.creditPercent()), creditEvidence(objective.get(), clocks))));
        }
        for (PenaltyRules.Bonus bonus : rules.bonuses()) {
            Optional<ObjectiveResult> objective = find(objectives, bonus.objectiveKey());
            BigDecimal measured = objective.map(ObjectiveResult::measured).orElse(null);
            if (measured == null || bonus.atLeast() == null || bonus.bonusPercent() == null
                    || objective.get().exactMeasured().compareTo(bonus.atLeast()) < 0) {
                continue;
            }
            lines.add(new StatementLine(LineKind.BONUS, bonus.objectiveKey(), null,
                    label(objective.get()) + " " + measured + " at or above " + bonus.atLeast() + ": bonus of "
                            + bonus.bonusPercent() + " % of the fee",
                    null, null, measured, null, null, bonus.bonusPercent(), feeBase,
                    feeBase.percent(bonus.bonusPercent()).times(BigDecimal.ONE.negate()),
                    bonusEvidence(objective.get(), clocks)));
        }
        if (rules.capPercent() != null) {
            Money net = Money.zero(feeBase.currency());
            for (StatementLine line : lines) {
                net = net.plus(line.amount());
            }
            Money cap = feeBase.percent(rules.capPercent());
            if (net.amount().compareTo(cap.amount()) > 0) {
                lines.add(new StatementLine(LineKind.CAP, null, null,
                        "net credit " + net.amount() + " capped at " + rules.capPercent() + " % of the fee ("
                                + cap.amount() + ")",
                        null, null, net.amount(), null, null, rules.capPercent(), feeBase,
                        new Money(cap.amount().subtract(net.amount()), cap.currency()), Evidence.NONE));
            }
        }
        return lines;
    }

    private static Evidence creditEvidence(ObjectiveResult objective, List<ClockFact> clocks) {
        if (objective.kind() == ObjectiveKind.TIME_TO_TARGET) {
            return Evidence.clocks(clocks.stream().filter(c -> c.objectiveKey().equals(objective.objectiveKey())
                    && c.verdict() == ClockFact.Verdict.BREACHED).map(ClockFact::clockId).toList());
        }
        return objective.evidence();
    }

    private static Evidence bonusEvidence(ObjectiveResult objective, List<ClockFact> clocks) {
        if (objective.kind() == ObjectiveKind.TIME_TO_TARGET) {
            return Evidence.clocks(clocks.stream().filter(c -> c.objectiveKey().equals(objective.objectiveKey())
                    && c.verdict() == ClockFact.Verdict.MET).map(ClockFact::clockId).toList());
        }
        return objective.evidence();
    }

    private static String label(ObjectiveResult objective) {
        return switch (objective.kind()) {
            case TIME_TO_TARGET -> "compliance";
            case AVAILABILITY -> "availability";
            case KPI -> objective.measure();
        };
    }

    private static Optional<ObjectiveResult> find(List<ObjectiveResult> objectives, String key) {
        return objectives.stream().filter(o -> o.objectiveKey().equals(key)).findFirst();
    }

    /**
     * The status of one objective over the versions that share a period: missed in any version is missed for the
     * period, else met in any is met; undefined only when no version could judge it.
     */
    static ObjectiveStatus acrossVersions(ObjectiveStatus one, ObjectiveStatus other) {
        if (one == ObjectiveStatus.MISSED || other == ObjectiveStatus.MISSED) {
            return ObjectiveStatus.MISSED;
        }
        return one == ObjectiveStatus.MET || other == ObjectiveStatus.MET ? ObjectiveStatus.MET
                : ObjectiveStatus.UNDEFINED;
    }

    private static ObjectiveStatus status(BigDecimal measured, BigDecimal target, Comparison comparison) {
        if (measured == null || target == null) {
            return ObjectiveStatus.UNDEFINED;
        }
        int c = measured.compareTo(target);
        boolean kept = comparison == Comparison.AT_MOST ? c <= 0 : c >= 0;
        return kept ? ObjectiveStatus.MET : ObjectiveStatus.MISSED;
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(HUNDRED).divide(whole, COMPARE_SCALE, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal shown(BigDecimal percent) {
        return percent == null ? null : percent.setScale(SHOWN_SCALE, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal minutes(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis()).divide(BigDecimal.valueOf(60_000), 2, RoundingMode.HALF_EVEN);
    }

    private static BusinessCalendar calendar(AgreementVersion version, String calendarId) {
        if (calendarId == null) {
            return BusinessCalendar.twentyFourSeven(java.time.ZoneId.of(version.zone()));
        }
        CalendarSpec spec = version.calendars().get(calendarId);
        if (spec == null) {
            throw new IllegalArgumentException("agreement " + version.agreementId() + " version " + version.version()
                    + " names calendar " + calendarId + " without embedding it");
        }
        return spec.toCalendar();
    }

    private static String currency(AgreementVersion version) {
        if (version.monthlyFee() != null) {
            return version.monthlyFee().currency();
        }
        return version.penaltyRules().breachFees().stream().flatMap(f -> f.feeByPriority().values().stream())
                .map(Money::currency).findFirst().orElse("XXX");
    }
}
