package io.accord.platform.outbox;

import io.accord.model.events.EventType;
import io.accord.platform.events.CloudEventCodec;
import io.accord.platform.events.OutboundEvent;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The transactional outbox: records an event in the caller's database transaction, so the event
 * exists if and only if the state change it describes was committed.
 *
 * <pre>{@code
 * @Transactional
 * void activate(Agreement a) {
 *     a.status = ACTIVE;
 *     outbox.append(EventType.AGREEMENT_ACTIVATED, a.id.toString(), AgreementActivated.of(a));
 * }
 * }</pre>
 *
 * <p>{@link OutboxRelay} publishes committed rows to RabbitMQ afterwards, even if the broker was
 * down at commit time.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            insert into outbox (event_id, event_type, routing_key, subject, payload)
            values (?, ?, ?, ?, ?)
            """;

    private final AgroalDataSource dataSource;
    private final CloudEventCodec codec;

    public Outbox(AgroalDataSource dataSource, CloudEventCodec codec) {
        this.dataSource = dataSource;
        this.codec = codec;
    }

    /**
     * Adds an event about {@code subject} to the current transaction and returns its id.
     *
     * @throws jakarta.transaction.TransactionalException when called outside a transaction
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(EventType type, String subject, Object data) {
        return append(codec.create(type, subject, data));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(OutboundEvent event) {
        // The connection is enlisted in the caller's JTA transaction, so this insert commits or rolls back with it
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, event.id());
            insert.setString(2, event.type().type());
            insert.setString(3, event.type().routingKey());
            insert.setString(4, event.subject());
            insert.setString(5, new String(event.body(), StandardCharsets.UTF_8));
            insert.executeUpdate();
            return event.id();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record event " + event.id() + " in the outbox", e);
        }
    }
}
