package io.accord.platform.health;

import io.accord.platform.messaging.EventConsumers;
import io.accord.platform.messaging.RabbitBroker;
import io.accord.platform.outbox.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while RabbitMQ is connected and every consumer is registered. This is deliberately a
 * readiness check and never a liveness one: a broker outage takes the pod out of rotation, it
 * must not get it restarted.
 */
@Readiness
@ApplicationScoped
public class RabbitReadiness implements HealthCheck {

    private final RabbitBroker broker;
    private final EventConsumers consumers;
    private final OutboxRelay relay;

    public RabbitReadiness(RabbitBroker broker, EventConsumers consumers, OutboxRelay relay) {
        this.broker = broker;
        this.consumers = consumers;
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        if (!broker.isConnected()) {
            try {
                broker.connection();
            } catch (Exception e) {
                return HealthCheckResponse.named("rabbitmq").down()
                        .withData("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
            }
        }
        boolean consuming = consumers.allStarted();
        return HealthCheckResponse.named("rabbitmq")
                .status(broker.isConnected() && consuming)
                .withData("consumers", consuming ? "started" : "starting")
                .withData("outboxBacklog", relay.backlog())
                .build();
    }
}
