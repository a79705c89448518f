package io.accord.platform.agreements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.accord.model.events.EventType;
import io.accord.platform.events.CloudEventCodec;
import io.accord.platform.events.OutboundEvent;
import io.accord.platform.fixtures.AgreementSamples;
import io.accord.platform.fixtures.AgreementSnapshotStandIn;
import io.accord.platform.fixtures.TestAgreementReplica;
import io.accord.platform.messaging.EventConsumers;
import io.accord.platform.messaging.EventHandler;
import io.accord.platform.testing.RabbitQueues;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The agreement copy block against real RabbitMQ, PostgreSQL and Keycloak: events reach the service's
 * {@link AgreementReplica} once each through the queue {@code <prefix>.agreements}, and the snapshot rebuilds the
 * copy when, and only when, it is empty, retrying while agreement-service does not answer.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgreementCopyTest {

    private static RabbitQueues rabbit;

    @Inject
    AgreementSnapshotLoader loader;

    @Inject
    EventConsumers consumers;

    @Inject
    @Any
    Instance<EventHandler> handlers;

    @Inject
    CloudEventCodec codec;

    @Inject
    AgroalDataSource db;

    @BeforeAll
    static void connect() {
        rabbit = RabbitQueues.connect();
    }

    @AfterAll
    static void close() {
        if (rabbit != null) {
            rabbit.close();
        }
    }

    @AfterEach
    void ownerBack() {
        AgreementSnapshotStandIn.down = false;
    }

    @Test
    @Order(1)
    void anEmptyCopyIsRebuiltAtStartup() {
        // The database was cleaned at start: the loader found the copy empty and read what the stand-in served
        await().atMost(Duration.ofSeconds(30)).until(() -> versions(AgreementSamples.AT_STARTUP) == 1);
    }

    @Test
    @Order(2)
    void theHandlerReadsTheAgreementsQueueWithEveryAgreementAndCalendarEvent() {
        AgreementEventsHandler handler = handlers.stream().filter(AgreementEventsHandler.class::isInstance)
                .map(AgreementEventsHandler.class::cast).findFirst().orElseThrow();

        assertThat(consumers.queueName(handler)).isEqualTo("platform-test.agreements");
        assertThat(handler.subscriptions()).containsExactlyInAnyOrder(EventType.AGREEMENT_ACTIVATED,
                EventType.AGREEMENT_AMENDED, EventType.AGREEMENT_SUSPENDED, EventType.AGREEMENT_RESUMED,
                EventType.AGREEMENT_RENEWED, EventType.AGREEMENT_TERMINATED, EventType.AGREEMENT_EXPIRED,
                EventType.CALENDAR_CHANGED);
    }

    @Test
    @Order(3)
    void eventsAreAppliedOnceEachThroughRabbitMq() {
        await().atMost(Duration.ofSeconds(30)).until(consumers::allStarted);
        UUID agreementId = UUID.randomUUID();
        OutboundEvent activated = event(EventType.AGREEMENT_ACTIVATED,
                AgreementSamples.agreementEvent(EventType.AGREEMENT_ACTIVATED, agreementId, 1, "ACTIVE"));

        // Published twice with one id, as the relay may after a lost confirm
        publish(activated);
        publish(activated);

        await().atMost(Duration.ofSeconds(15)).until(() -> applications(agreementId) == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> applications(agreementId) == 1);
        assertThat(status(agreementId)).isEqualTo("ACTIVE");

        publish(event(EventType.AGREEMENT_SUSPENDED,
                AgreementSamples.agreementEvent(EventType.AGREEMENT_SUSPENDED, agreementId, 1, "SUSPENDED")));
        await().atMost(Duration.ofSeconds(15)).until(() -> applications(agreementId) == 2);
        assertThat(status(agreementId)).isEqualTo("SUSPENDED");

        String calendarId = TestAgreementReplica.RUN + "-office-hours";
        publish(event(EventType.CALENDAR_CHANGED, AgreementSamples.calendarChanged(calendarId)));
        await().atMost(Duration.ofSeconds(15)).until(() -> calendarChanges(calendarId) == 1);
    }

    @Test
    @Order(4)
    void aCopyThatIsNotEmptyIsLeftToTheEvents() {
        UUID later = UUID.randomUUID();
        ensureNotEmpty();
        AgreementSnapshotStandIn.VERSIONS.add(AgreementSamples.version(later, 1, "served later"));

        assertThat(loader.loadIfEmpty()).isTrue();

        assertThat(versions(later)).isZero();
    }

    @Test
    @Order(5)
    void anEmptyCopyIsRebuiltFromEveryVersionOfTheSnapshot() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        serve(AgreementSamples.version(first, 1, "first v1"), AgreementSamples.version(first, 2, "first v2"),
                AgreementSamples.version(second, 1, "second"));
        wipe();

        assertThat(loader.loadIfEmpty()).isTrue();

        assertThat(versions(first)).isEqualTo(2);
        assertThat(versions(second)).isEqualTo(1);
    }

    @Test
    @Order(6)
    void whileAgreementServiceIsDownTheLoadIsRetriedInTheBackground() {
        UUID agreementId = UUID.randomUUID();
        serve(AgreementSamples.version(agreementId, 1, "after the outage"));
        wipe();
        AgreementSnapshotStandIn.down = true;

        assertThat(loader.loadIfEmpty()).isFalse();
        assertThat(versions(agreementId)).isZero();

        AgreementSnapshotStandIn.down = false;
        // Nobody calls the loader again: its own retry finds agreement-service back
        await().atMost(Duration.ofSeconds(30)).until(() -> versions(agreementId) == 1);
    }

    private static void serve(JsonNode... versions) {
        AgreementSnapshotStandIn.VERSIONS.clear();
        AgreementSnapshotStandIn.VERSIONS.addAll(List.of(versions));
    }

    private OutboundEvent event(EventType type, Object data) {
        return codec.create(type, UUID.randomUUID().toString(), data);
    }

    private void publish(OutboundEvent event) {
        rabbit.publish(event.type().routingKey(), event.id().toString(), event.body());
    }

    private void ensureNotEmpty() {
        if (count("select count(*) from test_agreement_copy", null) == 0) {
            execute("insert into test_agreement_copy (agreement_id, version, status) values ('"
                    + UUID.randomUUID() + "', 1, 'ACTIVE')");
        }
    }

    // The copy keeps only this run's agreements, so emptying it here cannot race another test's events
    private void wipe() {
        execute("delete from test_agreement_copy");
    }

    private long versions(UUID agreementId) {
        return count("select count(*) from test_agreement_copy where agreement_id = ?", agreementId);
    }

    private long applications(UUID agreementId) {
        return count("select coalesce(sum(applications), 0) from test_agreement_copy where agreement_id = ?",
                agreementId);
    }

    private long calendarChanges(String calendarId) {
        return count("select count(*) from test_calendar_change where calendar_id = ?", calendarId);
    }

    private String status(UUID agreementId) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select status from test_agreement_copy where agreement_id = ?")) {
            ps.setObject(1, agreementId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, Object argument) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (argument != null) {
                ps.setObject(1, argument);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
