package io.accord.agreement.service;

import io.accord.agreement.repository.AgreementRepository;
import io.accord.platform.problem.ProblemException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Scheduled activations, expiries and auto-renewals. Each agreement is handled in its own transaction, so one
 * failure does not hold back the others; a replica that loses the race gets an optimistic-lock conflict and skips.
 */
@ApplicationScoped
public class AgreementSchedule {

    private static final Logger LOG = Logger.getLogger(AgreementSchedule.class);

    private final AgreementRepository agreements;
    private final AgreementService service;
    private final Clock clock;

    public AgreementSchedule(AgreementRepository agreements, AgreementService service, Clock clock) {
        this.agreements = agreements;
        this.service = service;
        this.clock = clock;
    }

    @Scheduled(every = "${accord.agreements.lifecycle-check}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        runDue(clock.instant());
    }

    /** Does what is due at {@code now}; returns how many agreements changed. */
    public int runDue(Instant now) {
        int changed = 0;
        for (UUID id : agreements.dueForActivation(now)) {
            changed += attempt(() -> service.activateIfDue(id, now), id);
        }
        for (UUID id : agreements.dueForExpiry(now)) {
            changed += attempt(() -> service.expireOrRenewIfDue(id, now), id);
        }
        return changed;
    }

    private static int attempt(java.util.function.BooleanSupplier work, UUID id) {
        try {
            return work.getAsBoolean() ? 1 : 0;
        } catch (ProblemException e) {
            LOG.infof("Agreement %s was changed concurrently; the next run looks again: %s", id, e.getMessage());
            return 0;
        }
    }
}
