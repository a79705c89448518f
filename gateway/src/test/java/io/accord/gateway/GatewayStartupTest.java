package io.accord.gateway;

import static io.restassured.RestAssured.given;

import io.accord.gateway.support.WithStandIns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** The gateway starts and reports itself healthy, whatever the state of the services behind it. */
@QuarkusTest
@TestProfile(WithStandIns.class)
class GatewayStartupTest {

    @Test
    void isAliveAndReady() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }
}
