package io.accord.clock.engine;

/** The normalized status of a work item after an event; sources map their raw statuses onto these. */
public enum ItemStatus {
    NEW,
    OPEN,
    PENDING_CUSTOMER,
    ON_HOLD,
    RESOLVED,
    CLOSED
}
