package io.accord.penalty.calc;

/** The kinds of statement line, in the order they are applied. */
public enum LineKind {
    /** A fee for each breached clock of an objective at a priority. */
    BREACH_FEE,
    /** A percent of the fee for compliance or availability below a tier threshold. */
    SERVICE_CREDIT,
    /** A negative line: a percent of the fee earned for reaching a bonus level. */
    BONUS,
    /** A negative line bringing the net credit down to the cap. */
    CAP,
    /** A manual adjustment by a manager after the close (amount or waiver). */
    ADJUSTMENT
}
