package io.accord.clock.engine;

/**
 * The item as the engine walks its history: the state after the last applied event, and what that event
 * signals for the metrics. A status entering RESOLVED counts as a resolution and leaving it for an open
 * status as a reopening, so a source that only sends status changes is measured like one that sends
 * RESOLVED and REOPENED events.
 */
final class ItemState {
    ItemStatus status;
    ItemStatus statusBefore;
    Priority priority;
    ItemAttributes attributes;
    ItemEvent event;

    private boolean seen;
    boolean resolved;
    boolean firstResponseDone;
    boolean awaitingAgent;

    boolean created;
    boolean resolvedNow;
    boolean reopenedNow;
    boolean closedNow;
    boolean deletedNow;
    boolean agentReplied;

    void apply(ItemEvent e) {
        event = e;
        statusBefore = status;
        created = !seen;
        seen = true;
        ItemEventType type = e.type();
        deletedNow = type == ItemEventType.DELETED;
        closedNow = type == ItemEventType.CLOSED || e.status() == ItemStatus.CLOSED;
        resolvedNow = !resolved && (type == ItemEventType.RESOLVED || e.status() == ItemStatus.RESOLVED);
        reopenedNow = resolved && !closedNow && !deletedNow
                && (type == ItemEventType.REOPENED || e.status() != ItemStatus.RESOLVED);
        agentReplied = type == ItemEventType.AGENT_REPLIED;
        if (resolvedNow) {
            resolved = true;
        } else if (reopenedNow) {
            resolved = false;
        }
        if (agentReplied || resolvedNow || closedNow) {
            firstResponseDone = true;
        }
        if (type == ItemEventType.CUSTOMER_REPLIED) {
            awaitingAgent = true;
        }
        if (agentReplied || resolvedNow) {
            awaitingAgent = false;
        }
        status = e.status();
        priority = e.priority();
        attributes = e.attributes();
    }

    /** Whether a NEXT_RESPONSE cycle is due: a customer reply unanswered after the first response, item not resolved. */
    boolean awaitsNextResponse() {
        return awaitingAgent && firstResponseDone && !resolved && !closedNow && !deletedNow;
    }
}
