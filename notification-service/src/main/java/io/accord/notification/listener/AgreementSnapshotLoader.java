package io.accord.notification.listener;

import io.accord.model.agreement.AgreementVersion;
import io.accord.notification.service.AgreementCopies;
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
 * Rebuilds the agreement copy from agreement-service's snapshot when it is empty at startup, retrying in the
 * background while agreement-service is unreachable, so the service starts (and escalates what it can) anyway.
 */
@ApplicationScoped
public class AgreementSnapshotLoader {

    private static final Logger LOG = Logger.getLogger(AgreementSnapshotLoader.class);
    static final String SNAPSHOT_PATH = "/api/agreements:snapshot";

    private final SnapshotClient snapshots;
    private final AgreementCopies copies;
    private final boolean enabled;
    private final long retrySeconds;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "accord-agreement-snapshot");
        thread.setDaemon(true);
        return thread;
    });

    public AgreementSnapshotLoader(SnapshotClient snapshots, AgreementCopies copies,
            @ConfigProperty(name = "accord.agreement-snapshot.at-startup", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "accord.agreement-snapshot.retry-seconds", defaultValue = "30") long retrySeconds) {
        this.snapshots = snapshots;
        this.copies = copies;
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
            if (!copies.isEmpty()) {
                return true;
            }
            List<AgreementVersion> versions = snapshots.fetchAll("agreement", SNAPSHOT_PATH, AgreementVersion.class);
            int added = 0;
            for (AgreementVersion version : versions) {
                added += copies.apply(version) ? 1 : 0;
            }
            LOG.infof("Agreement copy rebuilt from the snapshot: %d versions", added);
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("Agreement snapshot not loaded (%s); retrying in %ds", e.getMessage(), retrySeconds);
            retries.schedule(this::loadIfEmpty, retrySeconds, TimeUnit.SECONDS);
            return false;
        }
    }
}
