package io.accord.model.agreement;

import java.time.Instant;
import java.util.Objects;

/**
 * An agreement was suspended ({@code SUSPENDED}) or resumed ({@code ACTIVE}) at {@code at}: the instant its
 * {@code agreement.suspended} or {@code agreement.resumed} event gives as {@code occurredAt}.
 */
public record StatusChange(AgreementStatus status, Instant at) {

    public StatusChange {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        if (status != AgreementStatus.SUSPENDED && status != AgreementStatus.ACTIVE) {
            throw new IllegalArgumentException("a status change is a suspension (SUSPENDED) or a resumption (ACTIVE), not "
                    + status);
        }
    }
}
