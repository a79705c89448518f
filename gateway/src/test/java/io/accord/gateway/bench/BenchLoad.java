package io.accord.gateway.bench;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Open-loop load at a fixed rate: request {@code i} is due at {@code start + i / rate}, and its
 * latency counts from when it was due, so a stall is not hidden by requests that were never sent
 * (no coordinated omission). Prints one line of JSON with the percentiles in milliseconds.
 *
 * <p>The first two seconds at that rate warm the connections and are not recorded.
 *
 * <p>{@code BenchLoad <url> <requests-per-second> <seconds> [header-name header-value]}
 */
public final class BenchLoad {

    private BenchLoad() {
    }

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        String headerName = args.length > 4 ? args[3] : null;
        String headerValue = args.length > 4 ? args[4] : null;

        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(32));
        Context context = vertx.getOrCreateContext();
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        AtomicLong errors = new AtomicLong();
        AtomicLong non2xx = new AtomicLong();
        int warmup = rate * 2;
        int total = rate * seconds + warmup;
        CountDownLatch done = new CountDownLatch(total);

        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
                .setHost(url.getHost()).setPort(url.getPort()).setURI(url.getRawPath());
        if (headerName != null) {
            options.putHeader(headerName, headerValue);
        }
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            boolean recorded = i >= warmup;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            context.runOnContext(v -> client.request(options)
                    .compose(request -> request.send())
                    .compose(response -> {
                        if (recorded && response.statusCode() / 100 != 2) {
                            non2xx.incrementAndGet();
                        }
                        return response.body();
                    })
                    .onComplete(result -> {
                        if (recorded) {
                            if (result.failed()) {
                                errors.incrementAndGet();
                            }
                            synchronized (histogram) {
                                histogram.recordValue(Math.max(0, System.nanoTime() - due));
                            }
                        }
                        done.countDown();
                    }));
        }
        done.await(seconds + 60L, TimeUnit.SECONDS);
        System.out.println(String.format(Locale.ROOT,
                "{\"rate\":%d,\"count\":%d,\"errors\":%d,\"non2xx\":%d,\"p50_ms\":%.3f,\"p90_ms\":%.3f,"
                        + "\"p99_ms\":%.3f,\"max_ms\":%.3f}",
                rate, histogram.getTotalCount(), errors.get(), non2xx.get(),
                histogram.getValueAtPercentile(50) / 1e6, histogram.getValueAtPercentile(90) / 1e6,
                histogram.getValueAtPercentile(99) / 1e6, histogram.getMaxValue() / 1e6));
        vertx.close();
    }
}
