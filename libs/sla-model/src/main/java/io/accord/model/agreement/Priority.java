package io.accord.model.agreement;

/** An item's normalized priority; {@code P1} is the most urgent. Sources map their raw priorities onto these. */
public enum Priority {
    P1, P2, P3, P4
}
