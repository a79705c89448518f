package io.accord.penalty.calc;

/**
 * Whether an objective kept its target in a period. {@code UNDEFINED} when there was nothing to measure (no clock
 * decided, no scheduled time, no measurement) or no target: no credit, and it neither breaks nor extends a streak of
 * missed periods.
 */
public enum ObjectiveStatus {
    MET, MISSED, UNDEFINED;

    /** The status of one objective over several agreement versions: missed anywhere is missed. */
    public ObjectiveStatus and(ObjectiveStatus other) {
        if (this == MISSED || other == MISSED) {
            return MISSED;
        }
        return this == MET || other == MET ? MET : UNDEFINED;
    }
}
