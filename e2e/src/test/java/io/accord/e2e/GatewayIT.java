package io.accord.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.accord.platform.testing.KeycloakTokens;
import io.accord.platform.testing.LocalSecrets;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The gateway of the running stack in front of the real services, with real tokens: each route reaches its service,
 * the edge answers 401, 404 and 413 itself, and a request id follows a call into the service's log. A second gateway
 * from the packaged jar, configured with a service that is down, one that never answers and a low rate limit, shows
 * 502, 504 and 429.
 */
class GatewayIT {

    private static final List<Socket> held = new CopyOnWriteArrayList<>();
    private static ServerSocket silent;
    private static Stack.ExtraProcess edge;

    private static final String NO_CLOCK = "5f0c4c1e-2b7e-4c43-9d4e-000000000000";

    @ParameterizedTest(name = "{0} reaches {1}")
    @CsvSource({
            "/api/parties, 8081", "/api/services, 8081", "/api/calendars, 8081", "/api/agreements, 8081",
            "/api/work-items/e2e/no-such-item, 8082", "/api/clocks?size=20, 8082",
            "/api/statements, 8083", "/api/availability/incidents, 8083", "/api/measurements, 8083",
            "/api/exclusions, 8083",
            "/api/notifications, 8084", "/api/channels, 8084", "/api/escalations/" + NO_CLOCK + ", 8084"})
    void eachRouteReachesItsService(String path, int port) {
        String token = Stack.token("viewer");
        Response direct = given().port(port).auth().oauth2(token).get(path);
        Response through = Stack.gateway(token).get(path);
        assertThat(through.statusCode()).isEqualTo(direct.statusCode());
        assertThat(through.contentType()).isEqualTo(direct.contentType());
        if (direct.statusCode() == 200 && direct.body().asString().startsWith("{\"items\"")) {
            // Lists: the same page of the same things (statements and clocks are computed as of each read)
            assertThat(through.<Object>path("total")).isEqualTo(direct.path("total"));
            assertThat(ids(through)).isEqualTo(ids(direct));
        } else {
            assertThat(through.body().asString()).isEqualTo(direct.body().asString());
        }
    }

    private static List<String> ids(Response list) {
        List<Map<String, Object>> items = list.path("items");
        return items.stream().map(item -> String.valueOf(item.getOrDefault("id",
                item.getOrDefault("clockId", item.getOrDefault("code", item))))).toList();
    }

