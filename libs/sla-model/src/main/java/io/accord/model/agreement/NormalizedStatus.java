package io.accord.model.agreement;

/** The status of a work item once a source mapping has translated its raw status. */
public enum NormalizedStatus {
    NEW, OPEN, PENDING_CUSTOMER, ON_HOLD, RESOLVED, CLOSED
}
