package io.accord.clock.engine;

/** Whether a clock accrues business time. Independent of {@link Outcome}: a breached clock may still run. */
public enum Phase {
    /** Accrues business time (when its calendar is open) and has a deadline. */
    RUNNING,
    /** In a pause status, its agreement suspended, or paused by a custom condition: no accrual, no deadline. */
    PAUSED,
    /** Completed or cancelled. */
    STOPPED
}
