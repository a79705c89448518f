package io.accord.time;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Thrown when a business calendar definition is invalid: a reversed or overlapping interval, an impossible
 * date, an unknown zone, a calendar that is never open, or a malformed iCalendar file.
 *
 * <p>It carries one {@link Violation} per problem found, each naming the offending field with a path in the
 * JSON shape of {@link io.accord.time.json.CalendarSpec} (for example {@code weeklyHours.MONDAY[0]},
 * {@code holidays[2].day}, {@code exceptions[1].hours[0]}, {@code zone}), so a service can map it to a
 * problem+json {@code errors} list directly:
 *
 * <pre>{@code
 * try {
 *     spec.toCalendar();
 * } catch (InvalidCalendarException e) {
 *     e.violations().forEach(v -> errors.add(Map.of("field", v.field(), "message", v.message())));
 * }
 * }</pre>
 *
 * <p>The exception message joins the violation messages with {@code "; "}; each message names the offending
 * part itself, e.g. {@code "MONDAY interval 10:00-09:00: start must be before end"}.
 */
public final class InvalidCalendarException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * One problem in a calendar definition.
     *
     * @param field   path of the offending field, e.g. {@code weeklyHours.MONDAY[0]}
     * @param message what is wrong, naming the offending value
     */
    public record Violation(String field, String message) implements Serializable {
        /** Both parts are required. */
        public Violation {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }
    }

    private final List<Violation> violations;

    /**
     * One violation.
     *
     * @param field   path of the offending field
     * @param message what is wrong
     */
    public InvalidCalendarException(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    /**
     * Several violations, in the order they were found.
     *
     * @param violations at least one violation
     */
    public InvalidCalendarException(List<Violation> violations) {
        super(joined(violations));
        this.violations = List.copyOf(violations);
    }

    private static String joined(List<Violation> violations) {
        Objects.requireNonNull(violations, "violations");
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("violations must not be empty");
        }
        return violations.stream().map(Violation::message).collect(Collectors.joining("; "));
    }

    /** @return every problem found, never empty */
    public List<Violation> violations() {
        return violations;
    }

    /** @return the field path of the first problem */
    public String field() {
        return violations.get(0).field();
    }

    /**
     * The same violations placed under a parent path: {@code "day"} under {@code "holidays[2]"} becomes
     * {@code "holidays[2].day"}; an empty field becomes the parent path itself.
     */
    InvalidCalendarException under(String parent, String messagePrefix) {
        return new InvalidCalendarException(violations.stream()
                .map(v -> new Violation(
                        parent.isEmpty() ? v.field() : v.field().isEmpty() ? parent : parent + "." + v.field(),
                        messagePrefix + v.message()))
                .toList());
    }
}
