package io.accord.clock.service;

import io.accord.clock.domain.StoredEvent;
import io.accord.clock.domain.WorkItem;
import io.accord.clock.engine.Clock;
import io.accord.clock.engine.ClockEngine;
import io.accord.clock.engine.Coverage;
import io.accord.clock.engine.ItemClocks;
import io.accord.clock.engine.ItemHistory;
import io.accord.clock.engine.Outcome;
import io.accord.clock.engine.Phase;
import io.accord.clock.engine.Priority;
import io.accord.clock.repository.UnmatchedRepository;
import io.accord.clock.repository.WorkItemRepository;
import io.accord.clock.rest.ExplainView;
import io.accord.clock.rest.ExplainView.ClockSegments;
import io.accord.clock.rest.ExplainView.Reason;
import io.accord.clock.rest.ExplainView.Segment;
import io.accord.clock.rest.ExplainView.VersionCheck;
import io.accord.clock.rest.UnmatchedView;
import io.accord.clock.rest.UnmatchedView.UnmappedEvent;
import io.accord.clock.rest.UnmatchedView.UnmappedField;
import io.accord.platform.rest.Page;
import io.accord.platform.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Answers "why does this item have these clocks?" and "what of this source is not clocked?". Matching is explained
 * by {@link CoverageChecks}; segments are derived here, since the engine returns each clock as of one instant only:
 * the engine is run as of every boundary of the item's life (each event instant, each agreement or calendar change,
 * each breach) and a segment starts wherever a clock's phase, outcome, priority, target or agreement version
 * differs from the previous boundary. Reads only; nothing is stored.
 */
@ApplicationScoped
public class ItemExplanations {

    private static final String COVERAGE_CHANGE = "agreement or calendar change";

    private final ClockEngine engine = new ClockEngine();
    private final WorkItemRepository items;
    private final UnmatchedRepository unmatched;
    private final AgreementCopy agreements;
    private final java.time.Clock clock;

    public ItemExplanations(WorkItemRepository items, UnmatchedRepository unmatched, AgreementCopy agreements,
            java.time.Clock clock) {
        this.items = items;
        this.unmatched = unmatched;
        this.agreements = agreements;
        this.clock = clock;
    }

    /** The item's customer party (for the caller's scope) and its explanation. */
    public record Explained(String customerPartyId, ExplainView view) {
    }

    public Optional<Explained> explain(String source, String externalId) {
        return items.find(source, externalId).map(item -> {
            Instant now = clock.instant();
            AgreementCopy.View view = agreements.current();
            List<StoredEvent> history = items.history(item.id());
            Instant matchedAt = matchedAt(item, now);
            WorkItem attributes = attributesAt(item, history, matchedAt);
            List<VersionCheck> checks = CoverageChecks.check(view.versions(), source, attributes, matchedAt);
            List<UnmappedEvent> unmapped = history.stream().filter(ItemExplanations::hasUnmapped)
                    .map(e -> unmappedEvent(externalId, e)).toList();
            ExplainView explained = new ExplainView(source, externalId, now, matchedAt, new ExplainView.Attributes(
                    attributes.itemType(), attributes.customerRef(), attributes.serviceRef(), attributes.site(),
                    attributes.channel(), attributes.tags(), attributes.assigneeTeamRef(), attributes.supplierRef(),
                    attributes.priority(), attributes.priorityRaw(), attributes.status(), attributes.statusRaw()),
                    unmapped, checks, segments(source, externalId, history, view, now));
            return new Explained(item.customerPartyId(), explained);
        });
    }

