package io.accord.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.accord.gateway.support.Downstreams;
import io.accord.gateway.support.StandIns;
import io.accord.gateway.support.Tokens;
import io.accord.gateway.support.WithStandIns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** A service that is down, slow or failing costs callers a clear answer, never a hang. */
@QuarkusTest
@TestProfile(WithStandIns.class)
class ResilienceTest {

    @Test
    void unreachableServiceIsABadGatewayProblem() {
        given().auth().oauth2(Tokens.user("agent")).get(Downstreams.CLOSED_PREFIX + "/x").then()
                .statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:accord:problem:bad-gateway"))
                .body("title", equalTo("Upstream service unavailable"))
                .body("detail", equalTo("The closed service is unreachable."))
                .body("instance", equalTo(Downstreams.CLOSED_PREFIX + "/x"));
    }

    @Test
    void slowServiceIsAGatewayTimeoutWithinTheRouteTimeout() {
        long started = System.nanoTime();
        given().auth().oauth2(Tokens.user("agent")).get("/api/clocks/slow?delay=5000").then()
                .statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:accord:problem:gateway-timeout"))
                .body("title", equalTo("Upstream service timed out"))
                .body("detail", equalTo("The ticket-clock service did not answer within "
                        + WithStandIns.TIMEOUT_MILLIS + " ms."));
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(elapsedMillis).isBetween(WithStandIns.TIMEOUT_MILLIS, WithStandIns.TIMEOUT_MILLIS + 500);
        // Just under the timeout is fine
        given().auth().oauth2(Tokens.user("agent")).get("/api/clocks/slow?delay=500").then().statusCode(200);
    }

    @Test
    void callersHangingUpDoNotOpenTheCircuit() throws Exception {
        int port = io.restassured.RestAssured.port;
        String token = Tokens.user("agent");
        for (int i = 0; i < 6; i++) {
            // Ask, then hang up before the answer
            try (Socket socket = new Socket("127.0.0.1", port)) {
                String request = "GET /api/clocks/slow?delay=300 HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + token + "\r\n\r\n";
                socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                Thread.sleep(50);
            }
        }
        Thread.sleep(400);
        given().auth().oauth2(token).get("/api/clocks").then().statusCode(200);
    }

    @Test
    void circuitOpensAfterRepeatedFailuresAndClosesWhenTheServiceIsBack() throws Exception {
        String token = Tokens.user("admin");
        String path = Downstreams.FLAKY_PREFIX + "/items";
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get(path).then().statusCode(502);
        }
        Response open = given().auth().oauth2(token).get(path);
        open.then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:accord:problem:service-unavailable"))
                .body("detail", equalTo("The flaky service failed repeatedly; calls to it are suspended for up to 2 s."));
        assertThat(open.header("Retry-After")).isEqualTo("2");

        int port = URI.create(ConfigProvider.getConfig().getValue("accord.services.flaky.url", String.class)).getPort();
        Vertx vertx = Vertx.vertx();
        try {
            StandIns.echo(vertx, "flaky", port);
            // Still open: refused at once, without calling the service
            given().auth().oauth2(token).get(path).then().statusCode(503);
            Thread.sleep(2300);
            given().auth().oauth2(token).get(path).then().statusCode(200).body("service", equalTo("flaky"));
            given().auth().oauth2(token).get(path).then().statusCode(200);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
