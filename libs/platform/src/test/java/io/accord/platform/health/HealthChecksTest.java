package io.accord.platform.health;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.accord.platform.fixtures.RabbitProxyResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthChecksTest {

    @Test
    void aBrokerOutageMakesTheServiceUnreadyButNeverDead() {
        await().atMost(Duration.ofSeconds(30)).until(() -> status("/q/health/ready") == 200);
        RabbitProxyResource.proxy().cut();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> status("/q/health/ready") == 503);
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            RabbitProxyResource.proxy().restore();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> status("/q/health/ready") == 200);
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void metricsAndOpenApiAnswerWithoutAToken() {
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("accord_outbox_backlog"));
        given().get("/q/openapi").then().statusCode(200);
    }

    private static int status(String path) {
        return given().get(path).statusCode();
    }
}
