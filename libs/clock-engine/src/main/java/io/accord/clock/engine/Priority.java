package io.accord.clock.engine;

/** The normalized priority of a work item; objectives give a target per priority. */
public enum Priority {
    P1,
    P2,
    P3,
    P4
}
