package io.accord.notification.service;

import java.time.Duration;
import java.time.Instant;

/**
 * Exponential backoff with jitter for failed deliveries: {@code initial * 2^(attempt-1)}, capped at {@code max},
 * plus up to {@code jitter} of that, so retries of many deliveries to one recovering endpoint spread out.
 */
public record Backoff(Duration initial, Duration max, double jitter, int maxAttempts) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, got " + jitter);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
    }

    /** The pause after the {@code attempt}-th failed attempt (1-based), before jitter. */
    public Duration pauseAfter(int attempt) {
        int exponent = Math.min(Math.max(attempt - 1, 0), 30);
        long millis = initial.toMillis() << exponent;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }

    /** When to try again after the {@code attempt}-th failure; {@code random} in [0, 1) picks the jitter. */
    public Instant nextAttempt(int attempt, Instant now, double random) {
        Duration pause = pauseAfter(attempt);
        return now.plus(pause).plusMillis((long) (pause.toMillis() * jitter * random));
    }

    /** True when no attempt is left after {@code attempts} failed ones. */
    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }
}
