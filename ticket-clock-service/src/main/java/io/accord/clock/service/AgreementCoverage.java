package io.accord.clock.service;

import io.accord.clock.engine.AgreementState;
import io.accord.clock.engine.Coverage;
import io.accord.clock.engine.CustomMetric;
import io.accord.clock.engine.ItemAttributes;
import io.accord.clock.engine.ItemEventType;
import io.accord.clock.engine.ItemStatus;
import io.accord.clock.engine.Metric;
import io.accord.clock.engine.ObjectiveTerms;
import io.accord.clock.engine.Priority;
import io.accord.clock.engine.ReopenPolicy;
import io.accord.model.agreement.AgreementMatcher;
import io.accord.model.agreement.AgreementStatus;
import io.accord.model.agreement.AgreementVersion;
import io.accord.model.agreement.ClockConditions;
import io.accord.model.agreement.Condition;
import io.accord.model.agreement.ExternalRef;
import io.accord.model.agreement.Objective;
import io.accord.model.agreement.ObjectiveKind;
import io.accord.time.BusinessCalendar;
import io.accord.time.json.CalendarSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The engine's {@link Coverage} over the service's copy of agreements: at an instant, which objectives cover an
 * item with given attributes, with the terms of the version then in force, the agreement's state then, and the
 * calendar of the item's site (a calendar changed later by {@code calendar.changed} applies from its
 * {@code effectiveFrom}). Pure: built from values, no I/O.
 *
 * <p>Which versions cover the item is the {@link AgreementMatcher}'s decision, the same one agreement-service's
 * {@code /match} gives. An agreement that has ended (terminated, expired) is still reported after its end, with its
 * ended state, so the engine cancels its clocks for that reason rather than as "no longer covered".
 */
public final class AgreementCoverage implements Coverage {

    /** An agreement's state from {@code at} on (suspended, resumed, terminated, expired). */
    public record StateChange(UUID agreementId, AgreementState state, Instant at) {
    }

    /** A calendar's definition from {@code effectiveFrom} on. */
    public record CalendarChange(String calendarId, Instant effectiveFrom, CalendarSpec calendar) {
    }

    private static final Map<CalendarSpec, BusinessCalendar> COMPILED = new ConcurrentHashMap<>();

    private final String source;
    private final Map<UUID, List<AgreementVersion>> byAgreement = new LinkedHashMap<>();
    private final Map<UUID, AgreementVersion> latest = new LinkedHashMap<>();
    private final Map<UUID, List<StateChange>> states;
    private final Map<String, List<CalendarChange>> calendars;
    private final List<Instant> changeInstants;

    public AgreementCoverage(String source, Collection<AgreementVersion> versions, Collection<StateChange> states,
            Collection<CalendarChange> calendars) {
        this.source = source;
        for (AgreementVersion v : versions) {
            byAgreement.computeIfAbsent(v.agreementId(), id -> new ArrayList<>()).add(v);
            latest.merge(v.agreementId(), v, (a, b) -> a.version() >= b.version() ? a : b);
        }
        this.states = states.stream().sorted(Comparator.comparing(StateChange::at))
                .collect(Collectors.groupingBy(StateChange::agreementId, LinkedHashMap::new, Collectors.toList()));
        this.calendars = calendars.stream().sorted(Comparator.comparing(CalendarChange::effectiveFrom))
                .collect(Collectors.groupingBy(CalendarChange::calendarId, LinkedHashMap::new, Collectors.toList()));
        TreeSet<Instant> instants = new TreeSet<>();
        versions.forEach(v -> {
            if (v.effectiveFrom() != null) {
                instants.add(v.effectiveFrom());
            }
        });
        latest.values().forEach(v -> {
            if (v.effectiveTo() != null) {
                instants.add(v.effectiveTo());
            }
        });
        states.forEach(s -> instants.add(s.at()));
        calendars.forEach(c -> instants.add(c.effectiveFrom()));
        this.changeInstants = List.copyOf(instants);
    }

    @Override
    public List<ObjectiveTerms> termsAt(ItemAttributes attributes, Instant at) {
        io.accord.model.agreement.ItemAttributes item = modelAttributes(source, attributes);
        List<ObjectiveTerms> terms = new ArrayList<>();
        byAgreement.forEach((agreementId, versions) -> {
            AgreementVersion last = latest.get(agreementId);
            boolean ended = last.effectiveTo() != null && !at.isBefore(last.effectiveTo());
            // After its end the agreement no longer matches; match just before it to say which clocks it cancels
            Instant matchAt = ended ? last.effectiveTo().minusMillis(1) : at;
            AgreementMatcher.match(versions, item, matchAt).forEach(coverage -> {
                AgreementVersion version = coverage.agreement();
                AgreementState state = ended ? endedState(last) : stateAt(agreementId, at, last);
                for (Objective objective : version.objectives()) {
                    if (objective.kind() == ObjectiveKind.TIME_TO_TARGET && objective.metric() != null) {
                        terms.add(termsOf(version, objective, state, attributes.site(), at));
                    }
                }
            });
        });
        return terms;
    }

