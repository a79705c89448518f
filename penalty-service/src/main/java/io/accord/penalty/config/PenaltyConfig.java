package io.accord.penalty.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The penalty service's own settings ({@code accord.penalty.*}). */
@ConfigMapping(prefix = "accord.penalty")
public interface PenaltyConfig {

    /** How long after a period's end a statement stays open for late events before it closes by itself. */
    @WithDefault("P5D")
    Duration gracePeriod();

    /** An open statement publishes {@code statement.updated} once it has been quiet this long after a change. */
    @WithDefault("30s")
    Duration updateDebounce();

    /** How often debounced updates are looked for ({@code off} disables the schedule). */
    @WithDefault("10s")
    String updateCheck();

    /** How often statements past their grace period are closed ({@code off} disables the schedule). */
    @WithDefault("5m")
    String closeCheck();

    /** The Alertmanager webhook. */
    Alertmanager alertmanager();

    interface Alertmanager {
        /** The bearer token Alertmanager sends ({@code http_config.authorization.credentials}); unset refuses all. */
        Optional<String> secret();

        /** The alert label naming the Accord service code. */
        @WithDefault("service")
        String serviceLabel();

        /** An alert with this label set to {@code true} is planned maintenance. */
        @WithDefault("accord_planned")
        String plannedLabel();
    }
}
