package io.accord.notification.support;

import io.accord.platform.security.Roles;
import io.accord.platform.testing.KeycloakTokens;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real access tokens of the demo users from the local Keycloak, one per staff role (composites included). */
public final class TestTokens {

    private static final Map<String, String> USERS = Map.of(Roles.VIEWER, "viewer", Roles.AGENT, "agent",
            Roles.MANAGER, "manager", Roles.ADMIN, "admin");
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private TestTokens() {
    }

    public static String forRole(String role) {
        return CACHE.computeIfAbsent(role, r -> KeycloakTokens.local().forUser(USERS.get(r)));
    }

    public static String userOf(String role) {
        return USERS.get(role);
    }
}
