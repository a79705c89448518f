package io.accord.clock.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Webhook secrets by reference. A source names its secret ({@code secretRef: zendesk-eu}); the value is the
 * configuration property {@code accord.webhooks.secrets.<ref>}, which MicroProfile Config also reads from the
 * environment variable {@code ACCORD_WEBHOOKS_SECRETS_<REF>} (upper case, dashes as underscores:
 * {@code ACCORD_WEBHOOKS_SECRETS_ZENDESK_EU}) or a Kubernetes Secret mounted as such. Looked up on every delivery,
 * so nothing is cached; never stored, returned or logged.
 */
@ApplicationScoped
public class WebhookSecrets {

    public static final String PROPERTY_PREFIX = "accord.webhooks.secrets.";

    private final Config config;

    public WebhookSecrets(Config config) {
        this.config = config;
    }

    public Optional<byte[]> secret(String ref) {
        return config.getOptionalValue(PROPERTY_PREFIX + ref, String.class).filter(s -> !s.isBlank())
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    public boolean configured(String ref) {
        return secret(ref).isPresent();
    }

    /** The environment variable holding the secret of {@code ref}. */
    public static String environmentVariable(String ref) {
        return "ACCORD_WEBHOOKS_SECRETS_" + ref.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
