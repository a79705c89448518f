package io.accord.penalty.calc;

import io.accord.model.agreement.ReportingPeriod;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period of an agreement: a calendar month ({@code 2026-03}) or a calendar quarter ({@code 2026-Q1}),
 * from local midnight of its first day to local midnight after its last day, in the agreement's zone.
 *
 * <pre>{@code
 * StatementPeriod march = StatementPeriod.parse("2026-03", ZoneId.of("Europe/Paris"));
 * march.start();   // 2026-02-28T23:00:00Z
 * march.end();     // 2026-03-31T22:00:00Z (summer time began on the 29th)
 * march.days();    // 31
 * }</pre>
 */
public record StatementPeriod(ReportingPeriod kind, YearMonth firstMonth, ZoneId zone) {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q(\\d)");

    public StatementPeriod {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(firstMonth, "firstMonth");
        Objects.requireNonNull(zone, "zone");
        if (kind == ReportingPeriod.QUARTER && (firstMonth.getMonthValue() - 1) % 3 != 0) {
            throw new IllegalArgumentException("a quarter starts in January, April, July or October, not "
                    + firstMonth);
        }
    }

    /**
     * Reads {@code 2026-03} (a month) or {@code 2026-Q1} (a quarter).
     *
     * @throws IllegalArgumentException naming the text when it is neither
     */
    public static StatementPeriod parse(String text, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("period is required, like 2026-03 or 2026-Q1");
        }
        Matcher month = MONTH.matcher(text);
        if (month.matches()) {
            int m = Integer.parseInt(month.group(2));
            if (m < 1 || m > 12) {
                throw new IllegalArgumentException("period '" + text + "' has no month " + m);
            }
            return new StatementPeriod(ReportingPeriod.MONTH, YearMonth.of(Integer.parseInt(month.group(1)), m), zone);
        }
        Matcher quarter = QUARTER.matcher(text);
        if (quarter.matches()) {
            int q = Integer.parseInt(quarter.group(2));
            if (q < 1 || q > 4) {
                throw new IllegalArgumentException("period '" + text + "' has no quarter " + q);
            }
            return new StatementPeriod(ReportingPeriod.QUARTER,
                    YearMonth.of(Integer.parseInt(quarter.group(1)), (q - 1) * 3 + 1), zone);
        }
        throw new IllegalArgumentException("period '" + text + "' is not a month like 2026-03 or a quarter like 2026-Q1");
    }

    /** The period of {@code kind} containing {@code instant}, in {@code zone}. */
    public static StatementPeriod containing(Instant instant, ReportingPeriod kind, ZoneId zone) {
        YearMonth month = YearMonth.from(instant.atZone(zone));
        if (kind == ReportingPeriod.QUARTER) {
            month = YearMonth.of(month.getYear(), (month.getMonthValue() - 1) / 3 * 3 + 1);
        }
        return new StatementPeriod(kind, month, zone);
    }

    /** {@code 2026-03} or {@code 2026-Q1}. */
    public String label() {
        return kind == ReportingPeriod.MONTH ? firstMonth.toString()
                : firstMonth.getYear() + "-Q" + ((firstMonth.getMonthValue() - 1) / 3 + 1);
    }

    /** How many monthly fees the period is worth: 1 or 3. */
    public int months() {
        return kind == ReportingPeriod.MONTH ? 1 : 3;
    }

    public LocalDate firstDay() {
        return firstMonth.atDay(1);
    }

    /** The first day after the period. */
    public LocalDate endDay() {
        return firstMonth.plusMonths(months()).atDay(1);
    }

    public int days() {
        return (int) ChronoUnit.DAYS.between(firstDay(), endDay());
    }

    /** Local midnight of the first day (resolved like {@code ZonedDateTime}: a gap moves it later). */
    public Instant start() {
        return startOf(firstDay());
    }

    /** Local midnight after the last day, exclusive. */
    public Instant end() {
        return startOf(endDay());
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start()) && instant.isBefore(end());
    }

    public StatementPeriod previous() {
        return new StatementPeriod(kind, firstMonth.minusMonths(months()), zone);
    }

    public StatementPeriod next() {
        return new StatementPeriod(kind, firstMonth.plusMonths(months()), zone);
    }

    /** The instant the local date {@code day} begins in this period's zone. */
    public Instant startOf(LocalDate day) {
        try {
            return day.atStartOfDay(zone).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("day " + day + " cannot be placed in zone " + zone, e);
        }
    }

    @Override
    public String toString() {
        return label() + " (" + zone + ")";
    }
}
