package io.accord.gateway;

import io.accord.api.ProblemKind;
import io.accord.api.RequestId;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;

/**
 * The gateway's routes on Quarkus's HTTP server, in the order a request meets them:
 *
 * <ol>
 * <li>request id, trace context and security headers on every answer;</li>
 * <li>(Quarkus) CORS, then bearer-token authentication, evaluated lazily;</li>
 * <li>the gate: a valid token unless the path is public or a webhook, then the rate limit of the
 * caller and the declared body size;</li>
 * <li>the API: the owning service's proxy, or a 404 problem; the OpenAPI documents; a 404 problem
 * for anything else.</li>
 * </ol>
 */
@Singleton
public class Edge {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";
    static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
    static final String X_FORWARDED_HOST = "X-Forwarded-Host";
    /** Key of the request id in the routing context and in the logging MDC (as in every service's log format). */
    static final String REQUEST_ID = "requestId";
    private static final String BEARER_CHALLENGE = "Bearer realm=\"accord\"";
    private static final String INVALID_TOKEN_CHALLENGE = "Bearer realm=\"accord\", error=\"invalid_token\"";
    /** Before Quarkus's CORS (-300) and authentication (-200), so even their answers carry the id. */
    static final int ORDER_EDGE = -10_000;
    /** After authentication (-200) and authorization (-100), before Quarkus's own body limit (-2). */
    static final int ORDER_GATE = -50;
    /** Where Quarkus's HTTP server metrics look for a request's path template. */
    private static final String METRICS_TEMPLATE = "UrlPathTemplate";

    private final OpenApiDocuments documents;
    private final Map<String, ServiceRoute> services = new LinkedHashMap<>();
    private final RouteTable<ServiceRoute> routes;
    private final RateLimiter apiLimiter;
    private final RateLimiter webhookLimiter;
    private final long apiBodyLimit;
    private final long webhookBodyLimit;
    private final VerifiedTokens verifiedTokens;

    Edge(GatewayConfig config, Vertx vertx) {
        this.apiBodyLimit = config.gateway().limits().api().maxBodySize().asLongValue();
        this.webhookBodyLimit = config.gateway().limits().webhooks().maxBodySize().asLongValue();
        this.verifiedTokens = new VerifiedTokens(config.gateway().tokenCache().maxAge(),
                config.gateway().tokenCache().maxSize());
        this.apiLimiter = new RateLimiter(config.gateway().limits().api());
        this.webhookLimiter = new RateLimiter(config.gateway().limits().webhooks());
        config.services().forEach((name, service) -> services.put(name,
                new ServiceRoute(name, service, config.gateway(), vertx, this::bodyLimit)));
        this.routes = RouteTable.of(services, ServiceRoute::prefixes);
        this.documents = new OpenApiDocuments(config, services.values());
    }

