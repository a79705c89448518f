package io.accord.platform.testing;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Direct access to the local RabbitMQ for tests: listen to routing keys of {@code accord.events}
 * on a private queue, publish raw messages, and read or purge a named queue (a dead-letter queue).
 */
public final class RabbitQueues implements AutoCloseable {

    public static final String EXCHANGE = "accord.events";

    private final Connection connection;
    private final Channel channel;

    private RabbitQueues(Connection connection) throws Exception {
        this.connection = connection;
        this.channel = connection.createChannel();
        channel.exchangeDeclare(EXCHANGE, "topic", true);
    }

    /**
     * Connects where the application under test does: its {@code accord.rabbitmq.virtual-host} (each module's tests
     * have their own, named like their database, e.g. {@code accord_clock_test}), or the default virtual host where
     * there is no such setting (the end-to-end tests, which talk to the running stack). Host, port and credentials
     * are 127.0.0.1:5672 as guest unless ACCORD_RABBITMQ_* variables say otherwise.
     */
    public static RabbitQueues connect() {
        return connect(ConfigProvider.getConfig().getOptionalValue("accord.rabbitmq.virtual-host", String.class)
                .orElse("/"));
    }

    /** Connects to one virtual host of the local RabbitMQ. */
    public static RabbitQueues connect(String virtualHost) {
        try {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setHost(LocalSecrets.find("ACCORD_RABBITMQ_HOST").orElse("127.0.0.1"));
            factory.setPort(Integer.parseInt(LocalSecrets.find("ACCORD_RABBITMQ_PORT").orElse("5672")));
            factory.setUsername(LocalSecrets.find("ACCORD_RABBITMQ_USERNAME").orElse("guest"));
            factory.setPassword(LocalSecrets.find("ACCORD_RABBITMQ_PASSWORD").orElse("guest"));
            factory.setVirtualHost(virtualHost);
            return new RabbitQueues(factory.newConnection("accord-test"));
        } catch (Exception e) {
            throw new IllegalStateException("cannot reach RabbitMQ's virtual host " + virtualHost
                    + ": run ./accord infra first", e);
        }
    }

    /** A private queue that receives every event published with one of {@code routingKeys} from now on. */
    public String listen(String... routingKeys) {
        try {
            String queue = channel.queueDeclare().getQueue();
            for (String key : routingKeys) {
                channel.queueBind(queue, EXCHANGE, key);
            }
            return queue;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes raw bytes to {@code accord.events} with the given message id. */
    public void publish(String routingKey, String messageId, byte[] body) {
        try {
            channel.basicPublish(EXCHANGE, routingKey, new AMQP.BasicProperties.Builder()
                    .messageId(messageId).contentType("application/cloudevents+json").deliveryMode(2).build(), body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next message of {@code queue}, waiting up to {@code timeout}. */
    public Optional<Message> next(String queue, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            do {
                GetResponse response = channel.basicGet(queue, true);
                if (response != null) {
                    return Optional.of(new Message(response.getEnvelope().getRoutingKey(),
                            response.getProps().getMessageId(), response.getProps().getContentType(),
                            response.getProps().getHeaders() == null ? Map.of() : response.getProps().getHeaders(),
                            new String(response.getBody(), StandardCharsets.UTF_8)));
                }
                Thread.sleep(50);
            } while (System.nanoTime() < deadline);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every message that arrives on {@code queue} within {@code window}. */
    public List<Message> drain(String queue, Duration window) {
        List<Message> messages = new ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < deadline) {
            next(queue, Duration.ofMillis(100)).ifPresent(messages::add);
        }
        return messages;
    }

    /** Messages ready in {@code queue} (not those a consumer holds unacknowledged). */
    public long messageCount(String queue) {
        try {
            return channel.messageCount(queue);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Consumers attached to {@code queue}. */
    public long consumerCount(String queue) {
        try {
            return channel.consumerCount(queue);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public void purge(String queue) {
        try {
            channel.queuePurge(queue);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (Exception e) {
            // best effort
        }
    }

    /** A message as a test sees it. */
    public record Message(String routingKey, String messageId, String contentType, Map<String, Object> headers,
            String body) {
    }
}
