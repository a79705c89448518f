package io.accord.clock.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.accord.clock.support.Webhooks;
import io.accord.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sources: provider defaults, administrators only write, bad mappings are problems, secrets are never shown. */
@QuarkusTest
class SourcesResourceTest {

    private static io.restassured.response.ValidatableResponse create(Object body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/sources").then();
    }

    @Test
    @TestSecurity(user = "admin", roles = {Roles.ADMIN, Roles.VIEWER})
    void aNewSourceTakesItsProvidersDefaultsAndShowsItsSecretReferenceOnly() {
        String body = create(Map.of("id", "zendesk-api", "provider", "zendesk", "secretRef", "test-zendesk"))
                .statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/api/sources/zendesk-api"))
                .body("provider", is("zendesk")).body("itemType", is("ticket"))
                .body("statuses.solved", is("RESOLVED")).body("statuses.pending", is("PENDING_CUSTOMER"))
                .body("statuses.hold", is("ON_HOLD")).body("priorities.urgent", is("P1"))
                .body("priorities.low", is("P4")).body("fields.customer", is("detail.organization_id"))
                .body("secretRef", is("test-zendesk")).body("secretConfigured", is(true))
                .body("secretEnvironmentVariable", is("ACCORD_WEBHOOKS_SECRETS_TEST_ZENDESK"))
                .body("webhookUrl", is("https://accord.example.com/api/webhooks/zendesk-api"))
                .extract().asString();
        assertThat(body).doesNotContain(Webhooks.ZENDESK_SECRET);

        create(Map.of("id", "jira-api", "provider", "jira")).statusCode(201)
                .body("secretRef", is("jira-api")).body("secretConfigured", is(false))
                .body("statuses.'waiting for customer'", is("PENDING_CUSTOMER"))
                .body("priorities.highest", is("P1"));
        create(Map.of("id", "freshdesk-api", "provider", "freshdesk")).statusCode(201)
                .body("statuses.'2'", is("OPEN")).body("priorities.'4'", is("P1"));
        create(Map.of("id", "hubspot-api", "provider", "hubspot")).statusCode(201)
                .body("statuses.closedwon", is("RESOLVED")).body("priorities.urgent", is("P1"));

        create(Map.of("id", "zendesk-api", "provider", "zendesk")).statusCode(409)
                .contentType("application/problem+json");
        given().get("/api/sources").then().statusCode(200).body("items.id", hasItem("jira-api"));
        assertThat(given().get("/api/sources").then().extract().asString()).doesNotContain(Webhooks.ZENDESK_SECRET);
    }

    @Test
    @TestSecurity(user = "admin", roles = {Roles.ADMIN, Roles.VIEWER})
    void invalidSourcesAreProblemsAndStoreNothing() {
        create(Map.of("id", "Zendesk EU", "provider", "zendesk")).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("id"));
        create(Map.of("id", "zendesk-x", "provider", "kayako")).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("provider"));
        create(Map.of("id", "zendesk-x", "provider", "zendesk", "fields", Map.of("colour", "detail.color")))
                .statusCode(400).body("errors[0].field", is("fields.colour"));
        create(Map.of("id", "zendesk-x", "provider", "zendesk", "statuses", Map.of("solved", "DONE")))
                .statusCode(400).contentType("application/problem+json");
        create(Map.of("id", "zendesk-x", "provider", "zendesk", "statuses", Map.of("Solved", "RESOLVED",
                "solved", "RESOLVED"))).statusCode(400).contentType("application/problem+json");
        create(Map.of("id", "zendesk-x", "provider", "zendesk", "secretRef", "bad ref!")).statusCode(400)
                .body("errors[0].field", is("secretRef"));
        given().get("/api/sources/zendesk-x").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "admin", roles = {Roles.ADMIN, Roles.VIEWER})
    void anAdministratorChangesAndDeletesASourceAndItsWebhooksAreRefusedThen() {
        create(Map.of("id", "zendesk-gone", "provider", "zendesk", "secretRef", "test-zendesk")).statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("provider", "zendesk", "secretRef", "test-zendesk",
                        "priorities", Map.of("urgent", "P1", "high", "P1", "normal", "P2", "low", "P3")))
                .put("/api/sources/zendesk-gone").then().statusCode(200).body("priorities.high", is("P1"))
                .body("statuses.solved", is("RESOLVED"));
        given().contentType(ContentType.JSON).body(Map.of("id", "other", "provider", "zendesk"))
                .put("/api/sources/zendesk-gone").then().statusCode(400).body("errors[0].field", is("id"));
        given().contentType(ContentType.JSON).body(Map.of("provider", "zendesk"))
                .put("/api/sources/no-such-source").then().statusCode(404);

        given().delete("/api/sources/zendesk-gone").then().statusCode(204);
        given().get("/api/sources/zendesk-gone").then().statusCode(404);
        given().delete("/api/sources/zendesk-gone").then().statusCode(404);
        Webhooks.zendesk("zendesk-gone", Webhooks.payload("zendesk-ticket-created.json"), Webhooks.ZENDESK_SECRET,
                Instant.now()).statusCode(401);
    }

    @Test
    @TestSecurity(user = "viewer", roles = Roles.VIEWER)
    void aViewerReadsButDoesNotWrite() {
        given().get("/api/sources").then().statusCode(200);
        create(Map.of("id", "zendesk-viewer", "provider", "zendesk")).statusCode(403)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("provider", "zendesk"))
                .put("/api/sources/zendesk-viewer").then().statusCode(403);
        given().delete("/api/sources/zendesk-viewer").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "helpdesk", roles = Roles.INTEGRATION)
    void anIntegrationDoesNotReadSources() {
        given().get("/api/sources").then().statusCode(403);
    }

    @Test
    void withoutATokenSourcesAre401() {
        given().get("/api/sources").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/sources/x/unmatched").then().statusCode(401);
    }
}
