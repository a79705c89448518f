package io.accord.model.agreement;

/** What a {@code REOPENED} item does to a stopped clock: resume it keeping its elapsed time, or open a new cycle. */
public enum ReopenPolicy {
    RESUME, NEW_CYCLE
}
