package io.accord.notification.domain;

/** What a message says; each has its own templates per locale. */
public enum MessageKind {
    /** A warning threshold of a clock was crossed. */
    WARNING,
    /** A clock's target was missed. */
    BREACH,
    /** A breach is still unacknowledged a set time after it happened. */
    REMINDER,
    /** A breach the recipient was told about was withdrawn by a revision of the clock. */
    CORRECTION,
    /** A penalty was assessed, or a statement with penalties was closed. */
    PENALTY,
    /** An agreement missed its objectives for enough periods in a row to need a review. */
    REVIEW,
    /** A test message sent from the channels API. */
    TEST;

    /** The template folder of this kind. */
    public String templateName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
