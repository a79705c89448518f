package io.accord.clock.engine;

/** The state of the agreement an objective belongs to, at an instant. */
public enum AgreementState {
    /** Clocks run. */
    ACTIVE,
    /** Clocks are paused: no accrual, no deadline; they resume when the agreement does. */
    SUSPENDED,
    /** Open clocks are cancelled from the termination instant; no new clock starts. */
    TERMINATED,
    /** Open clocks are cancelled from the expiry instant; no new clock starts. */
    EXPIRED;

    /** Whether the agreement has ended. */
    public boolean ended() {
        return this == TERMINATED || this == EXPIRED;
    }
}
