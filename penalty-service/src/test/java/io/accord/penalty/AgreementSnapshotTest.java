package io.accord.penalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.accord.penalty.domain.AgreementVersionCopy;
import io.accord.penalty.service.AgreementSnapshot;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The agreement copy is rebuilt from the owner's snapshot, every page, with the internal client's real token. */
@QuarkusTest
class AgreementSnapshotTest {

    @TestHTTPResource("/")
    URI standIn;

    @Inject
    AgreementSnapshot snapshot;

    @Test
    void everyVersionOfTheSnapshotIsCopiedOnceAndAReloadChangesNothing() {
        assertThat(snapshot.loadFrom(standIn)).isEqualTo(2);
        for (var agreementId : AgreementSnapshotStandIn.AGREEMENTS) {
            assertThat(QuarkusTransaction.requiringNew().call(() -> AgreementVersionCopy.count("agreementId",
                    agreementId))).isEqualTo(1L);
        }
        // the same versions again: applied by (agreementId, version), nothing is duplicated
        snapshot.loadFrom(standIn);
        long copies = QuarkusTransaction.requiringNew().call(() -> AgreementVersionCopy.count("agreementId in ?1",
                AgreementSnapshotStandIn.AGREEMENTS));
        assertThat(copies).isEqualTo(2L);
    }
}
