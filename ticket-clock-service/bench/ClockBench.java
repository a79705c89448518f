import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.accord.platform.testing.KeycloakTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load scenario of ticket-clock-service, against the packaged service and the same PostgreSQL and RabbitMQ:
 * single-event ingestion (service vs a plain JDBC loop running the same SQL per event), batch ingestion, and
 * detection of 10,000 deadlines falling due within a minute among 1,000,000 running clocks. Run by bench/run.sh.
 */
public class ClockBench {

    static String url = System.getProperty("bench.url", "http://127.0.0.1:18082");
    static String jdbc = System.getProperty("bench.jdbc", "jdbc:postgresql://127.0.0.1:5432/accord_clock");
    static String dbUser = System.getProperty("bench.dbUser", "accord_clock");
    static int threads = Integer.getInteger("bench.threads", 16);
    static int seconds = Integer.getInteger("bench.seconds", 20);
    static int backgroundClocks = Integer.getInteger("bench.backgroundClocks", 1_000_000);
    static int dueClocks = Integer.getInteger("bench.dueClocks", 10_000);
    /** How far ahead the first due deadline lies: long enough for their ingestion to end before it. */
    static int dueLeadSeconds = Integer.getInteger("bench.dueLeadSeconds", 180);
    static final String CUSTOMER = "bench-customer";
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        Set<String> phases = Set.of(System.getProperty("bench.phases", "single,jdbc,batch,detection").split(","));
        publishAgreement();
        Thread.sleep(2000);
        String token = KeycloakTokens.local().forIntegrationClient();
        if (phases.contains("single")) {
            post(token, event("bench-warmup", "w-" + UUID.randomUUID(), "CREATED", Instant.now()));
            // A fresh JVM on a shared box compiles for a while: measure after the warm-up
            Result warm = singleEvents(token, "bench-warmup", Integer.getInteger("bench.warmup", 30));
            System.out.printf("warm-up: %.0f events/s%n", warm.rate());
            Result service = singleEvents(KeycloakTokens.local().forIntegrationClient(), "bench-http", seconds);
            System.out.printf("single-event ingestion (service, %d clients): %.0f events/s, p50 %.1f ms, p99 %.1f ms%n",
                    threads, service.rate(), service.p(50), service.p(99));
            if (phases.contains("jdbc")) {
                Result plain = plainJdbc(seconds);
                System.out.printf("plain JDBC loop, same SQL (%d connections): %.0f events/s, p50 %.1f ms, p99 %.1f ms%n",
                        threads, plain.rate(), plain.p(50), plain.p(99));
                System.out.printf("ratio service / plain loop: %.2f%n", service.rate() / plain.rate());
            }
        }
        if (phases.contains("batch")) {
            Result batch = batches(KeycloakTokens.local().forIntegrationClient(), seconds);
            System.out.printf("batch ingestion (100 events a request, %d clients): %.0f events/s, p50 %.1f ms, "
                    + "p99 %.1f ms per request%n", threads, batch.rate() * 100, batch.p(50), batch.p(99));
        }
        if (phases.contains("detection")) {
            detection();
        }
    }

    record Result(double rate, List<Double> latenciesMs) {
        double p(int percentile) {
            if (latenciesMs.isEmpty()) {
                return Double.NaN;
            }
            List<Double> sorted = new ArrayList<>(latenciesMs);
            Collections.sort(sorted);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
        }
    }

    // -- single events: each client creates its own items and feeds them replies, one event per request --------

    static Result singleEvents(String token, String source, int durationSeconds) throws Exception {
        return run(durationSeconds, (client, n) -> {
            String item = client + "-" + (n / 10);
            String type = n % 10 == 0 ? "CREATED" : (n % 2 == 0 ? "CUSTOMER_REPLIED" : "AGENT_REPLIED");
            int status = post(token, event(source, item, type, Instant.now()));
            if (status != 200) {
                throw new IllegalStateException("status " + status);
            }
        });
    }

    static Result batches(String token, int durationSeconds) throws Exception {
        return run(durationSeconds, (client, n) -> {
            StringBuilder body = new StringBuilder("[");
            Instant now = Instant.now();
            for (int i = 0; i < 100; i++) {
                String item = "b" + client + "-" + n + "-" + (i / 10);
                String type = i % 10 == 0 ? "CREATED" : (i % 2 == 0 ? "CUSTOMER_REPLIED" : "AGENT_REPLIED");
                body.append(i == 0 ? "" : ",").append(event("bench-batch", item, type, now.plusMillis(i % 10)));
            }
            int status = post(token, body.append("]").toString());
            if (status != 200) {
                throw new IllegalStateException("status " + status);
            }
        });
    }

    interface Step {
        void run(int client, int n) throws Exception;
    }

    static Result run(int durationSeconds, Step step) throws Exception {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(durationSeconds);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int c = 0; c < threads; c++) {
            int client = c;
            pool.submit(() -> {
                int n = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                        step.run(client + 1000 * Math.abs(run.hashCode() % 1000), n++);
                    } catch (Exception e) {
                        System.err.println("request failed: " + e.getMessage());
                        continue;
                    }
                    latencies.add((System.nanoTime() - t0) / 1e6);
                    done.incrementAndGet();
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(durationSeconds + 60L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(done.get() / elapsed, latencies);
    }

    static String event(String source, String item, String type, Instant at) {
        return "{\"source\":\"" + source + "\",\"externalId\":\"" + item + "\",\"itemType\":\"ticket\","
                + "\"customerRef\":\"" + CUSTOMER + "\",\"priority\":\"P2\",\"status\":\"OPEN\",\"eventType\":\""
                + type + "\",\"occurredAt\":\"" + at + "\"}";
    }

    static int post(String token, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/work-items/events"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    // -- the plain JDBC loop: per event, the statements the service runs, without HTTP, JSON, JTA or the engine --

    static Result plainJdbc(int durationSeconds) throws Exception {
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Connection c = DriverManager.getConnection(jdbc, dbUser, System.getenv().getOrDefault("ACCORD_DB_PASSWORD", ""));
            c.setAutoCommit(false);
            connections.add(c);
        }
        try {
            return run(durationSeconds, (client, n) -> {
                Connection c = connections.get(client % threads);
                String item = client + "-" + (n / 10);
                String type = n % 10 == 0 ? "CREATED" : (n % 2 == 0 ? "CUSTOMER_REPLIED" : "AGENT_REPLIED");
                jdbcEvent(c, "bench-jdbc", item, type, Instant.now());
                c.commit();
            });
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    static void jdbcEvent(Connection c, String source, String item, String type, Instant at) throws Exception {
        long itemId;
        try (PreparedStatement ps = c.prepareStatement("insert into work_item (source, external_id, item_type) "
                + "values (?, ?, 'ticket') on conflict (source, external_id) do update set updated_at = now() "
                + "returning id, terminal_at")) {
            ps.setString(1, source);
            ps.setString(2, item);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                itemId = rs.getLong(1);
            }
        }
        byte[] key = MessageDigest.getInstance("SHA-256")
                .digest((source + item + type + at).getBytes(StandardCharsets.UTF_8));
        try (PreparedStatement ps = c.prepareStatement("insert into work_item_event (item_id, source, natural_key, "
                + "event_type, occurred_at, item_type, customer_ref, priority, status) values (?, ?, ?, ?, ?, 'ticket', "
                + "?, 'P2', 'OPEN') on conflict do nothing returning id")) {
            ps.setLong(1, itemId);
            ps.setString(2, source);
            ps.setBytes(3, key);
            ps.setString(4, type);
            ps.setTimestamp(5, Timestamp.from(at));
            ps.setString(6, CUSTOMER);
            ps.executeQuery().close();
        }
        try (PreparedStatement ps = c.prepareStatement("select * from work_item_event where item_id = ? "
                + "order by occurred_at, sequence nulls last, id")) {
            ps.setLong(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getString("event_type");
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("select revision from agreement_copy_revision where id = 1")) {
            ps.executeQuery().close();
        }
        try (PreparedStatement ps = c.prepareStatement("update work_item set customer_ref = ?, priority = 'P2', "
                + "status = 'OPEN', recompute_at = null, updated_at = now() where id = ?")) {
            ps.setString(1, CUSTOMER);
            ps.setLong(2, itemId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("select * from clock where item_id = ?")) {
            ps.setLong(1, itemId);
            ps.executeQuery().close();
        }
        UUID clockId = UUID.nameUUIDFromBytes((source + item).getBytes(StandardCharsets.UTF_8));
        try (PreparedStatement ps = c.prepareStatement("insert into clock (clock_id, item_id, agreement_id, "
                + "agreement_version, objective_key, metric, cycle, phase, outcome, priority, target_ms, elapsed_ms, "
                + "remaining_ms, overrun_ms, computed_at, next_fire_at) values (?, ?, ?, 1, 'first-response', "
                + "'FIRST_RESPONSE', 1, 'RUNNING', 'PENDING', 'P2', 7200000, 0, 7200000, 0, now(), ?) "
                + "on conflict (clock_id) do update set computed_at = excluded.computed_at, "
                + "next_fire_at = excluded.next_fire_at, updated_at = now()")) {
            ps.setObject(1, clockId);
            ps.setLong(2, itemId);
            ps.setObject(3, AGREEMENT);
            ps.setTimestamp(4, Timestamp.from(at.plusSeconds(3600)));
            ps.executeUpdate();
        }
        if ("CREATED".equals(type)) {
            UUID eventId = UUID.randomUUID();
            try (PreparedStatement ps = c.prepareStatement("insert into clock_fact (clock_id, fact, event_id) "
                    + "values (?, 'started', ?) on conflict do nothing")) {
                ps.setObject(1, clockId);
                ps.setObject(2, eventId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into outbox (event_id, event_type, routing_key, "
                    + "subject, payload, published_at) values (?, 'io.accord.clock.started.v1', 'clock.started', ?, ?, now())")) {
                ps.setObject(1, eventId);
                ps.setString(2, clockId.toString());
                ps.setString(3, "{\"data\":{\"clockId\":\"" + clockId + "\"}}");
                ps.executeUpdate();
            }
        }
    }

    // -- detection: 1,000,000 running clocks at rest, 10,000 falling due within one minute -------------------------

    static final UUID AGREEMENT = UUID.fromString("b0000000-0000-4000-8000-00000000be0c");
    /** The bench's own RabbitMQ virtual host, so its events never reach a running stack's or the tests' queues. */
    static final String VHOST = System.getProperty("bench.vhost", "/");

    static void detection() throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, dbUser, System.getenv().getOrDefault("ACCORD_DB_PASSWORD", ""));
                Statement s = c.createStatement()) {
            long existing;
            try (ResultSet rs = s.executeQuery("select count(*) from work_item where source = 'bench-rest'")) {
                rs.next();
                existing = rs.getLong(1);
            }
            if (existing < backgroundClocks) {
                long t0 = System.nanoTime();
                s.execute("insert into work_item (source, external_id, item_type, status, priority) "
                        + "select 'bench-rest', 'r' || g, 'ticket', 'OPEN', 'P3' from generate_series("
                        + (existing + 1) + ", " + backgroundClocks + ") g");
                s.execute("insert into clock (clock_id, item_id, agreement_id, agreement_version, objective_key, metric, "
                        + "cycle, phase, outcome, priority, target_ms, elapsed_ms, remaining_ms, overrun_ms, computed_at, "
                        + "next_fire_at) select gen_random_uuid(), w.id, '" + AGREEMENT + "', 1, 'resolution', "
                        + "'RESOLUTION', 1, 'RUNNING', 'PENDING', 'P3', 2592000000, 0, 2592000000, 0, now(), "
                        + "now() + interval '30 days' + (w.id % 86400) * interval '1 second' from work_item w "
                        + "where w.source = 'bench-rest' and not exists (select 1 from clock c where c.item_id = w.id)");
                s.execute("analyze work_item; analyze clock");
                System.out.printf("stored %d running clocks at rest in %.0f s%n", backgroundClocks,
                        (System.nanoTime() - t0) / 1e9);
            }
        }
        // Listen before anything can fall due
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setVirtualHost(VHOST);
        com.rabbitmq.client.Connection rabbit = factory.newConnection("clock-bench");
        Channel channel = rabbit.createChannel();
        String queue = channel.queueDeclare().getQueue();
        channel.queueBind(queue, "accord.events", "clock.breached");
        String run = "d" + UUID.randomUUID().toString().substring(0, 8);
        List<Double> lags = Collections.synchronizedList(new ArrayList<>());
        Set<String> clocks = ConcurrentHashMap.newKeySet();
        Set<String> ids = ConcurrentHashMap.newKeySet();
        AtomicInteger messages = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(dueClocks);
        Pattern breachedAt = Pattern.compile("\"breachedAt\":\"([^\"]+)\"");
        Pattern clockId = Pattern.compile("\"clockId\":\"([^\"]+)\"");
        channel.basicConsume(queue, true, new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
                Instant received = Instant.now();
                String json = new String(body, StandardCharsets.UTF_8);
                if (!json.contains(run)) {
                    return;
                }
                messages.incrementAndGet();
                ids.add(props.getMessageId());
                Matcher at = breachedAt.matcher(json);
                Matcher id = clockId.matcher(json);
                if (at.find() && id.find() && clocks.add(id.group(1))) {
                    lags.add(Duration.between(Instant.parse(at.group(1)), received).toNanos() / 1e6);
                    all.countDown();
                }
            }
        });
        // Deadlines spread over one minute, starting dueLeadSeconds from now, so that detection is measured on its
        // own rather than against the ingestion of the due items; each created two hours (the target) before
        String token = KeycloakTokens.local().forIntegrationClient();
        Instant firstDeadline = Instant.now().plusSeconds(dueLeadSeconds);
        long t0 = System.nanoTime();
        for (int b = 0; b < dueClocks / 100; b++) {
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < 100; i++) {
                int n = b * 100 + i;
                Instant deadline = firstDeadline.plusMillis(60_000L * n / dueClocks);
                body.append(i == 0 ? "" : ",").append(event("bench-due", run + "-" + n, "CREATED",
                        deadline.minus(Duration.ofHours(2))));
            }
            int status = post(token, body.append("]").toString());
            if (status != 200) {
                throw new IllegalStateException("ingestion of due items failed: " + status);
            }
        }
        System.out.printf("ingested %d items due between +%d s and +%d s in %.1f s%n", dueClocks, dueLeadSeconds,
                dueLeadSeconds + 60, (System.nanoTime() - t0) / 1e9);
        boolean complete = all.await(dueLeadSeconds + 180L, TimeUnit.SECONDS);
        Thread.sleep(3000);
        rabbit.close();
        Result result = new Result(0, lags);
        System.out.printf("detection among %d running clocks: %d of %d breaches received (%s), %d messages, %d distinct "
                + "event ids; lag deadline -> clock.breached on RabbitMQ: p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                backgroundClocks + dueClocks, clocks.size(), dueClocks, complete ? "none missed" : "SOME MISSED",
                messages.get(), ids.size(), result.p(50), result.p(99), result.p(100));
    }

    static void publishAgreement() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode event;
        try (var in = ClockBench.class.getClassLoader().getResourceAsStream("samples/agreement.activated.v1.json")) {
            event = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(in);
        }
        // The golden agreement, made to cover the bench's customer in every bench source, on every service, with a
        // 2 h P2 first response counted around the clock
        var agreement = (com.fasterxml.jackson.databind.node.ObjectNode) event.get("data").get("agreement");
        agreement.put("agreementId", AGREEMENT.toString()).put("effectiveFrom", "2020-01-01T00:00:00Z")
                .remove("effectiveTo");
        agreement.putArray("services");
        agreement.putObject("scope");
        for (var party : agreement.get("parties")) {
            if (party.get("partyId").asText().equals(agreement.get("customerPartyId").asText())) {
                var refs = ((com.fasterxml.jackson.databind.node.ObjectNode) party).putArray("externalRefs");
                for (String source : List.of("bench-warmup", "bench-http", "bench-batch", "bench-due")) {
                    refs.addObject().put("source", source).put("id", CUSTOMER);
                }
            }
        }
        var objectives = agreement.putArray("objectives");
        var objective = objectives.addObject().put("objectiveKey", "first-response").put("kind", "TIME_TO_TARGET")
                .put("metric", "FIRST_RESPONSE").put("calendarId", "24x7-paris");
        objective.putObject("targets").put("P2", "PT2H");
        event.put("id", UUID.randomUUID().toString()).put("subject", AGREEMENT.toString());
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setVirtualHost(VHOST);
        try (com.rabbitmq.client.Connection rabbit = factory.newConnection("clock-bench-agreement");
                Channel channel = rabbit.createChannel()) {
            channel.basicPublish("accord.events", "agreement.activated", new AMQP.BasicProperties.Builder()
                    .messageId(event.get("id").asText()).contentType("application/cloudevents+json")
                    .deliveryMode(2).build(), json.writeValueAsBytes(event));
        }
    }
}
