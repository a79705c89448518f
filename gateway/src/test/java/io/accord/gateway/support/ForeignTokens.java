package io.accord.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accord.platform.testing.LocalSecrets;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Genuine Keycloak tokens the gateway must still refuse: one of the master realm (another issuer),
 * and one of realm accord issued without the {@code accord-api} audience.
 */
public final class ForeignTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ForeignTokens() {
    }

    private static URI keycloak() {
        return URI.create(LocalSecrets.find("ACCORD_KEYCLOAK_URL").orElse("http://127.0.0.1:8180"));
    }

    /** An access token of the master realm's administrator: signed by Keycloak, but not by realm accord. */
    public static String otherIssuer() {
        return token("master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", LocalSecrets.find("ACCORD_KEYCLOAK_ADMIN_USERNAME").orElse("admin"),
                "password", LocalSecrets.get("ACCORD_KEYCLOAK_ADMIN_PASSWORD")));
    }

    /** A realm accord client-credentials token of a client created without the accord-api audience. */
    public static String withoutAudience() {
        String admin = otherIssuer();
        String clientId = "accord-test-no-audience-" + UUID.randomUUID();
        String secret = UUID.randomUUID().toString();
        Map<String, Object> client = Map.of("clientId", clientId, "enabled", true, "publicClient", false,
                "secret", secret, "serviceAccountsEnabled", true, "standardFlowEnabled", false,
                "directAccessGrantsEnabled", false, "defaultClientScopes", List.of("roles"));
        send(admin("/admin/realms/accord/clients", admin).POST(body(client)).build(), 201);
        String id = send(admin("/admin/realms/accord/clients?clientId=" + clientId, admin).GET().build(), 200)
                .get(0).get("id").asText();
        try {
            return token("accord", Map.of("grant_type", "client_credentials", "client_id", clientId,
                    "client_secret", secret));
        } finally {
            send(admin("/admin/realms/accord/clients/" + id, admin).DELETE().build(), 204);
        }
    }

    private static HttpRequest.Builder admin(String path, String token) {
        return HttpRequest.newBuilder(keycloak().resolve(path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
    }

    private static String token(String realm, Map<String, String> form) {
        String encoded = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(keycloak().resolve("/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)).build(), 200).get("access_token").asText();
    }

    private static JsonNode send(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Keycloak is unreachable: run ./accord keycloak", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.BodyPublisher body(Object value) {
        try {
            return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(value));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
