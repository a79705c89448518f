package io.accord.clock.engine;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Stable clock ids: a name-based (version 3) UUID of source, externalId, agreementId, objectiveKey and
 * cycle, so that recomputation gives the same id. The name is each part as {@code <length>:<value>}
 * concatenated, which no choice of values can make ambiguous:
 * {@code 10:zendesk-eu5:4711236:<agreement uuid>13:first-response1:1}.
 */
public final class ClockIds {

    private ClockIds() {
    }

    /** The id of a cycle of an objective's clock on an item. */
    public static UUID of(ItemRef item, ObjectiveId objective, int cycle) {
        StringBuilder name = new StringBuilder(128);
        part(name, item.source());
        part(name, item.externalId());
        part(name, objective.agreementId().toString());
        part(name, objective.objectiveKey());
        part(name, Integer.toString(cycle));
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void part(StringBuilder name, String value) {
        name.append(value.length()).append(':').append(value);
    }
}
