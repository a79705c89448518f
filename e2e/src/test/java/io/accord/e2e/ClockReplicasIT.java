package io.accord.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accord.platform.testing.RabbitQueues;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of ticket-clock-service share one database, as they do on Kubernetes: the stack's own and a second
 * process started from the same jar. Many first-response warnings (at half the target) and deadlines fall due within
 * a few seconds; whichever replica claims an item first tells them, and every warning and every breach reaches
 * RabbitMQ exactly once.
 */
class ClockReplicasIT {

    private static final int ITEMS = 150;
    private static final Duration TARGET = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BREACHES = Pattern.compile(
            "accord_clock_breaches_total\\{[^}]*metric=\"FIRST_RESPONSE\"[^}]*priority=\"P1\"[^}]*} ([0-9.E]+)");

    @Test
    void twoReplicasTellEveryWarningAndBreachExactlyOnce() throws Exception {
        String source = "e2e-replicas";
        String customer = "org-" + UUID.randomUUID();
        Stack.activeSla(source, customer, TARGET);
        try (RabbitQueues rabbit = RabbitQueues.connect();
                Stack.ExtraProcess replica = new Stack.ExtraProcess("ticket-clock-service", Stack.freePort(),
                        Map.of("accord.clocks.scheduler.batch-size", "10"))) {
            String queue = rabbit.listen("clock.warning", "clock.breached");
            double stackBefore = breaches(8082);
            double replicaBefore = breaches(replica.port);

            // Created over the last few seconds, 30 ms apart: the deadlines spread over 4.5 s, 15 s from now
            String prefix = "replica-" + UUID.randomUUID() + "-";
            Instant first = Instant.now().minusSeconds(5);
            List<Map<String, Object>> events = new ArrayList<>();
            for (int i = 0; i < ITEMS; i++) {
                events.add(Map.of("source", source, "externalId", prefix + i, "itemType", "ticket",
                        "customerRef", customer, "priority", "P1", "status", "NEW", "eventType", "CREATED",
                        "occurredAt", first.plusMillis(30L * i).toString()));
            }
            Stack.gateway(Stack.token("agent")).contentType("application/json").body(events)
                    .post("/api/work-items/events").then().statusCode(200);

            // Every warning and breach of these items, with its event id, until all arrived and a quiet spell follows
            Map<String, List<String>> warningIdsByItem = new HashMap<>();
            Map<String, List<String>> eventIdsByItem = new HashMap<>();
            List<Duration> lags = new ArrayList<>();
            Instant giveUp = first.plus(TARGET).plusSeconds(60);
            Instant quietUntil = null;
            while (Instant.now().isBefore(giveUp) && (quietUntil == null || Instant.now().isBefore(quietUntil))) {
                for (RabbitQueues.Message message : rabbit.drain(queue, Duration.ofMillis(500))) {
                    JsonNode event = JSON.readTree(message.body());
                    String item = event.get("data").get("item").get("externalId").asText();
                    if (item.startsWith(prefix) && message.routingKey().equals("clock.warning")) {
                        warningIdsByItem.computeIfAbsent(item, k -> new ArrayList<>()).add(event.get("id").asText());
                    } else if (item.startsWith(prefix)) {
                        eventIdsByItem.computeIfAbsent(item, k -> new ArrayList<>()).add(event.get("id").asText());
                        lags.add(Duration.between(Instant.parse(event.get("data").get("breachedAt").asText()),
                                Instant.parse(event.get("time").asText())));
                    }
                }
                if (quietUntil == null && eventIdsByItem.size() == ITEMS && warningIdsByItem.size() == ITEMS) {
                    quietUntil = Instant.now().plusSeconds(3);
                }
            }

            Set<String> missing = new TreeSet<>();
            for (int i = 0; i < ITEMS; i++) {
                missing.add(prefix + i);
            }
            missing.removeAll(eventIdsByItem.keySet());
            double byStack = breaches(8082) - stackBefore;
            double byReplica = breaches(replica.port) - replicaBefore;
            String split = "breaches told by the stack's replica: %.0f, by the second replica: %.0f, detection lag max %s"
                    .formatted(byStack, byReplica, lags.stream().max(Duration::compareTo).orElse(Duration.ZERO));
            System.out.println(split);
            assertThat(missing).as("items whose breach never arrived (%s)", split).isEmpty();
            assertThat(eventIdsByItem.values()).as("one breach event per item (%s)", split)
                    .allSatisfy(ids -> assertThat(ids).hasSize(1));
            assertThat(warningIdsByItem.keySet()).as("items warned (%s)", split).hasSize(ITEMS);
            assertThat(warningIdsByItem.values()).as("one warning event per item (%s)", split)
                    .allSatisfy(ids -> assertThat(ids).hasSize(1));
            // Both counted what they told; other items of the stack may breach meanwhile, never fewer than ours
            assertThat(byStack + byReplica).as(split).isGreaterThanOrEqualTo(ITEMS);
        }
    }

    /** The replica's count of P1 first-response breaches it told, from its Prometheus endpoint. */
    private static double breaches(int port) throws IOException, InterruptedException {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher matcher = BREACHES.matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
