package io.accord.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.accord.gateway.support.Tokens;
import io.accord.gateway.support.WithStandIns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every route reaches its service with the request intact, and the answer comes back intact. */
@QuarkusTest
@TestProfile(WithStandIns.class)
class RoutingTest {

    static Stream<Arguments> routes() {
        return Stream.of(
                Arguments.of("GET", "/api/parties?name=Acme%20Corp&page=2", "agreement"),
                Arguments.of("POST", "/api/services", "agreement"),
                Arguments.of("PUT", "/api/calendars/cal-1", "agreement"),
                Arguments.of("POST", "/api/calendars/cal-1/holidays:import", "agreement"),
                Arguments.of("GET", "/api/agreements", "agreement"),
                Arguments.of("GET", "/api/agreements:snapshot?page=1&size=500", "agreement"),
                Arguments.of("PATCH", "/api/agreements/42/versions/3", "agreement"),
                Arguments.of("POST", "/api/work-items", "ticket-clock"),
                Arguments.of("GET", "/api/clocks/clock-7?at=2025-01-01T00:00:00Z", "ticket-clock"),
                Arguments.of("DELETE", "/api/sources/jira", "ticket-clock"),
                Arguments.of("GET", "/api/statements/2025-01", "penalty"),
                Arguments.of("POST", "/api/availability", "penalty"),
                Arguments.of("GET", "/api/measurements?service=s1&service=s2", "penalty"),
                Arguments.of("POST", "/api/exclusions", "penalty"),
                Arguments.of("GET", "/api/notifications", "notification"),
                Arguments.of("POST", "/api/escalations/e-1:acknowledge", "notification"),
                Arguments.of("PUT", "/api/channels/email", "notification"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("routes")
    void eachRouteReachesItsServiceIntact(String method, String uri, String service) {
        String token = Tokens.user("manager");
        boolean withBody = !method.equals("GET") && !method.equals("DELETE");
        var request = given().auth().oauth2(token).header("X-Custom", "kept as is");
        if (withBody) {
            request = request.contentType("application/json").body("{\"name\": \"Ünïcode ✓\",  \"n\": 1}\n");
        }
        JsonPath echo = request.urlEncodingEnabled(false).request(method, uri)
                .then().statusCode(200).header("X-Served-By", service)
                .extract().jsonPath();

        assertThat(echo.getString("service")).isEqualTo(service);
        assertThat(echo.getString("method")).isEqualTo(method);
        assertThat(echo.getString("uri")).isEqualTo(uri);
        assertThat(echo.getString("headers.authorization")).isEqualTo("Bearer " + token);
        assertThat(echo.getString("headers.x-custom")).isEqualTo("kept as is");
        if (withBody) {
            assertThat(new String(Base64.getDecoder().decode(echo.getString("body")), StandardCharsets.UTF_8))
                    .isEqualTo("{\"name\": \"Ünïcode ✓\",  \"n\": 1}\n");
        } else {
            assertThat(echo.getInt("length")).isZero();
        }
    }

    @Test
    void webhooksGoToTheirServiceWithoutToken() {
        given().body("{}").post("/api/webhooks/jira").then().statusCode(200).body("service", equalTo("ticket-clock"));
        given().body("{}").post("/api/webhooks/alertmanager").then().statusCode(200).body("service", equalTo("penalty"));
        given().body("{}").post("/api/webhooks/alertmanager/v2").then().statusCode(200).body("service", equalTo("penalty"));
    }

    @Test
    void unknownPathsAreNotFoundProblems() {
        String token = Tokens.user("manager");
        for (String path : new String[] {"/api/nothing", "/api/agreementsX", "/api", "/nothing/at/all"}) {
            given().auth().oauth2(token).get(path).then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:accord:problem:not-found"))
                    .body("title", equalTo("Not found"))
                    .body("status", equalTo(404))
                    .body("instance", equalTo(path))
                    .body("detail", equalTo("No Accord API answers at " + path + "."));
        }
    }

    @Test
    void largeBodiesStreamBothWaysByteForByte() throws Exception {
        byte[] upload = new byte[900 * 1024];
        new Random(7).nextBytes(upload);
        JsonPath echo = given().auth().oauth2(Tokens.user("manager"))
                .contentType("application/octet-stream").body(upload)
                .post("/api/measurements").then().statusCode(200).extract().jsonPath();
        assertThat(echo.getInt("length")).isEqualTo(upload.length);
        assertThat(Base64.getDecoder().decode(echo.getString("body"))).isEqualTo(upload);

        int size = 5 * 1024 * 1024;
        byte[] download = given().auth().oauth2(Tokens.user("manager"))
                .get("/api/statements/export?download=" + size).then().statusCode(200)
                .extract().asByteArray();
        byte[] expected = new byte[size];
        for (int i = 0; i < size; i++) {
            expected[i] = (byte) (i * 31 + 7);
        }
        assertThat(MessageDigest.getInstance("SHA-256").digest(download))
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(expected));
    }

    @Test
    void requestIdIsReturnedAndForwarded() {
        Response generated = given().auth().oauth2(Tokens.user("manager")).get("/api/agreements");
        String id = generated.header("X-Request-Id");
        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(generated.jsonPath().getString("headers.x-request-id")).isEqualTo(id);

        Response kept = given().auth().oauth2(Tokens.user("manager")).header("X-Request-Id", "helpdesk-4711.retry_2")
                .get("/api/agreements");
        assertThat(kept.header("X-Request-Id")).isEqualTo("helpdesk-4711.retry_2");
        assertThat(kept.jsonPath().getString("headers.x-request-id")).isEqualTo("helpdesk-4711.retry_2");

        for (String insane : new String[] {"has space", "<script>", "a".repeat(129), "ünï"}) {
            Response replaced = given().auth().oauth2(Tokens.user("manager")).header("X-Request-Id", insane)
                    .get("/api/agreements");
            assertThat(replaced.header("X-Request-Id")).matches("[0-9a-f]{32}");
            assertThat(replaced.jsonPath().getString("headers.x-request-id")).isEqualTo(replaced.header("X-Request-Id"));
        }
    }

    @Test
    void errorAnswersOfTheGatewayCarryTheRequestIdToo() {
        given().header("X-Request-Id", "no-token-call").get("/api/agreements").then()
                .statusCode(401).header("X-Request-Id", "no-token-call");
        given().auth().oauth2(Tokens.user("manager")).header("X-Request-Id", "lost-call").get("/api/nothing").then()
                .statusCode(404).header("X-Request-Id", "lost-call");
    }

    @Test
    void traceContextIsForwardedOrStarted() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        given().auth().oauth2(Tokens.user("manager")).header("traceparent", traceparent).get("/api/clocks")
                .then().statusCode(200).body("headers.traceparent", equalTo(traceparent));

        String started = given().auth().oauth2(Tokens.user("manager")).get("/api/clocks")
                .then().statusCode(200).extract().jsonPath().getString("headers.traceparent");
        assertThat(started).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");

        String replaced = given().auth().oauth2(Tokens.user("manager")).header("traceparent", "00-garbage")
                .get("/api/clocks").then().statusCode(200).extract().jsonPath().getString("headers.traceparent");
        assertThat(replaced).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void servicesLearnWhereTheCallCameFrom() {
        JsonPath echo = given().auth().oauth2(Tokens.user("manager"))
                .header("X-Forwarded-For", "6.6.6.6").header("Forwarded", "for=6.6.6.6")
                .get("/api/parties").then().statusCode(200).extract().jsonPath();
        assertThat(echo.getString("headers.x-forwarded-for")).isEqualTo("127.0.0.1");
        assertThat(echo.getString("headers.x-forwarded-proto")).isEqualTo("http");
        assertThat(echo.getString("headers.x-forwarded-host")).startsWith("localhost:");
        assertThat(echo.getString("headers.forwarded")).isNull();
        assertThat(echo.getString("headers.host")).startsWith("127.0.0.1:");
    }

    @Test
    void dotSegmentsAreResolvedBeforeRoutingAndForwarding() {
        // Without a token this would be a webhook; resolved, it is an agreement call and needs one
        given().urlEncodingEnabled(false).post("/api/webhooks/../agreements").then().statusCode(401);
        given().auth().oauth2(Tokens.user("manager")).urlEncodingEnabled(false)
                .get("/api/webhooks/../agreements/7?x=1").then().statusCode(200)
                .body("service", equalTo("agreement"))
                .body("uri", equalTo("/api/agreements/7?x=1"));
    }

    @Test
    void metricsNameRoutesNotPaths() {
        given().auth().oauth2(Tokens.user("manager")).get("/api/agreements/a0b1c2d3-metrics").then().statusCode(200);
        given().auth().oauth2(Tokens.user("manager")).urlEncodingEnabled(false).get("/api/agreements:snapshot")
                .then().statusCode(200);
        given().auth().oauth2(Tokens.user("manager")).get("/api/unknown-metrics-probe").then().statusCode(404);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .contains("uri=\"/api/agreements/{rest}\"")
                .contains("uri=\"/api/{unknown}\"")
                .doesNotContain("a0b1c2d3-metrics")
                .doesNotContain("unknown-metrics-probe");
    }

    @Test
    void answersCarrySecurityHeaders() {
        given().auth().oauth2(Tokens.user("manager")).get("/api/parties").then()
                .statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .header("X-Frame-Options", "DENY")
                .header("Server", nullValue());
        given().get("/api/parties").then()
                .statusCode(401)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store");
        given().get("/q/health/live").then()
                .statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Server", nullValue());
    }

    @Test
    void corsPreflightAnswersConfiguredOriginsOnly() {
        given().header("Origin", WithStandIns.ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/agreements")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", WithStandIns.ORIGIN)
                .header("Access-Control-Allow-Methods", org.hamcrest.Matchers.containsString("POST"));
        given().header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/agreements")
                .then().header("Access-Control-Allow-Origin", nullValue());
        given().auth().oauth2(Tokens.user("manager")).header("Origin", WithStandIns.ORIGIN).get("/api/agreements")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", WithStandIns.ORIGIN)
                .header("Access-Control-Expose-Headers", org.hamcrest.Matchers.containsString("X-Request-Id"));
    }
}
