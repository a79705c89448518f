package io.accord.clock.listener;

import io.accord.clock.repository.AgreementCopyRepository;
import io.accord.clock.service.AgreementCopyUpdater;
import io.accord.model.agreement.AgreementVersion;
import io.accord.platform.client.SnapshotClient;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Rebuilds the agreement copy from agreement-service's snapshot when the copy is empty at startup (a new database,
 * a wiped one), retrying in the background while agreement-service is unreachable so the service starts anyway.
 */
@ApplicationScoped
public class AgreementSnapshotLoader {

    private static final Logger LOG = Logger.getLogger(AgreementSnapshotLoader.class);
    static final String SNAPSHOT_PATH = "/api/agreements:snapshot";

    private final SnapshotClient snapshots;
    private final AgreementCopyRepository copy;
    private final AgreementCopyUpdater updater;
    private final boolean enabled;
    private final long retrySeconds;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "accord-agreement-snapshot");
        thread.setDaemon(true);
        return thread;
    });

    public AgreementSnapshotLoader(SnapshotClient snapshots, AgreementCopyRepository copy,
            AgreementCopyUpdater updater,
            @ConfigProperty(name = "accord.clocks.snapshot-at-startup", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "accord.clocks.snapshot-retry-seconds", defaultValue = "30") long retrySeconds) {
        this.snapshots = snapshots;
        this.copy = copy;
        this.updater = updater;
        this.enabled = enabled;
        this.retrySeconds = retrySeconds;
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            retries.execute(this::loadIfEmpty);
        }
    }

    /** Loads the snapshot if the copy is empty; true when the copy is (now) not empty. */
    public boolean loadIfEmpty() {
        try {
            if (!copy.isEmpty()) {
                return true;
            }
            List<AgreementVersion> versions = snapshots.fetchAll("agreement", SNAPSHOT_PATH, AgreementVersion.class);
            if (updater.rebuild(versions)) {
                LOG.infof("Agreement copy rebuilt from the snapshot: %d versions", versions.size());
            }
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("Agreement snapshot not loaded (%s); retrying in %ds", e.getMessage(), retrySeconds);
            retries.schedule(this::loadIfEmpty, retrySeconds, TimeUnit.SECONDS);
            return false;
        }
    }
}
