package io.accord.clock.engine;

/** What a RESOLUTION objective does when a resolved item is reopened. */
public enum ReopenPolicy {
    /** The same cycle runs again, keeping the business time elapsed before the resolution. */
    RESUME,
    /** The completed cycle stays as it is and a new cycle starts from zero at the reopening. */
    NEW_CYCLE
}
