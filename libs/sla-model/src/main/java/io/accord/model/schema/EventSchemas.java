package io.accord.model.schema;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.accord.model.events.EventPayloads;
import io.accord.model.events.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks events against the JSON Schemas (draft 2020-12) shipped in this module, so every service validates what
 * it produces and consumes with the same schemas.
 *
 * <pre>{@code
 * List<String> problems = EventSchemas.get().validateCloudEvent(messageBody);   // empty when valid
 * EventSchemas.get().requireValidData(EventType.AGREEMENT_ACTIVATED, dataJson); // throws InvalidEventException
 * }</pre>
 *
 * <p>Schemas are identified by {@code https://schemas.accord.io/<file>} and loaded from the classpath folder
 * {@code schemas/}, so {@code $ref}s between them ({@code common/agreement-version.v1.json}) resolve offline.
 * Formats ({@code uuid}, {@code date-time}, {@code duration}...) are asserted, not only annotated.
 */
public final class EventSchemas {

    /** The base of every schema's {@code $id}. */
    public static final String BASE_IRI = "https://schemas.accord.io/";

    private static final EventSchemas INSTANCE = new EventSchemas();

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaIdResolvers(resolvers -> resolvers.mapPrefix(BASE_IRI, "classpath:schemas/")));
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final JsonMapper json = JsonMapper.builder().build();

    private EventSchemas() {
    }

    public static EventSchemas get() {
        return INSTANCE;
    }

    /** The {@code $id} of {@code type}'s data schema, e.g. {@code https://schemas.accord.io/agreement.activated.v1.json}. */
    public static String schemaId(EventType type) {
        return BASE_IRI + EventPayloads.schemaResource(type).substring("schemas/".length());
    }

    /** True when this module has a schema for {@code type}. */
    public boolean hasSchema(EventType type) {
        return EventSchemas.class.getClassLoader().getResource(EventPayloads.schemaResource(type)) != null;
    }

    /** The problems of {@code dataJson} as the {@code data} of a {@code type} event; empty when valid. */
    public List<String> validateData(EventType type, String dataJson) {
        return describe(schema(schemaId(type)).validate(dataJson, InputFormat.JSON,
                context -> context.executionConfig(config -> config.formatAssertionsEnabled(true))));
    }

    /**
     * The problems of a structured CloudEvent ({@code application/cloudevents+json}): its envelope, then its
     * {@code data} against the schema of its {@code type}. Empty when valid.
     */
    public List<String> validateCloudEvent(String body) {
        List<String> problems = new ArrayList<>(describe(schema(BASE_IRI + "common/cloudevent.v1.json")
                .validate(body, InputFormat.JSON, context -> context.executionConfig(c -> c.formatAssertionsEnabled(true)))));
        if (!problems.isEmpty()) {
            return problems;
        }
        JsonNode event = json.readTree(body);
        String typeName = event.path("type").asString();
        Optional<EventType> type = EventType.fromType(typeName);
        if (type.isEmpty() || !hasSchema(type.get())) {
            return List.of("type: no schema for event type " + typeName);
        }
        problems.addAll(validateData(type.get(), json.writeValueAsString(event.get("data")))
                .stream().map(p -> "data" + (p.startsWith("$") ? p.substring(1) : ": " + p)).toList());
        return problems;
    }

    /** Like {@link #validateData} but throws {@link InvalidEventException} listing the problems. */
    public void requireValidData(EventType type, String dataJson) {
        List<String> problems = validateData(type, dataJson);
        if (!problems.isEmpty()) {
            throw new InvalidEventException(type.type(), problems);
        }
    }

    /** Like {@link #validateCloudEvent} but throws {@link InvalidEventException} listing the problems. */
    public void requireValidCloudEvent(String body) {
        List<String> problems = validateCloudEvent(body);
        if (!problems.isEmpty()) {
            throw new InvalidEventException("CloudEvent", problems);
        }
    }

    private Schema schema(String id) {
        return schemas.computeIfAbsent(id, key -> {
            Schema schema = registry.getSchema(SchemaLocation.of(key));
            // Resolve every $ref now, so a broken reference fails on first use rather than on some later event
            schema.initializeValidators();
            return schema;
        });
    }

    private static List<String> describe(List<Error> errors) {
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    /** An event that does not match its schema. */
    public static final class InvalidEventException extends IllegalArgumentException {
        private final transient List<String> problems;

        public InvalidEventException(String what, List<String> problems) {
            super(what + " does not match its schema: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
