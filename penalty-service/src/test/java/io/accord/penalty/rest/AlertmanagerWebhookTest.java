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
    /** A service code no agreement of the other tests covers, so these incidents never reach their statements. */
    static final String SERVICE = "web-" + UUID.randomUUID().toString().substring(0, 8);

    static String payload(String status, String fingerprint, String endsAt) {
        return """
                {"version": "4", "groupKey": "{}:{alertname=\\"SiteDown\\"}", "truncatedAlerts": 0,
                 "status": "%1$s", "receiver": "accord", "groupLabels": {"alertname": "SiteDown"},
                 "commonLabels": {"alertname": "SiteDown"}, "commonAnnotations": {},
                 "externalURL": "http://alertmanager:9093",
                 "alerts": [
                   {"status": "%1$s", "labels": {"alertname": "SiteDown", "service": "%4$s", "severity": "page"},
                    "annotations": {"summary": "www.brasserie-lumiere.fr answers 503"},
                    "startsAt": "2026-03-18T08:00:00.123456Z", "endsAt": "%3$s",
                    "generatorURL": "http://prometheus:9090/graph", "fingerprint": "%2$s"},
                   {"status": "%1$s", "labels": {"alertname": "DiskFull", "instance": "db-1"},
                    "annotations": {}, "startsAt": "2026-03-18T08:00:00Z", "endsAt": "%3$s",
                    "generatorURL": "http://prometheus:9090/graph", "fingerprint": "ffff0000"}
                 ]}
                """.formatted(status, fingerprint, endsAt, SERVICE);
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
        assertThat(open.service).isEqualTo(SERVICE);
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
    void aResolutionNeverSeenFiringIsAnEndedIncidentAndThePlannedLabelMarksMaintenance() {
        String fingerprint = UUID.randomUUID().toString().substring(0, 16);
        String payload = """
                {"version": "4", "status": "resolved", "receiver": "accord", "groupKey": "{}:{}",
                 "alerts": [{"status": "resolved",
                   "labels": {"alertname": "KernelUpgrade", "service": "%s", "accord_planned": "true"},
                   "annotations": {}, "startsAt": "2026-03-18T08:00:00.123Z", "endsAt": "2026-03-18T08:30:00Z",
                   "fingerprint": "%s"}]}
                """.formatted(SERVICE, fingerprint);
        given().header("Authorization", SECRET).contentType(ContentType.JSON).body(payload)
                .post("/api/webhooks/alertmanager").then().statusCode(200)
                .body("opened", equalTo(0)).body("resolved", equalTo(1));
        IncidentRecord maintenance = incident(fingerprint);
        assertThat(maintenance.planned).isTrue();
        assertThat(maintenance.endedAt).isEqualTo(Instant.parse("2026-03-18T08:30:00Z"));
        // without an annotation the alert's name is the summary
        assertThat(maintenance.summary).isEqualTo("KernelUpgrade");
        // the same resolution again changes nothing
        given().header("Authorization", SECRET).contentType(ContentType.JSON).body(payload)
                .post("/api/webhooks/alertmanager").then().statusCode(200).body("resolved", equalTo(0));
    }

    @Test
    void anAlertEndingBeforeItStartsIsAProblemAndStoresNothing() {
        String fingerprint = UUID.randomUUID().toString().substring(0, 16);
        given().header("Authorization", SECRET).contentType(ContentType.JSON)
                .body(payload("resolved", fingerprint, "2026-03-18T07:00:00Z"))
                .post("/api/webhooks/alertmanager").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("alerts.endsAt"));
        assertThat(incident(fingerprint)).isNull();
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
