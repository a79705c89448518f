package io.accord.notification.domain;

/**
 * Where a delivery stands: {@code PENDING} (waiting for its first attempt, possibly for business hours),
 * {@code RETRYING} (failed transiently, next attempt scheduled), {@code SENT}, {@code FAILED} (final, with the last
 * error), {@code CANCELLED} (no longer true before it was sent: the breach was withdrawn or acknowledged).
 */
public enum DeliveryStatus {
    PENDING, RETRYING, SENT, FAILED, CANCELLED;

    public boolean isOpen() {
        return this == PENDING || this == RETRYING;
    }
}
