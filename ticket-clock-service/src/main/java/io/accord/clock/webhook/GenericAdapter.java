package io.accord.clock.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.accord.clock.domain.Source;
import io.accord.clock.rest.WorkItemEventRequest;
import io.accord.clock.rest.WorkItemEventsResource;
import io.accord.platform.problem.Problem;
import io.accord.platform.problem.ProblemException;
import io.accord.api.ProblemKind;
import java.io.IOException;
import java.time.Instant;

/**
 * The normalized event JSON of {@code POST /api/work-items/events} (one event or an array), posted by a system with
 * no adapter of its own. {@code source} may be left out (it is the webhook's); another source is refused. An event
 * with a raw status or priority and no normalized one is normalized through the source's mapping; the item type
 * defaults to the source's.
 */
final class GenericAdapter implements ProviderAdapter {

    private final ObjectReader reader;

    GenericAdapter(ObjectReader eventReader) {
        this.reader = eventReader;
    }

    @Override
    public Conversion convert(Source source, JsonNode payload, Instant receivedAt) throws IOException {
        Conversion.Builder out = new Conversion.Builder();
        boolean batch = payload.isArray();
        if (!batch && !payload.isObject() || batch && payload.isEmpty()) {
            throw ProblemException.invalid("body", "an event or a non-empty array of events is required");
        }
        if (batch && payload.size() > WorkItemEventsResource.MAX_BATCH) {
            throw new ProblemException(Problem.of(ProblemKind.PAYLOAD_TOO_LARGE,
                    "A batch holds at most " + WorkItemEventsResource.MAX_BATCH + " events."));
        }
        int index = 0;
        for (JsonNode node : batch ? payload : java.util.List.of(payload)) {
            String field = batch ? "[" + index + "]." : "";
            if (!node.isObject()) {
                throw ProblemException.invalid(batch ? "[" + index + "]" : "body", "must be an event");
            }
            String named = node.path("source").asText(null);
            if (named != null && !named.equals(source.id())) {
                throw ProblemException.invalid(field + "source", "must be " + source.id() + " (the webhook's source) or absent");
            }
            WorkItemEventRequest e = reader.readValue(node);
            EventDraft draft = new EventDraft(source, e.externalId(), e.eventType(), e.occurredAt());
            draft.itemType = e.itemType() != null ? e.itemType() : source.itemType();
            draft.eventId = e.eventId();
            draft.sequence = e.sequence();
            draft.customerRef = e.customerRef();
            draft.serviceRef = e.serviceRef();
            draft.site = e.site();
            draft.channel = e.channel();
            draft.tags = e.tags();
            draft.assigneeTeamRef = e.assigneeTeamRef();
            draft.supplierRef = e.supplierRef();
            draft.title = e.title();
            draft.url = e.url();
            if (e.status() == null && e.statusRaw() != null) {
                draft.statusRaw(e.statusRaw());
            } else {
                draft.status = e.status();
                draft.statusRaw = e.statusRaw();
            }
            if (e.priority() == null && e.priorityRaw() != null) {
                draft.priorityRaw(e.priorityRaw());
            } else {
                draft.priority = e.priority();
                draft.priorityRaw = e.priorityRaw();
            }
            out.add(draft);
            index++;
        }
        return out.build();
    }
}
