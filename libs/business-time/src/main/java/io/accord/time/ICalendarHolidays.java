package io.accord.time;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * Reads holidays from an iCalendar ({@code .ics}) file, such as the public-holiday calendars published by
 * governments and calendar services.
 *
 * <p>Each {@code VEVENT} must be an all-day event ({@code DTSTART;VALUE=DATE:20260501}). It covers one day,
 * or up to its exclusive {@code DTEND} (or {@code DURATION} in days) for a range. With
 * {@code RRULE:FREQ=YEARLY} (no other rule parts) it becomes a yearly holiday on the start's month and day;
 * a yearly rule bounded by {@code COUNT} or {@code UNTIL} becomes the one-off dates it produces. Any other
 * recurrence ({@code BYDAY}, {@code FREQ=MONTHLY}, {@code RDATE}, {@code EXDATE}...) is rejected, since a
 * holiday list should state its dates; events with {@code STATUS:CANCELLED} are skipped. {@code SUMMARY}
 * becomes the holiday name.
 *
 * <pre>{@code
 * try (InputStream in = Files.newInputStream(Path.of("fr-holidays.ics"))) {
 *     BusinessCalendar paris = office.withHolidays(ICalendarHolidays.parse(in));
 * }
 * }</pre>
 *
 * <p>Malformed input raises an {@link InvalidCalendarException} whose field is {@code line N} for syntax
 * errors or {@code VEVENT[i]} (0-based, in file order) for an unusable event.
 */
public final class ICalendarHolidays {

    private ICalendarHolidays() {
    }

    /**
     * Reads the holidays of an iCalendar stream in UTF-8, in file order.
     *
     * @throws IOException              if the stream cannot be read
     * @throws InvalidCalendarException if the content is not iCalendar or an event is not a usable holiday
     */
    public static List<Holiday> parse(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /**
     * Reads the holidays of an iCalendar text, in file order.
     *
     * @throws IOException              if the reader fails
     * @throws InvalidCalendarException if the content is not iCalendar or an event is not a usable holiday
     */
    public static List<Holiday> parse(Reader reader) throws IOException {
        Objects.requireNonNull(reader, "reader");
        String text = readAll(reader);
        checkDates(text);
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(new StringReader(text));
        } catch (ParserException e) {
            throw new InvalidCalendarException("line " + e.getLineNo(),
                    "not a valid iCalendar file: " + e.getMessage());
        } catch (RuntimeException e) {
            // ical4j reports some malformed values (dates, rules) as unchecked exceptions
            throw new InvalidCalendarException("", "not a valid iCalendar file: " + e.getMessage());
        }
        List<Holiday> holidays = new ArrayList<>();
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        for (int i = 0; i < events.size(); i++) {
            try {
                holidays.addAll(holidays(events.get(i)));
            } catch (InvalidCalendarException e) {
                throw e.under("VEVENT[" + i + "]", "VEVENT[" + i + "] " + describe(events.get(i)) + ": ");
            } catch (RuntimeException e) {
                throw new InvalidCalendarException("VEVENT[" + i + "]",
                        "VEVENT[" + i + "] " + describe(events.get(i)) + ": " + e.getMessage());
            }
        }
        return holidays;
    }

