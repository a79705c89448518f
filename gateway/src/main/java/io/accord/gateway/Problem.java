package io.accord.gateway;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * The problems the gateway itself answers with, rendered exactly as every Accord service renders
 * its own (problem details, {@code application/problem+json}: {@code type}, {@code title}, {@code status},
 * {@code detail}, {@code instance}). Slugs and titles are those of the services' problem kinds, so
 * a client cannot tell, and need not care, whether the gateway or a service refused a call.
 */
public enum Problem {
    BAD_REQUEST(400, "bad-request", "Bad request"),
    UNAUTHORIZED(401, "unauthorized", "Authentication required"),
    NOT_FOUND(404, "not-found", "Not found"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request body too large"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests"),
    INTERNAL(500, "internal", "Internal error"),
    BAD_GATEWAY(502, "bad-gateway", "Upstream service unavailable"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "Service unavailable"),
    GATEWAY_TIMEOUT(504, "gateway-timeout", "Upstream service timed out");

    public static final String MEDIA_TYPE = "application/problem+json";

    private final int status;
    private final String slug;
    private final String title;

    Problem(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String type() {
        return "urn:accord:problem:" + slug;
    }

    public String title() {
        return title;
    }

    /** The JSON body, fields in the services' order; {@code instance} is the request path. */
    public Buffer body(String detail, String instance) {
        JsonObject json = new JsonObject()
                .put("type", type())
                .put("title", title)
                .put("status", status);
        if (detail != null && !detail.isEmpty()) {
            json.put("detail", detail);
        }
        if (instance != null && !instance.isEmpty()) {
            json.put("instance", instance);
        }
        return json.toBuffer();
    }

    /** Ends {@code response} with this problem, unless something was already written. */
    public void send(HttpServerResponse response, String detail, String instance) {
        if (response.headWritten() || response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE)
                .end(body(detail, instance));
    }
}
