package io.accord.model.clock;

/** Whether a clock accrues business time; independent of its outcome (a breached clock may still run). */
public enum ClockPhase {
    RUNNING, PAUSED, STOPPED
}
