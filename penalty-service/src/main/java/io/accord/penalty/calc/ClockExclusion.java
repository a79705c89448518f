package io.accord.penalty.calc;

import java.util.Objects;
import java.util.UUID;

/** A clock a manager took out of the counts, with the reason shown on the statement. */
public record ClockExclusion(UUID clockId, String reason, String note, String author) {

    public ClockExclusion {
        Objects.requireNonNull(clockId, "clockId");
        Objects.requireNonNull(reason, "reason");
    }
}
