package io.accord.gateway;

import io.accord.api.ProblemKind;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * The problems the gateway itself answers with, rendered exactly as every Accord service renders its own (problem
 * details, {@code application/problem+json}: {@code type}, {@code title}, {@code status}, {@code detail},
 * {@code instance}), from the same {@link ProblemKind}s: a client cannot tell, and need not care, whether the gateway
 * or a service refused a call.
 */
final class Problem {

    static final String MEDIA_TYPE = "application/problem+json";

    private Problem() {
    }

    /** The JSON body, fields in the services' order; {@code instance} is the request path. */
    static Buffer body(ProblemKind kind, String detail, String instance) {
        JsonObject json = new JsonObject()
                .put("type", kind.type().toString())
                .put("title", kind.title())
                .put("status", kind.status());
        if (detail != null && !detail.isEmpty()) {
            json.put("detail", detail);
        }
        if (instance != null && !instance.isEmpty()) {
            json.put("instance", instance);
        }
        return json.toBuffer();
    }

    /** Ends {@code response} with a problem of this kind, unless something was already written. */
    static void send(ProblemKind kind, HttpServerResponse response, String detail, String instance) {
        if (response.headWritten() || response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(kind.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE)
                .end(body(kind, detail, instance));
    }
}
