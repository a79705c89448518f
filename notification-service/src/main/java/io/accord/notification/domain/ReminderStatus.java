package io.accord.notification.domain;

/** A reminder repeats while {@code ACTIVE}; it is {@code STOPPED} by an ack, a completion, a cancellation or a withdrawn breach. */
public enum ReminderStatus {
    ACTIVE, STOPPED
}
