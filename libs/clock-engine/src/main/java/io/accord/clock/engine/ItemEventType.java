package io.accord.clock.engine;

/** What happened to a work item, as normalized from its source. */
public enum ItemEventType {
    CREATED,
    STATUS_CHANGED,
    PRIORITY_CHANGED,
    /** Customer, service, site, channel, tags, team or supplier changed: the item is re-matched. */
    FIELDS_CHANGED,
    /** A public reply by the provider's agent. */
    AGENT_REPLIED,
    CUSTOMER_REPLIED,
    RESOLVED,
    REOPENED,
    /** Terminal: any later event of the item is rejected. */
    CLOSED,
    /** Terminal: cancels running clocks; any later event of the item is rejected. */
    DELETED
}
