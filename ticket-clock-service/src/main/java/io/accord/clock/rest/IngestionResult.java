package io.accord.clock.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The answer to a posted event or batch: one result per event, in the order posted, and the counts. */
public record IngestionResult(List<EventResult> results, int applied, int duplicates, int rejected) {

    public static IngestionResult of(List<EventResult> results) {
        return new IngestionResult(results, count(results, Outcome.APPLIED), count(results, Outcome.DUPLICATE),
                count(results, Outcome.REJECTED));
    }

    private static int count(List<EventResult> results, Outcome outcome) {
        return (int) results.stream().filter(r -> r.outcome() == outcome).count();
    }

    public enum Outcome {
        /** Stored in the item's history; its clocks were recomputed. */
        APPLIED,
        /** Already known by its event id or natural key; nothing changed. */
        DUPLICATE,
        /** Refused for a reason of the item's state (an event after CLOSED or DELETED); nothing stored. */
        REJECTED
    }

    /** What happened to the event at {@code index} of the request (0 for a single event). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EventResult(int index, String source, String externalId, String eventId, Outcome outcome,
            String reason) {
    }
}
