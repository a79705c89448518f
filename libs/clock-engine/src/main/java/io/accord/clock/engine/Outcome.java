package io.accord.clock.engine;

/** The verdict on a clock cycle. */
public enum Outcome {
    /** Not completed and the target not reached. */
    PENDING,
    /** Completed at or before its deadline. */
    MET,
    /** Elapsed reached the target before completion; stays breached whatever happens next in the cycle. */
    BREACHED,
    /** Ended without a verdict: see {@link CancelReason}. */
    CANCELLED
}
