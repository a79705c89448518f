package io.accord.clock.engine;

/** What a time-to-target objective measures. */
public enum Metric {
    /** From creation to the first agent reply, or to resolution if the item is resolved first. */
    FIRST_RESPONSE,
    /** From the first unanswered customer reply (once the first response is over) to the next agent reply or resolution. */
    NEXT_RESPONSE,
    /** From creation to resolution (or closure without resolution); reopening resumes or opens a new cycle. */
    RESOLUTION,
    /** Defined by the objective's {@link CustomMetric} conditions. */
    CUSTOM
}
