package io.accord.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.accord.platform.testing.KeycloakTokens;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every route through the gateway, called by every kind of caller with a real token from the local
 * Keycloak: each gets exactly what the roles table of the contract says. The calls never change
 * anything: writes carry an empty body (refused as invalid once the caller is let in) or name an id that
 * does not exist, so "let in" shows as 400 or 404 and "kept out" as 403.
 *
 * <p>The table below is the one source of truth; the test also writes it as Markdown and checks that
 * the gateway README shows the same matrix.
 */
class AuthorizationMatrixIT {

    private static final int GATEWAY = 8080;
    private static final String NO_SUCH_ID = UUID.randomUUID().toString();
    private static final Path README = Path.of("..", "gateway", "README.md");
    private static final Path GENERATED = Path.of("target", "authorization-matrix.md");
    private static final String START = "<!-- authorization-matrix:start -->";
    private static final String END = "<!-- authorization-matrix:end -->";

    /** The callers of the roles table: demo users per role, and the two service-account clients. */
    enum Caller {
        VIEWER, AGENT, MANAGER, ADMIN, CUSTOMER, INTEGRATION, INTERNAL;

        String header() {
            return name().toLowerCase();
        }
    }

    private static final Set<Caller> STAFF = EnumSet.of(Caller.VIEWER, Caller.AGENT, Caller.MANAGER, Caller.ADMIN);
    private static final Set<Caller> AGENTS = EnumSet.of(Caller.AGENT, Caller.MANAGER, Caller.ADMIN);
    private static final Set<Caller> MANAGERS = EnumSet.of(Caller.MANAGER, Caller.ADMIN);
    private static final Set<Caller> ADMINS = EnumSet.of(Caller.ADMIN);

    private static final Map<Caller, String> TOKENS = new EnumMap<>(Caller.class);

    record Route(String method, String path, Set<Caller> allowed) {

        String concretePath() {
            return path.replace("{id}", NO_SUCH_ID).replace("{n}", "1").replace("{clockId}", NO_SUCH_ID)
                    .replace("{adjustmentId}", NO_SUCH_ID).replace("{source}", "e2e-matrix").replace("{sourceId}", "no-such-source")
                    .replace("{externalId}", "no-such-item");
        }
    }

    static Set<Caller> plus(Set<Caller> base, Caller... more) {
        Set<Caller> all = EnumSet.copyOf(base);
        all.addAll(List.of(more));
        return all;
    }

