package io.accord.clock.service;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Skips the deadline poll when {@code accord.clocks.scheduler.enabled=false} (tests drive it by hand). */
@Singleton
public class SchedulerDisabled implements Scheduled.SkipPredicate {

    @ConfigProperty(name = "accord.clocks.scheduler.enabled", defaultValue = "true")
    boolean enabled;

    @Override
    public boolean test(ScheduledExecution execution) {
        return !enabled;
    }
}
