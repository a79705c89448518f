package io.accord.penalty.events;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schemas of the events this service publishes (test resources {@code sla-model-additions/}, laid out as
 * libs/sla-model lays out its own), resolved beside sla-model's shared {@code common/} schemas.
 */
public final class EventContracts {

    static final String BASE = "https://schemas.accord.io/";
    public static final Map<String, Class<?>> RECORDS = Map.of(
            "statement.updated", StatementUpdated.class,
            "statement.closed", StatementClosed.class,
            "penalty.assessed", PenaltyAssessed.class,
            "penalty.review-required", PenaltyReviewRequired.class);

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaIdResolvers(resolvers -> resolvers
                    .mapPrefix(BASE + "statement.", "classpath:sla-model-additions/schemas/statement.")
                    .mapPrefix(BASE + "penalty.", "classpath:sla-model-additions/schemas/penalty.")
                    .mapPrefix(BASE, "classpath:schemas/")));

    private EventContracts() {
    }

    /** Problems of {@code dataJson} as the data of {@code routingKey}; empty when valid. */
    public static List<String> dataProblems(String routingKey, String dataJson) {
        return problems(BASE + routingKey + ".v1.json", dataJson);
    }

    /** Problems of a whole CloudEvent's envelope; empty when valid. */
    public static List<String> envelopeProblems(String body) {
        return problems(BASE + "common/cloudevent.v1.json", body);
    }

    private static List<String> problems(String id, String json) {
        Schema schema = REGISTRY.getSchema(SchemaLocation.of(id));
        return schema.validate(json, InputFormat.JSON,
                context -> context.executionConfig(config -> config.formatAssertionsEnabled(true))).stream()
                .map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }
}
