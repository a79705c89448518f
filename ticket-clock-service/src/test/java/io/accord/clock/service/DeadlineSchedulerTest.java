package io.accord.clock.service;

import static io.accord.clock.support.ClockTestSupport.count;
import static io.accord.clock.support.ClockTestSupport.event;
import static io.accord.clock.support.ClockTestSupport.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import io.accord.clock.support.AgreementFixtures;
import io.accord.clock.support.ClockTestSupport;
import io.accord.model.schema.EventSchemas;
import io.accord.platform.security.Roles;
import io.accord.platform.testing.RabbitQueues;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two schedulers share one database, as two replicas do: each polls in its own thread and transactions, claiming
 * due items with SKIP LOCKED. Every warning and every breach must reach RabbitMQ exactly once.
 */
@QuarkusTest
class DeadlineSchedulerTest {

    private static final int ITEMS = 20;
    private static RabbitQueues rabbit;
    private static String queue;

    @Inject
    DeadlineScheduler scheduler;

    @Inject
    AgroalDataSource db;

    @BeforeAll
    static void listen() {
        rabbit = RabbitQueues.connect();
        queue = rabbit.listen("clock.warning", "clock.breached");
    }

    @AfterAll
    static void close() {
        rabbit.close();
    }

    @Test
    @TestSecurity(user = "helpdesk", roles = Roles.INTEGRATION)
    void twoSchedulersFireEachWarningAndEachBreachOnce() throws Exception {
        String source = "hubspot-sales";
        String customer = "org-" + UUID.randomUUID();
        ClockTestSupport.publishAgreement(rabbit, db, "activated", AgreementFixtures.agreement(UUID.randomUUID(),
                source, customer, AgreementFixtures.objective("first-call", "FIRST_RESPONSE", "P1", "PT8S")),
                "2020-01-01T00:00:00Z");
        String prefix = "sched-" + UUID.randomUUID() + "-";
        // Warm the ingestion path up, so the items below are received at once (a warning whose instant is already
        // past when its item arrives is not sent)
        post(event(source, prefix + "warm-up", "CREATED", Instant.now().toString())).statusCode(200);
        List<Map<String, Object>> created = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            created.add(event(source, prefix + i, "CREATED", Instant.now().toString(), "customerRef", customer,
                    "priority", "P1", "itemType", "lead"));
        }
        post(created).statusCode(200);

        // Warnings fall due at 4 s, 6 s and 7.2 s, breaches at 8 s: both schedulers poll until well after
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        AtomicInteger claimed = new AtomicInteger();
        long until = System.nanoTime() + Duration.ofSeconds(11).toNanos();
        List<Future<?>> running = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            running.add(replicas.submit(() -> {
                while (System.nanoTime() < until) {
                    claimed.addAndGet(scheduler.fireDue());
                    Thread.sleep(50);
                }
                return null;
            }));
        }
        for (Future<?> replica : running) {
            replica.get();
        }
        replicas.shutdown();

        List<JsonNode> fired = new ArrayList<>();
        for (RabbitQueues.Message m : rabbit.drain(queue, Duration.ofSeconds(3))) {
            JsonNode body = ClockTestSupport.read(m.body());
            // Other tests publish to the same exchange, malformed events included: only this test's are checked
            if (body.path("data").path("item").path("externalId").asText().startsWith(prefix)) {
                assertThat(EventSchemas.get().validateCloudEvent(m.body())).isEmpty();
                fired.add(body);
            }
        }
        Map<String, Long> perClockAndFact = fired.stream().collect(Collectors.groupingBy(
                e -> e.get("subject").asText() + " " + e.get("type").asText() + " "
                        + e.get("data").path("thresholdPercent").asText(""), Collectors.counting()));
        // 20 clocks x (3 warnings + 1 breach), each once
        assertThat(perClockAndFact).hasSize(ITEMS * 4).allSatisfy((fact, times) -> assertThat(times).isEqualTo(1));
        assertThat(fired.stream().map(e -> e.get("id").asText()).distinct()).hasSize(ITEMS * 4);
        assertThat(fired).allSatisfy(e -> {
            JsonNode data = e.get("data");
            if (e.get("type").asText().contains("breached")) {
                assertThat(data.get("outcome").asText()).isEqualTo("BREACHED");
                assertThat(data.get("breachedAt").asText()).isEqualTo(data.get("deadline").asText());
            } else {
                assertThat(data.get("thresholdPercent").asInt()).isIn(50, 75, 90);
            }
        });
        // Nothing is due any more: the breached clocks left the deadline index
        assertThat(count(db, "select count(*) from clock c join work_item w on w.id = c.item_id "
                + "where w.external_id like '" + prefix + "%' and c.next_fire_at is not null")).isZero();
        assertThat(claimed.get()).isGreaterThanOrEqualTo(ITEMS);

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("accord_clock_breaches_total{metric=\"FIRST_RESPONSE\",priority=\"P1\"}"))
                .body(containsString("accord_clock_detection_lag_seconds_bucket"));
    }

    @Test
    @TestSecurity(user = "helpdesk", roles = Roles.INTEGRATION)
    void anItemThatCannotBeRecomputedIsPostponedAndDoesNotHoldBackTheOthers() throws Exception {
        String source = "hubspot-sales";
        String customer = "org-" + UUID.randomUUID();
        ClockTestSupport.publishAgreement(rabbit, db, "activated", AgreementFixtures.agreement(UUID.randomUUID(),
                source, customer, AgreementFixtures.objective("first-call", "FIRST_RESPONSE", "P1", "PT1S")),
                "2020-01-01T00:00:00Z");
        String healthy = "healthy-" + UUID.randomUUID();
        String poisoned = "poisoned-" + UUID.randomUUID();
        post(List.of(event(source, healthy, "CREATED", Instant.now().toString(), "customerRef", customer,
                        "priority", "P1"),
                event(source, poisoned, "CREATED", Instant.now().toString(), "customerRef", customer,
                        "priority", "P1"))).statusCode(200);
        // A history row no engine can read (as a bad migration or a manual edit would leave it)
        try (java.sql.Connection c = db.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("insert into work_item_event (item_id, source, natural_key, event_type, occurred_at, item_type) "
                    + "select id, source, decode(md5(random()::text), 'hex'), 'EXPLODED', now(), 'lead' "
                    + "from work_item where external_id = '" + poisoned + "'");
        }
        Thread.sleep(1500);

        int fired = 0;
        for (int i = 0; i < 20 && fired == 0; i++) {
            scheduler.fireDue();
            fired = (int) count(db, "select count(*) from clock_fact f join clock c using (clock_id) join work_item w "
                    + "on w.id = c.item_id where w.external_id = '" + healthy + "' and f.fact like 'breached%'");
        }
        assertThat(fired).isEqualTo(1);
        assertThat(count(db, "select count(*) from clock c join work_item w on w.id = c.item_id where w.external_id = '"
                + poisoned + "' and c.next_fire_at > now() + interval '50 seconds'")).isEqualTo(1);
    }
}
