package io.accord.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * One token bucket per client (Bucket4j, in memory): {@code burst} calls at once, refilled
 * greedily at {@code requests} per {@code period}. Buckets of clients that went quiet are dropped.
 */
final class RateLimiter {

    /** The outcome of one call: allowed, or refused with the seconds to wait. */
    record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private final String description;
    private final long requests;
    private final Duration period;
    private final long burst;
    private final Cache<String, Bucket> buckets;

    RateLimiter(GatewayConfig.Limit limit) {
        this.requests = limit.requests();
        this.period = limit.period();
        this.burst = limit.burst().orElse(limit.requests());
        if (requests < 1 || burst < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalStateException("A rate limit needs requests >= 1, burst >= 1 and a positive period");
        }
        this.description = requests + " requests per " + period.toString().substring(2).toLowerCase();
        // A bucket idle for long enough to have refilled completely is the same as a new one
        Duration idle = period.multipliedBy(Math.max(1, (burst + requests - 1) / requests)).plusMinutes(1);
        this.buckets = Caffeine.newBuilder().expireAfterAccess(idle).maximumSize(200_000).build();
    }

    Decision tryCall(String client) {
        Bucket bucket = buckets.get(client, this::newBucket);
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return new Decision(true, 0);
        }
        long nanos = probe.getNanosToWaitForRefill();
        return new Decision(false, Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }

    String description() {
        return description;
    }

    private Bucket newBucket(String client) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(requests, period))
                .build();
    }
}
