package io.accord.clock.service;

import io.accord.clock.repository.AgreementCopyRepository;
import io.accord.clock.service.AgreementCoverage.CalendarChange;
import io.accord.clock.service.AgreementCoverage.StateChange;
import io.accord.model.agreement.AgreementVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.util.UUID;

/**
 * This replica's in-memory view of the agreement copy. The copy lives in PostgreSQL; the view is reloaded when the
 * copy's revision moved (another replica may have consumed the change). The revision is checked at most once per
 * {@code accord.clocks.agreement-copy-refresh} (1 s), which spares ingestion a round trip per request; the replica
 * that applies a change drops its view at once, and recomputes the affected items itself.
 */
@ApplicationScoped
public class AgreementCopy {

    /** The copy at one revision. */
    public record View(long revision, List<AgreementVersion> versions, List<StateChange> states,
            List<CalendarChange> calendars) {

        public AgreementCoverage coverageFor(String source) {
            return new AgreementCoverage(source, versions, states, calendars);
        }

        public UUID customerPartyId(String source, String customerRef) {
            return AgreementCoverage.customerPartyId(versions, source, customerRef);
        }
    }

    private final AgreementCopyRepository repository;
    private final long refreshNanos;
    private volatile View view = new View(-1, List.of(), List.of(), List.of());
    private volatile long checkedAt = System.nanoTime() - Long.MAX_VALUE / 2;

    public AgreementCopy(AgreementCopyRepository repository,
            @ConfigProperty(name = "accord.clocks.agreement-copy-refresh", defaultValue = "1s") Duration refresh) {
        this.repository = repository;
        this.refreshNanos = refresh.toNanos();
    }

    /** Forgets the view, so the next use reads the copy again (after this replica changed it). */
    public void invalidate() {
        checkedAt = System.nanoTime() - Long.MAX_VALUE / 2;
        view = new View(-1, List.of(), List.of(), List.of());
    }

    /** The copy as the current transaction sees it, uncached (for a transaction that is changing it). */
    public View uncommittedView() {
        return new View(-1, repository.versions(), repository.stateChanges(), repository.calendars());
    }

    /** The current view, reloaded first if the copy changed since it was read. */
    public View current() {
        View known = view;
        if (known.revision() >= 0 && System.nanoTime() - checkedAt < refreshNanos) {
            return known;
        }
        long revision = repository.revision();
        checkedAt = System.nanoTime();
        if (known.revision() == revision) {
            return known;
        }
        synchronized (this) {
            if (view.revision() != revision) {
                view = new View(revision, repository.versions(), repository.stateChanges(), repository.calendars());
            }
            return view;
        }
    }
}
