package io.accord.clock.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** The wall clock of the service: one bean, so every "now" comes from the same place. */
@ApplicationScoped
public class TimeSource {

    @Produces
    @Singleton
    Clock wallClock() {
        // Accord's instants have millisecond precision; so has every computation's now
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }
}
