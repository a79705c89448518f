package io.accord.penalty.calc;

import io.accord.model.agreement.Money;
import java.time.Instant;
import java.util.List;

/**
 * The part of a statement under one agreement version: from when to when it was in force in the period, the days it
 * is billed for, the fee base (monthly fee x months in the period x days / days of the period), its objectives and
 * its lines, and their net {@code subtotal}.
 */
public record VersionSection(int version, Instant from, Instant to, int days, int periodDays, Money monthlyFee,
        Money feeBase, List<ObjectiveResult> objectives, List<StatementLine> lines, Money subtotal) {
}