    @Override
    public List<Instant> changeInstants() {
        return changeInstants;
    }

    /** The party id whose external references include the item's customer reference, if the copy knows it. */
    public static UUID customerPartyId(Collection<AgreementVersion> versions, String source, String customerRef) {
        if (customerRef == null) {
            return null;
        }
        ExternalRef ref = ExternalRef.of(source, customerRef);
        return versions.stream().flatMap(v -> v.parties().stream()).filter(p -> p.isKnownAs(ref))
                .map(p -> p.partyId()).findFirst().orElse(null);
    }

    static io.accord.model.agreement.ItemAttributes modelAttributes(String source, ItemAttributes a) {
        return io.accord.model.agreement.ItemAttributes.builder()
                .customerRef(ref(source, a.customer()))
                .teamRef(ref(source, a.team()))
                .supplierRef(ref(source, a.supplier()))
                .service(a.service()).itemType(a.itemType()).site(a.site()).channel(a.channel())
                .tags(List.copyOf(a.tags()))
                .build();
    }

    private static ExternalRef ref(String source, String id) {
        return id == null ? null : ExternalRef.of(source, id);
    }

    private static AgreementState endedState(AgreementVersion last) {
        return last.status() == AgreementStatus.TERMINATED ? AgreementState.TERMINATED : AgreementState.EXPIRED;
    }

    private AgreementState stateAt(UUID agreementId, Instant at, AgreementVersion last) {
        List<StateChange> changes = states.getOrDefault(agreementId, List.of());
        AgreementState state = null;
        for (StateChange change : changes) {
            if (change.at().isAfter(at)) {
                break;
            }
            state = change.state();
        }
        if (state == null) {
            // No dated change at all: a suspension only the status tells (a snapshot that did not date it) is taken
            // as suspended all along
            state = changes.isEmpty() && last.status() == AgreementStatus.SUSPENDED ? AgreementState.SUSPENDED
                    : AgreementState.ACTIVE;
        }
        return state.ended() ? AgreementState.ACTIVE : state;
    }

    private ObjectiveTerms termsOf(AgreementVersion version, Objective o, AgreementState state, String site,
            Instant at) {
        ObjectiveTerms.Builder builder = ObjectiveTerms.builder(version.agreementId(), o.objectiveKey(),
                        Metric.valueOf(o.metric().name()))
                .agreementVersion(version.version())
                .agreementState(state)
                .calendar(calendar(version, o.calendarFor(site), at))
                .pauseStatuses(o.pauseStatuses().stream().map(s -> ItemStatus.valueOf(s.name()))
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(ItemStatus.class))))
                .warningPercents(warningPercents(version, o))
                .reopenPolicy(ReopenPolicy.valueOf(o.reopenPolicy().name()))
                .retroactiveStart(Boolean.TRUE.equals(o.retroactiveStart()));
        o.targets().forEach((priority, target) -> {
            if (target != null && target.compareTo(Duration.ZERO) > 0) {
                builder.target(Priority.valueOf(priority.name()), target);
            }
        });
        if (o.metric() == io.accord.model.agreement.Metric.CUSTOM) {
            builder.custom(custom(o.conditions()));
        }
        return builder.build();
    }

    /** The objective's thresholds plus those its escalation levels trigger on, each fired once per cycle. */
    static List<Integer> warningPercents(AgreementVersion version, Objective o) {
        TreeSet<Integer> percents = new TreeSet<>(o.warningThresholds());
        percents.addAll(version.escalationPolicy().thresholdPercents());
        percents.removeIf(p -> p <= 0 || p >= 100);
        return List.copyOf(percents);
    }

    private BusinessCalendar calendar(AgreementVersion version, String calendarId, Instant at) {
        CalendarSpec spec = null;
        if (calendarId != null) {
            for (CalendarChange change : calendars.getOrDefault(calendarId, List.of())) {
                if (!change.effectiveFrom().isAfter(at)) {
                    spec = change.calendar();
                }
            }
            if (spec == null) {
                spec = version.calendars().get(calendarId);
            }
        }
        if (spec == null) {
            // An objective without a calendar counts around the clock in the agreement's zone
            return BusinessCalendar.twentyFourSeven(version.zone() == null ? ZoneOffset.UTC : ZoneId.of(version.zone()));
        }
        return COMPILED.computeIfAbsent(spec, CalendarSpec::toCalendar);
    }

    // The model's conditions are alternatives, each an event, a status or both, exactly as the engine's
    static CustomMetric custom(ClockConditions c) {
        return new CustomMetric(condition(c.start()), condition(c.pause()), condition(c.resume()),
                condition(c.stop()), condition(c.cancel()), condition(c.reset()));
    }

    private static io.accord.clock.engine.Condition condition(List<Condition> alternatives) {
        return new io.accord.clock.engine.Condition(alternatives.stream()
                .map(c -> new io.accord.clock.engine.Condition.Alternative(
                        c.event() == null ? null : ItemEventType.valueOf(c.event().name()),
                        c.status() == null ? null : ItemStatus.valueOf(c.status().name())))
                .toList());
    }
}
