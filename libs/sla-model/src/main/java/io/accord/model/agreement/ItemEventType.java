package io.accord.model.agreement;

/**
 * What can happen to a work item (ticket, lead). {@code AGENT_REPLIED} counts public replies only; events after
 * {@code CLOSED} or {@code DELETED} are rejected by the clock service.
 */
public enum ItemEventType {
    CREATED, STATUS_CHANGED, PRIORITY_CHANGED, FIELDS_CHANGED, AGENT_REPLIED, CUSTOMER_REPLIED, RESOLVED, REOPENED,
    CLOSED, DELETED
}
