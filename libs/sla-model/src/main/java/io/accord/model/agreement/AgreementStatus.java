package io.accord.model.agreement;

/**
 * Where an agreement is in its life:
 * {@code DRAFT -> IN_REVIEW -> APPROVED -> ACTIVE -> (SUSPENDED <-> ACTIVE) -> EXPIRED | TERMINATED}.
 */
public enum AgreementStatus {
    DRAFT, IN_REVIEW, APPROVED, ACTIVE, SUSPENDED, EXPIRED, TERMINATED;

    /** True once the agreement has been in force: its versions may cover items (for instants before it ended). */
    public boolean hasBeenInForce() {
        return this == ACTIVE || this == SUSPENDED || this == EXPIRED || this == TERMINATED;
    }

    /** True when nothing can happen to the agreement any more. */
    public boolean isEnded() {
        return this == EXPIRED || this == TERMINATED;
    }
}
