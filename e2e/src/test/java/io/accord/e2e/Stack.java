package io.accord.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.accord.platform.testing.KeycloakTokens;
import io.accord.platform.testing.LocalSecrets;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The running stack as the end-to-end tests use it: tokens, the gateway, a ready-made agreement, extra processes. */
final class Stack {

    static final int GATEWAY = 8080;
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path LOGS = ROOT.resolve(".accord").resolve("logs");

    private Stack() {
    }

    static String token(String user) {
        return KeycloakTokens.local().forUser(user);
    }

    static RequestSpecification gateway(String token) {
        return given().port(GATEWAY).auth().oauth2(token);
    }

    /**
     * An active SLA, around the clock in UTC, for one customer of {@code source}: one first-response objective with
     * the given P1 target and a warning at half of it. Created through the gateway as a manager would; the ticket-clock service learns of it from
     * its event, so this waits until the service's matching endpoint knows it.
     */
    static UUID activeSla(String source, String customerRef, Duration p1FirstResponse) {
        return activeSla(source, customerRef, p1FirstResponse, null);
    }

    /** The same, with an escalation policy (the JSON of the agreement's {@code escalationPolicy}). */
    static UUID activeSla(String source, String customerRef, Duration p1FirstResponse, String escalationPolicy) {
        String manager = token("manager");
        String run = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder week = new StringBuilder();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            week.append(week.isEmpty() ? "" : ", ").append('"').append(day).append("\": [\"00:00-24:00\"]");
        }
        gateway(manager).contentType("application/json").body("""
                {"id": "e2e-%s", "name": "Around the clock", "zone": "UTC", "weeklyHours": {%s}}"""
                .formatted(run, week)).post("/api/calendars").then().statusCode(201);
        String provider = gateway(manager).contentType("application/json")
                .body("{\"kind\": \"PROVIDER\", \"name\": \"E2E provider " + run + "\"}")
                .post("/api/parties").then().statusCode(201).extract().path("id");
        String customer = gateway(manager).contentType("application/json").body("""
                {"kind": "CUSTOMER", "name": "E2E customer %s", "externalRefs": [{"source": "%s", "id": "%s"}]}"""
                .formatted(run, source, customerRef)).post("/api/parties").then().statusCode(201).extract().path("id");
        String agreement = gateway(manager).contentType("application/json").body("""
                {"type": "SLA", "name": "E2E %s", "providerPartyId": "%s", "customerPartyId": "%s",
                 "scope": {"itemTypes": ["ticket"]}, "reportingPeriod": "MONTH", "zone": "UTC",
                 "objectives": [{"objectiveKey": "first-response", "name": "First response", "kind": "TIME_TO_TARGET",
                   "metric": "FIRST_RESPONSE", "targets": {"P1": "%s"}, "calendarId": "e2e-%s",
                   "warningThresholds": [50]}]%s}"""
                .formatted(run, provider, customer, p1FirstResponse, run,
                        escalationPolicy == null ? "" : ", \"escalationPolicy\": " + escalationPolicy))
                .post("/api/agreements").then().statusCode(201).extract().path("id");
        for (String action : List.of("submit", "approve", "activate")) {
            gateway(manager).post("/api/agreements/{id}/" + action, agreement).then().statusCode(200);
        }
        UUID id = UUID.fromString(agreement);
        waitForClockServiceToKnow(source, customerRef, id);
        return id;
    }

    /**
     * Waits until the clock service's copy holds the agreement: a probe item of the customer, read back, shows a
     * clock under it (a read computes with the copy as it is now). The probe is an item of its own, which the
     * tests never look at.
     */
    private static void waitForClockServiceToKnow(String source, String customerRef, UUID agreementId) {
        String agent = token("agent");
        String probe = "probe-" + UUID.randomUUID();
        gateway(agent).contentType("application/json").body(Map.of("source", source, "externalId", probe,
                "itemType", "ticket", "customerRef", customerRef, "priority", "P1", "status", "NEW",
                "eventType", "CREATED", "occurredAt", Instant.now().toString()))
                .post("/api/work-items/events").then().statusCode(200);
        Instant until = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(until)) {
            List<String> agreements = gateway(agent).get("/api/work-items/{source}/{id}", source, probe)
                    .then().statusCode(200).extract().path("clocks.agreementId");
            if (agreements.contains(agreementId.toString())) {
                return;
            }
            pause(Duration.ofMillis(200));
        }
        throw new AssertionError("the clock service did not learn of agreement " + agreementId + " within 30 s");
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One more process of a packaged module (e.g. a second replica of a service), started from its jar with the
     * stack's secrets and the given system properties, and stopped (gracefully) on close.
     */
    static final class ExtraProcess implements AutoCloseable {

        final Process process;
        final int port;
        final Path log;

        ExtraProcess(String module, int port, Map<String, String> properties) {
            this.port = port;
            this.log = ROOT.resolve("e2e").resolve("target").resolve(module + "-" + port + ".log");
            List<String> command = new ArrayList<>(List.of("java", "-Dquarkus.http.port=" + port));
            properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.addAll(List.of("-jar", ROOT.resolve(module).resolve("target/quarkus-app/quarkus-run.jar").toString()));
            ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
            for (String key : List.of("ACCORD_DB_PASSWORD", "ACCORD_INTERNAL_CLIENT_SECRET", "ACCORD_NOTIFICATION_KEY")) {
                LocalSecrets.find(key).ifPresent(value -> builder.environment().put(key, value));
            }
            try {
                Files.createDirectories(log.getParent());
                builder.redirectOutput(log.toFile());
                process = builder.start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start " + module, e);
            }
            awaitReady(module);
        }

        private void awaitReady(String module) {
            HttpClient http = HttpClient.newHttpClient();
            Instant until = Instant.now().plusSeconds(90);
            while (Instant.now().isBefore(until)) {
                assertThat(process.isAlive()).as("%s exited early; see %s", module, log).isTrue();
                try {
                    HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (ready.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                pause(Duration.ofMillis(300));
            }
            throw new AssertionError(module + " on port " + port + " was not ready within 90 s; see " + log);
        }

        String log() {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
