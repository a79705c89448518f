package io.accord.clock.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a mapped field out of a provider's payload. A path is dotted ({@code issue.fields.status.name}); a numeric
 * segment indexes an array ({@code issue.fields.customfield_10002.0.id}); {@code a|b} lists alternatives.
 */
public final class PayloadFields {

    private PayloadFields() {
    }

    /** The alternatives of a mapped path, in order. */
    public static List<String> alternatives(String paths) {
        return paths == null ? List.of() : Arrays.stream(paths.split("\\|")).map(String::trim)
                .filter(p -> !p.isEmpty()).toList();
    }

    /** The node at a single dotted path, or null. */
    public static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String segment : path.split("\\.")) {
            if (node == null || node.isNull() || node.isMissingNode()) {
                return null;
            }
            if (node.isArray() && segment.chars().allMatch(Character::isDigit)) {
                node = node.get(Integer.parseInt(segment));
            } else {
                node = node.get(segment);
            }
        }
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    /** The text at a single path: a string or number as text, blank or structured values as null. */
    public static String textAt(JsonNode root, String path) {
        JsonNode node = path == null ? null : at(root, path);
        if (node == null || node.isContainerNode()) {
            return null;
        }
        String text = node.asText();
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** The first present text among the alternatives of {@code paths}. */
    public static String text(JsonNode root, String paths) {
        for (String path : alternatives(paths)) {
            String text = textAt(root, path);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    /** Tags at the first present alternative: an array of strings, or one comma-separated string. */
    public static List<String> tags(JsonNode root, String paths) {
        for (String path : alternatives(paths)) {
            JsonNode node = at(root, path);
            if (node == null) {
                continue;
            }
            List<String> tags = new ArrayList<>();
            if (node.isArray()) {
                node.forEach(t -> add(tags, t.isContainerNode() ? null : t.asText()));
            } else {
                for (String t : node.asText().split(",")) {
                    add(tags, t);
                }
            }
            return tags;
        }
        return null;
    }

    private static void add(List<String> tags, String tag) {
        if (tag != null && !tag.isBlank() && !tags.contains(tag.trim())) {
            tags.add(tag.trim());
        }
    }
}
