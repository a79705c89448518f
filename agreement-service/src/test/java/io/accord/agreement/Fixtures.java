package io.accord.agreement;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds parties, services, calendars and agreement bodies for tests, each with fresh ids so tests never collide. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String party(String kind, String name, Map<String, String> ref) {
        Map<String, Object> body = ref == null ? Map.of("kind", kind, "name", name)
                : Map.of("kind", kind, "name", name, "externalRefs", List.of(ref));
        return post("/api/parties", body).statusCode(201).extract().path("id");
    }

    public static String service() {
        String code = unique("svc");
        post("/api/services", Map.of("code", code, "name", "Service " + code)).statusCode(201);
        return code;
    }

    public static String officeHours() {
        String id = unique("office");
        post("/api/calendars", Map.of("id", id, "name", "Office hours", "zone", "Europe/Paris",
                "weeklyHours", Map.of("MONDAY", List.of("09:00-18:00"), "TUESDAY", List.of("09:00-18:00"),
                        "WEDNESDAY", List.of("09:00-18:00"), "THURSDAY", List.of("09:00-18:00"),
                        "FRIDAY", List.of("09:00-18:00")))).statusCode(201);
        return id;
    }

    /** A valid SLA body between fresh parties, covering a fresh service, with one objective on a fresh calendar. */
    public static Sla sla() {
        return new Sla(party("PROVIDER", "Provider", null),
                party("CUSTOMER", "Customer", Map.of("source", "zendesk-eu", "id", unique("org"))), service(), officeHours());
    }

    public record Sla(String provider, String customer, String service, String calendar) {

        public Map<String, Object> terms() {
            return terms(Map.of("P1", "PT4H", "P3", "PT16H"));
        }

        public Map<String, Object> terms(Map<String, String> targets) {
            return new java.util.HashMap<>(Map.of(
                    "type", "SLA", "name", "Support " + service, "providerPartyId", provider, "customerPartyId", customer,
                    "services", List.of(service), "zone", "Europe/Paris", "monthlyFee", Map.of("amount", "500", "currency", "EUR"),
                    "objectives", List.of(Map.of("objectiveKey", "resolution", "kind", "TIME_TO_TARGET",
                            "metric", "RESOLUTION", "targets", targets, "calendarId", calendar))));
        }
    }

    public static ValidatableResponse post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).post(path).then();
    }

    /** Creates, submits, approves and activates an agreement; returns its id. */
    public static String activeAgreement(Map<String, Object> terms) {
        String id = post("/api/agreements", terms).statusCode(201).extract().path("id");
        for (String action : List.of("submit", "approve", "activate")) {
            given().post("/api/agreements/" + id + "/" + action).then().statusCode(200);
        }
        return id;
    }
}
