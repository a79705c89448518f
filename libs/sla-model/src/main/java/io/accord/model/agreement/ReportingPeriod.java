package io.accord.model.agreement;

/** The length of a statement period: calendar months or calendar quarters in the agreement's zone. */
public enum ReportingPeriod {
    MONTH, QUARTER
}
