package io.accord.clock.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.accord.model.clock.ClockEvent;
import io.accord.model.events.EventType;
import io.accord.model.schema.EventSchemas;
import java.io.InputStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The golden samples of the clock events this service publishes match their schemas and read into ClockEvent. */
class ClockEventSamplesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static Stream<EventType> clockEvents() {
        return Stream.of(EventType.values()).filter(t -> t.aggregate().equals("clock"));
    }

    @ParameterizedTest
    @MethodSource("clockEvents")
    void theSampleIsValidAndRoundTripsThroughTheRecord(EventType type) throws Exception {
        String sample;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("samples/" + type.routingKey() + ".v" + type.version() + ".json")) {
            assertThat(in).as("golden sample of %s", type).isNotNull();
            sample = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(EventSchemas.get().validateCloudEvent(sample)).isEmpty();
        JsonNode data = MAPPER.readTree(sample).get("data");
        ClockEvent record = MAPPER.treeToValue(data, ClockEvent.class);
        String written = MAPPER.writeValueAsString(record);
        assertThat(EventSchemas.get().validateData(type, written)).isEmpty();
        assertThat(MAPPER.readTree(written)).isEqualTo(data);
    }
}
