package io.accord.penalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.accord.model.agreement.AgreementVersion;
import io.accord.penalty.domain.AgreementVersionCopy;
import io.accord.penalty.service.AgreementCopies;
import io.accord.platform.agreements.AgreementEventsHandler;
import io.accord.platform.agreements.AgreementSnapshotLoader;
import io.accord.platform.client.SnapshotClient;
import io.accord.platform.messaging.EventConsumers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The agreement copy is the platform's agreement copy block over {@link AgreementCopies}: on the queue deployed as
 * {@code agreement-events}, and rebuilt from the owner's snapshot, every page, with the internal client's real token.
 */
@QuarkusTest
class AgreementSnapshotTest {

    @TestHTTPResource("/")
    URI standIn;

    @Inject
    SnapshotClient snapshots;

    @Inject
    AgreementCopies copies;

    @Inject
    AgreementEventsHandler handler;

    @Inject
    EventConsumers consumers;

    @Test
    void agreementEventsKeepTheirDeployedQueue() {
        assertThat(consumers.queueName(handler)).isEqualTo("penalty-service-test.agreement-events");
    }

    @Test
    void everyVersionOfTheSnapshotIsCopiedOnceAndARebuildDuplicatesNothing() {
        List<AgreementVersion> snapshot = snapshots.fetchAll(standIn, AgreementSnapshotLoader.PATH,
                AgreementVersion.class);
        assertThat(snapshot).hasSize(AgreementSnapshotStandIn.AGREEMENTS.size());

        assertThat(QuarkusTransaction.requiringNew().call(() -> copies.rebuild(snapshot))).isTrue();
        for (var agreementId : AgreementSnapshotStandIn.AGREEMENTS) {
            assertThat(QuarkusTransaction.requiringNew().call(() -> AgreementVersionCopy.count("agreementId",
                    agreementId))).isEqualTo(1L);
        }
        // the same versions again: applied by (agreementId, version), nothing is duplicated
        QuarkusTransaction.requiringNew().call(() -> copies.rebuild(snapshot));
        long copied = QuarkusTransaction.requiringNew().call(() -> AgreementVersionCopy.count("agreementId in ?1",
                AgreementSnapshotStandIn.AGREEMENTS));
        assertThat(copied).isEqualTo(2L);
    }
}
