package io.accord.clock.rest;

import static io.accord.clock.support.ClockTestSupport.event;
import static io.accord.clock.support.ClockTestSupport.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accord.clock.domain.Provider;
import io.accord.clock.service.SourceMappings;
import io.accord.clock.support.AgreementFixtures;
import io.accord.clock.support.ClockTestSupport;
import io.accord.platform.security.Roles;
import io.accord.platform.testing.RabbitQueues;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Why does this item have these clocks?": the checks of every agreement version and objective, the clock's
 * segments, and the source's items without clock with their reason.
 */
@QuarkusTest
// accord-agent posts the events and, as a composite including accord-viewer, reads the answers
@TestSecurity(user = "agent", roles = {Roles.AGENT, Roles.VIEWER})
class ExplainTest {

    @Inject
    AgroalDataSource db;
    @Inject
    SourceMappings sources;

    private String source;
    private String customer;
    private String agreementId;

    /** Each test its own source and an agreement of its customer covering web-hosting with P1/P2 resolution targets. */
    @BeforeEach
    void anAgreementForOneCustomerAndService() {
        source = "explain-" + UUID.randomUUID().toString().substring(0, 8);
        customer = "acct-" + UUID.randomUUID();
        agreementId = UUID.randomUUID().toString();
        sources.create(new SourceRequest(source, Provider.GENERIC, null, "test-generic", null, null, null, null));
        ObjectNode agreement = AgreementFixtures.agreement(UUID.fromString(agreementId), source, customer,
                AgreementFixtures.objective("resolution", "RESOLUTION", "P1", "PT8H", "P2", "PT16H"));
        agreement.putArray("services").addObject().put("code", "web-hosting").put("name", "Web hosting");
        try (RabbitQueues rabbit = RabbitQueues.connect()) {
            ClockTestSupport.publishAgreement(rabbit, db, "activated", agreement, "2020-01-01T00:00:00Z");
        }
    }

    private String versionPath(String field) {
        return "agreements.find { it.agreementId == '" + agreementId + "' }." + field;
    }

    @Test
    void aClocksSegmentsShowItsPausesAndTheTargetInForce() {
        post(List.of(
                event(source, "E-1", "CREATED", "2026-03-02T09:00:00Z", "customerRef", customer, "serviceRef",
                        "web-hosting", "priority", "P2", "status", "OPEN"),
                event(source, "E-1", "STATUS_CHANGED", "2026-03-02T10:00:00Z", "status", "PENDING_CUSTOMER"),
                event(source, "E-1", "STATUS_CHANGED", "2026-03-02T11:00:00Z", "status", "OPEN"),
                event(source, "E-1", "PRIORITY_CHANGED", "2026-03-02T11:30:00Z", "priority", "P1"),
                event(source, "E-1", "RESOLVED", "2026-03-02T12:00:00Z", "status", "RESOLVED")))
                .statusCode(200).body("applied", is(5));

        given().get("/api/work-items/{s}/E-1/explain", source).then().statusCode(200)
                .body("attributes.priority", is("P1"))
                .body(versionPath("matched"), is(true))
                .body(versionPath("inForce"), is(true))
                .body(versionPath("objectives[0].target"), is("PT8H"))
                .body(versionPath("objectives[0].calendarId"), is("24x7-paris"))
                .body(versionPath("objectives[0].zone"), is("Europe/Paris"))
                .body("clocks", org.hamcrest.Matchers.hasSize(1))
                .body("clocks[0].outcome", is("MET")).body("clocks[0].elapsed", is("PT2H"))
                .body("clocks[0].segments.from", contains("2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z",
                        "2026-03-02T11:00:00Z", "2026-03-02T11:30:00Z"))
                .body("clocks[0].segments.to", contains("2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z",
                        "2026-03-02T11:30:00Z", "2026-03-02T12:00:00Z"))
                .body("clocks[0].segments.phase", contains("RUNNING", "PAUSED", "RUNNING", "RUNNING"))
                .body("clocks[0].segments.target", contains("PT16H", "PT16H", "PT16H", "PT8H"))
                .body("clocks[0].segments.priority", contains("P2", "P2", "P2", "P1"))
                .body("clocks[0].segments.cause", contains("CREATED", "STATUS_CHANGED", "STATUS_CHANGED",
                        "PRIORITY_CHANGED"))
                .body("clocks[0].segments.elapsedAtEnd", contains("PT1H", "PT1H", "PT1H30M", "PT2H"))
                .body("clocks[0].segments[0].calendarId", is("24x7-paris"));
    }

