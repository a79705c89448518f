package io.accord.clock.rest;

import static io.accord.clock.support.ClockTestSupport.clockEvents;
import static io.accord.clock.support.ClockTestSupport.event;
import static io.accord.clock.support.ClockTestSupport.post;
import static io.accord.clock.support.ClockTestSupport.types;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import io.accord.clock.support.AgreementFixtures;
import io.accord.clock.support.ClockTestSupport;
import io.accord.platform.security.Roles;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An item's clocks from creation to resolution, with late events, as RabbitMQ consumers see them. */
@QuarkusTest
class ClockLifecycleTest {

    private static RabbitQueues rabbit;
    private static String queue;

    @Inject
    AgroalDataSource db;

    @BeforeAll
    static void listen() {
        rabbit = RabbitQueues.connect();
        queue = rabbit.listen("clock.*");
    }

    @AfterAll
    static void close() {
        rabbit.close();
    }

    @Test
    @TestSecurity(user = "helpdesk", roles = Roles.INTEGRATION)
    void aLateItemBreachesAtItsOwnDeadlineAndALateReplyRevisesTheBreach() {
        String source = "zendesk-eu";
        String externalId = "life-" + UUID.randomUUID();
        String customer = "org-" + UUID.randomUUID();
        UUID agreementId = UUID.randomUUID();
        ClockTestSupport.publishAgreement(rabbit, db, "activated", AgreementFixtures.agreement(agreementId, source,
                customer, AgreementFixtures.objective("first-response", "FIRST_RESPONSE", "P2", "PT2H"),
                AgreementFixtures.objective("resolution", "RESOLUTION", "P2", "PT8H")), "2020-01-01T00:00:00Z");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        // Created three hours ago and only now ingested: the 2 h first-response target passed an hour ago
        post(event(source, externalId, "CREATED", now.minus(Duration.ofHours(3)).toString(), "customerRef", customer,
                "priority", "P2", "status", "NEW", "statusRaw", "new", "title", "Printer on fire"))
                .statusCode(200).body("results[0].outcome", is("APPLIED"));
        List<JsonNode> created = clockEvents(rabbit, queue, source, externalId, Duration.ofSeconds(3));
        // Both clocks start; the first response is told breached at its deadline; its warnings were already past
        assertThat(types(created)).containsExactlyInAnyOrder("clock.started", "clock.started", "clock.breached");
        JsonNode breach = created.stream().filter(e -> e.get("type").asText().contains("breached")).findFirst()
                .orElseThrow();
        assertThat(breach.get("data").get("breachedAt").asText())
                .isEqualTo(now.minus(Duration.ofHours(1)).toString());
        assertThat(breach.get("data").get("item").get("customerPartyId").asText()).isNotBlank();

        // The agent had in fact replied 2 h 30 min ago, within the target: the published breach is revised
        post(event(source, externalId, "AGENT_REPLIED", now.minus(Duration.ofMinutes(150)).toString()))
                .statusCode(200).body("results[0].outcome", is("APPLIED"));
        List<JsonNode> revised = clockEvents(rabbit, queue, source, externalId, Duration.ofSeconds(3));
        assertThat(types(revised)).containsExactly("clock.revised");
        JsonNode revision = revised.get(0).get("data");
        assertThat(revision.get("outcome").asText()).isEqualTo("MET");
        assertThat(revision.get("revision").asInt()).isEqualTo(1);
        assertThat(revision.get("clockId").asText()).isEqualTo(breach.get("data").get("clockId").asText());

        // Resolved now: the resolution clock completes MET after 3 h of its 8 h
        post(event(source, externalId, "RESOLVED", now.toString(), "status", "RESOLVED")).statusCode(200);
        List<JsonNode> resolved = clockEvents(rabbit, queue, source, externalId, Duration.ofSeconds(3));
        assertThat(types(resolved)).containsExactly("clock.completed");
        assertThat(resolved.get(0).get("data").get("outcome").asText()).isEqualTo("MET");
        assertThat(resolved.get(0).get("data").get("elapsed").asText()).isEqualTo("PT3H");

        given().get("/api/work-items/{source}/{id}", source, externalId).then().statusCode(200)
                .body("status", is("RESOLVED"))
                .body("history.eventType", contains("CREATED", "AGENT_REPLIED", "RESOLVED"))
                .body("clocks", hasSize(2))
                .body("clocks.find { it.objectiveKey == 'first-response' }.outcome", is("MET"))
                .body("clocks.find { it.objectiveKey == 'first-response' }.revision", is(1))
                .body("clocks.find { it.objectiveKey == 'resolution' }.percentElapsed", is(37.5f));
    }
}
