package io.accord.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.accord.platform.testing.KeycloakTokens;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The stack that {@code ./accord up} started: every service ready, and every service guarding its API. */
class StackIT {

    private static final Map<String, Integer> SERVICES = Map.of(
            "gateway", 8080, "agreement-service", 8081, "ticket-clock-service", 8082,
            "penalty-service", 8083, "notification-service", 8084);

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "agreement-service", "ticket-clock-service", "penalty-service",
            "notification-service"})
    void everyServiceIsReady(String service) {
        given().port(SERVICES.get(service)).get("/q/health/ready").then().statusCode(200);
        given().port(SERVICES.get(service)).get("/q/health/live").then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(ints = {8081, 8082, 8083, 8084})
    void servicesAnswerUnknownPathsWithProblemsForAnonymousAndAuthenticatedCallers(int port) {
        given().port(port).get("/api/no-such-resource").then().statusCode(404)
                .contentType("application/problem+json");
        String token = KeycloakTokens.local().forUser("viewer");
        given().port(port).auth().oauth2(token).get("/api/no-such-resource").then().statusCode(404);
    }

    @Test
    void keycloakIssuesTokensWithTheAccordAudienceAndComposedRoles() {
        var claims = KeycloakTokens.claims(KeycloakTokens.local().forUser("manager"));
        assertThat(claims.get("iss").asText()).isEqualTo("http://127.0.0.1:8180/realms/accord");
        assertThat(claims.get("aud").toString()).contains("accord-api");
        assertThat(claims.get("realm_access").get("roles").toString())
                .contains("accord-manager", "accord-agent", "accord-viewer");
    }
}
