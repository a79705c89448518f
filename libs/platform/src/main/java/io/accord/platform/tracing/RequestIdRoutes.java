package io.accord.platform.tracing;

import io.accord.api.RequestId;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

/**
 * Tags every HTTP request with its request id before anything else handles it: the caller's
 * {@code X-Request-Id} when sane, a new one otherwise. The id goes into the logging MDC
 * ({@code requestId}), which Quarkus keeps on the request's own Vert.x context, so every log line
 * of the request shows it, on the event loop and on worker threads alike; the answer carries it back.
 */
@ApplicationScoped
public class RequestIdRoutes {

    // Installed before the other platform routes, so even their early answers (413) carry the id
    void install(@Observes @Priority(1) Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::tag);
    }

    private void tag(RoutingContext ctx) {
        String id = RequestId.acceptOrCreate(ctx.request().getHeader(RequestId.HEADER));
        ctx.put(RequestIds.MDC_KEY, id);
        MDC.put(RequestIds.MDC_KEY, id);
        ctx.addHeadersEndHandler(v -> ctx.response().headers().set(RequestId.HEADER, id));
        ctx.next();
    }
}
