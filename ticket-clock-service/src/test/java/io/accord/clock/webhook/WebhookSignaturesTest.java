package io.accord.clock.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.accord.clock.webhook.WebhookSignatures.Rejection;
import io.smallrye.config.EnvConfigSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The signature schemes on raw bytes, and the documented environment variable of a secret reference. */
class WebhookSignaturesTest {

    private static final byte[] SECRET = bytes("s3cr3t");
    private static final byte[] BODY = bytes("{\"type\":\"zen:event-type:ticket.created\"}");
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(5);

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void hmacIsRfc4231() {
        // RFC 4231, test case 2
        assertThat(HexFormat.of().formatHex(WebhookSignatures.hmacSha256(bytes("Jefe"),
                bytes("what do ya want "), bytes("for nothing?"))))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void zendeskSignsTimestampAndBodyWithinTheWindow() {
        String ts = "2026-03-02T08:58:00Z";
        String signature = Base64.getEncoder().encodeToString(WebhookSignatures.hmacSha256(SECRET, bytes(ts), BODY));
        assertThat(WebhookSignatures.zendesk(SECRET, signature, ts, BODY, NOW, WINDOW)).isEmpty();
        assertThat(WebhookSignatures.zendesk(SECRET, signature, ts, bytes("{}"), NOW, WINDOW))
                .contains(Rejection.BAD_SIGNATURE);
        assertThat(WebhookSignatures.zendesk(SECRET, signature, ts, BODY, NOW.plus(Duration.ofMinutes(4)), WINDOW))
                .contains(Rejection.STALE_TIMESTAMP);
        assertThat(WebhookSignatures.zendesk(SECRET, null, ts, BODY, NOW, WINDOW))
                .contains(Rejection.MISSING_SIGNATURE);
        // The timestamp is part of what is signed: another one does not verify
        assertThat(WebhookSignatures.zendesk(SECRET, signature, "2026-03-02T08:59:00Z", BODY, NOW, WINDOW))
                .contains(Rejection.BAD_SIGNATURE);
    }

    @Test
    void hubSpotV3SignsMethodDecodedUriBodyAndTimestamp() {
        String uri = "https://accord.example.com/api/webhooks/hubspot-sales?portal=48291733&from=a%3Ab";
        String decoded = "https://accord.example.com/api/webhooks/hubspot-sales?portal=48291733&from=a:b";
        String ts = Long.toString(NOW.minus(Duration.ofMinutes(1)).toEpochMilli());
        String signature = Base64.getEncoder().encodeToString(WebhookSignatures.hmacSha256(SECRET,
                bytes("POST" + decoded), BODY, bytes(ts)));
        assertThat(WebhookSignatures.hubSpotV3(SECRET, signature, ts, "POST", uri, BODY, NOW, WINDOW)).isEmpty();
        assertThat(WebhookSignatures.hubSpotV3(SECRET, signature, ts, "POST",
                "http://ticket-clock-service:8082/api/webhooks/hubspot-sales?portal=48291733&from=a%3Ab", BODY, NOW,
                WINDOW)).contains(Rejection.BAD_SIGNATURE);
        String old = Long.toString(NOW.minus(Duration.ofMinutes(6)).toEpochMilli());
        String oldSignature = Base64.getEncoder().encodeToString(WebhookSignatures.hmacSha256(SECRET,
                bytes("POST" + decoded), BODY, bytes(old)));
        assertThat(WebhookSignatures.hubSpotV3(SECRET, oldSignature, old, "POST", uri, BODY, NOW, WINDOW))
                .contains(Rejection.STALE_TIMESTAMP);
    }

    @Test
    void jiraHubSignatureIsHexOfTheBody() {
        String hex = HexFormat.of().formatHex(WebhookSignatures.hmacSha256(SECRET, BODY));
        assertThat(WebhookSignatures.hubSignature(SECRET, "sha256=" + hex, BODY)).isEmpty();
        assertThat(WebhookSignatures.hubSignature(SECRET, "sha256=" + hex.toUpperCase(), BODY)).isEmpty();
        assertThat(WebhookSignatures.hubSignature(SECRET, "sha1=" + hex, BODY)).contains(Rejection.BAD_SIGNATURE);
        assertThat(WebhookSignatures.hubSignature(SECRET, "sha256=" + hex, bytes("{ }")))
                .contains(Rejection.BAD_SIGNATURE);
        assertThat(WebhookSignatures.hubSignature(SECRET, "", BODY)).contains(Rejection.MISSING_SIGNATURE);
    }

    @Test
    void aSharedSecretHeaderMatchesExactly() {
        assertThat(WebhookSignatures.sharedSecret(SECRET, "s3cr3t")).isEmpty();
        assertThat(WebhookSignatures.sharedSecret(SECRET, "s3cr3")).contains(Rejection.BAD_SIGNATURE);
        assertThat(WebhookSignatures.sharedSecret(SECRET, null)).contains(Rejection.MISSING_SIGNATURE);
    }

    @Test
    void aSecretReferenceIsReadFromItsDocumentedEnvironmentVariable() {
        assertThat(WebhookSecrets.environmentVariable("zendesk-eu")).isEqualTo("ACCORD_WEBHOOKS_SECRETS_ZENDESK_EU");
        EnvConfigSource env = new EnvConfigSource(Map.of("ACCORD_WEBHOOKS_SECRETS_ZENDESK_EU", "from-env"), 300);
        assertThat(Optional.ofNullable(env.getValue(WebhookSecrets.PROPERTY_PREFIX + "zendesk-eu")))
                .contains("from-env");
    }
}
