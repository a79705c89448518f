package io.accord.clock.service;

import io.accord.clock.rest.WorkItemEventRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Objects;

/**
 * The natural key of an event: a SHA-256 of its source, item, type, occurredAt, status, priority and a hash of the
 * rest of its payload. The same event sent twice under different ids (or none) has the same key and is applied once.
 * The source's {@code eventId} is left out on purpose: it is deduplicated separately.
 */
public final class NaturalKey {

    private static final char SEPARATOR = '\u001f';

    private NaturalKey() {
    }

    public static byte[] of(WorkItemEventRequest e, Instant occurredAt) {
        String payload = join(e.itemType(), e.customerRef(), e.serviceRef(), e.site(), e.channel(),
                String.join(",", e.tagsOrEmpty()), e.assigneeTeamRef(), e.supplierRef(), e.priorityRaw(),
                e.statusRaw(), e.title(), e.url(), Objects.toString(e.sequence(), null));
        return sha256(join(e.source(), e.externalId(), e.eventType().name(), occurredAt.toString(),
                name(e.status()), name(e.priority()), hex(sha256(payload))));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    // Fields are separated by a control character and nulls spelled apart from empty strings, so no two
    // different events join to the same text
    private static String join(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            text.append(part == null ? "\u0000" : part).append(SEPARATOR);
        }
        return text.toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder hex = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }
}
