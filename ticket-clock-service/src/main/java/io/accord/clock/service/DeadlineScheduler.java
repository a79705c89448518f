package io.accord.clock.service;

import io.accord.clock.domain.StoredClock;
import io.accord.clock.domain.StoredEvent;
import io.accord.clock.domain.WorkItem;
import io.accord.clock.repository.ClockRepository;
import io.accord.clock.repository.WorkItemRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Fires warnings and breaches on time. Every poll ({@code accord.clocks.scheduler.poll-interval}, 200 ms) each of its
 * workers ({@code accord.clocks.scheduler.workers}, 2) claims, in small batches, the items that have a running clock
 * due ({@code next_fire_at <= now}) or a recomputation due, locking the items with {@code FOR UPDATE SKIP LOCKED}:
 * replicas (and an ingestion of the same item) never work on one item at once, and none waits for another. Each
 * claimed item is recomputed at now, which emits its due facts through the outbox and advances its
 * {@code next_fire_at}, all in the batch's transaction.
 */
@ApplicationScoped
public class DeadlineScheduler {

    private static final Logger LOG = Logger.getLogger(DeadlineScheduler.class);
    private static final Duration RETRY_FAILED_ITEM = Duration.ofMinutes(1);

    private final ClockRepository clocks;
    private final WorkItemRepository items;
    private final ClockProjector projector;
    private final Clock clock;
    private final int batchSize;
    private final int maxBatchesPerPoll;
    private final AtomicLong running = new AtomicLong();
    private final boolean enabled;
    private final Duration pollInterval;
    private final int workers;
    private final ScheduledExecutorService poller;

    public DeadlineScheduler(ClockRepository clocks, WorkItemRepository items, ClockProjector projector, Clock clock,
            MeterRegistry registry, @ConfigProperty(name = "accord.clocks.scheduler.batch-size") int batchSize,
            @ConfigProperty(name = "accord.clocks.scheduler.max-batches-per-poll") int maxBatchesPerPoll,
            @ConfigProperty(name = "accord.clocks.scheduler.poll-interval") Duration pollInterval,
            @ConfigProperty(name = "accord.clocks.scheduler.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "accord.clocks.scheduler.workers", defaultValue = "2") int workers) {
        this.pollInterval = pollInterval;
        this.enabled = enabled;
        this.clocks = clocks;
        this.items = items;
        this.projector = projector;
        this.clock = clock;
        this.batchSize = batchSize;
        this.maxBatchesPerPoll = maxBatchesPerPoll;
        registry.gauge("accord.clock.running", running);
        if (workers < 1) {
            throw new IllegalArgumentException("accord.clocks.scheduler.workers must be at least 1, not " + workers);
        }
        this.workers = workers;
        AtomicLong threads = new AtomicLong();
        this.poller = Executors.newScheduledThreadPool(workers, r -> {
            Thread thread = new Thread(r, "accord-deadline-scheduler-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    void start(@Observes StartupEvent event) {
        if (enabled) {
            // Quarkus' own scheduler ticks once a second; deadlines need a finer poll, so threads of our own. Each
            // worker claims its own batches (SKIP LOCKED, as replicas do); their polls are spread over the interval,
            // and while one waits for PostgreSQL another computes
            long every = pollInterval.toMillis();
            for (int worker = 0; worker < workers; worker++) {
                poller.scheduleWithFixedDelay(this::poll, every + worker * every / workers, every,
                        TimeUnit.MILLISECONDS);
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        poller.shutdownNow();
    }

    void poll() {
        try {
            int batches = 0;
            while (batches++ < maxBatchesPerPoll && fireDue() == batchSize) {
                // a full batch: more may be due, keep going without waiting for the next poll
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Deadline poll failed; retrying at the next poll");
        }
    }

    @Scheduled(every = "15s", skipExecutionIf = SchedulerDisabled.class)
    void countRunning() {
        running.set(clocks.countRunning());
    }

    /** Claims one batch of due items and recomputes them in one transaction; the number of items claimed. */
    public int fireDue() {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Instant now = clock.instant();
                List<Long> claimed = clocks.claimDueItems(now, batchSize);
                recompute(claimed, now);
                return claimed.size();
            });
        } catch (RuntimeException e) {
            // One item that cannot be recomputed must not hold back the others: retry them one by one
            LOG.warnf(e, "A deadline batch failed; retrying its items one at a time");
            return fireOneByOne();
        }
    }

    private int fireOneByOne() {
        int done = 0;
        while (done < batchSize) {
            AtomicLong current = new AtomicLong(-1);
            try {
                boolean claimedOne = QuarkusTransaction.requiringNew().call(() -> {
                    Instant now = clock.instant();
                    List<Long> claimed = clocks.claimDueItems(now, 1);
                    if (claimed.isEmpty()) {
                        return false;
                    }
                    current.set(claimed.get(0));
                    recompute(claimed, now);
                    return true;
                });
                if (!claimedOne) {
                    break;
                }
            } catch (RuntimeException e) {
                long failed = current.get();
                if (failed < 0) {
                    throw e;
                }
                LOG.errorf(e, "Item %d cannot be recomputed; its deadlines are retried in %s", failed,
                        RETRY_FAILED_ITEM);
                QuarkusTransaction.requiringNew().run(() -> clocks.postpone(failed,
                        clock.instant().plus(RETRY_FAILED_ITEM)));
            }
            done++;
        }
        return done;
    }

    // The batch's items, histories and stored clocks are read in three queries, then each item is recomputed
    private void recompute(List<Long> itemIds, Instant now) {
        if (itemIds.isEmpty()) {
            return;
        }
        Map<Long, WorkItem> found = items.findByIds(itemIds);
        Map<Long, List<StoredEvent>> histories = items.histories(itemIds);
        Map<Long, List<StoredClock>> stored = clocks.findByItems(itemIds);
        for (long itemId : itemIds) {
            WorkItem item = found.get(itemId);
            if (item == null) {
                throw new IllegalStateException("claimed item " + itemId + " is gone");
            }
            projector.recompute(itemId, item.source(), item.externalId(), histories.getOrDefault(itemId, List.of()),
                    stored.getOrDefault(itemId, List.of()), now, ClockProjector.Trigger.SCHEDULE);
        }
    }
}
