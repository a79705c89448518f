package io.accord.agreement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.accord.agreement.domain.AgreementTerms;
import io.accord.agreement.service.AgreementService;
import io.accord.agreement.service.PartyService;
import io.accord.model.agreement.AgreementType;
import io.accord.model.agreement.PartyKind;
import io.accord.platform.security.Roles;
import jakarta.inject.Inject;
import java.util.UUID;
import io.accord.platform.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Roles as Accord's roles table says, and customers limited to their own party's agreements. */
@QuarkusTest
class AgreementSecurityTest {

    static final String CUSTOMER_PARTY = "5d1e9a3c-7b2f-4e6a-9c81-3f5a7d2b9e01";
    static String ownAgreement;
    static String otherAgreement;

    @Inject
    PartyService parties;

    @Inject
    AgreementService agreements;

    // Made through the services, not HTTP: each test below runs under its own identity
    @BeforeEach
    void agreementsOfTwoCustomers() {
        if (ownAgreement != null) {
            return;
        }
        UUID provider = parties.create(null, PartyKind.PROVIDER, "Provider", List.of(), "test").id;
        UUID own = parties.create(UUID.fromString(CUSTOMER_PARTY), PartyKind.CUSTOMER, "Own customer", List.of(), "test").id;
        UUID other = parties.create(null, PartyKind.CUSTOMER, "Other customer", List.of(), "test").id;
        ownAgreement = draft(provider, own);
        otherAgreement = draft(provider, other);
    }

    private String draft(UUID provider, UUID customer) {
        return agreements.create(new AgreementTerms(AgreementType.SLA, "Security " + customer, provider, customer, null,
                null, null, null, null, null, null, "UTC", null, null, null, null), "test").id.toString();
    }

    @Test
    void withoutATokenEverythingIs401() {
        given().get("/api/agreements").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/calendars").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "viewer", roles = {"accord-viewer"})
    void aViewerReadsButCannotWrite() {
        given().get("/api/agreements/" + otherAgreement).then().statusCode(200);
        given().get("/api/parties").then().statusCode(200);
        given().post("/api/agreements/" + otherAgreement + "/submit").then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("kind", "CUSTOMER", "name", "x")).post("/api/parties").then().statusCode(403);
        given().urlEncodingEnabled(false).get("/api/agreements:snapshot").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "manager", roles = {"accord-viewer", "accord-agent", "accord-manager"})
    void aManagerWritesButDeletingIsForAdmins() {
        given().delete("/api/agreements/" + otherAgreement).then().statusCode(403);
        given().get("/api/agreements/" + otherAgreement).then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "integration", roles = {"accord-integration"})
    void anIntegrationReadsAgreementsAndMatchesButNothingElse() {
        given().get("/api/agreements/" + otherAgreement).then().statusCode(200);
        given().queryParam("customer", CUSTOMER_PARTY).get("/api/agreements/match").then().statusCode(200);
        given().get("/api/parties").then().statusCode(403);
        given().post("/api/agreements/" + otherAgreement + "/submit").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "internal", roles = {"accord-internal"})
    void theSnapshotIsForAccordsServices() {
        given().urlEncodingEnabled(false).get("/api/agreements:snapshot").then().statusCode(200).contentType(ContentType.JSON);
        given().get("/api/agreements").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "brasserie", roles = {"accord-customer"})
    @OidcSecurity(claims = @Claim(key = "party_id", value = CUSTOMER_PARTY))
    void aCustomerSeesOnlyItsOwnPartysAgreements() {
        given().get("/api/agreements").then().statusCode(200).body("total", is(1)).body("items[0].id", is(ownAgreement));
        given().get("/api/agreements/" + ownAgreement).then().statusCode(200);
        given().get("/api/agreements/" + ownAgreement + "/versions/1").then().statusCode(200);
        given().get("/api/agreements/" + otherAgreement).then().statusCode(404);
        given().get("/api/agreements/" + otherAgreement + "/versions").then().statusCode(404);
        given().get("/api/agreements/" + ownAgreement + "/audit").then().statusCode(403);
        given().get("/api/parties").then().statusCode(403);
    }

    @Test
    void realKeycloakTokensCarryTheRolesAndTheCustomersParty() {
        KeycloakTokens keycloak = KeycloakTokens.local();
        // accord-admin is a composite of manager, agent and viewer, resolved by Keycloak into the token
        given().auth().oauth2(keycloak.forUser("admin")).get("/api/agreements/" + otherAgreement).then().statusCode(200);
        given().auth().oauth2(keycloak.forUser("viewer")).post("/api/agreements/" + otherAgreement + "/submit")
                .then().statusCode(403);
        given().urlEncodingEnabled(false).auth().oauth2(keycloak.forInternalClient()).get("/api/agreements:snapshot").then().statusCode(200);

        String password = keycloak.createUser("agreement-customer-test", List.of(Roles.CUSTOMER), CUSTOMER_PARTY);
        try {
            String token = keycloak.forUser("agreement-customer-test", password);
            given().auth().oauth2(token).get("/api/agreements").then().statusCode(200)
                    .body("total", is(1)).body("items[0].id", is(ownAgreement));
            given().auth().oauth2(token).get("/api/agreements/" + otherAgreement).then().statusCode(404);
        } finally {
            keycloak.deleteUser("agreement-customer-test");
        }
    }
}
