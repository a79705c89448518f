package io.accord.clock.engine;

/** Why a clock cycle was cancelled. */
public enum CancelReason {
    /** After a change of customer, service, site or other matched attribute, or because the agreement version no longer covers the item. */
    NO_LONGER_COVERED,
    /** The item's priority has no target in the objective. */
    NO_TARGET_FOR_PRIORITY,
    /** The agreement was terminated. */
    AGREEMENT_TERMINATED,
    /** The agreement expired. */
    AGREEMENT_EXPIRED,
    /** The item was deleted. */
    ITEM_DELETED,
    /** A custom metric's cancel condition matched. */
    CANCEL_CONDITION,
    /** A custom metric's reset condition matched: this cycle ends and a new one starts from zero. */
    RESET
}
