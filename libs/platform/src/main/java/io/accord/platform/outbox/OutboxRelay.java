package io.accord.platform.outbox;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.accord.model.events.EventType;
import io.accord.platform.events.CloudEventCodec;
import io.accord.platform.messaging.RabbitBroker;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to the {@code accord.events} exchange with publisher confirms,
 * and marks them sent only once the broker has confirmed them.
 *
 * <p>Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so replicas share the backlog without
 * publishing a row twice at the same time. A failed batch is retried with exponential backoff;
 * a row may still be published twice when a confirm is lost, which consumers absorb by event id.
 *
 * <p>The relay polls on a thread of its own rather than through the Quarkus scheduler, whose one-second
 * tick would put a floor under every event's latency whatever {@code accord.outbox.poll-interval} says.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private static final String CLAIM = """
            select id, event_id, routing_key, payload from outbox
            where published_at is null and next_attempt_at <= now()
            order by id
            limit ?
            for update skip locked
            """;
    private static final String MARK_PUBLISHED = "update outbox set published_at = now(), last_error = null where id = any(?)";
    private static final String MARK_FAILED = """
            update outbox set attempts = attempts + 1, last_error = ?,
                next_attempt_at = now() + least(? * power(2, attempts), ?) * interval '1 millisecond'
            where id = any(?)
            """;
    private static final String BACKLOG = "select count(*) from outbox where published_at is null";
    private static final String PURGE = "delete from outbox where published_at < now() - ? * interval '1 millisecond'";

    private final AgroalDataSource dataSource;
    private final RabbitBroker broker;
    private final OutboxConfig config;
    /** How often the backlog gauge is measured: a count over the table is too dear for every polling round. */
    static final long BACKLOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final AtomicLong backlog = new AtomicLong();
    private long backlogMeasuredAt = System.nanoTime() - BACKLOG_EVERY_NANOS;
    private final Counter published;
    private final Counter failures;
    private Channel channel;
    private ScheduledExecutorService poller;

    public OutboxRelay(AgroalDataSource dataSource, RabbitBroker broker, OutboxConfig config, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.broker = broker;
        this.config = config;
        Gauge.builder("accord.outbox.backlog", backlog, AtomicLong::get)
                .description("Committed events not yet confirmed by the broker, measured every 10 s").register(registry);
        this.published = Counter.builder("accord.outbox.published")
                .description("Events published and confirmed").register(registry);
        this.failures = Counter.builder("accord.outbox.failures")
                .description("Batches that could not be published").register(registry);
    }

    void start(@Observes StartupEvent started) {
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "accord-outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        long every = config.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::relay, 1000, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        if (poller != null) {
            poller.shutdown();
            poller.awaitTermination(config.confirmTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void relay() {
        try {
            int sent;
            do {
                sent = QuarkusTransaction.requiringNew().call(this::publishBatch);
            } while (sent == config.batchSize());
            if (System.nanoTime() - backlogMeasuredAt >= BACKLOG_EVERY_NANOS) {
                backlog.set(countBacklog());
                backlogMeasuredAt = System.nanoTime();
            }
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay round failed: %s", e.getMessage());
        }
    }

    @Scheduled(every = "1h", delayed = "1m")
    void purgePublished() {
        QuarkusTransaction.requiringNew().run(() -> execute(PURGE, ps -> ps.setLong(1, config.retention().toMillis())));
    }

    /** The number of committed rows still waiting for the broker, as last measured (at most 10 s ago). */
    public long backlog() {
        return backlog.get();
    }

    private int publishBatch() throws SQLException {
        List<Row> rows = claim();
        if (rows.isEmpty()) {
            return 0;
        }
        Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
        try {
            Channel confirming = confirmingChannel();
            for (Row row : rows) {
                AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                        .messageId(row.eventId())
                        .contentType(CloudEventCodec.CONTENT_TYPE)
                        .contentEncoding(StandardCharsets.UTF_8.name())
                        .deliveryMode(2)
                        .build();
                confirming.basicPublish(EventType.EXCHANGE, row.routingKey(), properties,
                        row.payload().getBytes(StandardCharsets.UTF_8));
            }
            confirming.waitForConfirmsOrDie(config.confirmTimeout().toMillis());
            execute(MARK_PUBLISHED, ps -> ps.setArray(1, array(ps.getConnection(), ids)));
            published.increment(rows.size());
            return rows.size();
        } catch (Exception e) {
            failures.increment();
            dropChannel();
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warnf("Could not publish %d outbox event(s), will retry: %s", rows.size(), error);
            execute(MARK_FAILED, ps -> {
                ps.setString(1, error);
                ps.setLong(2, config.initialBackoff().toMillis());
                ps.setLong(3, config.maxBackoff().toMillis());
                ps.setArray(4, array(ps.getConnection(), ids));
            });
            return 0;
        }
    }

    private List<Row> claim() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setInt(1, config.batchSize());
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = claim.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return rows;
        }
    }

    private long countBacklog() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(BACKLOG);
                ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            LOG.debugf("Could not measure the outbox backlog: %s", e.getMessage());
            return backlog.get();
        }
    }

    private Channel confirmingChannel() throws Exception {
        if (channel == null || !channel.isOpen()) {
            channel = broker.connection().createChannel();
            channel.confirmSelect();
        }
        return channel;
    }

    private void dropChannel() {
        try {
            if (channel != null && channel.isOpen()) {
                channel.abort();
            }
        } catch (Exception e) {
            LOG.debug("Ignored error while dropping the publishing channel", e);
        }
        channel = null;
    }

    private static Array array(Connection connection, Long[] ids) throws SQLException {
        return connection.createArrayOf("bigint", ids);
    }

    private void execute(String sql, StatementSetter setter) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            setter.set(statement);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("outbox update failed: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface StatementSetter {
        void set(PreparedStatement statement) throws SQLException;
    }

    private record Row(long id, String eventId, String routingKey, String payload) {
    }
}