    @Test
    void noTokenIsAChallengeAndAnUnknownPathAProblem() {
        given().port(Stack.GATEWAY).get("/api/parties").then().statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"))
                .contentType("application/problem+json");
        Stack.gateway(Stack.token("viewer")).get("/api/no-such-resource").then().statusCode(404)
                .contentType("application/problem+json");
        // Role decisions are the services': a viewer may not create a party
        Stack.gateway(Stack.token("viewer")).contentType("application/json").body("{}").post("/api/parties")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void bodiesOverTheLimitsAre413() {
        String big = "{\"name\": \"" + "x".repeat(1_100_000) + "\"}";
        Stack.gateway(Stack.token("manager")).contentType("application/json").body(big).post("/api/calendars")
                .then().statusCode(413).contentType("application/problem+json");
        // Webhooks have a stricter limit: 300 KB is refused although the API would take it
        String webhook = "{\"payload\": \"" + "x".repeat(300_000) + "\"}";
        given().port(Stack.GATEWAY).contentType("application/json").body(webhook).post("/api/webhooks/generic")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void aSignedWebhookPassesTheGatewayByteForByte() throws Exception {
        // A HubSpot source of its own, with the stack's demo secret; HubSpot signs the URL it calls: the gateway's
        String sourceId = "e2e-hubspot-" + UUID.randomUUID().toString().substring(0, 8);
        Stack.gateway(Stack.token("admin")).contentType("application/json")
                .body(Map.of("id", sourceId, "provider", "hubspot", "secretRef", "hubspot-sales"))
                .post("/api/sources").then().statusCode(201);
        byte[] body = Files.readAllBytes(Stack.ROOT.resolve(
                "ticket-clock-service/src/test/resources/webhooks/hubspot-ticket-created.json"));
        byte[] secret = LocalSecrets.get("ACCORD_WEBHOOKS_SECRETS_HUBSPOT_SALES").getBytes(StandardCharsets.UTF_8);
        String uri = "http://127.0.0.1:" + Stack.GATEWAY + "/api/webhooks/" + sourceId;

        // No bearer token: the signature over the exact bytes is the credential
        hubSpot(sourceId, body, secret, uri).then().statusCode(200).contentType("application/json");
        Stack.gateway(Stack.token("viewer")).get("/api/work-items/{source}/{id}", sourceId, "2148830201").then()
                .statusCode(200).body("title", org.hamcrest.Matchers.equalTo("Invoice export fails for March"));

        // One byte changed on the way is refused, and so is a signature made for another address
        byte[] changed = body.clone();
        changed[body.length / 2] = (byte) (changed[body.length / 2] == ' ' ? '\t' : ' ');
        hubSpot(sourceId, changed, secret, uri, body).then().statusCode(401).contentType("application/problem+json");
        hubSpot(sourceId, body, secret, "http://127.0.0.1:8082/api/webhooks/" + sourceId).then().statusCode(401);
    }

    private static Response hubSpot(String sourceId, byte[] body, byte[] secret, String uri) throws Exception {
        return hubSpot(sourceId, body, secret, uri, body);
    }

    /** Posts {@code body} through the gateway with HubSpot's v3 headers computed over {@code signed}. */
    private static Response hubSpot(String sourceId, byte[] body, byte[] secret, String uri, byte[] signed)
            throws Exception {
        String timestamp = Long.toString(System.currentTimeMillis());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        mac.update(("POST" + uri).getBytes(StandardCharsets.UTF_8));
        mac.update(signed);
        mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
        return given().port(Stack.GATEWAY).contentType("application/json").body(body)
                .header("X-HubSpot-Signature-v3", Base64.getEncoder().encodeToString(mac.doFinal()))
                .header("X-HubSpot-Request-Timestamp", timestamp)
                .post("/api/webhooks/{id}", sourceId);
    }

    @Test
    void aClientOverItsRateGets429WithRetryAfter() {
        // The second gateway lets a client make 5 calls a minute; a client of its own, so the bucket is nobody else's
        String token = KeycloakTokens.local().shortLivedClientToken(Duration.ofMinutes(2), List.of("accord-viewer"));
        for (int i = 0; i < 5; i++) {
            given().port(edge.port).auth().oauth2(token).get("/api/channels").then().statusCode(200);
        }
        given().port(edge.port).auth().oauth2(token).get("/api/channels").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"));
        // Another client is not held back
        given().port(edge.port).auth().oauth2(Stack.token("viewer")).get("/api/channels").then().statusCode(200);
    }

    @Test
    void theRequestIdFollowsTheCallIntoEachServiceLog() {
        String token = Stack.token("viewer");
        Map<String, String> pathByService = Map.of(
                "agreement-service", "/api/parties?size=1",
                "ticket-clock-service", "/api/clocks?size=1",
                "penalty-service", "/api/statements?size=1",
                "notification-service", "/api/channels");
        pathByService.forEach((service, path) -> {
            String id = "e2e-" + UUID.randomUUID();
            Stack.gateway(token).header("X-Request-Id", id).get(path).then().statusCode(200)
                    .header("X-Request-Id", id);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(log(service)).as("%s's log shows request %s", service, id).contains("rid=" + id);
                assertThat(log("gateway")).as("the gateway's log shows request %s", id).contains("rid=" + id);
            });
        });
    }

    @Test
    void aServiceThatIsDownIs502AndOneThatIsSilentIs504() {
        String token = Stack.token("viewer");
        given().port(edge.port).auth().oauth2(token).get("/api/parties").then().statusCode(502)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("agreement"));
        long start = System.nanoTime();
        given().port(edge.port).auth().oauth2(token).get("/api/statements").then().statusCode(504)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("penalty"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        // The services that are up are still reached through this gateway
        given().port(edge.port).auth().oauth2(token).get("/api/channels").then().statusCode(200);
    }

    /**
     * A second gateway from the packaged jar, in front of the same Keycloak and notification-service, but with
     * agreement-service pointed at a port nobody listens on, penalty-service at a server that accepts connections
     * and never answers (1 s timeout), and a rate limit of 5 calls a minute per client.
     */
    @BeforeAll
    static void startSecondGateway() throws IOException {
        silent = new ServerSocket(0);
        Thread acceptor = new Thread(() -> {
            while (!silent.isClosed()) {
                try {
                    held.add(silent.accept());
                } catch (IOException e) {
                    return;
                }
            }
        }, "silent-service");
        acceptor.setDaemon(true);
        acceptor.start();
        edge = new Stack.ExtraProcess("gateway", Stack.freePort(), Map.of(
                "accord.services.agreement.url", "http://127.0.0.1:" + Stack.freePort(),
                "accord.services.penalty.url", "http://127.0.0.1:" + silent.getLocalPort(),
                "accord.services.penalty.timeout", "1s",
                "accord.gateway.limits.api.requests", "5",
                "accord.gateway.limits.api.period", "1m",
                "accord.gateway.limits.api.burst", "5"));
    }

    @AfterAll
    static void stopSecondGateway() throws Exception {
        if (edge != null) {
            edge.close();
        }
        silent.close();
        for (Socket socket : held) {
            socket.close();
        }
    }

    private static String log(String service) {
        try {
            return Files.readString(Stack.LOGS.resolve(service + ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
