package io.accord.penalty.calc;

import io.accord.model.agreement.Priority;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What a statement needs of one clock cycle: its verdict and when it was reached. Only {@code MET} and
 * {@code BREACHED} count; the clock counts in the period of {@code decidedAt} (the breach instant of a breached
 * clock, the completion instant of a met one), under the agreement version it names.
 */
public record ClockFact(UUID clockId, int agreementVersion, String objectiveKey, Priority priority, Verdict verdict,
        Instant decidedAt) {

    public enum Verdict {
        MET, BREACHED
    }

    public ClockFact {
        Objects.requireNonNull(clockId, "clockId");
        Objects.requireNonNull(objectiveKey, "objectiveKey");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }
}
