package io.accord.notification;

import static io.accord.notification.EscalationFlowTest.asRole;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.accord.notification.domain.Channel;
import io.accord.platform.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Channels: who may do what, write-only URLs and secrets encrypted at rest, bad input refused without effect. */
@QuarkusTest
class ChannelResourceTest {

    private static final String URL = "https://hooks.slack.com/services/T000/B000/very-secret-token";

    @Test
    void urlsAndSecretsAreWriteOnlyAndEncryptedAtRest() {
        String id = "slack-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"id\":\"" + id + "\",\"kind\":\"WEBHOOK\",\"name\":\"Ops\",\"url\":\"" + URL
                + "\",\"secret\":\"0123456789abcdef0123\"}";
        String created = asRole(Roles.ADMIN).contentType(ContentType.JSON).body(body).post("/api/channels").then()
                .statusCode(201).body("urlConfigured", equalTo(true)).body("secretConfigured", equalTo(true))
                .extract().asString();
        assertThat(created).doesNotContain("very-secret-token").doesNotContain("0123456789abcdef0123");
        String read = asRole(Roles.VIEWER).get("/api/channels/{id}", id).then().statusCode(200).extract().asString();
        assertThat(read).doesNotContain("hooks.slack.com").doesNotContain("0123456789abcdef");
        asRole(Roles.VIEWER).get("/api/channels?size=500").then().statusCode(200).body("items.id", hasItem(id));

        Channel stored = QuarkusTransaction.requiringNew().call(() -> Channel.findById(id));
        assertThat(stored.urlCipher).isNotBlank().doesNotContain("slack");
        assertThat(stored.secretCipher).isNotBlank().doesNotContain("0123456789");
    }

    @Test
    void managersManageChannelsButOnlyAdminsSetUrlsAndSecrets() {
        String id = "teams-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body("{}").post("/api/channels").then().statusCode(401)
                .contentType("application/problem+json");
        asRole(Roles.AGENT).contentType(ContentType.JSON)
                .body("{\"id\":\"" + id + "\",\"kind\":\"TEAMS\",\"name\":\"Ops\"}").post("/api/channels").then()
                .statusCode(403);
        asRole(Roles.MANAGER).contentType(ContentType.JSON)
                .body("{\"id\":\"" + id + "\",\"kind\":\"TEAMS\",\"name\":\"Ops\",\"url\":\"" + URL + "\"}")
                .post("/api/channels").then().statusCode(403).contentType("application/problem+json");
        asRole(Roles.VIEWER).get("/api/channels/{id}", id).then().statusCode(404)
                .contentType("application/problem+json");

        asRole(Roles.MANAGER).contentType(ContentType.JSON)
                .body("{\"id\":\"" + id + "\",\"kind\":\"TEAMS\",\"name\":\"Ops\"}").post("/api/channels").then()
                .statusCode(201).body("urlConfigured", equalTo(false));
        asRole(Roles.MANAGER).contentType(ContentType.JSON).body("{\"name\":\"Ops team\",\"enabled\":false}")
                .put("/api/channels/{id}", id).then().statusCode(200).body("name", equalTo("Ops team"))
                .body("enabled", equalTo(false));
        asRole(Roles.MANAGER).contentType(ContentType.JSON).body("{\"url\":\"" + URL + "\"}")
                .put("/api/channels/{id}", id).then().statusCode(403);
        asRole(Roles.ADMIN).contentType(ContentType.JSON).body("{\"url\":\"" + URL + "\"}")
                .put("/api/channels/{id}", id).then().statusCode(200).body("urlConfigured", equalTo(true));
        asRole(Roles.MANAGER).delete("/api/channels/{id}", id).then().statusCode(403);
        asRole(Roles.ADMIN).delete("/api/channels/{id}", id).then().statusCode(204);
        asRole(Roles.VIEWER).get("/api/channels/{id}", id).then().statusCode(404);
    }

    @Test
    void badInputIsAProblemAndStoresNothing() {
        long before = QuarkusTransaction.requiringNew().call(() -> Channel.count());
        asRole(Roles.ADMIN).contentType(ContentType.JSON)
                .body("{\"id\":\"Bad Id!\",\"name\":\"\",\"url\":\"ftp://x\",\"secret\":\"short\"}")
                .post("/api/channels").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("kind")).body("errors.size()", equalTo(5));
        asRole(Roles.ADMIN).contentType(ContentType.JSON).body("{\"id\":\"ok-id\",\"kind\":\"FAX\",\"name\":\"x\"}")
                .post("/api/channels").then().statusCode(400).contentType("application/problem+json");
        asRole(Roles.ADMIN).contentType(ContentType.JSON).body("{\"id\":").post("/api/channels").then()
                .statusCode(400).contentType("application/problem+json");
        asRole(Roles.VIEWER).get("/api/notifications?status=LOST").then().statusCode(400)
                .contentType("application/problem+json");
        asRole(Roles.AGENT).contentType(ContentType.JSON).body("{}")
                .post("/api/escalations/{id}/ack", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        long after = QuarkusTransaction.requiringNew().call(() -> Channel.count());
        assertThat(after).isEqualTo(before);
    }
}
