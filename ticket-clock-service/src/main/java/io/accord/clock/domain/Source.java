package io.accord.clock.domain;

import io.accord.model.agreement.NormalizedStatus;
import io.accord.model.agreement.Priority;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A source of work items and its mapping: raw statuses and priorities to normalized ones (keys compared ignoring
 * case), and the payload path of each mapped field ({@link #FIELDS}). {@code secretRef} names the configuration
 * entry holding the webhook secret; the secret itself is never part of a source.
 */
public record Source(String id, Provider provider, String name, String secretRef, String itemType,
        Map<String, NormalizedStatus> statuses, Map<String, Priority> priorities, Map<String, String> fields,
        Instant createdAt, Instant updatedAt) {

    /** The fields a mapping may name: where the payload gives each normalized attribute. */
    public static final java.util.List<String> FIELDS = java.util.List.of("status", "priority", "customer",
            "service", "site", "channel", "tags", "assigneeTeam", "supplier", "title", "url", "agentReply");

    public Source {
        statuses = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(statuses));
        priorities = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(priorities));
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }

    /** The normalized status of a raw one, if the mapping knows it. */
    public Optional<NormalizedStatus> status(String raw) {
        return lookup(statuses, raw);
    }

    /** The normalized priority of a raw one, if the mapping knows it. */
    public Optional<Priority> priority(String raw) {
        return lookup(priorities, raw);
    }

    /** The payload path of a mapped field, if any. */
    public Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name)).filter(path -> !path.isBlank());
    }

    private static <T> Optional<T> lookup(Map<String, T> map, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        T exact = map.get(raw);
        if (exact != null) {
            return Optional.of(exact);
        }
        String lower = raw.trim().toLowerCase(Locale.ROOT);
        return map.entrySet().stream().filter(e -> e.getKey().trim().toLowerCase(Locale.ROOT).equals(lower))
                .map(Map.Entry::getValue).findFirst();
    }
}
