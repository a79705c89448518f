package io.accord.platform.testing;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.Test;

/**
 * What every Accord service answers from its first start, whatever its domain: it is alive and ready
 * against the real PostgreSQL, RabbitMQ and Keycloak, publishes its OpenAPI document, and refuses
 * unknown paths with a problem. A service's startup test extends this and adds {@code @QuarkusTest}.
 */
public abstract class ServiceStartupContract {

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
