package io.accord.notification.message;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How messages write instants and durations for a reader: in the reader's zone and language. */
public final class Formats {

    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter FR = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.FRENCH);

    private Formats() {
    }

    /** {@code Fri 27 Mar 2026, 17:00 (Europe/Paris)}; {@code ven. 27 mars 2026, 17:00 (Europe/Paris)} in French. */
    public static String instant(Instant instant, ZoneId zone, String locale) {
        if (instant == null) {
            return null;
        }
        DateTimeFormatter format = "fr".equals(locale) ? FR : EN;
        return format.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }

    /** {@code 1 d 2 h 5 min} ({@code 1 j 2 h 5 min} in French); seconds are dropped, under a minute is {@code 0 min}. */
    public static String duration(Duration duration, String locale) {
        if (duration == null) {
            return null;
        }
        long minutes = Math.abs(duration.toMinutes());
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        StringBuilder out = new StringBuilder();
        if (days > 0) {
            out.append(days).append("fr".equals(locale) ? " j" : " d");
        }
        if (hours > 0) {
            out.append(out.isEmpty() ? "" : " ").append(hours).append(" h");
        }
        if (mins > 0 || out.isEmpty()) {
            out.append(out.isEmpty() ? "" : " ").append(mins).append(" min");
        }
        return out.toString();
    }

    /** The zone named by a recipient, UTC when it names none or an unknown one. */
    public static ZoneId zone(String zone) {
        try {
            return zone == null || zone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(zone);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