    static final List<Route> ROUTES = List.of(
            // agreement-service
            new Route("GET", "/api/parties", STAFF),
            new Route("POST", "/api/parties", MANAGERS),
            new Route("GET", "/api/parties/{id}", STAFF),
            new Route("PUT", "/api/parties/{id}", MANAGERS),
            new Route("DELETE", "/api/parties/{id}", ADMINS),
            new Route("GET", "/api/services", plus(STAFF, Caller.INTEGRATION)),
            new Route("POST", "/api/services", MANAGERS),
            new Route("DELETE", "/api/services/{id}", ADMINS),
            new Route("GET", "/api/calendars", plus(STAFF, Caller.INTEGRATION)),
            new Route("POST", "/api/calendars", MANAGERS),
            new Route("GET", "/api/calendars/{id}", plus(STAFF, Caller.INTEGRATION)),
            new Route("PUT", "/api/calendars/{id}", MANAGERS),
            new Route("DELETE", "/api/calendars/{id}", ADMINS),
            new Route("POST", "/api/calendars/{id}/due", plus(STAFF, Caller.INTEGRATION)),
            new Route("POST", "/api/calendars/{id}/elapsed", plus(STAFF, Caller.INTEGRATION)),
            new Route("GET", "/api/calendars/{id}/audit", STAFF),
            new Route("GET", "/api/agreements", plus(STAFF, Caller.INTEGRATION, Caller.CUSTOMER)),
            new Route("POST", "/api/agreements", MANAGERS),
            new Route("GET", "/api/agreements/{id}", plus(STAFF, Caller.INTEGRATION, Caller.CUSTOMER)),
            new Route("PUT", "/api/agreements/{id}", MANAGERS),
            new Route("DELETE", "/api/agreements/{id}", ADMINS),
            new Route("POST", "/api/agreements/{id}/submit", MANAGERS),
            new Route("POST", "/api/agreements/{id}/approve", MANAGERS),
            new Route("POST", "/api/agreements/{id}/activate", MANAGERS),
            new Route("POST", "/api/agreements/{id}/suspend", MANAGERS),
            new Route("POST", "/api/agreements/{id}/resume", MANAGERS),
            new Route("POST", "/api/agreements/{id}/terminate", MANAGERS),
            new Route("POST", "/api/agreements/{id}/amend", MANAGERS),
            new Route("POST", "/api/agreements/{id}/renew", MANAGERS),
            new Route("GET", "/api/agreements/{id}/versions", plus(STAFF, Caller.INTEGRATION, Caller.CUSTOMER)),
            new Route("GET", "/api/agreements/{id}/versions/{n}", plus(STAFF, Caller.INTEGRATION, Caller.CUSTOMER)),
            new Route("GET", "/api/agreements/{id}/checks", plus(STAFF, Caller.INTEGRATION, Caller.CUSTOMER)),
            new Route("GET", "/api/agreements/{id}/audit", STAFF),
            new Route("GET", "/api/agreements/match", plus(STAFF, Caller.INTEGRATION)),
            new Route("GET", "/api/agreements:snapshot", EnumSet.of(Caller.INTERNAL)),
            // ticket-clock-service
            new Route("POST", "/api/work-items/events", plus(AGENTS, Caller.INTEGRATION)),
            new Route("GET", "/api/work-items/{source}/{externalId}", plus(STAFF, Caller.INTEGRATION, Caller.CUSTOMER)),
            new Route("GET", "/api/work-items/{source}/{externalId}/explain",
                    plus(STAFF, Caller.INTEGRATION, Caller.CUSTOMER)),
            new Route("GET", "/api/clocks", plus(STAFF, Caller.INTEGRATION, Caller.CUSTOMER)),
            new Route("GET", "/api/sources", STAFF),
            new Route("POST", "/api/sources", ADMINS),
            new Route("GET", "/api/sources/{sourceId}", STAFF),
            new Route("PUT", "/api/sources/{sourceId}", ADMINS),
            new Route("DELETE", "/api/sources/{sourceId}", ADMINS),
            new Route("GET", "/api/sources/{sourceId}/unmatched", STAFF),
            // penalty-service
            new Route("GET", "/api/statements", plus(STAFF, Caller.CUSTOMER, Caller.INTERNAL)),
            new Route("GET", "/api/statements/{id}", plus(STAFF, Caller.CUSTOMER, Caller.INTERNAL)),
            new Route("GET", "/api/statements/{id}/evidence", plus(STAFF, Caller.CUSTOMER, Caller.INTERNAL)),
            new Route("GET", "/api/statements/{id}/revisions", plus(STAFF, Caller.CUSTOMER, Caller.INTERNAL)),
            new Route("GET", "/api/statements/{id}/adjustments", plus(STAFF, Caller.CUSTOMER, Caller.INTERNAL)),
            new Route("POST", "/api/statements/{id}/adjustments", MANAGERS),
            new Route("POST", "/api/statements/{id}/adjustments/{adjustmentId}/accept", MANAGERS),
            new Route("POST", "/api/statements/{id}/adjustments/{adjustmentId}/reject", MANAGERS),
            new Route("POST", "/api/statements/{id}/close", MANAGERS),
            new Route("GET", "/api/availability/incidents", plus(STAFF, Caller.INTERNAL)),
            new Route("POST", "/api/availability/incidents", AGENTS),
            new Route("POST", "/api/availability/incidents/{id}/end", AGENTS),
            new Route("GET", "/api/measurements", plus(STAFF, Caller.INTERNAL)),
            new Route("POST", "/api/measurements", AGENTS),
            new Route("GET", "/api/exclusions", STAFF),
            new Route("POST", "/api/exclusions", MANAGERS),
            new Route("DELETE", "/api/exclusions/{id}", MANAGERS),
            // notification-service
            new Route("GET", "/api/notifications", plus(STAFF, Caller.CUSTOMER)),
            new Route("GET", "/api/notifications/{id}", plus(STAFF, Caller.CUSTOMER)),
            new Route("POST", "/api/notifications/{id}/retry", MANAGERS),
            new Route("GET", "/api/escalations/{clockId}", STAFF),
            new Route("POST", "/api/escalations/{clockId}/ack", AGENTS),
            new Route("GET", "/api/channels", STAFF),
            new Route("POST", "/api/channels", MANAGERS),
            new Route("GET", "/api/channels/{id}", STAFF),
            new Route("PUT", "/api/channels/{id}", MANAGERS),
            new Route("DELETE", "/api/channels/{id}", ADMINS),
            new Route("POST", "/api/channels/test", MANAGERS));

