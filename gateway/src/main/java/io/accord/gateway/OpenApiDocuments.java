package io.accord.gateway;

import io.accord.api.ProblemKind;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * {@code /openapi/{name}}: a service's own OpenAPI document ({@code /q/openapi?format=json}) as
 * callers of the gateway need it: its {@code servers} are the gateway's public URL, and when the
 * service declares no security scheme, Accord's (the realm's authorization-code flow, which Swagger
 * UI's Authorize button uses with PKCE through the {@code accord-cli} client).
 */
final class OpenApiDocuments {

    private static final Logger LOG = Logger.getLogger(OpenApiDocuments.class);
    static final String SCHEME = "accord";

    private final Map<String, ServiceRoute> byName = new LinkedHashMap<>();
    private final String publicUrl;
    private final String realmUrl;

    OpenApiDocuments(GatewayConfig config, Collection<ServiceRoute> services) {
        for (ServiceRoute service : services) {
            if (service.openapi() != null) {
                byName.put(service.openapi(), service);
            }
        }
        this.publicUrl = stripSlash(config.gateway().publicUrl());
        this.realmUrl = stripSlash(config.keycloak().publicUrl().orElse(config.keycloak().url())) + "/realms/accord";
    }

    void serve(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        ServiceRoute service = byName.get(name);
        String instance = ctx.normalizedPath();
        if (service == null) {
            Problem.send(ProblemKind.NOT_FOUND, ctx.response(), "There is no OpenAPI document named '" + name + "'; there are "
                    + String.join(", ", byName.keySet()) + ".", instance);
            return;
        }
        service.get("/q/openapi?format=json").onComplete(result -> {
            if (result.failed()) {
                boolean timeout = result.cause() instanceof TimeoutException;
                LOG.warnf("OpenAPI document of the %s service: %s", service.name(), result.cause().toString());
                Problem.send(timeout ? ProblemKind.GATEWAY_TIMEOUT : ProblemKind.BAD_GATEWAY, ctx.response(),
                        "The " + service.name() + " service did not give its OpenAPI document"
                                + (timeout ? " in time." : ": " + result.cause().getMessage() + "."),
                        instance);
                return;
            }
            JsonObject document;
            try {
                document = result.result().toJsonObject();
            } catch (RuntimeException e) {
                Problem.send(ProblemKind.BAD_GATEWAY, ctx.response(), "The " + service.name()
                        + " service's OpenAPI document is not JSON.", instance);
                return;
            }
            ctx.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(rewrite(document).toBuffer());
        });
    }

    JsonObject rewrite(JsonObject document) {
        document.put("servers", new JsonArray().add(new JsonObject()
                .put("url", publicUrl)
                .put("description", "Accord gateway")));
        JsonObject components = document.getJsonObject("components");
        if (components == null) {
            components = new JsonObject();
            document.put("components", components);
        }
        JsonObject schemes = components.getJsonObject("securitySchemes");
        if (schemes == null || schemes.isEmpty()) {
            components.put("securitySchemes", new JsonObject().put(SCHEME, new JsonObject()
                    .put("type", "oauth2")
                    .put("description", "Sign in to Accord (realm accord)")
                    .put("flows", new JsonObject().put("authorizationCode", new JsonObject()
                            .put("authorizationUrl", realmUrl + "/protocol/openid-connect/auth")
                            .put("tokenUrl", realmUrl + "/protocol/openid-connect/token")
                            .put("scopes", new JsonObject())))));
            if (!document.containsKey("security")) {
                document.put("security", new JsonArray().add(new JsonObject().put(SCHEME, new JsonArray())));
            }
        }
        return document;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