    public UnmatchedView unmatched(String source, PageRequest paging) {
        Instant now = clock.instant();
        AgreementCopy.View view = agreements.current();
        List<UnmatchedView.ItemWithoutClock> without = new ArrayList<>();
        for (long id : unmatched.itemsWithoutClock(source, paging.offset(), paging.size)) {
            items.findById(id).ifPresent(item -> {
                List<StoredEvent> history = items.history(id);
                Instant at = matchedAt(item, now);
                WorkItem attributes = attributesAt(item, history, at);
                List<VersionCheck> checks = CoverageChecks.check(view.versions(), source, attributes, at);
                Optional<VersionCheck> closest = CoverageChecks.closest(checks);
                Reason reason;
                if (attributes.priority() == null && attributes.priorityRaw() != null) {
                    reason = new Reason("PRIORITY_UNMAPPED", "the raw priority '" + attributes.priorityRaw()
                            + "' is not in the source's mapping, so the item has no priority");
                } else if (closest.isEmpty()) {
                    reason = new Reason("NO_AGREEMENTS", "the service knows no agreement yet");
                } else {
                    reason = CoverageChecks.firstReason(closest.get());
                }
                without.add(new UnmatchedView.ItemWithoutClock(item.externalId(), item.itemType(),
                        attributes.customerRef(), attributes.serviceRef(), attributes.site(), attributes.priority(),
                        attributes.priorityRaw(), attributes.status(), attributes.statusRaw(),
                        history.isEmpty() ? null : history.get(history.size() - 1).occurredAt(), reason,
                        closest.map(VersionCheck::agreementId).orElse(null),
                        closest.map(VersionCheck::version).orElse(null)));
            });
        }
        List<UnmappedEvent> events = unmatched.unmappedEvents(source, paging.offset(), paging.size).stream()
                .map(r -> new UnmappedEvent(r.externalId(), r.eventId(), r.eventType(), r.occurredAt(),
                        r.receivedAt(), fields(r.status(), r.statusRaw(), r.priority(), r.priorityRaw())))
                .toList();
        return new UnmatchedView(source,
                new Page<>(without, paging.page, paging.size, unmatched.countItemsWithoutClock(source)),
                new Page<>(events, paging.page, paging.size, unmatched.countUnmappedEvents(source)));
    }

    /** Matching is explained as of now, or as of the closing of a closed item. */
    private static Instant matchedAt(WorkItem item, Instant now) {
        return item.terminalAt() != null && item.terminalAt().isBefore(now) ? item.terminalAt() : now;
    }

    private static WorkItem attributesAt(WorkItem item, List<StoredEvent> history, Instant at) {
        List<StoredEvent> until = history.stream().filter(e -> !e.occurredAt().isAfter(at)).toList();
        return until.isEmpty() ? item : WorkItem.fold(item.id(), item.source(), item.externalId(), until,
                item.customerPartyId());
    }

    private static boolean hasUnmapped(StoredEvent e) {
        return e.statusRaw() != null && e.status() == null || e.priorityRaw() != null && e.priority() == null;
    }

    private static UnmappedEvent unmappedEvent(String externalId, StoredEvent e) {
        return new UnmappedEvent(externalId, e.eventId(), e.eventType(), e.occurredAt(), e.receivedAt(),
                fields(e.status(), e.statusRaw(), e.priority(), e.priorityRaw()));
    }

    private static List<UnmappedField> fields(String status, String statusRaw, String priority, String priorityRaw) {
        List<UnmappedField> fields = new ArrayList<>(2);
        if (statusRaw != null && status == null) {
            fields.add(new UnmappedField("status", statusRaw));
        }
        if (priorityRaw != null && priority == null) {
            fields.add(new UnmappedField("priority", priorityRaw));
        }
        return fields;
    }

    /** What a segment holds constant. */
    private record State(Phase phase, Outcome outcome, Priority priority, Duration target, int version) {
        static State of(Clock c) {
            return new State(c.phase(), c.outcome(), c.priority(), c.target(), c.agreementVersion());
        }
    }

    private record Open(Instant from, State state, Duration elapsed, String calendarId, String cause) {
    }

