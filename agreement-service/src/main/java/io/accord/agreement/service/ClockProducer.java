package io.accord.agreement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The clock every "now" comes from, so tests can reason about time without sleeping. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @jakarta.inject.Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
