package io.accord.gateway;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the gateway reads from configuration: where each service answers and which paths it
 * owns ({@code accord.services.<name>.*}), and the edge's own timeouts and limits
 * ({@code accord.gateway.*}).
 */
@ConfigMapping(prefix = "accord")
public interface GatewayConfig {

    /** The services behind the gateway, by name ({@code agreement}, {@code ticket-clock}, ...). */
    Map<String, Service> services();

    Gateway gateway();

    Keycloak keycloak();

    interface Service {

        /** Where the service answers: {@code http://127.0.0.1:8081}, or a Kubernetes service name. */
        URI url();

        /**
         * The path prefixes the service owns. A prefix matches itself and anything continuing it with
         * {@code /} or {@code :} ({@code /api/agreements:snapshot}); the longest matching prefix wins.
         */
        List<String> prefixes();

        /** The name of its OpenAPI document under {@code /openapi/{name}}; none when absent. */
        Optional<String> openapi();

        /** Time to the first byte of the answer; {@code accord.gateway.timeout} when absent. */
        Optional<Duration> timeout();
    }

    interface Gateway {

        /** The URL callers reach the gateway at; written as {@code servers} into the OpenAPI documents. */
        @WithDefault("http://localhost:8080")
        String publicUrl();

        /** Default time a service has to start answering before the caller gets a 504. */
        @WithDefault("10s")
        Duration timeout();

        /** Time to open a connection to a service before the caller gets a 502. */
        @WithDefault("2s")
        Duration connectTimeout();

        /** Pooled HTTP/1.1 connections per service (per event loop it is shared across). */
        @WithDefault("200")
        int maxConnections();

        CircuitBreaker circuitBreaker();

        Limits limits();

        TokenCache tokenCache();
    }

    interface TokenCache {

        /** How long a verified token is trusted without verifying it again (never past its expiry); 0 turns this off. */
        @WithDefault("2m")
        Duration maxAge();

        @WithDefault("10000")
        long maxSize();
    }

    interface CircuitBreaker {

        /** Consecutive failures (unreachable or timed out) within {@link #window()} that open the circuit. */
        @WithDefault("5")
        int failures();

        @WithDefault("10s")
        Duration window();

        /** How long an open circuit refuses calls before letting one trial call through. */
        @WithDefault("10s")
        Duration openFor();
    }

    interface Limits {

        /** Authenticated API calls, counted per client (token {@code azp} and {@code sub}). */
        Limit api();

        /** Webhook deliveries, counted per source address; stricter than {@link #api()}. */
        Limit webhooks();
    }

    interface Limit {

        /** Tokens added to a client's bucket every {@link #period()}. */
        long requests();

        Duration period();

        /** Bucket capacity: how many calls a quiet client may make at once; {@link #requests()} when absent. */
        Optional<Long> burst();

        /** Largest request body accepted. */
        MemorySize maxBodySize();
    }

    interface Keycloak {

        /** Keycloak as the gateway reaches it; the issuer is {@code <url>/realms/accord}. */
        @WithDefault("http://127.0.0.1:8180")
        String url();

        /** Keycloak as browsers reach it (Swagger UI's Authorize); {@link #url()} when absent. */
        Optional<String> publicUrl();
    }
}
