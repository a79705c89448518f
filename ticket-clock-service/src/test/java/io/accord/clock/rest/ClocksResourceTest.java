package io.accord.clock.rest;

import static io.accord.clock.support.ClockTestSupport.event;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;

import io.accord.clock.support.AgreementFixtures;
import io.accord.clock.support.ClockTestSupport;
import io.accord.platform.security.Roles;
import io.accord.platform.testing.KeycloakTokens;
import io.accord.platform.testing.RabbitQueues;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Clock lists and item reads: filters, soonest deadline first, and customers limited to their own party. */
@QuarkusTest
class ClocksResourceTest {

    private static final String SOURCE = "zendesk-us";
    private static final KeycloakTokens KEYCLOAK = KeycloakTokens.local();

    @Inject
    AgroalDataSource db;

    private UUID partyA;
    private UUID partyB;
    private UUID agreementA;
    private String itemA1;
    private String itemA2;
    private String itemB;

    @BeforeEach
    void twoCustomersWithTheirItems() {
        partyA = UUID.randomUUID();
        partyB = UUID.randomUUID();
        agreementA = UUID.randomUUID();
        String refA = "org-" + partyA;
        String refB = "org-" + partyB;
        try (RabbitQueues rabbit = RabbitQueues.connect()) {
            ClockTestSupport.publishAgreement(rabbit, db, "activated", AgreementFixtures.withCustomerParty(
                    AgreementFixtures.agreement(agreementA, SOURCE, refA,
                            AgreementFixtures.objective("first-response", "FIRST_RESPONSE", "P2", "PT2H")), partyA),
                    "2020-01-01T00:00:00Z");
            ClockTestSupport.publishAgreement(rabbit, db, "activated", AgreementFixtures.withCustomerParty(
                    AgreementFixtures.agreement(UUID.randomUUID(), SOURCE, refB,
                            AgreementFixtures.objective("first-response", "FIRST_RESPONSE", "P2", "PT2H")), partyB),
                    "2020-01-01T00:00:00Z");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        itemA1 = "qa1-" + UUID.randomUUID();
        itemA2 = "qa2-" + UUID.randomUUID();
        itemB = "qb-" + UUID.randomUUID();
        // A1 is due in 30 minutes, A2 in 110 minutes, B in 20 minutes
        // Posted with a real token of the integration client: the test methods' identities vary
        given().auth().oauth2(KEYCLOAK.forIntegrationClient()).contentType("application/json").body(List.of(
                event(SOURCE, itemA2, "CREATED", now.minus(Duration.ofMinutes(10)).toString(), "customerRef", refA,
                        "priority", "P2"),
                event(SOURCE, itemA1, "CREATED", now.minus(Duration.ofMinutes(90)).toString(), "customerRef", refA,
                        "priority", "P2"),
                event(SOURCE, itemB, "CREATED", now.minus(Duration.ofMinutes(100)).toString(), "customerRef", refB,
                        "priority", "P2"))).post("/api/work-items/events").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "viewer", roles = Roles.VIEWER)
    void listsAreFilteredAndSortedBySoonestDeadline() {
        given().queryParam("agreementId", agreementA.toString()).get("/api/clocks").then().statusCode(200)
                .body("total", is(2)).body("items.externalId", contains(itemA1, itemA2))
                .body("items.phase", everyItem(is("RUNNING")));
        given().queryParam("customer", partyA.toString()).queryParam("atRiskWithin", "PT1H").get("/api/clocks")
                .then().statusCode(200).body("total", is(1)).body("items[0].externalId", is(itemA1))
                .body("items[0].customerPartyId", is(partyA.toString()));
        given().queryParam("customer", partyA.toString()).queryParam("size", 1).queryParam("page", 1)
                .get("/api/clocks").then().statusCode(200)
                .body("total", is(2)).body("page", is(1)).body("size", is(1)).body("items[0].externalId", is(itemA2));
        // Computed as of the read, a little after the items were posted
        io.restassured.path.json.JsonPath item = given().get("/api/work-items/{s}/{id}", SOURCE, itemA1).then()
                .statusCode(200).extract().jsonPath();
        assertThat(Duration.parse(item.getString("clocks[0].remaining")))
                .isBetween(Duration.ofMinutes(29), Duration.ofMinutes(30));
        assertThat(item.getDouble("clocks[0].percentElapsed")).isBetween(75.0, 76.0);
    }

    @Test
    @TestSecurity(user = "viewer", roles = Roles.VIEWER)
    void badQueryParametersAreProblems() {
        given().queryParam("atRiskWithin", "soon").get("/api/clocks").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("atRiskWithin"));
        given().queryParam("outcome", "LATE").get("/api/clocks").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("agreementId", "42").get("/api/clocks").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("size", 1000).get("/api/clocks").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/api/work-items/{s}/{id}", SOURCE, "no-such-item").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aCustomerSeesOnlyItsOwnPartysClocksAndItems() {
        String user = "clock-customer-" + partyA.toString().substring(0, 8);
        String password = KEYCLOAK.createUser(user, List.of(Roles.CUSTOMER), partyA.toString());
        try {
            String token = KEYCLOAK.forUser(user, password);
            given().auth().oauth2(token).get("/api/clocks").then().statusCode(200)
                    .body("items.customerPartyId", everyItem(is(partyA.toString())))
                    .body("total", is(2));
            given().auth().oauth2(token).get("/api/work-items/{s}/{id}", SOURCE, itemA1).then().statusCode(200);
            given().auth().oauth2(token).get("/api/work-items/{s}/{id}", SOURCE, itemB).then().statusCode(404)
                    .contentType("application/problem+json");
            given().auth().oauth2(token).queryParam("customer", partyB.toString()).get("/api/clocks").then()
                    .statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(token).contentType("application/json")
                    .body(event(SOURCE, itemA1, "AGENT_REPLIED", Instant.now().toString()))
                    .post("/api/work-items/events").then().statusCode(403);
        } finally {
            KEYCLOAK.deleteUser(user);
        }
    }

    @Test
    void anIntegrationClientTokenMayPostAndRead() {
        String token = KEYCLOAK.forIntegrationClient();
        given().auth().oauth2(token).contentType("application/json")
                .body(event(SOURCE, itemB, "AGENT_REPLIED", Instant.now().toString()))
                .post("/api/work-items/events").then().statusCode(200).body("results[0].outcome", is("APPLIED"));
        given().auth().oauth2(token).get("/api/work-items/{s}/{id}", SOURCE, itemB).then().statusCode(200)
                .body("clocks[0].outcome", is("MET"));
    }
}
