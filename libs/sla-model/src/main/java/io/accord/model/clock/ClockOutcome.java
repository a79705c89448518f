package io.accord.model.clock;

/** The verdict on a clock cycle: still open, met at or before its deadline, breached, or ended without verdict. */
public enum ClockOutcome {
    PENDING, MET, BREACHED, CANCELLED
}
