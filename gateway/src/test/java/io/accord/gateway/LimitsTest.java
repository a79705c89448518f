package io.accord.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.accord.gateway.support.RawHttp;
import io.accord.gateway.support.Tokens;
import io.accord.gateway.support.WithStandIns;
import io.accord.platform.testing.KeycloakTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Body sizes and call rates the edge refuses, as problems a client can act on. */
@QuarkusTest
@TestProfile(WithStandIns.class)
class LimitsTest {

    private static final int API_LIMIT = 1024 * 1024;
    private static final int WEBHOOK_LIMIT = 256 * 1024;

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void declaredOversizedBodyIsRefusedUnread() {
        given().auth().oauth2(Tokens.user("agent")).contentType("application/octet-stream")
                .body(new byte[API_LIMIT + 1])
                .post("/api/work-items").then()
                .statusCode(413)
                .contentType("application/problem+json")
                .header("Connection", "close")
                .body("type", equalTo("urn:accord:problem:payload-too-large"))
                .body("title", equalTo("Request body too large"))
                .body("detail", equalTo("The body declares " + (API_LIMIT + 1) + " bytes; the limit is " + API_LIMIT
                        + " bytes."))
                .body("instance", equalTo("/api/work-items"));
        given().auth().oauth2(Tokens.user("agent")).contentType("application/octet-stream")
                .body(new byte[API_LIMIT])
                .post("/api/work-items").then().statusCode(200).body("length", equalTo(API_LIMIT));
    }

    @Test
    void chunkedBodyIsCutOffAtTheLimit() {
        RawHttp.Answer answer = RawHttp.send("127.0.0.1", gateway.getPort(),
                "POST /api/work-items HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Tokens.user("agent")
                        + "\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked",
                RawHttp.chunked(new byte[API_LIMIT + 64 * 1024], 16 * 1024));
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("content-type")).isEqualTo("application/problem+json");
        assertThat(answer.body()).contains("\"type\":\"urn:accord:problem:payload-too-large\"")
                .contains("larger than the limit of " + API_LIMIT + " bytes");

        RawHttp.Answer small = RawHttp.send("127.0.0.1", gateway.getPort(),
                "POST /api/work-items HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Tokens.user("agent")
                        + "\r\nTransfer-Encoding: chunked",
                RawHttp.chunked(new byte[100_000], 8 * 1024));
        assertThat(small.status()).isEqualTo(200);
        assertThat(small.body()).contains("\"length\":100000");
    }

    @Test
    void webhooksHaveTheirOwnStricterBodyLimit() {
        given().body(new byte[WEBHOOK_LIMIT + 1]).post("/api/webhooks/jira").then()
                .statusCode(413)
                .body("detail", equalTo("The body declares " + (WEBHOOK_LIMIT + 1) + " bytes; the limit is "
                        + WEBHOOK_LIMIT + " bytes."));
    }

    @Test
    void clientOverItsRateGetsTooManyRequestsWithRetryAfter() {
        // A client of its own, so no other test shares its bucket
        String token = KeycloakTokens.local().shortLivedClientToken(Duration.ofMinutes(5), List.of("accord-integration"));
        // The bucket refills one call a second meanwhile, so a few more than the burst may pass
        int passed = 0;
        Response refused = null;
        for (int i = 0; i < WithStandIns.API_BURST + 20 && refused == null; i++) {
            Response response = given().auth().oauth2(token).get("/api/clocks");
            if (response.statusCode() == 200) {
                passed++;
            } else {
                refused = response;
            }
        }
        assertThat(passed).isBetween(WithStandIns.API_BURST, WithStandIns.API_BURST + 19);
        assertThat(refused).isNotNull();
        refused.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:accord:problem:too-many-requests"))
                .body("title", equalTo("Too many requests"))
                .body("status", equalTo(429));
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        // Other clients are not affected
        given().auth().oauth2(Tokens.user("admin")).get("/api/clocks").then().statusCode(200);
    }

    @Test
    void webhookSourcesAreLimitedByAddress() {
        // Deliveries from 127.0.0.2: another source than every other test's
        String head = "POST /api/webhooks/jira HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2";
        int passed = 0;
        RawHttp.Answer refused = null;
        for (int i = 0; i < WithStandIns.WEBHOOK_BURST + 20 && refused == null; i++) {
            RawHttp.Answer answer = RawHttp.send("127.0.0.2", gateway.getPort(), head, "{}".getBytes());
            if (answer.status() == 200) {
                passed++;
            } else {
                refused = answer;
            }
        }
        assertThat(passed).isBetween(WithStandIns.WEBHOOK_BURST, WithStandIns.WEBHOOK_BURST + 19);
        assertThat(refused).isNotNull();
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("retry-after")).isNotBlank();
        assertThat(refused.body()).contains("urn:accord:problem:too-many-requests");
        given().body("{}").post("/api/webhooks/jira").then().statusCode(200);
    }
}
