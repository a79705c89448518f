package io.accord.gateway.support;

import io.accord.platform.testing.KeycloakTokens;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Real tokens of the local Keycloak, reused for a minute (they live longer). */
public final class Tokens {

    private record Issued(String token, long at) {
    }

    private static final Map<String, Issued> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    public static String user(String username) {
        return cached(username, () -> KeycloakTokens.local().forUser(username));
    }

    public static String integration() {
        return cached("#integration", () -> KeycloakTokens.local().forIntegrationClient());
    }

    private static String cached(String key, Supplier<String> issue) {
        long now = System.currentTimeMillis();
        return CACHE.compute(key, (k, old) -> old != null && now - old.at() < 60_000 ? old : new Issued(issue.get(), now))
                .token();
    }
}
