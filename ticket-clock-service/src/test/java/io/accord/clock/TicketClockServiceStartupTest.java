package io.accord.clock;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The service starts against the real PostgreSQL, RabbitMQ and Keycloak and reports itself healthy. */
@QuarkusTest
class TicketClockServiceStartupTest {

    @Test
    void isAliveAndReady() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void publishesItsOpenApiDocument() {
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void answersUnknownPathsWithAProblem() {
        given().get("/api/no-such-resource").then().statusCode(404).contentType("application/problem+json");
    }
}
