package io.accord.clock.service;

import io.accord.clock.domain.StoredClock;
import io.accord.clock.domain.StoredEvent;
import io.accord.clock.domain.WorkItem;
import io.accord.clock.engine.Clock;
import io.accord.clock.engine.ItemClocks;
import io.accord.clock.engine.Warning;
import io.accord.clock.repository.ClockQueryRepository;
import io.accord.clock.repository.ClockRepository;
import io.accord.clock.repository.WorkItemRepository;
import io.accord.clock.rest.ClockView;
import io.accord.clock.rest.WorkItemView;
import io.accord.platform.rest.Page;
import io.accord.platform.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads of items and clocks. An item's clocks are computed afresh as of now; lists read the projection. */
@ApplicationScoped
public class WorkItemQueries {

    private final WorkItemRepository items;
    private final ClockRepository clocks;
    private final ClockQueryRepository clockLists;
    private final ClockProjector projector;
    private final java.time.Clock clock;

    public WorkItemQueries(WorkItemRepository items, ClockRepository clocks, ClockQueryRepository clockLists,
            ClockProjector projector, java.time.Clock clock) {
        this.items = items;
        this.clocks = clocks;
        this.clockLists = clockLists;
        this.projector = projector;
        this.clock = clock;
    }

    public Optional<WorkItemView> item(String source, String externalId) {
        return items.find(source, externalId).map(this::view);
    }

    public Page<ClockView> clocks(ClockQueryRepository.Filter filter, PageRequest paging) {
        List<ClockView> views = clockLists.find(filter, paging.offset(), paging.size).stream()
                .map(r -> view(r.clock(), r.source(), r.externalId(), r.itemType(), r.customerPartyId(), r.title()))
                .toList();
        return new Page<>(views, paging.page, paging.size, clockLists.count(filter));
    }

    private WorkItemView view(WorkItem item) {
        Instant now = clock.instant();
        List<StoredEvent> history = items.history(item.id());
        Map<UUID, StoredClock> stored = new HashMap<>();
        clocks.findByItem(item.id()).forEach(c -> stored.put(c.clockId(), c));
        List<ClockView> clockViews;
        if (history.isEmpty()) {
            clockViews = List.of();
        } else {
            ItemClocks fresh = projector.preview(item.source(), item.externalId(), history, now);
            clockViews = fresh.clocks().stream().map(c -> view(c, stored.get(c.clockId()), item, now)).toList();
        }
        List<WorkItemView.HistoryEntry> entries = history.stream()
                .map(e -> new WorkItemView.HistoryEntry(e.arrival(), e.eventId(), e.eventType(), e.occurredAt(),
                        e.sequence(), e.status(), e.statusRaw(), e.priority(), e.priorityRaw(), e.customerRef(),
                        e.serviceRef(), e.site(), e.receivedAt()))
                .toList();
        return new WorkItemView(item.source(), item.externalId(), item.itemType(), item.customerRef(),
                item.customerPartyId(), item.serviceRef(), item.site(), item.channel(), item.tags(),
                item.assigneeTeamRef(), item.supplierRef(), item.priority(), item.priorityRaw(), item.status(),
                item.statusRaw(), item.title(), item.url(), item.terminalAt(), entries, clockViews);
    }

    private static ClockView view(Clock c, StoredClock stored, WorkItem item, Instant now) {
        return new ClockView(c.clockId(), item.source(), item.externalId(), item.itemType(), item.customerPartyId(),
                item.title(), c.objective().agreementId(), c.agreementVersion(), c.objective().objectiveKey(),
                c.metric().name(), c.cycle(), stored == null ? 0 : stored.revision(), c.phase().name(),
                c.outcome().name(), c.priority() == null ? null : c.priority().name(), c.target(), c.elapsed(),
                c.remaining(), c.overrun(), round(c.percentElapsed()), c.startedAt(), c.deadline(), c.breachedAt(),
                c.completedAt(), c.cancelledAt(), c.cancelReason() == null ? null : c.cancelReason().name(),
                c.warnings().stream().map(Warning::percent).toList(), c.zone() == null ? null : c.zone().getId(), now);
    }

    private static ClockView view(StoredClock c, String source, String externalId, String itemType, String party,
            String title) {
        return new ClockView(c.clockId(), source, externalId, itemType, party, title, c.agreementId(),
                c.agreementVersion(), c.objectiveKey(), c.metric(), c.cycle(), c.revision(), c.phase().name(),
                c.outcome().name(), c.priority(), c.target(), c.elapsed(), c.remaining(), c.overrun(),
                round(c.percentElapsed()), c.startedAt(), c.deadline(), c.breachedAt(), c.completedAt(),
                c.cancelledAt(), c.cancelReason(), c.warningsFired(), c.zone(), c.computedAt());
    }

    private static double round(double percent) {
        return Math.round(percent * 10) / 10.0;
    }
}
