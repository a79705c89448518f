package io.accord.gateway.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The one test profile of the gateway: stand-in services, short timeouts, a circuit that opens
 * after three failures for two seconds, and limits small enough to reach in a test.
 */
public class WithStandIns implements QuarkusTestProfile {

    public static final String ORIGIN = "https://app.accord.test";
    public static final String PUBLIC_URL = "https://api.accord.test";
    public static final int API_BURST = 60;
    public static final int WEBHOOK_BURST = 20;
    public static final long TIMEOUT_MILLIS = 1000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("accord.gateway.public-url", PUBLIC_URL),
                Map.entry("accord.gateway.timeout", TIMEOUT_MILLIS + "ms"),
                Map.entry("accord.gateway.circuit-breaker.failures", "3"),
                Map.entry("accord.gateway.circuit-breaker.open-for", "2s"),
                Map.entry("accord.gateway.limits.api.requests", String.valueOf(API_BURST)),
                Map.entry("accord.gateway.limits.api.period", "1m"),
                Map.entry("accord.gateway.limits.api.burst", String.valueOf(API_BURST)),
                Map.entry("accord.gateway.limits.webhooks.requests", String.valueOf(WEBHOOK_BURST)),
                Map.entry("accord.gateway.limits.webhooks.period", "1m"),
                Map.entry("accord.gateway.limits.webhooks.burst", String.valueOf(WEBHOOK_BURST)),
                Map.entry("quarkus.http.cors.origins", ORIGIN));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Downstreams.class));
    }
}
