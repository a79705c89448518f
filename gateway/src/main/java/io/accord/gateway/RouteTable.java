package io.accord.gateway;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which service owns a path: longest matching prefix first. A prefix matches the path itself and
 * any path continuing it with {@code /} or {@code :}, so {@code /api/agreements} owns
 * {@code /api/agreements/42} and {@code /api/agreements:snapshot} but not {@code /api/agreementsX}.
 *
 * @param <T> what a route leads to
 */
final class RouteTable<T> {

    private record Entry<T>(String prefix, T target) {
    }

    private final List<Entry<T>> entries;

    private RouteTable(List<Entry<T>> entries) {
        this.entries = entries;
    }

    /** A table from each target's prefixes; two targets claiming one prefix is a configuration error. */
    static <K, T> RouteTable<T> of(Map<K, T> targets, Function<T, List<String>> prefixes) {
        List<Entry<T>> entries = new ArrayList<>();
        for (T target : targets.values()) {
            for (String prefix : prefixes.apply(target)) {
                String normalized = normalize(prefix);
                for (Entry<T> existing : entries) {
                    if (existing.prefix().equals(normalized)) {
                        throw new IllegalStateException("Two services claim the path prefix " + normalized);
                    }
                }
                entries.add(new Entry<>(normalized, target));
            }
        }
        entries.sort(Comparator.comparingInt((Entry<T> e) -> e.prefix().length()).reversed());
        return new RouteTable<>(List.copyOf(entries));
    }

    /** The owner of {@code path} (already normalised, without query), or {@code null}. */
    T match(String path) {
        Entry<T> entry = entryFor(path);
        return entry == null ? null : entry.target();
    }

    /** The prefix that decides {@code path}, or {@code null}. */
    String prefixOf(String path) {
        Entry<T> entry = entryFor(path);
        return entry == null ? null : entry.prefix();
    }

    private Entry<T> entryFor(String path) {
        for (Entry<T> entry : entries) {
            if (matches(entry.prefix(), path)) {
                return entry;
            }
        }
        return null;
    }

    static boolean matches(String prefix, String path) {
        if (!path.startsWith(prefix)) {
            return false;
        }
        if (path.length() == prefix.length()) {
            return true;
        }
        char next = path.charAt(prefix.length());
        return next == '/' || next == ':';
    }

    private static String normalize(String prefix) {
        String p = prefix.trim();
        if (!p.startsWith("/")) {
            throw new IllegalStateException("A route prefix must start with '/': " + prefix);
        }
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
