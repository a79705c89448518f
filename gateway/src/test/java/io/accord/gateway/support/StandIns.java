package io.accord.gateway.support;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * Stand-ins for Accord's services: HTTP servers that answer every request with what they received
 * (method, URI, headers, body bytes), after {@code ?delay=<ms>}, or with {@code ?download=<bytes>} of
 * generated body; {@code /q/openapi} answers a small OpenAPI document.
 */
public final class StandIns {

    private StandIns() {
    }

    /** Starts an echo server named {@code name} on a random port of 127.0.0.1; returns the server. */
    public static HttpServer echo(Vertx vertx, String name) {
        return echo(vertx, name, 0);
    }

    public static HttpServer echo(Vertx vertx, String name, int port) {
        try {
            return vertx.createHttpServer()
                    .requestHandler(request -> request.body().onSuccess(body -> answer(vertx, name, request, body)))
                    .listen(port, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the " + name + " stand-in", e);
        }
    }

    /** A port nothing listens on (yet). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(Vertx vertx, String name, HttpServerRequest request, Buffer body) {
        if (request.path().equals("/q/openapi")) {
            JsonObject document = new JsonObject()
                    .put("openapi", "3.1.0")
                    .put("info", new JsonObject().put("title", "Accord " + name + " service API").put("version", "1"))
                    .put("servers", new JsonArray().add(new JsonObject().put("url", "http://localhost:8081")))
                    .put("paths", new JsonObject().put("/api/" + name, new JsonObject().put("get",
                            new JsonObject().put("responses", new JsonObject().put("200",
                                    new JsonObject().put("description", "OK"))))))
                    .put("x-format-asked", request.getParam("format"));
            request.response().putHeader("Content-Type", "application/json").end(document.encode());
            return;
        }
        String size = request.getParam("download");
        if (size != null) {
            int bytes = Integer.parseInt(size);
            Buffer generated = Buffer.buffer(bytes);
            for (int i = 0; i < bytes; i++) {
                generated.appendByte((byte) (i * 31 + 7));
            }
            request.response().setChunked(true).putHeader("Content-Type", "application/octet-stream");
            int chunk = 64 * 1024;
            for (int from = 0; from < bytes; from += chunk) {
                request.response().write(generated.slice(from, Math.min(bytes, from + chunk)));
            }
            request.response().end();
            return;
        }
        JsonObject headers = new JsonObject();
        MultiMap in = request.headers();
        for (String headerName : in.names()) {
            headers.put(headerName.toLowerCase(), String.join(",", in.getAll(headerName)));
        }
        JsonObject echo = new JsonObject()
                .put("service", name)
                .put("method", request.method().name())
                .put("uri", request.uri())
                .put("path", request.path())
                .put("query", request.query())
                .put("headers", headers)
                .put("body", Base64.getEncoder().encodeToString(body.getBytes()))
                .put("length", body.length());
        String delay = request.getParam("delay");
        Runnable respond = () -> {
            if (request.response().closed()) {
                return;
            }
            request.response()
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Server", "stand-in/1.0")
                    .putHeader("Cache-Control", "max-age=60")
                    .putHeader("X-Served-By", name)
                    .end(echo.encode());
        };
        if (delay == null) {
            respond.run();
        } else {
            vertx.setTimer(Long.parseLong(delay), id -> respond.run());
        }
    }
}
