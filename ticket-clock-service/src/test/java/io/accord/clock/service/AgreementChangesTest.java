package io.accord.clock.service;

import static io.accord.clock.support.ClockTestSupport.clockEvents;
import static io.accord.clock.support.ClockTestSupport.event;
import static io.accord.clock.support.ClockTestSupport.post;
import static io.accord.clock.support.ClockTestSupport.types;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/** agreement.* events reach the copy through RabbitMQ and act on the running clocks that depend on them. */
@QuarkusTest
class AgreementChangesTest {

    private static RabbitQueues rabbit;
    private static String queue;

    @Inject
    AgroalDataSource db;

    @Inject
    DeadlineScheduler scheduler;

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
    void amendmentSuspensionResumptionAndTerminationActOnARunningClock() {
        String source = "freshdesk";
        String externalId = "agr-" + UUID.randomUUID();
        String customer = "org-" + UUID.randomUUID();
        UUID agreementId = UUID.randomUUID();
        ObjectNode v1 = AgreementFixtures.agreement(agreementId, source, customer,
                AgreementFixtures.objective("resolution", "RESOLUTION", "P2", "PT8H"));
        ClockTestSupport.publishAgreement(rabbit, db, "activated", v1, "2020-01-01T00:00:00Z");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        post(event(source, externalId, "CREATED", now.minus(Duration.ofHours(1)).toString(), "customerRef", customer,
                "priority", "P2")).statusCode(200);
        assertThat(types(clockEvents(rabbit, queue, source, externalId, Duration.ofSeconds(2))))
                .containsExactly("clock.started");

        // Amended from now on: 2 h instead of 8 h, the hour already elapsed is kept
        Instant amendedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ObjectNode v2 = v1.deepCopy();
        v2.put("version", 2).put("effectiveFrom", amendedAt.toString());
        ((ObjectNode) v2.get("objectives").get(0).get("targets")).put("P2", "PT2H");
        ClockTestSupport.publishAgreement(rabbit, db, "amended", v2, amendedAt.toString());
        String deadline = given().get("/api/work-items/{s}/{id}", source, externalId).then().statusCode(200)
                .body("clocks[0].agreementVersion", is(2)).body("clocks[0].target", is("PT2H"))
                .extract().path("clocks[0].deadline");
        assertThat(Instant.parse(deadline)).isEqualTo(now.plus(Duration.ofHours(1)));

        // Suspended: the clock pauses
        ObjectNode suspended = v2.deepCopy().put("status", "SUSPENDED");
        ClockTestSupport.publishAgreement(rabbit, db, "suspended", suspended, Instant.now().toString());
        List<JsonNode> paused = clockEvents(rabbit, queue, source, externalId, Duration.ofSeconds(2));
        assertThat(types(paused)).contains("clock.paused");

        // Resumed: it runs again. Every change here takes effect at once: one dated later than the moment it is
        // processed is applied when it falls due, by the deadline scheduler, which these tests drive by hand
        ObjectNode resumed = v2.deepCopy().put("status", "ACTIVE");
        ClockTestSupport.publishAgreement(rabbit, db, "resumed", resumed, Instant.now().toString());
        assertThat(types(clockEvents(rabbit, queue, source, externalId, Duration.ofSeconds(2))))
                .contains("clock.resumed");

        // Terminated: the running clock is cancelled from the termination instant
        Instant terminatedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ObjectNode terminated = v2.deepCopy().put("status", "TERMINATED").put("effectiveTo", terminatedAt.toString());
        ClockTestSupport.publishAgreement(rabbit, db, "terminated", terminated, terminatedAt.toString());
        List<JsonNode> cancelled = clockEvents(rabbit, queue, source, externalId, Duration.ofSeconds(2));
        assertThat(types(cancelled)).contains("clock.cancelled");
        JsonNode data = cancelled.stream().filter(e -> e.get("type").asText().contains("cancelled")).findFirst()
                .orElseThrow().get("data");
        assertThat(data.get("cancelReason").asText()).isEqualTo("AGREEMENT_TERMINATED");
        assertThat(data.get("outcome").asText()).isEqualTo("CANCELLED");
    }

    @Test
    @TestSecurity(user = "helpdesk", roles = Roles.INTEGRATION)
    void aTerminationDatedLaterCancelsTheClockWhenItFallsDue() {
        String source = "freshdesk";
        String externalId = "agr-later-" + UUID.randomUUID();
        String customer = "org-" + UUID.randomUUID();
        UUID agreementId = UUID.randomUUID();
        ObjectNode v1 = AgreementFixtures.agreement(agreementId, source, customer,
                AgreementFixtures.objective("resolution", "RESOLUTION", "P2", "PT8H"));
        ClockTestSupport.publishAgreement(rabbit, db, "activated", v1, "2020-01-01T00:00:00Z");
        post(event(source, externalId, "CREATED", Instant.now().minus(Duration.ofHours(1)).toString(),
                "customerRef", customer, "priority", "P2")).statusCode(200);
        assertThat(types(clockEvents(rabbit, queue, source, externalId, Duration.ofSeconds(2))))
                .containsExactly("clock.started");

        // The termination is known now but takes effect in two seconds: until then the clock runs
        Instant terminatedAt = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        ObjectNode terminated = v1.deepCopy().put("status", "TERMINATED").put("effectiveTo", terminatedAt.toString());
        ClockTestSupport.publishAgreement(rabbit, db, "terminated", terminated, terminatedAt.toString());
        given().get("/api/work-items/{s}/{id}", source, externalId).then().statusCode(200)
                .body("clocks[0].phase", is("RUNNING"));

        // When it falls due, the scheduler recomputes the item and the clock is cancelled from that instant
        // (a read computes as of its own instant, so the stored clock and the event are what prove it)
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(terminatedAt));
        // Other tests' items may be due as well: claim batches until none is left
        int claimed = 0;
        for (int batch = scheduler.fireDue(); batch > 0; batch = scheduler.fireDue()) {
            claimed += batch;
        }
        assertThat(claimed).isPositive();
        List<JsonNode> cancelled = clockEvents(rabbit, queue, source, externalId, Duration.ofSeconds(2));
        assertThat(types(cancelled)).containsExactly("clock.cancelled");
        assertThat(Instant.parse(cancelled.get(0).get("data").get("cancelledAt").asText())).isEqualTo(terminatedAt);
    }
}