    private List<ClockSegments> segments(String source, String externalId, List<StoredEvent> history,
            AgreementCopy.View view, Instant now) {
        if (history.isEmpty()) {
            return List.of();
        }
        ItemHistory itemHistory = HistoryAdapter.toHistory(source, externalId, history);
        Coverage coverage = view.coverageFor(source);
        ItemClocks result = engine.compute(itemHistory, coverage, now);
        if (result.clocks().isEmpty()) {
            return List.of();
        }
        Instant first = history.get(0).occurredAt();
        Instant terminal = history.stream().filter(e -> "CLOSED".equals(e.eventType())
                || "DELETED".equals(e.eventType())).map(StoredEvent::occurredAt).findFirst().orElse(null);
        Instant end = terminal != null && terminal.isBefore(now) ? terminal : now;
        TreeMap<Instant, String> boundaries = new TreeMap<>();
        for (StoredEvent e : history) {
            if (!e.occurredAt().isAfter(end)) {
                boundaries.merge(e.occurredAt(), e.eventType(), ItemExplanations::join);
            }
        }
        for (Instant change : coverage.changeInstants()) {
            if (change.isAfter(first) && !change.isAfter(end)) {
                boundaries.merge(change, COVERAGE_CHANGE, ItemExplanations::join);
            }
        }
        for (Clock c : result.clocks()) {
            if (c.breachedAt() != null && c.breachedAt().isAfter(first) && !c.breachedAt().isAfter(now)) {
                boundaries.merge(c.breachedAt(), "target reached", ItemExplanations::join);
            }
        }
        Set<UUID> kept = result.clocks().stream().map(Clock::clockId).collect(Collectors.toSet());
        Map<UUID, List<Segment>> segments = new HashMap<>();
        Map<UUID, Open> open = new LinkedHashMap<>();
        int next = 0;
        String site = null;
        for (Map.Entry<Instant, String> boundary : boundaries.entrySet()) {
            Instant t = boundary.getKey();
            while (next < history.size() && !history.get(next).occurredAt().isAfter(t)) {
                site = history.get(next).site() != null ? history.get(next).site() : site;
                next++;
            }
            for (Clock c : engine.compute(itemHistory, coverage, t).clocks()) {
                if (!kept.contains(c.clockId())) {
                    continue;
                }
                State state = State.of(c);
                Open current = open.get(c.clockId());
                if (current != null && (c.phase() == Phase.STOPPED || !current.state().equals(state))) {
                    segments.computeIfAbsent(c.clockId(), id -> new ArrayList<>()).add(close(current, t, c.elapsed()));
                    open.remove(c.clockId());
                }
                if (c.phase() != Phase.STOPPED && !open.containsKey(c.clockId())) {
                    open.put(c.clockId(), new Open(t, state, c.elapsed(), calendarId(view, c, site),
                            boundary.getValue()));
                }
            }
        }
        List<ClockSegments> clocks = new ArrayList<>();
        for (Clock c : result.clocks()) {
            List<Segment> list = segments.computeIfAbsent(c.clockId(), id -> new ArrayList<>());
            Open still = open.get(c.clockId());
            if (still != null) {
                list.add(close(still, null, c.elapsed()));
            }
            clocks.add(new ClockSegments(c.clockId(), c.objective().agreementId(), c.agreementVersion(),
                    c.objective().objectiveKey(), c.metric().name(), c.cycle(), c.phase().name(), c.outcome().name(),
                    Objects.toString(c.priority(), null), c.target(), c.elapsed(), c.startedAt(), c.openedAt(),
                    c.deadline(), c.breachedAt(), c.completedAt(), c.cancelledAt(),
                    c.cancelReason() == null ? null : c.cancelReason().name(),
                    c.zone() == null ? null : c.zone().getId(), list));
        }
        return clocks;
    }

    private static Segment close(Open open, Instant to, Duration elapsedAtEnd) {
        State s = open.state();
        return new Segment(open.from(), to, s.phase().name(), s.outcome().name(), Objects.toString(s.priority(), null),
                s.target(), s.version(), open.calendarId(), open.elapsed(), elapsedAtEnd, open.cause());
    }

    private static String calendarId(AgreementCopy.View view, Clock c, String site) {
        return view.versions().stream()
                .filter(v -> v.agreementId().equals(c.objective().agreementId())
                        && v.version() == c.agreementVersion())
                .findFirst().flatMap(v -> v.objective(c.objective().objectiveKey()))
                .map(o -> o.calendarFor(site)).orElse(null);
    }

    private static String join(String a, String b) {
        return List.of(a.split(", ")).contains(b) ? a : a + ", " + b;
    }
}