    void install(@Observes Router router) {
        router.route().order(ORDER_EDGE).handler(this::edge);
        router.route().order(ORDER_GATE).handler(this::gate);
        router.get("/openapi/:name").handler(documents::serve);
        router.route("/api/*").handler(this::api);
        router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::notFound);
    }

    void close(@Observes ShutdownEvent event) {
        services.values().forEach(ServiceRoute::close);
    }

    // ---------------------------------------------------------------- 1. every request

    private void edge(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String id = RequestId.acceptOrCreate(request.getHeader(RequestId.HEADER));
        ctx.put(REQUEST_ID, id);
        MDC.put(REQUEST_ID, id);
        String path = ctx.normalizedPath();
        boolean api = RouteTable.matches("/api", path);
        nameForMetrics(path, api);
        ctx.addHeadersEndHandler(v -> {
            MultiMap headers = ctx.response().headers();
            headers.set(RequestId.HEADER, id);
            headers.remove(HttpHeaders.SERVER);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            if (api) {
                headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
            }
        });
        ctx.next();
    }

    /**
     * The {@code uri} tag of the HTTP server metrics: the route's prefix rather than the path, so
     * ids in paths and whatever scanners try do not each make a new time series.
     */
    private void nameForMetrics(String path, boolean api) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return;
        }
        String template = null;
        if (api) {
            String prefix = routes.prefixOf(path);
            if (prefix == null) {
                template = "/api/{unknown}";
            } else {
                template = prefix.length() == path.length() ? prefix : prefix + "/{rest}";
            }
        } else if (Access.of(path) == Access.PROTECTED && !path.startsWith("/q/")) {
            template = "/{unknown}";
        }
        if (template != null) {
            context.putLocal(METRICS_TEMPLATE, template);
        }
    }

    // ---------------------------------------------------------------- 2. the gate

    private void gate(RoutingContext ctx) {
        switch (Access.of(ctx.normalizedPath())) {
            case PUBLIC -> ctx.next();
            case WEBHOOK -> {
                SocketAddress source = ctx.request().remoteAddress();
                String client = "address:" + (source == null ? "unknown" : source.hostAddress());
                if (withinRate(ctx, webhookLimiter, client) && withinDeclaredSize(ctx, webhookBodyLimit)) {
                    ctx.next();
                }
            }
            case PROTECTED -> authenticate(ctx);
        }
    }

    private void authenticate(RoutingContext ctx) {
        String token = bearerToken(ctx.request());
        VerifiedTokens.Verified known = token == null ? null : verifiedTokens.lookup(token);
        if (known != null) {
            authenticated(ctx, known.client());
            return;
        }
        Uni<SecurityIdentity> identity = ctx.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        if (identity == null) {
            Problem.send(ProblemKind.INTERNAL, ctx.response(), "Authentication is not set up.", ctx.normalizedPath());
            return;
        }
        // The gate answers authentication failures itself, as problem+json
        ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (BiConsumer<RoutingContext, Throwable>) (c, t) -> {
        });
        identity.subscribe().with(
                resolved -> {
                    if (resolved == null || resolved.isAnonymous()) {
                        unauthorized(ctx, BEARER_CHALLENGE, "A valid bearer token is required.");
                        return;
                    }
                    String client = clientOf(resolved);
                    if (token != null && resolved.getPrincipal() instanceof JsonWebToken jwt) {
                        verifiedTokens.remember(token, client, jwt.getExpirationTime());
                    }
                    authenticated(ctx, client);
                },
                failure -> unauthorized(ctx, INVALID_TOKEN_CHALLENGE, "The bearer token is expired or invalid."));
    }

    private void authenticated(RoutingContext ctx, String client) {
        if (withinRate(ctx, apiLimiter, client) && withinDeclaredSize(ctx, apiBodyLimit)) {
            ctx.next();
        }
    }

    private static String bearerToken(HttpServerRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.length() < 8
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    /** The caller a token stands for: the client it was issued to and its subject. */
    private static String clientOf(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object azp = jwt.getClaim("azp");
            return "token:" + azp + "/" + jwt.getSubject();
        }
        return "principal:" + identity.getPrincipal().getName();
    }

    private static void unauthorized(RoutingContext ctx, String challenge, String detail) {
        if (!ctx.response().headWritten()) {
            ctx.response().putHeader("WWW-Authenticate", challenge);
        }
        Problem.send(ProblemKind.UNAUTHORIZED, ctx.response(), detail, ctx.normalizedPath());
    }

    private static boolean withinRate(RoutingContext ctx, RateLimiter limiter, String client) {
        RateLimiter.Decision decision = limiter.tryCall(client);
        if (decision.allowed()) {
            return true;
        }
        ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        Problem.send(ProblemKind.TOO_MANY_REQUESTS, ctx.response(), "The limit is " + limiter.description()
                + "; retry after " + decision.retryAfterSeconds() + " s.", ctx.normalizedPath());
        return false;
    }

    private static boolean withinDeclaredSize(RoutingContext ctx, long limit) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return true;
        }
        long declared;
        try {
            declared = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            Problem.send(ProblemKind.BAD_REQUEST, ctx.response(), "Content-Length is not a number.", ctx.normalizedPath());
            return false;
        }
        if (declared <= limit) {
            return true;
        }
        // The body is never read: close the connection rather than drain what is refused
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        Problem.send(ProblemKind.PAYLOAD_TOO_LARGE, ctx.response(), "The body declares " + declared + " bytes; the limit is "
                + limit + " bytes.", ctx.normalizedPath());
        return false;
    }

    long bodyLimit(String path) {
        return Access.of(path) == Access.WEBHOOK ? webhookBodyLimit : apiBodyLimit;
    }

    // ---------------------------------------------------------------- 3. the API

    private void api(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        ServiceRoute route = routes.match(path);
        if (route == null) {
            notFound(ctx);
            return;
        }
        HttpServerRequest request = ctx.request();
        MultiMap headers = request.headers();
        headers.set(RequestId.HEADER, (String) ctx.get(REQUEST_ID));
        headers.set(TraceContext.HEADER, TraceContext.keepOrCreate(headers.get(TraceContext.HEADER)));
        // The gateway states where the call came from; what a caller claimed about it is not passed on
        headers.remove("Forwarded");
        SocketAddress source = request.remoteAddress();
        if (source != null) {
            headers.set(X_FORWARDED_FOR, source.hostAddress());
        } else {
            headers.remove(X_FORWARDED_FOR);
        }
        headers.set(X_FORWARDED_PROTO, request.scheme() == null ? "http" : request.scheme());
        if (request.authority() != null) {
            headers.set(X_FORWARDED_HOST, request.authority().toString());
        }
        // Quarkus answers 100-continue itself; the service must not wait for a second one
        headers.remove(HttpHeaders.EXPECT);
        route.forward(request);
    }

    private void notFound(RoutingContext ctx) {
        Problem.send(ProblemKind.NOT_FOUND, ctx.response(), "No Accord API answers at " + ctx.normalizedPath() + ".",
                ctx.normalizedPath());
    }
}
