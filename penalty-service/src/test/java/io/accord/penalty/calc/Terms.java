package io.accord.penalty.calc;

import io.accord.model.agreement.AgreementStatus;
import io.accord.model.agreement.AgreementType;
import io.accord.model.agreement.AgreementVersion;
import io.accord.model.agreement.Comparison;
import io.accord.model.agreement.Metric;
import io.accord.model.agreement.Money;
import io.accord.model.agreement.Objective;
import io.accord.model.agreement.ObjectiveKind;
import io.accord.model.agreement.PenaltyRules;
import io.accord.model.agreement.PenaltyRules.CreditTier;
import io.accord.model.agreement.Priority;
import io.accord.model.agreement.ReportingPeriod;
import io.accord.model.agreement.ServiceRef;
import io.accord.time.BusinessCalendar;
import io.accord.time.json.CalendarSpec;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Agreement versions for calculator tests, built field by field. */
final class Terms {

    static final UUID AGREEMENT = UUID.fromString("6f1c2a4e-8b1d-4c3e-9a57-0d2b7e5f9a10");
    static final String UTC = "UTC";

    String zone = UTC;
    int version = 1;
    Instant effectiveFrom = Instant.parse("2025-01-01T00:00:00Z");
    Instant effectiveTo;
    ReportingPeriod reportingPeriod = ReportingPeriod.MONTH;
    Money monthlyFee = Money.of("1000.00", "EUR");
    List<Objective> objectives = new ArrayList<>();
    List<PenaltyRules.BreachFee> fees = new ArrayList<>();
    List<PenaltyRules.CreditTiers> tiers = new ArrayList<>();
    List<PenaltyRules.Bonus> bonuses = new ArrayList<>();
    BigDecimal cap;
    Map<String, CalendarSpec> calendars = new java.util.LinkedHashMap<>();
    List<ServiceRef> services = new ArrayList<>();

    static Terms agreement() {
        return new Terms();
    }

    Terms zone(String z) {
        zone = z;
        return this;
    }

    Terms version(int v, Instant from) {
        version = v;
        effectiveFrom = from;
        return this;
    }

    Terms endsAt(Instant to) {
        effectiveTo = to;
        return this;
    }

    Terms quarterly() {
        reportingPeriod = ReportingPeriod.QUARTER;
        return this;
    }

    Terms fee(String amount, String currency) {
        monthlyFee = Money.of(amount, currency);
        return this;
    }

    Terms resolution(String key, String complianceTarget) {
        objectives.add(new Objective(key, "Resolution", ObjectiveKind.TIME_TO_TARGET, Metric.RESOLUTION,
                Map.of(Priority.P1, Duration.ofHours(4), Priority.P2, Duration.ofHours(8)), null, null, null, null,
                null, null, complianceTarget == null ? null : new BigDecimal(complianceTarget), null, null, null, null,
                null));
        return this;
    }

    Terms availability(String key, String target, String calendarId, BusinessCalendar calendar) {
        objectives.add(new Objective(key, "Availability", ObjectiveKind.AVAILABILITY, null, null, calendarId, null,
                null, null, null, null, null, null, new BigDecimal(target), null, null, null));
        calendars.put(calendarId, CalendarSpec.of(calendar));
        return this;
    }

    Terms kpi(String key, String measure, Comparison comparison, String target) {
        objectives.add(new Objective(key, "Volume", ObjectiveKind.KPI, null, null, null, null, null, null, null,
                null, null, null, null, measure, comparison, new BigDecimal(target)));
        return this;
    }

    Terms service(String code) {
        services.add(new ServiceRef(UUID.nameUUIDFromBytes(code.getBytes()), code, code));
        return this;
    }

    Terms breachFee(String key, Priority priority, String amount) {
        fees.add(new PenaltyRules.BreachFee(key, Map.of(priority, Money.of(amount, monthlyFee.currency()))));
        return this;
    }

    /** Tiers as pairs: below percent, credit percent. */
    Terms tiers(String key, String... pairs) {
        List<CreditTier> list = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            list.add(new CreditTier(new BigDecimal(pairs[i]), new BigDecimal(pairs[i + 1])));
        }
        tiers.add(new PenaltyRules.CreditTiers(key, list));
        return this;
    }

    Terms bonus(String key, String atLeast, String percent) {
        bonuses.add(new PenaltyRules.Bonus(key, new BigDecimal(atLeast), new BigDecimal(percent)));
        return this;
    }

    Terms cap(String percent) {
        cap = new BigDecimal(percent);
        return this;
    }

    AgreementVersion build() {
        return new AgreementVersion(AGREEMENT, version, AgreementType.SLA, AgreementStatus.ACTIVE, "Hosting SLA",
                UUID.fromString("4a7d9e12-6b3f-4c8a-9e21-7f5b3d8c2e01"),
                UUID.fromString("4a7d9e12-6b3f-4c8a-9e21-7f5b3d8c2e02"), null, null, services, null, effectiveFrom,
                effectiveTo, null, reportingPeriod, zone, monthlyFee, objectives,
                new PenaltyRules(fees, tiers, cap, bonuses, null), null, calendars);
    }

    static StatementPeriod period(String label, String zone) {
        return StatementPeriod.parse(label, ZoneId.of(zone));
    }

    static ClockFact clock(String key, Priority priority, ClockFact.Verdict verdict, String at) {
        return new ClockFact(UUID.randomUUID(), 1, key, priority, verdict, Instant.parse(at));
    }

    static List<ClockFact> clocks(String key, Priority priority, ClockFact.Verdict verdict, int count, String at) {
        List<ClockFact> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(clock(key, priority, verdict, at));
        }
        return list;
    }

    static Incident incident(String service, String start, String end) {
        return new Incident(UUID.randomUUID(), service, Instant.parse(start), end == null ? null : Instant.parse(end),
                false);
    }

    static Incident maintenance(String service, String start, String end) {
        return new Incident(UUID.randomUUID(), service, Instant.parse(start), Instant.parse(end), true);
    }
}
