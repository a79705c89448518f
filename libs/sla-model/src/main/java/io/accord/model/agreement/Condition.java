package io.accord.model.agreement;

import com.fasterxml.jackson.annotation.JsonInclude;
/**
 * One condition of a custom clock: an item event type, a normalized status the item is in after the event, or
 * both (then both must hold). {@code {"event": "STATUS_CHANGED", "status": "RESOLVED"}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Condition(ItemEventType event, NormalizedStatus status) {

    public Condition {
        if (event == null && status == null) {
            throw new IllegalArgumentException("a condition needs an event, a status or both");
        }
    }

    public boolean matches(ItemEventType happened, NormalizedStatus statusAfter) {
        return (event == null || event == happened) && (status == null || status == statusAfter);
    }
}
