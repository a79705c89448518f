package io.accord.model.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.accord.model.agreement.AgreementEvent;
import io.accord.model.agreement.AgreementStatus;
import io.accord.model.agreement.AgreementVersion;
import io.accord.model.agreement.StatusChange;
import io.accord.model.events.EventPayloads;
import io.accord.model.events.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every published event type has a schema, a golden sample that matches it, a record it reads into, and an AsyncAPI entry. */
class GoldenSamplesTest {

    /** Configured as Quarkus configures its ObjectMapper: ISO dates and durations, unknown fields ignored. */
    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static Stream<EventType> published() {
        return EventPayloads.all().keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("published")
    void theGoldenSampleMatchesItsSchema(EventType type) throws IOException {
        String sample = resource(EventPayloads.sampleResource(type));
        assertThat(EventSchemas.get().validateCloudEvent(sample)).isEmpty();
        assertThat(MAPPER.readTree(sample).get("type").asText()).isEqualTo(type.type());
    }

    @ParameterizedTest
    @MethodSource("published")
    void theGoldenSampleReadsIntoItsRecordAndWritesBackValid(EventType type) throws IOException {
        JsonNode data = MAPPER.readTree(resource(EventPayloads.sampleResource(type))).get("data");
        Object record = MAPPER.treeToValue(data, EventPayloads.recordOf(type).orElseThrow());

        String written = MAPPER.writeValueAsString(record);
        assertThat(EventSchemas.get().validateData(type, written)).isEmpty();
        // Nothing is lost or invented by the record: what it writes is the sample's data
        assertThat(MAPPER.readTree(written)).isEqualTo(normalized(data));
    }

    @Test
    void everySchemaFileBelongsToAPublishedTypeAndTheAsyncApiListsThem() throws IOException {
        Path schemas = Path.of("src/main/resources/schemas");
        try (Stream<Path> files = Files.list(schemas)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> "schemas/" + p.getFileName()))
                    .containsExactlyInAnyOrderElementsOf(published().map(EventPayloads::schemaResource).toList());
        }
        String asyncApi = resource("asyncapi.yaml");
        published().forEach(type -> assertThat(asyncApi)
                .contains("address: " + type.routingKey())
                .contains("name: " + type.type())
                .contains("$ref: '" + EventPayloads.schemaResource(type) + "'"));
        assertThat(Arrays.stream(EventType.values()).filter(t -> EventSchemas.get().hasSchema(t)))
                .containsExactlyInAnyOrderElementsOf(published().toList());
    }

    @Test
    void aDataThatBreaksItsSchemaIsReportedWithThePath() throws IOException {
        ObjectNode data = (ObjectNode) MAPPER.readTree(resource(EventPayloads.sampleResource(EventType.AGREEMENT_ACTIVATED)))
                .get("data");
        ((ObjectNode) data.get("agreement")).put("version", 0).put("type", "MOU");
        ((ObjectNode) data.get("agreement").get("objectives").get(1).get("targets")).put("P1", "two hours");

        assertThat(EventSchemas.get().validateData(EventType.AGREEMENT_ACTIVATED, data.toString()))
                .anyMatch(p -> p.contains("/agreement/version"))
                .anyMatch(p -> p.contains("/agreement/type"))
                .anyMatch(p -> p.contains("/agreement/objectives/1/targets/P1"));
    }

    @Test
    void aCloudEventWithoutIdOrWithAnUnknownTypeIsRefused() throws IOException {
        ObjectNode event = (ObjectNode) MAPPER.readTree(resource(EventPayloads.sampleResource(EventType.CALENDAR_CHANGED)));
        ObjectNode withoutId = event.deepCopy();
        withoutId.remove("id");
        assertThat(EventSchemas.get().validateCloudEvent(withoutId.toString())).isNotEmpty();

        ObjectNode unknown = event.deepCopy().put("type", "io.accord.calendar.exploded.v1");
        assertThat(EventSchemas.get().validateCloudEvent(unknown.toString()))
                .containsExactly("type: no schema for event type io.accord.calendar.exploded.v1");
    }

    @Test
    void anAgreementEventCarriesTheCalendarsItsObjectivesUse() throws IOException {
        AgreementEvent event = MAPPER.treeToValue(MAPPER.readTree(resource("samples/agreement.activated.v1.json"))
                .get("data"), AgreementEvent.class);
        assertThat(event.agreement().calendars().keySet()).containsExactlyInAnyOrderElementsOf(event.agreement().calendarIds());
        event.agreement().calendars().values().forEach(spec -> assertThat(spec.toCalendar()).isNotNull());
    }

    @Test
    void onlyTheSnapshotCarriesStatusChangesAndTheSchemaAcceptsThem() throws IOException {
        ObjectNode sample = (ObjectNode) MAPPER.readTree(resource("samples/agreement.suspended.v1.json"));
        AgreementEvent event = MAPPER.treeToValue(sample.get("data"), AgreementEvent.class);
        // Events tell each change themselves: the list stays out of them
        assertThat(event.agreement().statusChanges()).isEmpty();
        assertThat(MAPPER.valueToTree(event.agreement()).has("statusChanges")).isFalse();

        AgreementVersion served = event.agreement().withStatusChanges(List.of(
                new StatusChange(AgreementStatus.SUSPENDED, Instant.parse("2026-03-02T10:00:00Z")),
                new StatusChange(AgreementStatus.ACTIVE, Instant.parse("2026-03-03T10:00:00Z")),
                new StatusChange(AgreementStatus.SUSPENDED, event.occurredAt())));
        JsonNode json = MAPPER.valueToTree(served);
        assertThat(json.at("/statusChanges/2/status").asText()).isEqualTo("SUSPENDED");
        assertThat(MAPPER.treeToValue(json, AgreementVersion.class).statusChanges()).isEqualTo(served.statusChanges());
        // The same schema describes a version in events and in the snapshot
        sample.with("data").set("agreement", json);
        assertThat(EventSchemas.get().validateCloudEvent(sample.toString())).isEmpty();
        ((ObjectNode) json.at("/statusChanges/0")).put("status", "TERMINATED");
        assertThat(EventSchemas.get().validateCloudEvent(sample.toString())).isNotEmpty();
    }

    @Test
    void aStatusChangeIsASuspensionOrAResumption() {
        assertThatThrownBy(() -> new StatusChange(AgreementStatus.TERMINATED, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not TERMINATED");
    }

    // Jackson writes BigDecimals as read (99.9, 95); the sample's numbers compare equal after a round trip through the tree
    private static JsonNode normalized(JsonNode data) throws IOException {
        return MAPPER.readTree(MAPPER.writeValueAsString(MAPPER.treeToValue(data, Map.class)));
    }

    static String resource(String name) throws IOException {
        try (InputStream in = GoldenSamplesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
