package io.accord.platform.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The secrets {@code ./accord keycloak} generated for this checkout ({@code .accord/secrets.env}),
 * found by walking up from the working directory. Environment variables win over the file.
 */
public final class LocalSecrets {

    private static final Map<String, String> FILE = load();

    private LocalSecrets() {
    }

    public static Optional<String> find(String key) {
        String fromEnv = System.getenv(key);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(fromEnv);
        }
        return Optional.ofNullable(FILE.get(key));
    }

    public static String get(String key) {
        return find(key).orElseThrow(() -> new IllegalStateException(key
                + " is neither in the environment nor in .accord/secrets.env: run ./accord keycloak first"));
    }

    static Map<String, String> all() {
        return FILE;
    }

    private static Map<String, String> load() {
        Map<String, String> values = new LinkedHashMap<>();
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve(".accord").resolve("secrets.env");
            if (Files.isRegularFile(file)) {
                try {
                    for (String line : Files.readAllLines(file)) {
                        String trimmed = line.trim();
                        int eq = trimmed.indexOf('=');
                        if (trimmed.isEmpty() || trimmed.startsWith("#") || eq < 1) {
                            continue;
                        }
                        String value = trimmed.substring(eq + 1).trim();
                        if (value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'"))) {
                            value = value.substring(1, value.length() - 1);
                        }
                        values.put(trimmed.substring(0, eq).trim().replaceFirst("^export\\s+", ""), value);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read " + file, e);
                }
                break;
            }
        }
        return values;
    }
}
