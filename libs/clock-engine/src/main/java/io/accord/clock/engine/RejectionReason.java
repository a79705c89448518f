package io.accord.clock.engine;

/** Why the engine ignored an event of the history. */
public enum RejectionReason {
    /** The event comes after the item's CLOSED event. */
    AFTER_CLOSED,
    /** The event comes after the item's DELETED event. */
    AFTER_DELETED
}
