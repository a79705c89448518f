package io.accord.gateway;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The gateway starts and reports itself healthy; routing and security come with its own work. */
@QuarkusTest
class GatewayStartupTest {

    @Test
    void isAliveAndReady() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }
}
