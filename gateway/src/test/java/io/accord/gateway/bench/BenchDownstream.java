package io.accord.gateway.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;

/**
 * The service behind the gateway in the benchmark: one event loop answering every request with
 * the same small JSON document after reading its body, about what a service's cached read costs.
 *
 * <p>{@code java -cp <test-classes>:<gateway libs> io.accord.gateway.bench.BenchDownstream <port> [work-µs]}:
 * with {@code work-µs}, each answer first spins the CPU that long, standing in for a service's own work.
 */
public final class BenchDownstream {

    private static final Buffer BODY = Buffer.buffer("{\"id\":\"5f0c6c2e-2d7b-4c52-9a57-3f0d0c1e9b11\","
            + "\"number\":\"AGR-2025-0042\",\"kind\":\"SLA\",\"status\":\"ACTIVE\",\"provider\":\"Accord Ltd\","
            + "\"customer\":\"Acme Corp\",\"validFrom\":\"2025-01-01\",\"validTo\":\"2025-12-31\",\"version\":3}");

    private BenchDownstream() {
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 18091;
        long workNanos = args.length > 1 ? Long.parseLong(args[1]) * 1000 : 0;
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        vertx.createHttpServer()
                .requestHandler(request -> request.body().onComplete(ignored -> {
                    if (workNanos > 0) {
                        long until = System.nanoTime() + workNanos;
                        while (System.nanoTime() < until) {
                            Thread.onSpinWait();
                        }
                    }
                    request.response().putHeader("Content-Type", "application/json").end(BODY);
                }))
                .listen(port, "127.0.0.1")
                .onSuccess(server -> System.out.println("bench downstream listening on " + server.actualPort()))
                .onFailure(failure -> {
                    failure.printStackTrace();
                    System.exit(1);
                });
    }
}
