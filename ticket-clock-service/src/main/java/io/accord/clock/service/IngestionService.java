package io.accord.clock.service;

import io.accord.clock.domain.StoredEvent;
import io.accord.clock.repository.WorkItemRepository;
import io.accord.clock.repository.WorkItemRepository.LockedItem;
import io.accord.clock.rest.IngestionResult.EventResult;
import io.accord.clock.rest.IngestionResult.Outcome;
import io.accord.clock.rest.WorkItemEventRequest;
import io.accord.model.agreement.ItemEventType;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Applies posted events: stores each new one in its item's history (once, by event id or natural key), then
 * recomputes the item's clocks from the whole history. One transaction per request, so the answer is given only
 * once everything it reports is committed.
 */
@ApplicationScoped
public class IngestionService {

    private final WorkItemRepository items;
    private final ClockProjector projector;
    private final MeterRegistry registry;
    private final Clock clock;

    public IngestionService(WorkItemRepository items, ClockProjector projector, MeterRegistry registry, Clock clock) {
        this.items = items;
        this.projector = projector;
        this.registry = registry;
        this.clock = clock;
    }

    private record ItemKey(String source, String externalId) {
    }

    private record Indexed(int index, WorkItemEventRequest event) {
    }

    @Transactional
    public List<EventResult> ingest(List<WorkItemEventRequest> events) {
        Instant now = clock.instant();
        // Items are locked in one global order, so two batches touching the same items cannot deadlock
        Map<ItemKey, List<Indexed>> byItem = new TreeMap<>(
                Comparator.comparing(ItemKey::source).thenComparing(ItemKey::externalId));
        for (int i = 0; i < events.size(); i++) {
            WorkItemEventRequest e = events.get(i);
            byItem.computeIfAbsent(new ItemKey(e.source(), e.externalId()), k -> new ArrayList<>())
                    .add(new Indexed(i, e));
        }
        EventResult[] results = new EventResult[events.size()];
        byItem.forEach((key, itemEvents) -> applyToItem(key, itemEvents, results, now));
        for (EventResult r : results) {
            registry.counter("accord.clock.events.ingested", "source", r.source(), "outcome",
                    r.outcome().name().toLowerCase()).increment();
        }
        return List.of(results);
    }

    private void applyToItem(ItemKey key, List<Indexed> itemEvents, EventResult[] results, Instant now) {
        LockedItem item = items.lockOrCreate(key.source(), key.externalId(), itemEvents.get(0).event().itemType());
        Instant terminalAt = item.terminalAt();
        boolean changed = false;
        for (Indexed indexed : itemEvents) {
            WorkItemEventRequest e = indexed.event();
            Instant occurredAt = e.occurredAt().truncatedTo(ChronoUnit.MILLIS);
            byte[] naturalKey = NaturalKey.of(e, occurredAt);
            Outcome outcome;
            String reason = null;
            if (terminalAt != null && !occurredAt.isBefore(terminalAt)) {
                if (items.isKnown(e.source(), e.eventId(), naturalKey)) {
                    outcome = Outcome.DUPLICATE;
                } else {
                    outcome = Outcome.REJECTED;
                    reason = "the item was closed or deleted at " + terminalAt + "; events after that are refused";
                }
            } else {
                OptionalLong stored = items.insertEvent(item.id(), e, occurredAt, naturalKey);
                outcome = stored.isPresent() ? Outcome.APPLIED : Outcome.DUPLICATE;
                if (stored.isPresent()) {
                    changed = true;
                    if (e.eventType() == ItemEventType.CLOSED || e.eventType() == ItemEventType.DELETED) {
                        terminalAt = terminalAt == null || occurredAt.isBefore(terminalAt) ? occurredAt : terminalAt;
                    }
                }
            }
            results[indexed.index()] = new EventResult(indexed.index(), e.source(), e.externalId(), e.eventId(),
                    outcome, reason);
        }
        if (changed) {
            List<StoredEvent> history = items.history(item.id());
            projector.recompute(item.id(), key.source(), key.externalId(), history, now,
                    ClockProjector.Trigger.INGESTION);
        }
    }
}
