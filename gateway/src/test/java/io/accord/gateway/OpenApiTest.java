package io.accord.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import io.accord.gateway.support.WithStandIns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** Every service's contract in one place, pointing at the gateway. */
@QuarkusTest
@TestProfile(WithStandIns.class)
class OpenApiTest {

    @Test
    void eachServiceDocumentIsServedWithTheGatewayAsServer() {
        String[][] documents = {{"agreements", "agreement"}, {"clocks", "ticket-clock"}, {"penalties", "penalty"},
                {"notifications", "notification"}};
        for (String[] document : documents) {
            given().get("/openapi/" + document[0]).then()
                    .statusCode(200)
                    .contentType("application/json")
                    .body("info.title", equalTo("Accord " + document[1] + " service API"))
                    .body("x-format-asked", equalTo("json"))
                    .body("servers.size()", equalTo(1))
                    .body("servers[0].url", equalTo(WithStandIns.PUBLIC_URL))
                    .body("paths", hasKey("/api/" + document[1]))
                    .body("components.securitySchemes.accord.type", equalTo("oauth2"))
                    .body("components.securitySchemes.accord.flows.authorizationCode.authorizationUrl",
                            equalTo("http://127.0.0.1:8180/realms/accord/protocol/openid-connect/auth"))
                    .body("security[0]", hasKey("accord"));
        }
    }

    @Test
    void unknownDocumentAndUnreachableServiceAreProblems() {
        given().get("/openapi/nothing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:accord:problem:not-found"));
        given().get("/openapi/closed").then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:accord:problem:bad-gateway"))
                .body("detail", containsString("The closed service did not give its OpenAPI document"));
    }

    @Test
    void swaggerUiListsEveryServiceAndSignsInThroughTheCliClient() {
        String page = given().get("/q/swagger-ui/").then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(page)
                .contains("/openapi/agreements", "/openapi/clocks", "/openapi/penalties", "/openapi/notifications")
                .contains("accord-cli")
                .containsIgnoringCase("usePkceWithAuthorizationCodeGrant");
    }
}
