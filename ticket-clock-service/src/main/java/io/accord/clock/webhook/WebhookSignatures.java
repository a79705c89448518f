package io.accord.clock.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The providers' webhook authentication schemes, checked on the raw body bytes. Every comparison of a secret or a
 * signature is constant-time ({@link MessageDigest#isEqual}); an empty answer means authentic.
 */
public final class WebhookSignatures {

    /** Why a webhook is refused; the value is the {@code reason} tag of {@code accord.webhooks.rejected}. */
    public enum Rejection {
        UNKNOWN_SOURCE, SECRET_NOT_CONFIGURED, MISSING_SIGNATURE, BAD_SIGNATURE, BAD_TIMESTAMP, STALE_TIMESTAMP;

        public String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private WebhookSignatures() {
    }

    /**
     * Zendesk: {@code X-Zendesk-Webhook-Signature} = base64(HMAC-SHA256(secret, timestamp + body)) with the
     * ISO-8601 {@code X-Zendesk-Webhook-Signature-Timestamp}, which must be within {@code window} of now.
     */
    public static Optional<Rejection> zendesk(byte[] secret, String signature, String timestamp, byte[] body,
            Instant now, Duration window) {
        if (blank(signature) || blank(timestamp)) {
            return Optional.of(Rejection.MISSING_SIGNATURE);
        }
        byte[] expected = Base64.getEncoder().encode(hmacSha256(secret, utf8(timestamp), body));
        if (!MessageDigest.isEqual(expected, utf8(signature.trim()))) {
            return Optional.of(Rejection.BAD_SIGNATURE);
        }
        try {
            return within(Instant.parse(timestamp.trim()), now, window);
        } catch (DateTimeParseException e) {
            return Optional.of(Rejection.BAD_TIMESTAMP);
        }
    }

    /**
     * HubSpot v3: {@code X-HubSpot-Signature-v3} = base64(HMAC-SHA256(client secret, method + URI + body +
     * timestamp)), the URI being the full public one with HubSpot's listed characters decoded, and
     * {@code X-HubSpot-Request-Timestamp} (epoch milliseconds) within {@code window} of now.
     */
    public static Optional<Rejection> hubSpotV3(byte[] secret, String signature, String timestamp, String method,
            String publicUri, byte[] body, Instant now, Duration window) {
        if (blank(signature) || blank(timestamp)) {
            return Optional.of(Rejection.MISSING_SIGNATURE);
        }
        byte[] expected = Base64.getEncoder().encode(hmacSha256(secret,
                utf8(method + decodeHubSpotUri(publicUri)), body, utf8(timestamp.trim())));
        if (!MessageDigest.isEqual(expected, utf8(signature.trim()))) {
            return Optional.of(Rejection.BAD_SIGNATURE);
        }
        try {
            return within(Instant.ofEpochMilli(Long.parseLong(timestamp.trim())), now, window);
        } catch (NumberFormatException e) {
            return Optional.of(Rejection.BAD_TIMESTAMP);
        }
    }

    /** Jira admin webhooks (WebSub): {@code X-Hub-Signature: sha256=<hex HMAC-SHA256(secret, body)>}. */
    public static Optional<Rejection> hubSignature(byte[] secret, String header, byte[] body) {
        if (blank(header)) {
            return Optional.of(Rejection.MISSING_SIGNATURE);
        }
        String value = header.trim();
        if (!value.regionMatches(true, 0, "sha256=", 0, 7)) {
            return Optional.of(Rejection.BAD_SIGNATURE);
        }
        byte[] expected = utf8(HexFormat.of().formatHex(hmacSha256(secret, body)));
        return MessageDigest.isEqual(expected, utf8(value.substring(7).toLowerCase(Locale.ROOT)))
                ? Optional.empty() : Optional.of(Rejection.BAD_SIGNATURE);
    }

    /** Freshdesk and generic: a header carrying the shared secret itself. */
    public static Optional<Rejection> sharedSecret(byte[] secret, String header) {
        if (blank(header)) {
            return Optional.of(Rejection.MISSING_SIGNATURE);
        }
        return MessageDigest.isEqual(secret, utf8(header.trim())) ? Optional.empty()
                : Optional.of(Rejection.BAD_SIGNATURE);
    }

    /** HMAC-SHA256 of the concatenated parts. */
    public static byte[] hmacSha256(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** HubSpot decodes these percent-encoded characters of the URI before signing it. */
    static String decodeHubSpotUri(String uri) {
        String[][] decoded = {{"%3A", ":"}, {"%2F", "/"}, {"%3F", "?"}, {"%40", "@"}, {"%21", "!"}, {"%24", "$"},
            {"%27", "'"}, {"%28", "("}, {"%29", ")"}, {"%2A", "*"}, {"%2C", ","}, {"%3B", ";"}};
        String out = uri;
        for (String[] pair : decoded) {
            out = out.replace(pair[0], pair[1]).replace(pair[0].toLowerCase(Locale.ROOT), pair[1]);
        }
        return out;
    }

    private static Optional<Rejection> within(Instant stamp, Instant now, Duration window) {
        return Duration.between(stamp, now).abs().compareTo(window) > 0 ? Optional.of(Rejection.STALE_TIMESTAMP)
                : Optional.empty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
