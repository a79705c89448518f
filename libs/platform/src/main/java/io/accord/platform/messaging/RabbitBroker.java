package io.accord.platform.messaging;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.accord.model.events.EventType;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The service's one connection to RabbitMQ, opened lazily and re-opened after it is lost, so a
 * service starts and stays alive while the broker is away.
 *
 * <p>The client's automatic recovery brings back channels, queues, bindings and consumers after a
 * connection drop; a connection that was never made is retried by whoever asks for it.
 */
@ApplicationScoped
public class RabbitBroker {

    /** Where messages go after their last allowed delivery; each consumer's DLQ is bound by queue name. */
    public static final String DEAD_LETTER_EXCHANGE = "accord.dead-letter";

    private static final Logger LOG = Logger.getLogger(RabbitBroker.class);

    private final ConnectionFactory factory;
    private final String connectionName;
    private volatile Connection connection;

    public RabbitBroker(RabbitConfig config, @ConfigProperty(name = "accord.service.name") String serviceName) {
        this.connectionName = serviceName;
        factory = new ConnectionFactory();
        factory.setHost(config.host());
        factory.setPort(config.port());
        factory.setUsername(config.username());
        factory.setPassword(config.password());
        factory.setVirtualHost(config.virtualHost());
        factory.setConnectionTimeout((int) config.connectionTimeout().toMillis());
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(config.reconnectInterval().toMillis());
        factory.setRequestedHeartbeat(10);
    }

    /** The open connection, opening it (and declaring the exchanges) when there is none yet. */
    public synchronized Connection connection() throws IOException, TimeoutException {
        if (connection == null || (!connection.isOpen() && !isRecovering())) {
            closeQuietly();
            Connection opened = factory.newConnection(connectionName);
            try (Channel channel = opened.createChannel()) {
                channel.exchangeDeclare(EventType.EXCHANGE, BuiltinExchangeType.TOPIC, true);
                channel.exchangeDeclare(DEAD_LETTER_EXCHANGE, BuiltinExchangeType.DIRECT, true);
            }
            connection = opened;
            LOG.infof("Connected to RabbitMQ at %s:%d", factory.getHost(), factory.getPort());
        }
        return connection;
    }

    /** True while the connection is open: readiness depends on it, liveness never does. */
    public boolean isConnected() {
        Connection current = connection;
        return current != null && current.isOpen();
    }

    private boolean isRecovering() {
        // An auto-recovering connection that dropped is brought back by the client; don't race it
        return connection instanceof com.rabbitmq.client.Recoverable && connection.getCloseReason() != null
                && !connection.getCloseReason().isInitiatedByApplication();
    }

    /** Drops the connection; the next caller opens a fresh one. */
    public synchronized void reset() {
        closeQuietly();
        connection = null;
    }

    void close(@Observes ShutdownEvent event) {
        reset();
    }

    private void closeQuietly() {
        if (connection != null) {
            try {
                connection.abort(2000);
            } catch (RuntimeException e) {
                LOG.debug("Ignored error while closing the RabbitMQ connection", e);
            }
        }
    }
}
