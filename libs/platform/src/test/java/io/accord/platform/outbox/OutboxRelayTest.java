package io.accord.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accord.platform.fixtures.OutboxFixture;
import io.accord.platform.fixtures.RabbitProxyResource;
import io.accord.platform.testing.RabbitQueues;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RabbitProxyResource.class)
class OutboxRelayTest {

    private static RabbitQueues rabbit;
    private static String queue;

    @Inject
    OutboxFixture fixture;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @BeforeAll
    static void listen() {
        rabbit = RabbitQueues.connect();
        queue = rabbit.listen("clock.breached");
    }

    @AfterAll
    static void close() {
        if (rabbit != null) {
            rabbit.close();
        }
    }

    @Test
    void aCommittedEventIsPublishedAsACloudEventWhoseIdIsTheMessageId() throws Exception {
        String subject = "clock-" + UUID.randomUUID();
        UUID id = fixture.commit(subject);

        RabbitQueues.Message message = nextFor(subject, Duration.ofSeconds(10));

        assertThat(message.messageId()).isEqualTo(id.toString());
        assertThat(message.routingKey()).isEqualTo("clock.breached");
        assertThat(message.contentType()).isEqualTo("application/cloudevents+json");
        JsonNode event = mapper.readTree(message.body());
        assertThat(event.get("specversion").asText()).isEqualTo("1.0");
        assertThat(event.get("id").asText()).isEqualTo(id.toString());
        assertThat(event.get("type").asText()).isEqualTo("io.accord.clock.breached.v1");
        assertThat(event.get("source").asText()).isEqualTo("/accord/platform-test");
        assertThat(event.get("subject").asText()).isEqualTo(subject);
        assertThat(event.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,3})?Z");
        assertThat(event.get("data").get("elapsed").asText()).isEqualTo("PT2H");
        await().atMost(Duration.ofSeconds(5)).until(() -> publishedAt(id) != null);
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        String subject = "rolled-back-" + UUID.randomUUID();
        assertThatThrownBy(() -> fixture.rollBack(subject)).isInstanceOf(IllegalStateException.class);

        String marker = "after-" + UUID.randomUUID();
        fixture.commit(marker);
        // The relay publishes in id order: once a later commit is out, an earlier row would have been too
        assertThat(rabbit.drain(queue, Duration.ofSeconds(3))).noneMatch(m -> m.body().contains(subject))
                .anyMatch(m -> m.body().contains(marker));
        assertThat(count("select count(*) from outbox where subject = '" + subject + "'")).isZero();
    }

    @Test
    void anEventCommittedWhileTheBrokerIsUnreachableIsPublishedOnceItIsBack() throws Exception {
        rabbit.purge(queue);
        RabbitProxyResource.proxy().cut();
        String subject = "offline-" + UUID.randomUUID();
        UUID id;
        try {
            id = fixture.commit(subject);
            // The relay tries, fails and backs off; the row stays pending with the error recorded
            await().atMost(Duration.ofSeconds(10)).until(() -> attempts(id) >= 1);
            assertThat(publishedAt(id)).isNull();
            assertThat(rabbit.drain(queue, Duration.ofSeconds(1))).isEmpty();
        } finally {
            RabbitProxyResource.proxy().restore();
        }

        RabbitQueues.Message message = nextFor(subject, Duration.ofSeconds(30));
        assertThat(message.messageId()).isEqualTo(id.toString());
        await().atMost(Duration.ofSeconds(5)).until(() -> publishedAt(id) != null);
        assertThat(rabbit.drain(queue, Duration.ofSeconds(2))).noneMatch(m -> m.body().contains(subject));
    }

    private RabbitQueues.Message nextFor(String subject, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            var next = rabbit.next(queue, Duration.ofMillis(500));
            if (next.isPresent() && next.get().body().contains(subject)) {
                return next.get();
            }
        }
        throw new AssertionError("no event about " + subject + " within " + timeout);
    }

    private Object publishedAt(UUID id) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select published_at from outbox where event_id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        }
    }

    private int attempts(UUID id) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select attempts from outbox where event_id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    private long count(String sql) {
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
