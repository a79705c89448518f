package io.accord.platform.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The contract's instants: ISO-8601 UTC to the millisecond, in answers, events and input alike. */
@QuarkusTest
class InstantPrecisionTest {

    record Stamped(Instant at) {
    }

    @Inject
    ObjectMapper mapper;

    @Test
    void instantsAreWrittenToTheMillisecond() throws Exception {
        assertThat(mapper.writeValueAsString(new Stamped(Instant.parse("2026-03-27T16:30:00.123456789Z"))))
                .isEqualTo("{\"at\":\"2026-03-27T16:30:00.123Z\"}");
        assertThat(mapper.writeValueAsString(new Stamped(Instant.parse("2026-03-27T16:30:00Z"))))
                .isEqualTo("{\"at\":\"2026-03-27T16:30:00Z\"}");
    }

    @Test
    void finerInputIsTruncated() throws Exception {
        assertThat(mapper.readValue("{\"at\":\"2026-03-27T16:30:00.123999Z\"}", Stamped.class).at())
                .isEqualTo(Instant.parse("2026-03-27T16:30:00.123Z"));
        assertThat(mapper.readValue("{\"at\":\"2026-03-27T18:30:00.5+02:00\"}", Stamped.class).at())
                .isEqualTo(Instant.parse("2026-03-27T16:30:00.500Z"));
    }
}
