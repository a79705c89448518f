package io.accord.penalty.calc;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A stretch of unavailability of a service (by its catalogue code), or of planned maintenance. {@code end} is null
 * while the incident is still open: it then counts up to the statement's "as of" instant.
 */
public record Incident(UUID id, String service, Instant start, Instant end, boolean planned) {

    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(start, "start");
        if (end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("incident " + id + " ends before it starts");
        }
    }
}
