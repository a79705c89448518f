package io.accord.penalty.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each published event type: its golden sample validates, reads into its record and writes back to valid JSON. */
class EventContractsTest {

    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @ParameterizedTest
    @ValueSource(strings = {"statement.updated", "statement.closed", "penalty.assessed", "penalty.review-required"})
    void theGoldenSampleMatchesSchemaAndRecord(String routingKey) throws Exception {
        String body;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("sla-model-additions/samples/" + routingKey + ".v1.json")) {
            body = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(EventContracts.envelopeProblems(body)).isEmpty();
        JsonNode data = MAPPER.readTree(body).get("data");
        assertThat(EventContracts.dataProblems(routingKey, data.toString())).isEmpty();

        Object record = MAPPER.treeToValue(data, EventContracts.RECORDS.get(routingKey));
        JsonNode written = MAPPER.valueToTree(record);
        assertThat(written).isEqualTo(data);
        assertThat(EventContracts.dataProblems(routingKey, written.toString())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"statement.closed"})
    void dataThatBreaksTheSchemaIsReported(String routingKey) {
        assertThat(EventContracts.dataProblems(routingKey, "{\"statementId\": \"not-a-uuid\"}")).isNotEmpty();
    }
}
