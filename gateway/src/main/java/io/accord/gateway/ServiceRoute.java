package io.accord.gateway;

import io.accord.api.ProblemKind;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.impl.HttpUtils;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyOptions;
import io.vertx.httpproxy.ProxyResponse;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * One service behind the gateway: a pooled HTTP client to it, a streaming reverse proxy
 * (vertx-http-proxy) over that client, a timeout to the first byte of its answer and a circuit
 * breaker. Everything runs on the event loop of the caller's connection; nothing blocks.
 *
 * <p>Failures become problem answers naming the service: unreachable 502, too slow 504, circuit
 * open 503 (with {@code Retry-After}). Only unreachable and too slow count against the circuit; a
 * service that answers, with any status, is healthy enough, and its answer is relayed as is.
 */
final class ServiceRoute {

    private static final Logger LOG = Logger.getLogger(ServiceRoute.class);
    private static final String ATTEMPT = "accord.attempt";

    private final String name;
    private final String host;
    private final int port;
    private final boolean ssl;
    private final List<String> prefixes;
    private final String openapi;
    private final long timeoutMillis;
    private final long openForMillis;
    private final Vertx vertx;
    private final HttpClient client;
    private final CircuitBreaker breaker;
    private final HttpProxy proxy;
    private final BodyLimits bodyLimits;

    /** The largest body accepted for a request path when it does not declare its length. */
    interface BodyLimits {
        long forPath(String path);
    }

