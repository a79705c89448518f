package io.accord.platform.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.accord.platform.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tokens issued by the real local Keycloak, checked by the service as a resource server. */
@QuarkusTest
class RealTokenSecurityTest {

    private static final String MANAGED = "/api/fixtures/managed";
    private final KeycloakTokens keycloak = KeycloakTokens.local();

    @Test
    void withoutATokenTheAnswerIs401WithABearerChallenge() {
        given().get(MANAGED).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));
    }

    @Test
    void aRoleBelowTheRequiredOneIs403() {
        given().auth().oauth2(keycloak.forUser("viewer")).get(MANAGED)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(keycloak.forUser("agent")).get(MANAGED).then().statusCode(403);
    }

    @Test
    void theRequiredRoleAndTheRolesAboveItAre200() {
        given().auth().oauth2(keycloak.forUser("manager")).get(MANAGED)
                .then().statusCode(200).body("user", is("manager"));
        // accord-admin is a composite that includes accord-manager
        given().auth().oauth2(keycloak.forUser("admin")).get(MANAGED).then().statusCode(200);
    }

    @Test
    void aTamperedTokenIs401() {
        String token = keycloak.forUser("viewer");
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]))
                .replace("\"accord-viewer\"", "\"accord-manager\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2];
        assertThat(KeycloakTokens.claims(forged).get("realm_access").toString()).contains("accord-manager");

        given().auth().oauth2(forged).get(MANAGED).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anExpiredTokenIs401() throws InterruptedException {
        // Keycloak writes iat and exp in whole seconds, so a 1 s token may be valid for almost no time at all:
        // 5 s leaves room for the first call on a busy machine; then wait for the token's own exp
        String token = keycloak.shortLivedClientToken(Duration.ofSeconds(5), List.of(Roles.MANAGER));
        given().auth().oauth2(token).get(MANAGED).then().statusCode(200);

        KeycloakTokens.awaitExpiry(token);

        given().auth().oauth2(token).get(MANAGED).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aCustomerTokenCarriesItsParty() {
        String partyId = "5b7a1c7e-1f0e-4a55-8f53-2a5c1d9e7b10";
        String password = keycloak.createUser("customer-test", List.of(Roles.CUSTOMER), partyId);
        try {
            given().auth().oauth2(keycloak.forUser("customer-test", password)).get("/api/fixtures/party")
                    .then().statusCode(200).body("party", is(partyId));
        } finally {
            keycloak.deleteUser("customer-test");
        }
    }

    @Test
    void anIntegrationClientIsNotStaff() {
        given().auth().oauth2(keycloak.forIntegrationClient()).get(MANAGED).then().statusCode(403);
    }
}
