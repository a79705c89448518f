package io.accord.platform.agreements;

import io.accord.model.agreement.AgreementVersion;
import io.accord.platform.client.SnapshotClient;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Rebuilds an empty {@link AgreementReplica} (a new database, a wiped one) from agreement-service's snapshot
 * ({@code GET /api/agreements:snapshot} at {@code accord.services.agreement.url}, every page, as
 * {@code accord-internal}). At startup when {@code accord.agreement-copy.snapshot-at-startup} is true, on a
 * background thread, retrying every {@code accord.agreement-copy.snapshot-retry} while agreement-service is
 * unreachable, so the service starts anyway. A copy that is not empty is left to the events.
 */
@ApplicationScoped
@IfBuildProperty(name = AgreementEventsHandler.ENABLED, stringValue = "true")
public class AgreementSnapshotLoader {

    public static final String SERVICE = "agreement";
    public static final String PATH = "/api/agreements:snapshot";

    private static final Logger LOG = Logger.getLogger(AgreementSnapshotLoader.class);

    private final SnapshotClient snapshots;
    private final AgreementReplica replica;
    private final boolean atStartup;
    private final Duration retry;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "accord-agreement-snapshot");
        thread.setDaemon(true);
        return thread;
    });

    public AgreementSnapshotLoader(SnapshotClient snapshots, AgreementReplica replica,
            @ConfigProperty(name = "accord.agreement-copy.snapshot-at-startup", defaultValue = "true") boolean atStartup,
            @ConfigProperty(name = "accord.agreement-copy.snapshot-retry", defaultValue = "30s") Duration retry) {
        this.snapshots = snapshots;
        this.replica = replica;
        this.atStartup = atStartup;
        this.retry = retry;
    }

    void onStart(@Observes StartupEvent event) {
        if (atStartup) {
            retries.execute(this::loadIfEmpty);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        retries.shutdownNow();
    }

    /**
     * Loads the snapshot if the copy is empty; on failure schedules another attempt after the retry interval.
     *
     * @return true when the copy is (now) not empty or was rebuilt, false when the snapshot could not be read or
     *         applied (another attempt is scheduled)
     */
    public boolean loadIfEmpty() {
        try {
            if (!QuarkusTransaction.requiringNew().call(replica::isEmpty)) {
                return true;
            }
            // Read outside any transaction: the owner may be slow, a database transaction must not wait on it
            List<AgreementVersion> versions = snapshots.fetchAll(SERVICE, PATH, AgreementVersion.class);
            boolean rebuilt = QuarkusTransaction.requiringNew()
                    .call(() -> replica.isEmpty() && replica.rebuild(versions));
            if (rebuilt) {
                LOG.infof("Agreement copy rebuilt from the snapshot: %d versions", versions.size());
            }
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("Agreement snapshot not loaded (%s); retrying in %s", e.getMessage(), retry);
            try {
                retries.schedule(this::loadIfEmpty, retry.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                // Shutting down: nothing left to retry for
            }
            return false;
        }
    }
}