    /** Failures that are the caller's doing and say nothing about the service's health. */
    private static final class CallerFault extends RuntimeException {
        CallerFault(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private static final class TimedOut extends RuntimeException {
        TimedOut() {
            super("route timeout", null, false, false);
        }
    }

    /** One call through the proxy: its request to the service, once created, and whether it timed out. */
    private static final class Attempt {
        HttpClientRequest request;
        boolean timedOut;
        LimitedBody body;
    }

    /**
     * Whether a failed call says the service is down or overwhelmed: it could not be reached at all,
     * or did not answer in time. A connection closed under a call is not counted: the gateway closes
     * connections itself when callers hang up, and a service that closes them still answers others.
     */
    static boolean countsAgainstService(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CallerFault) {
                return false;
            }
            if (cause instanceof TimedOut || cause instanceof java.net.ConnectException
                    || cause instanceof io.netty.channel.ConnectTimeoutException
                    || cause instanceof java.net.UnknownHostException
                    || cause instanceof java.net.NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    ServiceRoute(String name, GatewayConfig.Service service, GatewayConfig.Gateway gateway, Vertx vertx,
            BodyLimits bodyLimits) {
        this.name = name;
        URI url = service.url();
        this.ssl = "https".equalsIgnoreCase(url.getScheme());
        this.host = url.getHost();
        this.port = url.getPort() > 0 ? url.getPort() : (ssl ? 443 : 80);
        if (host == null) {
            throw new IllegalStateException("accord.services." + name + ".url has no host: " + url);
        }
        this.prefixes = service.prefixes();
        this.openapi = service.openapi().orElse(null);
        this.timeoutMillis = service.timeout().orElse(gateway.timeout()).toMillis();
        this.openForMillis = gateway.circuitBreaker().openFor().toMillis();
        this.vertx = vertx;
        this.bodyLimits = bodyLimits;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) gateway.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setKeepAliveTimeout(30)
                .setDecompressionSupported(false)
                .setTryUseCompression(false)
                .setName("accord-" + name),
                new PoolOptions().setHttp1MaxSize(gateway.maxConnections()).setMaxWaitQueueSize(-1));
        this.breaker = CircuitBreaker.create("accord-" + name, vertx, new CircuitBreakerOptions()
                .setMaxFailures(gateway.circuitBreaker().failures())
                .setFailuresRollingWindow(Math.max(1000, gateway.circuitBreaker().window().toMillis()))
                .setResetTimeout(openForMillis)
                .setTimeout(-1)
                .setNotificationAddress(null))
                .failurePolicy(ar -> ar.failed() && countsAgainstService(ar.cause()));
        this.breaker.openHandler(v -> LOG.warnf("Circuit to the %s service opened for %d ms", name, openForMillis));
        this.breaker.closeHandler(v -> LOG.infof("Circuit to the %s service closed", name));
        this.proxy = HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), client)
                .origin(this::originRequest)
                .addInterceptor(new Guard());
    }

    String name() {
        return name;
    }

    List<String> prefixes() {
        return prefixes;
    }

    String openapi() {
        return openapi;
    }

    Duration timeout() {
        return Duration.ofMillis(timeoutMillis);
    }

    /** Streams the request to the service and its answer back. */
    void forward(HttpServerRequest request) {
        proxy.handle(request);
    }

    /** A GET to the service (its OpenAPI document), bounded by the route timeout; not counted by the breaker. */
    Future<Buffer> get(String uri) {
        return client.request(new RequestOptions()
                        .setMethod(HttpMethod.GET).setHost(host).setPort(port).setSsl(ssl).setURI(uri)
                        .setIdleTimeout(timeoutMillis)
                        .putHeader(HttpHeaders.ACCEPT, "application/json"))
                .compose(HttpClientRequest::send)
                .compose(response -> response.statusCode() == 200
                        ? response.body()
                        : response.body().transform(ignored -> Future.failedFuture(new IllegalStateException(
                                "answered " + response.statusCode()))));
    }

    void close() {
        breaker.close();
        client.close();
    }

    private Future<HttpClientRequest> originRequest(ProxyContext context) {
        return context.client()
                .request(new RequestOptions().setHost(host).setPort(port).setSsl(ssl))
                .map(request -> {
                    Attempt attempt = context.get(ATTEMPT, Attempt.class);
                    if (attempt != null) {
                        if (attempt.timedOut) {
                            request.reset();
                        } else {
                            attempt.request = request;
                        }
                    }
                    return request;
                });
    }

    /** Timeout, circuit breaker, body limit and problem answers around the proxied call. */
    private final class Guard implements ProxyInterceptor {

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            Attempt attempt = new Attempt();
            context.set(ATTEMPT, attempt);
            HttpServerRequest incoming = context.request().proxiedRequest();
            // The route was chosen on the normalised path; the service must see that same path
            String normalized = HttpUtils.normalizePath(incoming.path());
            if (!normalized.equals(incoming.path())) {
                String query = incoming.query();
                context.request().setURI(query == null ? normalized : normalized + "?" + query);
            }
            Body body = context.request().getBody();
            if (body != null && body.length() < 0) {
                attempt.body = new LimitedBody(body.stream(), bodyLimits.forPath(incoming.path()));
                context.request().setBody(Body.body(attempt.body, -1));
            }
            return breaker.<ProxyResponse>execute(promise -> call(context, attempt, promise))
                    .recover(failure -> Future.succeededFuture(problem(context, failure)));
        }

        private void call(ProxyContext context, Attempt attempt, Promise<ProxyResponse> promise) {
            long timer = vertx.setTimer(timeoutMillis, id -> {
                attempt.timedOut = true;
                if (promise.tryFail(new TimedOut()) && attempt.request != null) {
                    attempt.request.reset();
                }
            });
            context.sendRequest().onComplete(result -> {
                vertx.cancelTimer(timer);
                if (result.succeeded()) {
                    if (!promise.tryComplete(result.result())) {
                        result.result().release();
                    }
                } else if (attempt.body != null && attempt.body.exceeded()) {
                    promise.tryFail(new CallerFault(new LimitedBody.TooLarge(attempt.body.limit())));
                } else if (context.request().proxiedRequest().response().closed()) {
                    promise.tryFail(new CallerFault(result.cause()));
                } else {
                    promise.tryFail(result.cause());
                }
            });
        }

        private ProxyResponse problem(ProxyContext context, Throwable failure) {
            HttpServerRequest incoming = context.request().proxiedRequest();
            String instance = incoming.path();
            ProblemKind kind;
            String detail;
            ProxyResponse response = context.request().release().response();
            Throwable cause = failure instanceof CallerFault ? failure.getCause() : failure;
            if (cause instanceof LimitedBody.TooLarge) {
                kind = ProblemKind.PAYLOAD_TOO_LARGE;
                detail = cause.getMessage();
                response.putHeader(HttpHeaders.CONNECTION, "close");
            } else if (cause instanceof TimedOut) {
                kind = ProblemKind.GATEWAY_TIMEOUT;
                detail = "The " + name + " service did not answer within " + timeoutMillis + " ms.";
            } else if (cause instanceof OpenCircuitException) {
                kind = ProblemKind.SERVICE_UNAVAILABLE;
                long seconds = Math.max(1, (openForMillis + 999) / 1000);
                detail = "The " + name + " service failed repeatedly; calls to it are suspended for up to "
                        + seconds + " s.";
                response.putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            } else if (failure instanceof CallerFault) {
                kind = ProblemKind.BAD_REQUEST;
                detail = "The request ended before it was complete.";
            } else {
                kind = ProblemKind.BAD_GATEWAY;
                detail = "The " + name + " service is unreachable.";
            }
            if (kind.status() >= 500 && !incoming.response().closed()) {
                LOG.warnf("%s %s -> %d: %s service %s", incoming.method(), instance, kind.status(), name,
                        cause instanceof TimedOut || cause instanceof OpenCircuitException ? kind.title()
                                : String.valueOf(cause));
            }
            return response.setStatusCode(kind.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .setBody(Body.body(Problem.body(kind, detail, instance)));
        }
    }
}
