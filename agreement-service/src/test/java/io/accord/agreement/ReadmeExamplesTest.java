package io.accord.agreement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Posts the README's examples exactly as written there, so the documentation cannot drift from the API. */
@QuarkusTest
@TestSecurity(user = "readme-manager", roles = {"accord-viewer", "accord-agent", "accord-manager"})
class ReadmeExamplesTest {

    private static final Pattern BLOCK = Pattern.compile("<!-- example:(\\S+) -->\\s*```json\\n(.*?)\\n```", Pattern.DOTALL);

    static Map<String, String> examples() throws IOException {
        Map<String, String> blocks = new LinkedHashMap<>();
        Matcher m = BLOCK.matcher(Files.readString(Path.of("README.md")));
        while (m.find()) {
            blocks.put(m.group(1), m.group(2));
        }
        return blocks;
    }

    private static String post(String path, String json) {
        return given().contentType(ContentType.JSON).body(json).post(path).then().statusCode(201).extract().asString();
    }

    @Test
    void theSlaAndOlaExamplesAreAcceptedActivatedAndMatchTheirItems() throws IOException {
        Map<String, String> ex = examples();
        assertThat(ex).containsKeys("party-provider", "party-customer", "service", "calendar-24x7", "calendar-office", "sla",
                "party-sales", "party-marketing", "calendar-sales", "ola");

        for (String name : new String[] {"party-provider", "party-customer", "party-sales", "party-marketing"}) {
            post("/api/parties", ex.get(name));
        }
        post("/api/services", ex.get("service"));
        for (String name : new String[] {"calendar-24x7", "calendar-office", "calendar-sales"}) {
            post("/api/calendars", ex.get(name));
        }
        String sla = given().contentType(ContentType.JSON).body(ex.get("sla")).post("/api/agreements")
                .then().statusCode(201).body("status", is("DRAFT")).body("checks", hasSize(0)).extract().path("id");
        String ola = given().contentType(ContentType.JSON).body(ex.get("ola")).post("/api/agreements")
                .then().statusCode(201).body("checks", hasSize(0)).extract().path("id");
        for (String id : new String[] {sla, ola}) {
            for (String action : new String[] {"submit", "approve", "activate"}) {
                given().post("/api/agreements/" + id + "/" + action).then().statusCode(200);
            }
            given().get("/api/agreements/" + id).then().statusCode(200).body("status", is("ACTIVE"));
        }

        // A Zendesk ticket of Brasserie Lumière: P1 on the 24/7 calendar, P3 on office hours
        given().queryParam("customer", "zendesk-eu:org-4711").queryParam("service", "web-hosting")
                .queryParam("itemType", "ticket").queryParam("priority", "P1")
                .get("/api/agreements/match").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].agreement.agreementId", is(sla))
                .body("items[0].objectives.objectiveKey", contains("p1-intervention"))
                .body("items[0].objectives[0].target", is("PT2H"))
                .body("items[0].objectives[0].calendarId", is("24x7-paris"))
                .body("items[0].agreement.calendars.'24x7-paris'.zone", is("Europe/Paris"));
        given().queryParam("customer", "zendesk-eu:org-4711").queryParam("service", "web-hosting")
                .queryParam("itemType", "ticket").queryParam("priority", "P3")
                .get("/api/agreements/match").then().statusCode(200)
                .body("items[0].objectives.objectiveKey", contains("p3-intervention"))
                .body("items[0].objectives[0].calendarId", is("office-hours-paris"));

        // A HubSpot lead assigned to the sales team
        given().queryParam("team", "hubspot-sales:team-sales-fr").queryParam("itemType", "lead").queryParam("priority", "P2")
                .get("/api/agreements/match").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].agreement.agreementId", is(ola))
                .body("items[0].objectives[0].objectiveKey", is("lead-call-back"))
                .body("items[0].objectives[0].target", is("PT24H"))
                .body("items[0].objectives[0].calendarId", is("sales-office-hours"));
    }

    @Test
    void theDueExampleOfTheReadmeHolds() throws IOException {
        String office = examples().get("calendar-office").replace("office-hours-paris", "office-hours-paris-due");
        post("/api/calendars", office);
        given().contentType(ContentType.JSON).body("{\"from\": \"2026-03-27T16:30:00Z\", \"duration\": \"PT4H\"}")
                .post("/api/calendars/office-hours-paris-due/due").then().statusCode(200)
                .body("due", is("2026-03-30T10:30:00Z"));
        assertThat(Files.readString(Path.of("README.md"))).contains("{\"due\":\"2026-03-30T10:30:00Z\"}");
    }
}
