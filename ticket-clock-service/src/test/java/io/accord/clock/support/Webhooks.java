package io.accord.clock.support;

import static io.restassured.RestAssured.given;

import io.accord.clock.webhook.WebhookSignatures;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts provider payloads (files of {@code src/test/resources/webhooks}) to the real endpoint, signed the way each
 * provider signs them with the test secrets of application.properties, and reads counters from /q/metrics.
 */
public final class Webhooks {

    public static final String ZENDESK_SECRET = "zendesk-signing-secret-for-tests";
    public static final String JIRA_SECRET = "jira-webhook-secret-for-tests";
    public static final String FRESHDESK_SECRET = "freshdesk-shared-secret-for-tests";
    public static final String HUBSPOT_SECRET = "hubspot-client-secret-for-tests";
    public static final String GENERIC_SECRET = "generic-shared-secret-for-tests";
    /** What the test profile configures as accord.webhooks.public-base-url. */
    public static final String PUBLIC_BASE_URL = "https://accord.example.com";

    private Webhooks() {
    }

    public static byte[] payload(String file) {
        try (InputStream in = Webhooks.class.getClassLoader().getResourceAsStream("webhooks/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no payload webhooks/" + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same bytes with one byte changed (a body altered in transit). */
    public static byte[] tampered(byte[] body) {
        byte[] copy = body.clone();
        int i = new String(copy, StandardCharsets.ISO_8859_1).indexOf("0");
        copy[i] = (byte) '1';
        return copy;
    }

    public static String zendeskSignature(String secret, String timestamp, byte[] body) {
        return Base64.getEncoder().encodeToString(WebhookSignatures.hmacSha256(utf8(secret), utf8(timestamp), body));
    }

    public static ValidatableResponse zendesk(String sourceId, byte[] body, String secret, Instant at) {
        String timestamp = at.toString();
        return request(body).header("X-Zendesk-Webhook-Signature", zendeskSignature(secret, timestamp, body))
                .header("X-Zendesk-Webhook-Signature-Timestamp", timestamp)
                .post("/api/webhooks/{id}", sourceId).then();
    }

    public static String hubSpotSignature(String secret, String uri, byte[] body, long timestampMillis) {
        return Base64.getEncoder().encodeToString(WebhookSignatures.hmacSha256(utf8(secret),
                utf8("POST" + uri), body, utf8(Long.toString(timestampMillis))));
    }

    /** Signed over the public URI (as HubSpot sees Accord), posted to the service directly. */
    public static ValidatableResponse hubSpot(String sourceId, byte[] body, String secret, Instant at, String uri) {
        long millis = at.toEpochMilli();
        return request(body).header("X-HubSpot-Signature-v3", hubSpotSignature(secret, uri, body, millis))
                .header("X-HubSpot-Request-Timestamp", Long.toString(millis))
                .post("/api/webhooks/{id}", sourceId).then();
    }

    public static String publicUri(String sourceId) {
        return PUBLIC_BASE_URL + "/api/webhooks/" + sourceId;
    }

    public static ValidatableResponse jira(String sourceId, byte[] body, String secret) {
        String signature = "sha256=" + HexFormat.of().formatHex(WebhookSignatures.hmacSha256(utf8(secret), body));
        return request(body).header("X-Hub-Signature", signature).post("/api/webhooks/{id}", sourceId).then();
    }

    public static ValidatableResponse sharedSecret(String sourceId, byte[] body, String secret) {
        RequestSpecification spec = request(body);
        if (secret != null) {
            spec = spec.header("X-Accord-Webhook-Secret", secret);
        }
        return spec.post("/api/webhooks/{id}", sourceId).then();
    }

    public static RequestSpecification request(byte[] body) {
        return given().contentType(ContentType.JSON.withCharset(StandardCharsets.UTF_8)).body(body);
    }

    /** The value of a counter on /q/metrics (0 when absent), by its Prometheus name and tags. */
    public static double metric(String name, Map<String, String> tags) {
        String text = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        double total = 0;
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)} ([0-9.eE+-]+)$", Pattern.MULTILINE);
        Matcher m = line.matcher(text);
        while (m.find()) {
            String labels = m.group(1);
            if (tags.entrySet().stream().allMatch(t -> labels.contains(t.getKey() + "=\"" + t.getValue() + "\""))) {
                total += Double.parseDouble(m.group(2));
            }
        }
        return total;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
