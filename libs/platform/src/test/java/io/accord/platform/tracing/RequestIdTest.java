package io.accord.platform.tracing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RequestIdTest {

    private final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record instanceof ExtLogRecord ext && TracingProbeResource.MESSAGE.equals(record.getMessage())) {
                ext.copyMdc();
                records.add(ext);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        java.util.logging.Logger.getLogger(TracingProbeResource.class.getName()).addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        java.util.logging.Logger.getLogger(TracingProbeResource.class.getName()).removeHandler(capture);
    }

    @Test
    void aSaneIdIsKeptLoggedAndEchoed() {
        for (String path : new String[] {"/tracing-probe/blocking", "/tracing-probe/event-loop"}) {
            records.clear();
            Response response = given().header("X-Request-Id", "gw-1234.abc_DEF").get(path);
            response.then().statusCode(200).header("X-Request-Id", "gw-1234.abc_DEF");
            assertThat(response.asString()).isEqualTo("gw-1234.abc_DEF");
            assertThat(records).hasSize(1);
            assertThat(records.get(0).getMdc(RequestIds.MDC_KEY)).isEqualTo("gw-1234.abc_DEF");
        }
    }

    @Test
    void aMissingOrInsaneIdIsReplaced() {
        Response missing = given().get("/tracing-probe/blocking");
        assertThat(missing.header("X-Request-Id")).matches("[0-9a-f]{32}");
        assertThat(missing.asString()).isEqualTo(missing.header("X-Request-Id"));

        Response insane = given().header("X-Request-Id", "x".repeat(129)).get("/tracing-probe/blocking");
        assertThat(insane.header("X-Request-Id")).matches("[0-9a-f]{32}");
        assertThat(insane.asString()).isEqualTo(insane.header("X-Request-Id"));
    }

    @Test
    void concurrentRequestsKeepTheirOwnIds() {
        List<String> ids = java.util.stream.IntStream.range(0, 40).parallel()
                .mapToObj(i -> given().header("X-Request-Id", "parallel-" + i).get("/tracing-probe/blocking").asString())
                .sorted().toList();
        assertThat(ids).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.range(0, 40).mapToObj(i -> "parallel-" + i).toList());
    }

    @Test
    void errorAnswersCarryTheIdToo() {
        given().header("X-Request-Id", "lost-1").get("/nothing-here").then()
                .statusCode(404).header("X-Request-Id", "lost-1");
    }

    @Test
    void theConsoleLogFormatShowsTheId() throws Exception {
        Properties defaults = new Properties();
        try (InputStream in = RequestIds.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            defaults.load(in);
        }
        assertThat(defaults.getProperty("quarkus.log.console.format")).contains("%X{requestId}");
    }
}
