package io.accord.platform.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.accord.api.ProblemKind;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Problem answers for what is refused before a resource runs: a body over
 * {@code quarkus.http.limits.max-body-size} gets a 413 problem instead of an empty answer.
 */
@ApplicationScoped
public class HttpProblemRoutes {

    private final ObjectMapper mapper;
    private final long maxBodyBytes;

    public HttpProblemRoutes(ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.mapper = mapper;
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::refuseDeclaredOversizedBodies);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::describeOversizedBodies);
    }

    private void refuseDeclaredOversizedBodies(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && parse(length) > maxBodyBytes) {
            // The body is never read: close the connection rather than drain megabytes we refuse
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            tooLarge(ctx, "The body declares " + length + " bytes; the limit is " + maxBodyBytes + " bytes.");
            return;
        }
        ctx.next();
    }

    private void describeOversizedBodies(RoutingContext ctx) {
        if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
            tooLarge(ctx, "The body is larger than the limit of " + maxBodyBytes + " bytes.");
            return;
        }
        ctx.next();
    }

    private void tooLarge(RoutingContext ctx, String detail) {
        Problem problem = Problem.of(ProblemKind.PAYLOAD_TOO_LARGE, detail).withInstance(ctx.normalizedPath());
        try {
            ctx.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(mapper.writeValueAsString(problem));
        } catch (Exception e) {
            ctx.response().setStatusCode(413).end();
        }
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