    @BeforeAll
    static void tokens() {
        KeycloakTokens keycloak = KeycloakTokens.local();
        for (Caller caller : Caller.values()) {
            TOKENS.put(caller, switch (caller) {
                case INTEGRATION -> keycloak.forIntegrationClient();
                case INTERNAL -> keycloak.forInternalClient();
                default -> keycloak.forUser(caller.header());
            });
        }
    }

    @Test
    void everyCallerGetsExactlyWhatTheRolesTableSays() {
        List<String> wrong = new ArrayList<>();
        for (Route route : ROUTES) {
            int anonymous = call(route, null).statusCode();
            if (anonymous != 401) {
                wrong.add("%s %s without a token: %d, expected 401".formatted(route.method(), route.path(), anonymous));
            }
            for (Caller caller : Caller.values()) {
                Response response = call(route, TOKENS.get(caller));
                int status = response.statusCode();
                boolean allowed = route.allowed().contains(caller);
                boolean ok = allowed ? status != 401 && status != 403 && status < 500 : status == 403;
                if (!ok) {
                    wrong.add("%s %s as %s: %d, expected %s (%s)".formatted(route.method(), route.path(),
                            caller.header(), status, allowed ? "to be let in" : "403", response.body().asString()));
                }
            }
        }
        assertThat(wrong).as("routes answering against the roles table").isEmpty();
    }

    @Test
    void theGatewayReadmeShowsThisMatrix() throws IOException {
        String matrix = markdown();
        Files.createDirectories(GENERATED.getParent());
        Files.writeString(GENERATED, matrix);
        String readme = Files.readString(README);
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertThat(start).as("the gateway README marks where the matrix goes with " + START).isNotNegative();
        assertThat(readme.substring(start + START.length(), end).strip())
                .as("gateway/README.md's matrix is stale: replace it with e2e/" + GENERATED)
                .isEqualTo(matrix.strip());
    }

    private static Response call(Route route, String token) {
        RequestSpecification request = given().port(GATEWAY).urlEncodingEnabled(false);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (!route.method().equals("GET") && !route.method().equals("DELETE")) {
            request = request.contentType("application/json").body("{}");
        }
        return request.request(route.method(), route.concretePath());
    }

    static String markdown() {
        StringBuilder out = new StringBuilder("| route |");
        for (Caller caller : Caller.values()) {
            out.append(' ').append(caller.header()).append(" |");
        }
        out.append("\n|---|");
        out.append("---|".repeat(Caller.values().length)).append('\n');
        for (Route route : ROUTES) {
            out.append("| `").append(route.method()).append(' ').append(route.path()).append("` |");
            for (Caller caller : Caller.values()) {
                out.append(route.allowed().contains(caller) ? " ✓ |" : " |");
            }
            out.append('\n');
        }
        return out.toString();
    }
}
