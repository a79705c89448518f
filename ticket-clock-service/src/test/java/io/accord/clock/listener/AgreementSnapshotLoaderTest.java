package io.accord.clock.listener;

import static io.accord.clock.support.ClockTestSupport.count;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accord.clock.support.AgreementFixtures;
import io.accord.clock.support.AgreementSnapshotFixture;
import io.accord.clock.support.ClockTestSupport;
import io.accord.platform.security.Roles;
import io.quarkus.test.security.TestSecurity;
import io.accord.platform.agreements.AgreementSnapshotLoader;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The platform's snapshot loader over this service's copy: an empty agreement copy is rebuilt from agreement-service's
 * snapshot, read page by page with a real token.
 */
@QuarkusTest
class AgreementSnapshotLoaderTest {

    @Inject
    AgreementSnapshotLoader loader;

    @Inject
    AgroalDataSource db;

    @Test
    void anEmptyCopyIsRebuiltFromTheSnapshotAndANonEmptyOneIsLeftAlone() throws Exception {
        // Other tests publish their agreements when they need them, so emptying the copy here is harmless
        emptyTheCopy();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        ObjectNode v1 = AgreementFixtures.agreement(first, "zendesk-eu", "org-snap-1",
                AgreementFixtures.objective("resolution", "RESOLUTION", "P1", "PT4H"));
        ObjectNode v2 = v1.deepCopy().put("version", 2);
        AgreementSnapshotFixture.VERSIONS.clear();
        AgreementSnapshotFixture.VERSIONS.add(v1);
        AgreementSnapshotFixture.VERSIONS.add(v2);
        AgreementSnapshotFixture.VERSIONS.add(AgreementFixtures.agreement(second, "zendesk-eu", "org-snap-2"));

        // Only this module's own tests publish agreement events in its virtual host, and they wait until each is
        // applied: nothing refills the copy between the deletion above and this load
        assertThat(loader.loadIfEmpty()).isTrue();
        assertThat(versionsOf(first)).isEqualTo(2);
        assertThat(versionsOf(second)).isEqualTo(1);

        // Not empty any more: a second load changes nothing
        UUID later = UUID.randomUUID();
        AgreementSnapshotFixture.VERSIONS.add(AgreementFixtures.agreement(later, "x", "y"));
        assertThat(loader.loadIfEmpty()).isTrue();
        assertThat(versionsOf(later)).isZero();
    }

    @Test
    @TestSecurity(user = "helpdesk", roles = Roles.INTEGRATION)
    void aRebuiltCopyKnowsSinceWhenAnAgreementIsSuspended() throws Exception {
        emptyTheCopy();
        // Created three hours ago under an agreement suspended two hours ago: the clock ran for one hour, then
        // stopped counting. The snapshot dates the suspension, so the rebuilt copy must not pause it all along.
        Instant created = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MILLIS);
        Instant suspended = created.plus(Duration.ofHours(1));
        UUID agreementId = UUID.randomUUID();
        String customer = "org-" + UUID.randomUUID();
        ObjectNode version = AgreementFixtures.agreement(agreementId, "zendesk-eu", customer,
                AgreementFixtures.objective("resolution", "RESOLUTION", "P1", "PT4H")).put("status", "SUSPENDED");
        version.putArray("statusChanges").addObject().put("status", "SUSPENDED").put("at", suspended.toString());
        AgreementSnapshotFixture.VERSIONS.clear();
        AgreementSnapshotFixture.VERSIONS.add(version);
        assertThat(loader.loadIfEmpty()).isTrue();

        String externalId = "snap-suspended-" + UUID.randomUUID();
        ClockTestSupport.post(ClockTestSupport.event("zendesk-eu", externalId, "CREATED", created.toString(),
                "customerRef", customer, "priority", "P1")).statusCode(200);
        given().get("/api/work-items/{s}/{id}", "zendesk-eu", externalId).then().statusCode(200)
                .body("clocks", hasSize(1))
                .body("clocks[0].phase", is("PAUSED"))
                .body("clocks[0].elapsed", is("PT1H"));
    }

    private void emptyTheCopy() throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("delete from agreement_version; delete from agreement_state_change; delete from business_calendar;"
                    + " update agreement_copy_revision set revision = revision + 1");
        }
    }

    private long versionsOf(UUID agreementId) {
        return count(db, "select count(*) from agreement_version where agreement_id = '" + agreementId + "'");
    }
}
