package io.accord.platform.messaging;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.accord.model.events.EventType;
import io.accord.platform.events.CloudEventCodec;
import io.accord.platform.events.InboundEvent;
import io.accord.platform.events.UnreadableEventException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Starts one consumer per {@link EventHandler} bean: declares its quorum queue with a delivery
 * limit and a dead-letter queue, binds the routing keys it subscribes to, and applies each
 * message once, acknowledging only after the transaction committed.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);

    private final Instance<EventHandler> handlers;
    private final RabbitBroker broker;
    private final RabbitConfig config;
    private final CloudEventCodec codec;
    private final ProcessedEvents processed;
    private final MeterRegistry registry;
    private final String queuePrefix;
    private final boolean purgeAtStart;
    private final Map<String, Channel> started = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "accord-consumer-start");
        thread.setDaemon(true);
        return thread;
    });

    public EventConsumers(Instance<EventHandler> handlers, RabbitBroker broker, RabbitConfig config,
            CloudEventCodec codec, ProcessedEvents processed, MeterRegistry registry,
            @ConfigProperty(name = "accord.messaging.queue-prefix") String queuePrefix,
            @ConfigProperty(name = "accord.messaging.purge-at-start", defaultValue = "false") boolean purgeAtStart) {
        this.handlers = handlers;
        this.broker = broker;
        this.config = config;
        this.codec = codec;
        this.processed = processed;
        this.registry = registry;
        this.queuePrefix = queuePrefix;
        this.purgeAtStart = purgeAtStart;
    }

    void start(@Observes StartupEvent event) {
        retries.execute(this::startPending);
    }

    void stop(@Observes @Priority(1) ShutdownEvent event) {
        stopConsuming();
    }

    /**
     * Cancels every consumer, first thing at shutdown: the broker stops delivering at once, and a message that
     * arrives meanwhile is left unacknowledged, so it goes back to its queue when the channel closes instead of
     * meeting beans that are being destroyed.
     */
    void stopConsuming() {
        stopping = true;
        retries.shutdownNow();
        started.forEach((queue, channel) -> {
            try {
                if (channel.isOpen()) {
                    channel.basicCancel(queue);
                }
            } catch (IOException | RuntimeException e) {
                LOG.debugf("Consumer %s not cancelled: %s", queue, e.getMessage());
            }
        });
    }

    /** True when every handler has its consumer registered with the broker. */
    public boolean allStarted() {
        return handlers.stream().allMatch(h -> started.containsKey(queueName(h)));
    }

    /**
     * The queue a handler reads: {@code <prefix>.<name>}, the prefix being the service's name, and in tests
     * {@code <service>-test}, so that a service running locally never takes the events its tests wait for.
     */
    public String queueName(EventHandler handler) {
        return queuePrefix + "." + handler.name();
    }

    private void startPending() {
        List<EventHandler> pending = handlers.stream().filter(h -> !started.containsKey(queueName(h))).toList();
        for (EventHandler handler : pending) {
            try {
                started.put(queueName(handler), consume(handler));
            } catch (Exception e) {
                LOG.warnf("Consumer %s not started yet (%s); retrying in %s", queueName(handler), e.getMessage(),
                        config.reconnectInterval());
            }
        }
        if (!allStarted()) {
            retries.schedule(this::startPending, config.reconnectInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private Channel consume(EventHandler handler) throws Exception {
        String queue = queueName(handler);
        String deadLetters = queue + ".dlq";
        Channel channel = broker.connection().createChannel();
        channel.queueDeclare(deadLetters, true, false, false, Map.of("x-queue-type", "quorum"));
        channel.queueBind(deadLetters, RabbitBroker.DEAD_LETTER_EXCHANGE, queue);
        Map<String, Object> arguments = new HashMap<>();
        arguments.put("x-queue-type", "quorum");
        arguments.put("x-delivery-limit", config.deliveryLimit());
        arguments.put("x-dead-letter-exchange", RabbitBroker.DEAD_LETTER_EXCHANGE);
        arguments.put("x-dead-letter-routing-key", queue);
        channel.queueDeclare(queue, true, false, false, arguments);
        for (EventType type : handler.subscriptions()) {
            channel.queueBind(queue, EventType.EXCHANGE, type.routingKey());
        }
        if (purgeAtStart) {
            // Tests start from empty queues: an interrupted earlier run may have left events behind
            channel.queuePurge(queue);
            channel.queuePurge(deadLetters);
        }
        channel.basicQos(config.prefetch());
        channel.basicConsume(queue, false, queue, new Delivery(channel, handler, queue));
        LOG.infof("Consuming %s from %s", handler.subscriptions(), queue);
        return channel;
    }

    /** One message: parse, apply once in a transaction, acknowledge after commit. */
    private final class Delivery extends DefaultConsumer {

        private final EventHandler handler;
        private final String queue;

        Delivery(Channel channel, EventHandler handler, String queue) {
            super(channel);
            this.handler = handler;
            this.queue = queue;
        }

        @Override
        public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
                throws IOException {
            if (stopping) {
                // Left unacknowledged: back to the queue when the channel closes, for another replica or the restart
                return;
            }
            long deliveryTag = envelope.getDeliveryTag();
            InboundEvent event;
            try {
                event = codec.read(body);
            } catch (IllegalArgumentException e) {
                // Unreadable now means unreadable forever: straight to the dead-letter queue
                LOG.warnf("Dead-lettering unreadable message %s on %s: %s", properties.getMessageId(), queue,
                        e.getMessage());
                count("unreadable");
                getChannel().basicReject(deliveryTag, false);
                return;
            }
            ManagedContext requestContext = Arc.container().requestContext();
            requestContext.activate();
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                    if (!processed.markProcessed(queue, event.id(), event.type())) {
                        return false;
                    }
                    handler.handle(event);
                    return true;
                });
                getChannel().basicAck(deliveryTag, false);
                count(applied ? "applied" : "duplicate");
            } catch (Exception e) {
                if (isUnreadable(e)) {
                    LOG.warnf("Dead-lettering event %s (%s) on %s: %s", event.id(), event.type(), queue,
                            e.getMessage());
                    count("unreadable");
                    getChannel().basicReject(deliveryTag, false);
                    return;
                }
                long deliveries = deliveryCount(properties) + 1;
                LOG.warnf(e, "Event %s (%s) failed on %s, delivery %d of %d", event.id(), event.type(), queue,
                        deliveries, config.deliveryLimit() + 1);
                count("failed");
                pauseBeforeRedelivery(deliveries);
                getChannel().basicNack(deliveryTag, false, true);
            } finally {
                requestContext.terminate();
            }
        }

        private void count(String outcome) {
            registry.counter("accord.events.consumed", "queue", queue, "outcome", outcome).increment();
        }
    }

    // Data that does not fit its record fails the same way on every delivery: no point in retrying it
    private static boolean isUnreadable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnreadableEventException) {
                return true;
            }
        }
        return false;
    }

    private static long deliveryCount(AMQP.BasicProperties properties) {
        Object count = properties.getHeaders() == null ? null : properties.getHeaders().get("x-delivery-count");
        return count instanceof Number number ? number.longValue() : 0;
    }

    // A short, growing pause keeps a passing outage (database restart) from exhausting the delivery limit at once
    private static void pauseBeforeRedelivery(long deliveries) {
        try {
            Thread.sleep(Math.min(100L << Math.min(deliveries, 6), 5_000L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
