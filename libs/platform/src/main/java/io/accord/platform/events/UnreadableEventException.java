package io.accord.platform.events;

/**
 * An event whose envelope or data cannot be read as its type promises. Reading it again will fail the same
 * way, so a consumer sends it to the dead-letter queue at once instead of retrying it (and holding back the
 * events queued behind it).
 */
public class UnreadableEventException extends IllegalArgumentException {

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
