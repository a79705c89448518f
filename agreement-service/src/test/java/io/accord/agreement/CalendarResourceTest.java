package io.accord.agreement;

import static io.accord.agreement.Fixtures.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "calendar-admin", roles = {"accord-viewer", "accord-agent", "accord-manager", "accord-admin"})
class CalendarResourceTest {

    static final String ICS = """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            PRODID:-//Accord//test//EN\r
            BEGIN:VEVENT\r
            UID:may-day\r
            DTSTART;VALUE=DATE:20260501\r
            RRULE:FREQ=YEARLY\r
            SUMMARY:Fête du Travail\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            UID:ascension-2026\r
            DTSTART;VALUE=DATE:20260514\r
            SUMMARY:Ascension\r
            END:VEVENT\r
            END:VCALENDAR\r
            """;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void dueAndElapsedAnswerInBusinessTime() {
        String id = Fixtures.officeHours();
        given().contentType(ContentType.JSON).body(Map.of("from", "2026-03-06T16:00:00Z", "duration", "PT2H"))
                .post("/api/calendars/" + id + "/due").then().statusCode(200).body("due", is("2026-03-09T09:00:00Z"));
        given().contentType(ContentType.JSON).body(Map.of("from", "2026-03-06T16:00:00Z", "to", "2026-03-09T09:00:00Z"))
                .post("/api/calendars/" + id + "/elapsed").then().statusCode(200).body("businessDuration", is("PT2H"));
        given().contentType(ContentType.JSON).body(Map.of("from", "2026-03-06T16:00:00Z", "duration", "-PT1H"))
                .post("/api/calendars/" + id + "/due").then().statusCode(400).body("errors.field", hasItem("duration"));
        given().contentType(ContentType.JSON).body(Map.of("duration", "PT1H"))
                .post("/api/calendars/" + id + "/due").then().statusCode(400).body("errors.field", hasItem("from"));
        given().contentType(ContentType.JSON).body(Map.of("from", "2026-03-06T16:00:00Z", "duration", "PT1H"))
                .post("/api/calendars/no-such/due").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anInvalidCalendarIsRefusedWithEveryProblemAndNotStored() {
        String id = Fixtures.unique("bad");
        post("/api/calendars", Map.of("id", id, "name", "Bad", "zone", "Europe/Pariss",
                "weeklyHours", Map.of("MONDAY", List.of("10:00-09:00")))).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("zone", "weeklyHours.MONDAY[0]"));
        given().get("/api/calendars/" + id).then().statusCode(404);
        post("/api/calendars", Map.of("id", "Not Valid", "name", "x", "zone", "UTC")).statusCode(400)
                .body("errors.field", hasItem("id"));
    }

    @Test
    void holidaysAreImportedFromICalendarOnce() {
        String id = Fixtures.officeHours();
        for (int i = 0; i < 2; i++) {
            given().urlEncodingEnabled(false).contentType("text/calendar; charset=UTF-8").body(ICS).post("/api/calendars/" + id + "/holidays:import")
                    .then().statusCode(200).body("holidays", hasSize(2))
                    .body("holidays.name", hasItems("Fête du Travail", "Ascension"));
        }
        given().contentType(ContentType.JSON).body(Map.of("from", "2026-05-13T15:00:00Z", "duration", "PT2H"))
                .post("/api/calendars/" + id + "/due").then().statusCode(200).body("due", is("2026-05-15T08:00:00Z"));

        given().urlEncodingEnabled(false).contentType("text/calendar; charset=UTF-8").body("BEGIN:VCALENDAR\r\nnot ics").post("/api/calendars/" + id + "/holidays:import")
                .then().statusCode(400).contentType("application/problem+json");
        given().get("/api/calendars/" + id).then().body("holidays", hasSize(2));
        given().get("/api/calendars/" + id + "/audit").then().statusCode(200)
                .body("items.action", hasItems("created", "holidays-imported"));
    }

    @Test
    void aCalendarInUseCannotBeDeletedButCanChangeAndThatIsPublished() throws Exception {
        Fixtures.Sla sla = Fixtures.sla();
        String agreement = Fixtures.activeAgreement(sla.terms());
        given().delete("/api/calendars/" + sla.calendar()).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(agreement));
        given().get("/api/calendars/" + sla.calendar()).then().statusCode(200).body("usedBy[0].agreementId", is(agreement));

        post("/api/calendars/" + sla.calendar(), Map.of()).statusCode(405);
        given().contentType(ContentType.JSON).body(Map.of("name", "Longer hours", "zone", "Europe/Paris",
                "weeklyHours", Map.of("MONDAY", List.of("08:00-19:00")), "effectiveFrom", "2026-12-01T00:00:00Z"))
                .put("/api/calendars/" + sla.calendar()).then().statusCode(200).body("effectiveFrom", is("2026-12-01T00:00:00Z"));

        List<String> payloads = outboxPayloads("calendar.changed", sla.calendar());
        assertThat(payloads).hasSize(1);
        assertThat(payloads.get(0)).contains("\"effectiveFrom\":\"2026-12-01T00:00:00Z\"").contains(agreement)
                .contains("08:00-19:00");

        String unused = Fixtures.officeHours();
        given().delete("/api/calendars/" + unused).then().statusCode(204);
        given().get("/api/calendars/" + unused).then().statusCode(404);
    }

    private List<String> outboxPayloads(String routingKey, String subject) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select payload from outbox where routing_key = ? and subject = ?")) {
            ps.setString(1, routingKey);
            ps.setString(2, subject);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
