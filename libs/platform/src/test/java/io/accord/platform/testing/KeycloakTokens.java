package io.accord.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Real access tokens from the local Keycloak ({@code ./accord keycloak}) for tests: a demo user's,
 * a client's (client credentials), and, through the admin API, tokens of users and clients created
 * for one test (a customer with a {@code party_id}, a client whose tokens expire after a second).
 *
 * <pre>{@code
 * String token = KeycloakTokens.local().forUser("manager");
 * given().auth().oauth2(token).get("/api/agreements").then().statusCode(200);
 * }</pre>
 */
public final class KeycloakTokens {

    public static final String REALM = "accord";
    public static final String CLI_CLIENT = "accord-cli";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KeycloakTokens(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The Keycloak of this checkout, at ACCORD_KEYCLOAK_URL or http://127.0.0.1:8180. */
    public static KeycloakTokens local() {
        return new KeycloakTokens(URI.create(LocalSecrets.find("ACCORD_KEYCLOAK_URL").orElse("http://127.0.0.1:8180")));
    }

    /** A demo user's access token (viewer, agent, manager, admin, customer), via the accord-cli client. */
    public String forUser(String username) {
        return forUser(username, LocalSecrets.get("ACCORD_DEMO_PASSWORD"));
    }

    public String forUser(String username, String password) {
        return token(REALM, Map.of("grant_type", "password", "client_id", CLI_CLIENT,
                "username", username, "password", password));
    }

    /** A service account's access token through client credentials. */
    public String forClient(String clientId, String secret) {
        return token(REALM, Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    /** The accord-internal client's token, as Accord's services use between themselves. */
    public String forInternalClient() {
        return forClient("accord-internal", LocalSecrets.get("ACCORD_INTERNAL_CLIENT_SECRET"));
    }

    /** The accord-integration client's token, as a helpdesk or CRM uses. */
    public String forIntegrationClient() {
        return forClient("accord-integration", LocalSecrets.get("ACCORD_INTEGRATION_CLIENT_SECRET"));
    }

    /**
     * Creates (or replaces) a user with the given realm roles and, when not null, a {@code party_id}
     * attribute; returns its password.
     */
    public String createUser(String username, List<String> roles, String partyId) {
        String admin = adminToken();
        String password = UUID.randomUUID().toString();
        deleteUser(username);
        Map<String, Object> user = new java.util.LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("email", username + "@accord.test");
        user.put("emailVerified", true);
        user.put("firstName", username);
        user.put("lastName", "Test");
        user.put("credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        if (partyId != null) {
            user.put("attributes", Map.of("party_id", List.of(partyId)));
        }
        send(adminRequest("/admin/realms/" + REALM + "/users", admin).POST(body(user)), 201);
        String userId = adminGet("/admin/realms/" + REALM + "/users?exact=true&username=" + username, admin)
                .get(0).get("id").asText();
        List<JsonNode> roleRepresentations = roles.stream()
                .map(role -> adminGet("/admin/realms/" + REALM + "/roles/" + role, admin)).toList();
        send(adminRequest("/admin/realms/" + REALM + "/users/" + userId + "/role-mappings/realm", admin)
                .POST(body(roleRepresentations)), 204);
        return password;
    }

    public void deleteUser(String username) {
        String admin = adminToken();
        for (JsonNode user : adminGet("/admin/realms/" + REALM + "/users?exact=true&username=" + username, admin)) {
            send(adminRequest("/admin/realms/" + REALM + "/users/" + user.get("id").asText(), admin).DELETE(), 204);
        }
    }

    /**
     * Creates a confidential client whose access tokens live {@code lifespan}, with a service account
     * holding {@code roles}, and returns a token from it; the client is deleted again at once.
     */
    public String shortLivedClientToken(Duration lifespan, List<String> roles) {
        String admin = adminToken();
        String clientId = "accord-test-" + UUID.randomUUID();
        String secret = UUID.randomUUID().toString();
        Map<String, Object> client = Map.of(
                "clientId", clientId, "enabled", true, "publicClient", false, "secret", secret,
                "serviceAccountsEnabled", true, "standardFlowEnabled", false, "directAccessGrantsEnabled", false,
                "defaultClientScopes", List.of("roles", "accord-api-audience"),
                "attributes", Map.of("access.token.lifespan", String.valueOf(lifespan.toSeconds())));
        send(adminRequest("/admin/realms/" + REALM + "/clients", admin).POST(body(client)), 201);
        String id = adminGet("/admin/realms/" + REALM + "/clients?clientId=" + clientId, admin).get(0).get("id").asText();
        try {
            String serviceUser = adminGet("/admin/realms/" + REALM + "/clients/" + id + "/service-account-user", admin)
                    .get("id").asText();
            List<JsonNode> roleRepresentations = roles.stream()
                    .map(role -> adminGet("/admin/realms/" + REALM + "/roles/" + role, admin)).toList();
            send(adminRequest("/admin/realms/" + REALM + "/users/" + serviceUser + "/role-mappings/realm", admin)
                    .POST(body(roleRepresentations)), 204);
            return forClient(clientId, secret);
        } finally {
            send(adminRequest("/admin/realms/" + REALM + "/clients/" + id, admin).DELETE(), 204);
        }
    }

    /** The claims of a token, without checking its signature (tests inspect what Keycloak issued). */
    /** Waits until {@code token}'s {@code exp} lies two seconds in the past, so it is expired whatever the rounding. */
    public static void awaitExpiry(String token) throws InterruptedException {
        long expiredAt = (claims(token).get("exp").asLong() + 2) * 1000;
        long wait = expiredAt - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    public static JsonNode claims(String token) {
        try {
            String payload = token.split("\\.")[1];
            return JSON.readTree(java.util.Base64.getUrlDecoder().decode(payload));
        } catch (Exception e) {
            throw new IllegalArgumentException("not a JWT", e);
        }
    }

    private String adminToken() {
        return token("master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", LocalSecrets.find("ACCORD_KEYCLOAK_ADMIN_USERNAME").orElse("admin"),
                "password", LocalSecrets.get("ACCORD_KEYCLOAK_ADMIN_PASSWORD")));
    }

    private String token(String realm, Map<String, String> form) {
        String encoded = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded))
                .build();
        return send(request, 200).get("access_token").asText();
    }

    private HttpRequest.Builder adminRequest(String path, String adminToken) {
        return HttpRequest.newBuilder(baseUrl.resolve(path))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json");
    }

    private JsonNode adminGet(String path, String adminToken) {
        return send(adminRequest(path, adminToken).GET(), 200);
    }

    private JsonNode send(HttpRequest.Builder request, int expected) {
        return send(request.build(), expected);
    }

    private JsonNode send(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + " (expected " + expected + "): " + response.body());
            }
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Keycloak at " + baseUrl + " is unreachable: run ./accord keycloak", e);
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