    private static String readAll(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n; (n = reader.read(buffer)) >= 0; ) {
            text.append(buffer, 0, n);
        }
        return text.toString();
    }

    /** ical4j resolves an impossible date such as 20260230 to the month end: a holiday file must not. */
    private static void checkDates(String text) {
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String upper = line.toUpperCase(java.util.Locale.ROOT);
            if (!upper.startsWith("DTSTART") && !upper.startsWith("DTEND")) {
                continue;
            }
            String value = line.substring(line.lastIndexOf(':') + 1).trim();
            if (value.matches("\\d{8}")) {
                try {
                    LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE);
                } catch (DateTimeParseException e) {
                    String name = upper.startsWith("DTSTART") ? "DTSTART" : "DTEND";
                    throw new InvalidCalendarException("line " + (i + 1),
                            "line " + (i + 1) + ": " + name + " " + value + " is not a valid date");
                }
            }
        }
    }

    private static List<Holiday> holidays(VEvent event) {
        if (event.getProperty(Property.STATUS).map(p -> "CANCELLED".equalsIgnoreCase(p.getValue()))
                .orElse(false)) {
            return List.of();
        }
        String name = event.getProperty(Property.SUMMARY).map(Property::getValue).orElse("").trim();
        LocalDate start = date(event.getProperty(Property.DTSTART), "DTSTART")
                .orElseThrow(() -> new InvalidCalendarException("DTSTART", "DTSTART is missing"));
        long days = days(event, start);
        if (!event.getProperties(Property.RDATE, Property.EXDATE).isEmpty()) {
            throw new InvalidCalendarException("RDATE", "RDATE and EXDATE are not supported: list the dates"
                    + " as separate events");
        }
        List<RRule<?>> rules = event.getProperties(Property.RRULE);
        if (rules.size() > 1) {
            throw new InvalidCalendarException("RRULE", "only one RRULE is supported");
        }
        List<Holiday> holidays = new ArrayList<>();
        if (rules.isEmpty()) {
            holidays.add(days == 1
                    ? new Holiday.OneOff(start, name)
                    : new Holiday.DateRange(start, start.plusDays(days - 1), name));
            return holidays;
        }
        Recur<?> recur = rules.get(0).getRecur();
        checkYearly(recur, start);
        if (recur.getCount() < 1 && recur.getUntil() == null) {
            for (int k = 0; k < days; k++) {
                LocalDate d = start.plusDays(k);
                holidays.add(new Holiday.Yearly(MonthDay.of(d.getMonth(), d.getDayOfMonth()), name));
            }
            return holidays;
        }
        // A bounded yearly rule is a finite list of dates: expand it (29 February only in leap years).
        LocalDate until = recur.getUntil() == null ? LocalDate.MAX : LocalDate.from(recur.getUntil());
        int count = recur.getCount() < 1 ? Integer.MAX_VALUE : recur.getCount();
        int produced = 0;
        for (int year = start.getYear(); produced < count && year <= start.getYear() + 1000; year++) {
            MonthDay md = MonthDay.from(start);
            if (!md.isValidYear(year)) {
                continue;
            }
            LocalDate first = md.atYear(year);
            if (first.isAfter(until)) {
                break;
            }
            holidays.add(days == 1
                    ? new Holiday.OneOff(first, name)
                    : new Holiday.DateRange(first, first.plusDays(days - 1), name));
            produced++;
        }
        return holidays;
    }

    private static void checkYearly(Recur<?> recur, LocalDate start) {
        boolean plainYearly = recur.getFrequency() == Frequency.YEARLY
                && recur.getInterval() <= 1
                && recur.getDayList().isEmpty()
                && recur.getYearDayList().isEmpty()
                && recur.getWeekNoList().isEmpty()
                && recur.getSetPosList().isEmpty()
                && recur.getHourList().isEmpty()
                && recur.getMinuteList().isEmpty()
                && recur.getSecondList().isEmpty()
                && recur.getMonthList().stream().allMatch(m -> m.getMonthOfYear() == start.getMonthValue())
                && recur.getMonthDayList().stream().allMatch(d -> d == start.getDayOfMonth());
        if (!plainYearly) {
            throw new InvalidCalendarException("RRULE", "RRULE " + recur + " is not supported: only FREQ=YEARLY"
                    + " on the start date is; give other holidays as one-off dates");
        }
    }

    private static long days(VEvent event, LocalDate start) {
        Optional<LocalDate> end = date(event.getProperty(Property.DTEND), "DTEND");
        if (end.isPresent()) {
            long days = ChronoUnit.DAYS.between(start, end.get());
            if (days < 1) {
                throw new InvalidCalendarException("DTEND",
                        "DTEND " + end.get() + " must be after DTSTART " + start + " (DTEND is exclusive)");
            }
            return days;
        }
        Optional<Property> duration = event.getProperty(Property.DURATION);
        if (duration.isPresent()) {
            TemporalAmount amount = ((net.fortuna.ical4j.model.property.Duration) duration.get()).getDuration();
            if (amount instanceof Period p && p.getYears() == 0 && p.getMonths() == 0 && p.getDays() >= 1) {
                return p.getDays();
            }
            throw new InvalidCalendarException("DURATION",
                    "DURATION " + duration.get().getValue() + " must be a whole number of days, e.g. P1D");
        }
        return 1; // RFC 5545: an all-day DTSTART without DTEND or DURATION lasts one day
    }

    private static Optional<LocalDate> date(Optional<? extends Property> property, String name) {
        if (property.isEmpty()) {
            return Optional.empty();
        }
        Temporal value = property.get() instanceof DateProperty<?> d ? d.getDate() : null;
        if (value instanceof LocalDate date) {
            return Optional.of(date);
        }
        throw new InvalidCalendarException(name, name + " " + property.get().getValue()
                + " is not an all-day date: holidays need " + name + ";VALUE=DATE:YYYYMMDD");
    }

    private static String describe(VEvent event) {
        String summary = event.getProperty(Property.SUMMARY).map(Property::getValue).orElse("");
        String uid = event.getProperty(Property.UID).map(Property::getValue).orElse("");
        return "'" + summary + "'" + (uid.isEmpty() ? "" : " (UID " + uid + ")");
    }
}
