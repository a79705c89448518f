package io.accord.platform.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where the broker is and how consumers treat failures ({@code accord.rabbitmq.*}). */
@ConfigMapping(prefix = "accord.rabbitmq")
public interface RabbitConfig {

    @WithDefault("127.0.0.1")
    String host();

    @WithDefault("5672")
    int port();

    @WithDefault("guest")
    String username();

    @WithDefault("guest")
    String password();

    @WithDefault("/")
    String virtualHost();

    @WithDefault("5S")
    Duration connectionTimeout();

    /** How often a lost connection (or one never made) is tried again. */
    @WithDefault("2S")
    Duration reconnectInterval();

    /** Deliveries of one message before the quorum queue dead-letters it. */
    @WithDefault("5")
    int deliveryLimit();

    /** Unacknowledged messages a consumer holds at once. */
    @WithDefault("10")
    int prefetch();
}
