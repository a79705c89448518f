package io.accord.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the outbox relay publishes ({@code accord.outbox.*}). */
@ConfigMapping(prefix = "accord.outbox")
public interface OutboxConfig {

    /** How often the relay looks for committed rows. */
    @WithDefault("500ms")
    Duration pollInterval();

    /** Rows claimed and published per round trip to the broker. */
    @WithDefault("200")
    int batchSize();

    /** How long to wait for the broker's publisher confirms of one batch. */
    @WithDefault("5S")
    Duration confirmTimeout();

    /** Wait after the first failed attempt; doubled per attempt up to {@link #maxBackoff()}. */
    @WithDefault("1S")
    Duration initialBackoff();

    @WithDefault("30S")
    Duration maxBackoff();

    /** Published rows are kept this long for inspection, then deleted. */
    @WithDefault("P7D")
    Duration retention();
}
