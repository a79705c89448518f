package io.accord.platform.testing;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Lets tests started from an IDE or a bare {@code mvn test} see the local secrets
 * ({@code ACCORD_DB_PASSWORD}, client secrets) without exporting them; below environment variables.
 */
public class LocalSecretsConfigSource implements ConfigSource {

    @Override
    public Map<String, String> getProperties() {
        return LocalSecrets.all();
    }

    @Override
    public Set<String> getPropertyNames() {
        return LocalSecrets.all().keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return LocalSecrets.all().get(propertyName);
    }

    @Override
    public String getName() {
        return "accord-local-secrets";
    }

    @Override
    public int getOrdinal() {
        return 200;
    }
}
