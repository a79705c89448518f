package io.accord.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.accord.model.events.EventType;
import io.accord.platform.events.CloudEventCodec;
import io.accord.platform.events.OutboundEvent;
import io.accord.platform.fixtures.TestEffectHandler;
import io.accord.platform.testing.RabbitQueues;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EventConsumersTest {

    private static final String DLQ = TestEffectHandler.QUEUE + ".dlq";

    private static RabbitQueues rabbit;

    @Inject
    CloudEventCodec codec;

    @Inject
    EventConsumers consumers;

    @Inject
    AgroalDataSource dataSource;

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

    @Test
    void aMessageDeliveredTwiceIsAppliedOnce() {
        awaitConsumers();
        String subject = "twice-" + UUID.randomUUID();
        OutboundEvent event = codec.create(EventType.CLOCK_BREACHED, subject, Map.of("clockId", subject));

        rabbit.publish("clock.breached", event.id().toString(), event.body());
        rabbit.publish("clock.breached", event.id().toString(), event.body());

        await().atMost(Duration.ofSeconds(10)).until(() -> effects(subject) == 1);
        // Give the second copy time to arrive and be recognised as a duplicate
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> effects(subject) == 1);
        assertThat(processed(event.id().toString())).isEqualTo(1);
    }

    @Test
    void aPoisonMessageLandsInTheDeadLetterQueueAfterBoundedDeliveriesWithoutSideEffects() {
        awaitConsumers();
        rabbit.purge(DLQ);
        String subject = "poison-" + UUID.randomUUID();
        OutboundEvent event = codec.create(EventType.CLOCK_BREACHED, subject, Map.of("clockId", subject));

        rabbit.publish("clock.breached", event.id().toString(), event.body());

        RabbitQueues.Message dead = rabbit.next(DLQ, Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("the poison message never reached " + DLQ));
        assertThat(dead.messageId()).isEqualTo(event.id().toString());
        // Every failed attempt was rolled back: no effect, and the event is not marked processed
        assertThat(effects(subject)).isZero();
        assertThat(processed(event.id().toString())).isZero();
    }

    @Test
    void anUnreadableMessageIsDeadLetteredAtOnce() {
        awaitConsumers();
        rabbit.purge(DLQ);
        String id = UUID.randomUUID().toString();

        rabbit.publish("clock.breached", id, "this is not a cloud event".getBytes(StandardCharsets.UTF_8));

        RabbitQueues.Message dead = rabbit.next(DLQ, Duration.ofSeconds(15))
                .orElseThrow(() -> new AssertionError("the unreadable message never reached " + DLQ));
        assertThat(dead.messageId()).isEqualTo(id);
    }

    @Test
    void anEventWhoseDataDoesNotFitItsRecordIsDeadLetteredAfterOneAttempt() {
        awaitConsumers();
        rabbit.purge(DLQ);
        String subject = "typed-" + UUID.randomUUID();
        OutboundEvent event = codec.create(EventType.CLOCK_BREACHED, subject, Map.of("count", "many"));

        rabbit.publish("clock.breached", event.id().toString(), event.body());

        RabbitQueues.Message dead = rabbit.next(DLQ, Duration.ofSeconds(15))
                .orElseThrow(() -> new AssertionError("the event never reached " + DLQ));
        assertThat(dead.messageId()).isEqualTo(event.id().toString());
        // Retrying cannot make "many" a number: one attempt, nothing applied
        assertThat(TestEffectHandler.ATTEMPTS.get(subject)).hasValue(1);
        assertThat(effects(subject)).isZero();
        assertThat(processed(event.id().toString())).isZero();
    }

    @Test
    void anEventOfATypeTheServiceDoesNotKnowIsDeadLetteredAfterOneAttempt() {
        awaitConsumers();
        rabbit.purge(DLQ);
        String subject = "unknown-type-" + UUID.randomUUID();
        OutboundEvent event = codec.create(EventType.CLOCK_BREACHED, subject, Map.of("clockId", subject));
        // The same event, under a type name from a newer catalogue, on a routing key the consumer is bound to
        String body = new String(event.body(), StandardCharsets.UTF_8)
                .replace(EventType.CLOCK_BREACHED.type(), "io.accord.clock.exploded.v1");

        rabbit.publish("clock.breached", event.id().toString(), body.getBytes(StandardCharsets.UTF_8));

        RabbitQueues.Message dead = rabbit.next(DLQ, Duration.ofSeconds(15))
                .orElseThrow(() -> new AssertionError("the event never reached " + DLQ));
        assertThat(dead.messageId()).isEqualTo(event.id().toString());
        assertThat(TestEffectHandler.ATTEMPTS.get(subject)).hasValue(1);
        assertThat(effects(subject)).isZero();
    }

    private void awaitConsumers() {
        await().atMost(Duration.ofSeconds(30)).until(consumers::allStarted);
    }

    private long effects(String subject) {
        return count("select count(*) from test_effect where subject = ?", subject);
    }

    private long processed(String eventId) {
        return count("select count(*) from processed_event where event_id = ?", eventId);
    }

    private long count(String sql, String argument) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, argument);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
