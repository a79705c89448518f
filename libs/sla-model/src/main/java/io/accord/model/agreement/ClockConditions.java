package io.accord.model.agreement;

import java.util.List;

/**
 * The conditions that drive a clock of metric {@code CUSTOM}: each list holds alternatives (any one triggers).
 * {@code reset} sets the elapsed time back to zero within the cycle; {@code cancel} ends the clock without outcome.
 */
public record ClockConditions(List<Condition> start, List<Condition> pause, List<Condition> resume,
        List<Condition> stop, List<Condition> cancel, List<Condition> reset) {

    public static final ClockConditions NONE = new ClockConditions(null, null, null, null, null, null);

    public ClockConditions {
        start = copy(start);
        pause = copy(pause);
        resume = copy(resume);
        stop = copy(stop);
        cancel = copy(cancel);
        reset = copy(reset);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
        return start.isEmpty() && pause.isEmpty() && resume.isEmpty() && stop.isEmpty() && cancel.isEmpty()
                && reset.isEmpty();
    }

    private static List<Condition> copy(List<Condition> conditions) {
        return conditions == null ? List.of() : List.copyOf(conditions);
    }
}
