package io.accord.penalty.calc;

import io.accord.model.agreement.Priority;

/** Clocks of one objective decided in the period at one priority. */
public record PriorityCount(Priority priority, int met, int breached) {
}
