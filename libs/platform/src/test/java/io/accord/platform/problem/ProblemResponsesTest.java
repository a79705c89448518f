package io.accord.platform.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.accord.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "alice", roles = Roles.VIEWER)
class ProblemResponsesTest {

    @Test
    void invalidFieldsAreListedByJsonPath() {
        given().contentType(ContentType.JSON).body("{\"name\": \"\", \"quantity\": 0}")
                .post("/api/fixtures/widgets")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.is("urn:accord:problem:validation"))
                .body("status", org.hamcrest.Matchers.is(400))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("quantity"));
    }

    @Test
    void aMissingBodyIsInvalidInput() {
        given().contentType(ContentType.JSON).post("/api/fixtures/widgets")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void malformedJsonIsABadRequestNotAServerError() {
        given().contentType(ContentType.JSON).body("{\"name\": \"x\", ")
                .post("/api/fixtures/widgets")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.is("urn:accord:problem:malformed-body"));
    }

    @Test
    void aValueOfTheWrongTypeNamesTheField() {
        given().contentType(ContentType.JSON).body("{\"name\": \"x\", \"quantity\": 2, \"due\": \"next tuesday\"}")
                .post("/api/fixtures/widgets")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.is("due"));
    }

    @Test
    void validInputPasses() {
        given().contentType(ContentType.JSON).body("{\"name\": \"x\", \"quantity\": 2, \"due\": \"2026-03-27\"}")
                .post("/api/fixtures/widgets")
                .then().statusCode(200);
    }

    @Test
    void anUnsupportedMediaTypeIs415() {
        given().contentType(ContentType.TEXT).body("name=x")
                .post("/api/fixtures/widgets")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String huge = "{\"name\": \"" + "x".repeat(1_100_000) + "\", \"quantity\": 1}";
        given().contentType(ContentType.JSON).body(huge)
                .post("/api/fixtures/widgets")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void aMissingResourceIs404() {
        given().get("/api/fixtures/widgets/42")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("42"))
                .body("instance", org.hamcrest.Matchers.is("/api/fixtures/widgets/42"));
    }

    @Test
    void anUnknownPathIs404() {
        given().get("/api/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aWrongMethodIs405() {
        given().delete("/api/fixtures/widgets/42")
                .then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void aStateConflictIs409() {
        given().post("/api/fixtures/widgets/7/retire")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.is("urn:accord:problem:conflict"));
    }

    @Test
    void badPagingIsInvalidInput() {
        given().queryParam("size", 100_000).get("/api/fixtures/widgets")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("size"));
    }

    @Test
    void anUnexpectedErrorHidesItsDetails() {
        given().get("/api/fixtures/boom")
                .then().statusCode(500).contentType("application/problem+json")
                .body("detail", startsWith("An unexpected error occurred"))
                .body(not(containsString("secret internal detail")))
                .body(not(containsString("at io.accord")));
    }
}
