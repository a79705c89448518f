package io.accord.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The four services as echoing stand-ins, plus two routes only tests have: {@code /api/test-closed}
 * to a port nothing listens on, and {@code /api/test-flaky} to a port a test brings up later.
 */
public class Downstreams implements QuarkusTestResourceLifecycleManager {

    public static final String CLOSED_PREFIX = "/api/test-closed";
    public static final String FLAKY_PREFIX = "/api/test-flaky";

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String service : new String[] {"agreement", "ticket-clock", "penalty", "notification"}) {
            HttpServer server = StandIns.echo(vertx, service);
            config.put("accord.services." + service + ".url", "http://127.0.0.1:" + server.actualPort());
        }
        config.put("accord.services.closed.url", "http://127.0.0.1:" + StandIns.freePort());
        config.put("accord.services.closed.prefixes", CLOSED_PREFIX);
        config.put("accord.services.closed.openapi", "closed");
        config.put("accord.services.flaky.url", "http://127.0.0.1:" + StandIns.freePort());
        config.put("accord.services.flaky.prefixes", FLAKY_PREFIX);
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // the JVM ends anyway
            }
        }
    }
}
