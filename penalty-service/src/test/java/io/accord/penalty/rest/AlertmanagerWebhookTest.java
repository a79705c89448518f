package io.accord.penalty.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.accord.penalty.domain.IncidentRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Alertmanager's webhook payload (version 4) becomes incidents; only the shared bearer secret gets in. */
@QuarkusTest
class AlertmanagerWebhookTest {

    static final String SECRET = "Bearer test-alertmanager-secret";

    static String payload(String status, String fingerprint, String endsAt) {
        return """
                {"version": "4", "groupKey": "{}:{alertname=\\"SiteDown\\"}", "truncatedAlerts": 0,
                 "status": "%1$s", "receiver": "accord", "groupLabels": {"alertname": "SiteDown"},
                 "commonLabels": {"alertname": "SiteDown"}, "commonAnnotations": {},
                 "externalURL": "http://alertmanager:9093",
                 "alerts": [
                   {"status": "%1$s", "labels": {"alertname": "SiteDown", "service": "web-hosting", "severity": "page"},
                    "annotations": {"summary": "www.brasserie-lumiere.fr answers 503"},
                    "startsAt": "2026-03-18T08:00:00.123456Z", "endsAt": "%3$s",
                    "generatorURL": "http://prometheus:9090/graph", "fingerprint": "%2$s"},
                   {"status": "%1$s", "labels": {"alertname": "DiskFull", "instance": "db-1"},
                    "annotations": {}, "startsAt": "2026-03-18T08:00:00Z", "endsAt": "%3$s",
                    "generatorURL": "http://prometheus:9090/graph", "fingerprint": "ffff0000"}
                 ]}
                """.formatted(status, fingerprint, endsAt);
    }

    static IncidentRecord incident(String fingerprint) {
        return QuarkusTransaction.requiringNew().call(() -> IncidentRecord.<IncidentRecord>find("sourceRef",
                fingerprint + "@2026-03-18T08:00:00.123Z").firstResult());
    }

    @Test
    void aFiringThenResolvedAlertIsOneIncident() {
        String fingerprint = UUID.randomUUID().toString().substring(0, 16);
        given().header("Authorization", SECRET).contentType(ContentType.JSON)
                .body(payload("firing", fingerprint, "0001-01-01T00:00:00Z"))
                .post("/api/webhooks/alertmanager").then().statusCode(200)
                .body("received", equalTo(2)).body("opened", equalTo(1)).body("ignored", equalTo(1));
        // Alertmanager repeats a firing group: nothing new
        given().header("Authorization", SECRET).contentType(ContentType.JSON)
                .body(payload("firing", fingerprint, "0001-01-01T00:00:00Z"))
                .post("/api/webhooks/alertmanager").then().statusCode(200).body("opened", equalTo(0));
        IncidentRecord open = incident(fingerprint);
        assertThat(open.service).isEqualTo("web-hosting");
        assertThat(open.endedAt).isNull();
        assertThat(open.summary).isEqualTo("www.brasserie-lumiere.fr answers 503");

        given().header("Authorization", SECRET).contentType(ContentType.JSON)
                .body(payload("resolved", fingerprint, "2026-03-18T08:45:00Z"))
                .post("/api/webhooks/alertmanager").then().statusCode(200).body("resolved", equalTo(1));
        assertThat(incident(fingerprint).endedAt).isEqualTo(Instant.parse("2026-03-18T08:45:00Z"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> IncidentRecord.count("sourceRef like ?1",
                fingerprint + "%"))).isEqualTo(1);
    }

    @Test
    void aWrongOrMissingSecretIsRefusedAndChangesNothing() {
        String fingerprint = UUID.randomUUID().toString().substring(0, 16);
        given().header("Authorization", "Bearer wrong").contentType(ContentType.JSON)
                .body(payload("firing", fingerprint, "0001-01-01T00:00:00Z"))
                .post("/api/webhooks/alertmanager").then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(payload("firing", fingerprint, "0001-01-01T00:00:00Z"))
                .post("/api/webhooks/alertmanager").then().statusCode(401);
        assertThat(incident(fingerprint)).isNull();
    }

    @Test
    void aMalformedPayloadIsAProblem() {
        given().header("Authorization", SECRET).contentType(ContentType.JSON).body("{\"version\": \"4\"}")
                .post("/api/webhooks/alertmanager").then().statusCode(400).contentType("application/problem+json");
    }
}
