package io.accord.clock.webhook;

import io.accord.clock.rest.WorkItemEventRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * What an adapter made of one webhook: the normalized events, the raw values the source's mapping did not know
 * (by event index), and how many notifications carried nothing Accord clocks (a private comment, a user event).
 */
public record Conversion(List<WorkItemEventRequest> events, List<UnmappedValue> unmapped, int ignored) {

    /** A raw {@code status} or {@code priority} of the event at {@code index} that the mapping does not know. */
    public record UnmappedValue(int index, String externalId, String field, String raw) {
    }

    /** Collects drafts in order. */
    static final class Builder {
        private final List<WorkItemEventRequest> events = new ArrayList<>();
        private final List<UnmappedValue> unmapped = new ArrayList<>();
        private int ignored;

        Builder add(EventDraft draft) {
            int index = events.size();
            if (draft.statusUnmapped()) {
                unmapped.add(new UnmappedValue(index, draft.externalId, "status", draft.statusRaw));
            }
            if (draft.priorityUnmapped()) {
                unmapped.add(new UnmappedValue(index, draft.externalId, "priority", draft.priorityRaw));
            }
            events.add(draft.build());
            return this;
        }

        Builder ignore() {
            ignored++;
            return this;
        }

        Conversion build() {
            return new Conversion(List.copyOf(events), List.copyOf(unmapped), ignored);
        }
    }
}
