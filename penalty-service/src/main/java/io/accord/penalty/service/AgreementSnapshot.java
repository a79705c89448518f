package io.accord.penalty.service;

import io.accord.model.agreement.AgreementVersion;
import io.accord.penalty.config.PenaltyConfig;
import io.accord.platform.client.SnapshotClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Rebuilds the agreement copy from agreement-service's snapshot while it is empty (a new database, a new
 * environment): checked at start and then every minute until it has something, so agreement-service being down at
 * start only delays it.
 */
@ApplicationScoped
public class AgreementSnapshot {

    static final String PATH = "/api/agreements:snapshot";

    private static final Logger LOG = Logger.getLogger(AgreementSnapshot.class);

    private final SnapshotClient snapshots;
    private final AgreementCopies agreements;
    private final PenaltyConfig config;

    public AgreementSnapshot(SnapshotClient snapshots, AgreementCopies agreements, PenaltyConfig config) {
        this.snapshots = snapshots;
        this.agreements = agreements;
        this.config = config;
    }

    @Scheduled(every = "${accord.penalty.snapshot-check:60s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void whenEmpty() {
        if (!config.snapshotWhenEmpty() || !QuarkusTransaction.requiringNew().call(agreements::isEmpty)) {
            return;
        }
        try {
            int applied = load();
            LOG.infof("Agreement copy rebuilt from the snapshot: %d versions", applied);
        } catch (RuntimeException e) {
            LOG.warnf("Agreement snapshot not read yet: %s", e.getMessage());
        }
    }

    /** Reads every page of agreement-service's snapshot and applies each version; returns how many changed the copy. */
    public int load() {
        return apply(snapshots.fetchAll("agreement", PATH, AgreementVersion.class));
    }

    /** As {@link #load()} from the agreement service answering at {@code base}. */
    public int loadFrom(URI base) {
        return apply(snapshots.fetchAll(base, PATH, AgreementVersion.class));
    }

    private int apply(List<AgreementVersion> versions) {
        Instant now = Instant.now();
        // The snapshot's time is "now": a live event of the same version that is newer still wins later
        return QuarkusTransaction.requiringNew().call(() -> (int) versions.stream()
                .filter(v -> agreements.apply(v, v.effectiveFrom() == null ? now : v.effectiveFrom()))
                .count());
    }
}
