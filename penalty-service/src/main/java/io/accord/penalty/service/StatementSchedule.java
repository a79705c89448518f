package io.accord.penalty.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Time-driven work: debounced {@code statement.updated} events, and closing periods after their grace period. */
@ApplicationScoped
public class StatementSchedule {

    private final Statements statements;

    public StatementSchedule(Statements statements) {
        this.statements = statements;
    }

    @Scheduled(every = "${accord.penalty.update-check:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publishUpdates() {
        statements.publishUpdates(Instant.now());
    }

    @Scheduled(every = "${accord.penalty.close-check:5m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void closeDue() {
        Instant now = Instant.now();
        statements.ensureRecent(now);
        statements.closeDue(now);
    }
}
