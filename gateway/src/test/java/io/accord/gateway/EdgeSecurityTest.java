package io.accord.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.accord.gateway.support.ForeignTokens;
import io.accord.gateway.support.Tokens;
import io.accord.gateway.support.WithStandIns;
import io.accord.platform.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tokens at the edge: who gets through, and how the others are told. */
@QuarkusTest
@TestProfile(WithStandIns.class)
class EdgeSecurityTest {

    @Test
    void noTokenIsAnUnauthorizedProblemWithChallenge() {
        given().get("/api/agreements").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"accord\"")
                .body("type", equalTo("urn:accord:problem:unauthorized"))
                .body("title", equalTo("Authentication required"))
                .body("status", equalTo(401))
                .body("detail", equalTo("A valid bearer token is required."))
                .body("instance", equalTo("/api/agreements"));
    }

    @Test
    void expiredTokenIsRefusedEvenAfterItWasAccepted() throws InterruptedException {
        // exp is in whole seconds: 5 s leaves 4-5 s of validity for the first call, then wait for the token's own exp
        String token = KeycloakTokens.local().shortLivedClientToken(Duration.ofSeconds(5), List.of("accord-integration"));
        given().auth().oauth2(token).get("/api/agreements").then().statusCode(200);
        KeycloakTokens.awaitExpiry(token);
        invalid(token);
    }

    @Test
    void tamperedTokensAreRefused() {
        String token = Tokens.user("viewer");
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]));
        String escalated = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.replace("\"accord-viewer\"", "\"accord-admin\"").getBytes());
        invalid(parts[0] + "." + escalated + "." + parts[2]);

        char last = parts[2].charAt(parts[2].length() - 2);
        invalid(parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2)
                + (last == 'A' ? 'B' : 'A') + parts[2].charAt(parts[2].length() - 1));
        invalid("not-a-jwt");
    }

    @Test
    void genuineTokensOfAnotherIssuerOrWithoutTheApiAudienceAreRefused() {
        invalid(ForeignTokens.otherIssuer());
        String token = ForeignTokens.withoutAudience();
        org.assertj.core.api.Assertions.assertThat(KeycloakTokens.claims(token).path("aud").toString())
                .doesNotContain("accord-api");
        invalid(token);
    }

    @Test
    void validTokensOfUsersAndClientsPassAndRolesAreLeftToServices() {
        // The gateway does not decide roles: a viewer's write and a customer's call reach the service
        given().auth().oauth2(Tokens.user("viewer")).contentType("application/json").body("{}")
                .post("/api/agreements").then().statusCode(200).body("service", equalTo("agreement"));
        given().auth().oauth2(Tokens.user("customer")).get("/api/statements").then().statusCode(200);
        given().auth().oauth2(Tokens.integration()).contentType("application/json").body("{}")
                .post("/api/work-items").then().statusCode(200).body("service", equalTo("ticket-clock"));
    }

    @Test
    void onlyPublicPathsAnswerWithoutToken() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
        given().get("/openapi/agreements").then().statusCode(200);
        given().get("/q/swagger-ui/").then().statusCode(200);

        for (String path : new String[] {"/", "/nothing", "/q/openapi", "/q/dev-ui", "/q/healthy", "/openapix",
                "/api/agreements/7"}) {
            given().get(path).then().statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void webhooksPassWithoutTokenAndAnyAuthorizationIsTheServicesBusiness() {
        given().contentType("application/json").body("{\"event\":\"issue_updated\"}")
                .post("/api/webhooks/jira").then().statusCode(200).body("service", equalTo("ticket-clock"));
        given().header("Authorization", "Bearer provider-shared-secret").body("{}")
                .post("/api/webhooks/alertmanager").then().statusCode(200)
                .body("service", equalTo("penalty"))
                .body("headers.authorization", equalTo("Bearer provider-shared-secret"));
    }

    private static void invalid(String token) {
        given().auth().oauth2(token).get("/api/agreements").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"accord\", error=\"invalid_token\"")
                .body("type", equalTo("urn:accord:problem:unauthorized"))
                .body("detail", equalTo("The bearer token is expired or invalid."));
    }
}
