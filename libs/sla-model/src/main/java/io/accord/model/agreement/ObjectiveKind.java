package io.accord.model.agreement;

/**
 * The three kinds of promise: a time to target per item (clocked by ticket-clock-service), an availability
 * percentage over service hours, and a volume or KPI per period (both measured by penalty-service).
 */
public enum ObjectiveKind {
    TIME_TO_TARGET, AVAILABILITY, KPI
}
