package io.accord.model.agreement;

/**
 * What a time-to-target objective clocks. {@code CUSTOM} is defined by the objective's {@link ClockConditions}.
 */
public enum Metric {
    FIRST_RESPONSE, NEXT_RESPONSE, RESOLUTION, CUSTOM
}
