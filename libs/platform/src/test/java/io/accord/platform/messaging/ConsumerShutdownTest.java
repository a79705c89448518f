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
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * When the application shuts down, its consumers stop first: an event arriving then is neither handled (the beans it
 * needs are going away) nor lost, but stays in its queue for another replica or the next start.
 */
@QuarkusTest
@TestProfile(ConsumerShutdownTest.OwnApplication.class)
class ConsumerShutdownTest {

    /** An application of its own: this test stops its consumers, which the other tests need. */
    public static class OwnApplication implements QuarkusTestProfile {
    }

    @Inject
    EventConsumers consumers;

    @Inject
    CloudEventCodec codec;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void stoppedConsumersLeaveNewEventsInTheirQueue() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(consumers::allStarted);

        consumers.stopConsuming();

        String subject = "after-stop-" + UUID.randomUUID();
        OutboundEvent event = codec.create(EventType.CLOCK_BREACHED, subject, Map.of("clockId", subject));
        try (RabbitQueues rabbit = RabbitQueues.connect()) {
            rabbit.publish("clock.breached", event.id().toString(), event.body());
            // Not handled...
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> effects(subject) == 0);
            // ...but waiting in the queue (with nobody consuming it any more)
            assertThat(rabbit.consumerCount(TestEffectHandler.QUEUE)).isZero();
            assertThat(rabbit.messageCount(TestEffectHandler.QUEUE)).isPositive();
        }
    }

    private long effects(String subject) throws Exception {
        try (java.sql.Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from test_effect where subject = ?")) {
            ps.setString(1, subject);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
