package io.accord.model.statement;

/**
 * Whether an objective kept its target in a statement's period. {@code UNDEFINED} when there was nothing to measure
 * (no clock decided, no scheduled time, no measurement) or no target: no credit, and it neither breaks nor extends a
 * streak of missed periods.
 */
public enum ObjectiveStatus {
    MET, MISSED, UNDEFINED
}
