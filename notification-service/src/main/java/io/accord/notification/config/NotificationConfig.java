package io.accord.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** notification-service's settings ({@code accord.notification.*}). */
@ConfigMapping(prefix = "accord.notification")
public interface NotificationConfig {

    /** Base64 of the 256-bit AES key that encrypts channel URLs and secrets ({@code ACCORD_NOTIFICATION_KEY}). */
    Optional<String> key();

    /** Where Accord's UI answers; messages link to {@code <publicBaseUrl>/clocks/<clockId>}. */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    Delivery delivery();

    Reminders reminders();

    interface Delivery {
        /** False in tests, which drive the worker by hand. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("2s")
        Duration pollInterval();

        @WithDefault("50")
        int batchSize();

        /** How long a claimed delivery is hidden from other replicas while it is being sent. */
        @WithDefault("5m")
        Duration lease();

        @WithDefault("30s")
        Duration initialBackoff();

        @WithDefault("1h")
        Duration maxBackoff();

        @WithDefault("0.2")
        double jitter();

        @WithDefault("6")
        int maxAttempts();

        @WithDefault("5s")
        Duration connectTimeout();

        @WithDefault("10s")
        Duration requestTimeout();
    }

    interface Reminders {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("10s")
        Duration pollInterval();

        @WithDefault("100")
        int batchSize();
    }
}