    @Test
    void explainSaysWhyAnItemDidNotMatchAndUnmatchedListsItWithTheReason() {
        post(List.of(
                event(source, "OTHER-CUSTOMER", "CREATED", "2026-03-02T09:00:00Z", "customerRef", "acct-unknown",
                        "serviceRef", "web-hosting", "priority", "P1"),
                event(source, "OTHER-SERVICE", "CREATED", "2026-03-02T09:00:00Z", "customerRef", customer,
                        "serviceRef", "email", "priority", "P1"),
                event(source, "LOW-PRIORITY", "CREATED", "2026-03-02T09:00:00Z", "customerRef", customer,
                        "serviceRef", "web-hosting", "priority", "P4"),
                event(source, "UNMAPPED-PRIORITY", "CREATED", "2026-03-02T09:00:00Z", "customerRef", customer,
                        "serviceRef", "web-hosting", "priorityRaw", "Critical"),
                event(source, "COVERED", "CREATED", "2026-03-02T09:00:00Z", "customerRef", customer,
                        "serviceRef", "web-hosting", "priority", "P1")))
                .statusCode(200).body("applied", is(5));

        given().get("/api/work-items/{s}/OTHER-CUSTOMER/explain", source).then().statusCode(200)
                .body(versionPath("matched"), is(false))
                .body(versionPath("reasons.code"), contains("CUSTOMER"))
                .body(versionPath("reasons[0].detail"), org.hamcrest.Matchers.containsString("acct-unknown"))
                .body("clocks", org.hamcrest.Matchers.empty());
        given().get("/api/work-items/{s}/OTHER-SERVICE/explain", source).then().statusCode(200)
                .body(versionPath("reasons.code"), contains("SERVICE"));
        given().get("/api/work-items/{s}/LOW-PRIORITY/explain", source).then().statusCode(200)
                .body(versionPath("matched"), is(true))
                .body(versionPath("objectives[0].matched"), is(false))
                .body(versionPath("objectives[0].reason.code"), is("PRIORITY_WITHOUT_TARGET"))
                .body(versionPath("objectives[0].reason.detail"), is("no target for P4; targets exist for P1, P2"));
        given().get("/api/work-items/{s}/UNMAPPED-PRIORITY/explain", source).then().statusCode(200)
                .body("attributes.priority", nullValue()).body("attributes.priorityRaw", is("Critical"))
                .body("unmappedEvents[0].unmapped[0].field", is("priority"))
                .body(versionPath("objectives[0].reason.code"), is("NO_PRIORITY"));

        String item = "itemsWithoutClock.items.find { it.externalId == '%s' }.reason.code";
        given().get("/api/sources/{s}/unmatched", source).then().statusCode(200)
                .body("itemsWithoutClock.total", is(4))
                .body(item.formatted("OTHER-CUSTOMER"), is("CUSTOMER"))
                .body(item.formatted("OTHER-SERVICE"), is("SERVICE"))
                .body(item.formatted("LOW-PRIORITY"), is("PRIORITY_WITHOUT_TARGET"))
                .body(item.formatted("UNMAPPED-PRIORITY"), is("PRIORITY_UNMAPPED"))
                .body("itemsWithoutClock.items.externalId", org.hamcrest.Matchers.not(hasItem("COVERED")))
                .body("unmappedEvents.total", is(1));
    }

    @Test
    void explainAndUnmatchedAnswer404ForWhatDoesNotExist() {
        given().get("/api/work-items/{s}/NOPE/explain", source).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/sources/no-such-source/unmatched").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
