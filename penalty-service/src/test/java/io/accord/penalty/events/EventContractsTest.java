package io.accord.penalty.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.accord.model.events.EventPayloads;
import io.accord.model.events.EventType;
import io.accord.model.penalty.PenaltyAssessed;
import io.accord.model.penalty.PenaltyReviewRequired;
import io.accord.model.schema.EventSchemas;
import io.accord.model.statement.StatementClosed;
import io.accord.model.statement.StatementUpdated;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The four event types this service publishes, as sla-model owns them: registered with the records the service
 * builds, and their golden samples read into those records and write back unchanged with the service's settings.
 */
class EventContractsTest {

    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static final Map<EventType, Class<?>> PUBLISHED = Map.of(
            EventType.STATEMENT_UPDATED, StatementUpdated.class,
            EventType.STATEMENT_CLOSED, StatementClosed.class,
            EventType.PENALTY_ASSESSED, PenaltyAssessed.class,
            EventType.PENALTY_REVIEW_REQUIRED, PenaltyReviewRequired.class);

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"STATEMENT_UPDATED", "STATEMENT_CLOSED", "PENALTY_ASSESSED",
            "PENALTY_REVIEW_REQUIRED"})
    void theGoldenSampleMatchesSchemaAndRecord(EventType type) throws Exception {
        assertThat(EventPayloads.recordOf(type)).contains(PUBLISHED.get(type));
        String body;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(EventPayloads.sampleResource(type))) {
            assertThat(in).as(EventPayloads.sampleResource(type)).isNotNull();
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(EventSchemas.get().validateCloudEvent(body)).isEmpty();

        JsonNode data = MAPPER.readTree(body).get("data");
        Object record = MAPPER.treeToValue(data, PUBLISHED.get(type));
        JsonNode written = MAPPER.valueToTree(record);
        assertThat(written).isEqualTo(data);
        assertThat(EventSchemas.get().validateData(type, written.toString())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"STATEMENT_CLOSED"})
    void dataThatBreaksTheSchemaIsReported(EventType type) {
        assertThat(EventSchemas.get().validateData(type, "{\"statementId\": \"not-a-uuid\"}")).isNotEmpty();
    }
}
