package io.accord.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accord.model.agreement.AgreementVersion;
import io.accord.notification.support.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the platform's snapshot loader hands this service's copy: every version stored once, the highest in force. */
@QuarkusTest
class AgreementCopiesTest {

    @Inject
    AgreementCopies copies;

    @Inject
    ObjectMapper mapper;

    @Test
    void aSnapshotStoresEveryVersionOnceAndTheHighestIsInForce() throws Exception {
        UUID agreementId = UUID.randomUUID();
        ObjectNode agreement = (ObjectNode) Fixtures.agreementActivated(agreementId, "snapshot").path("data")
                .path("agreement");
        AgreementVersion first = mapper.treeToValue(agreement, AgreementVersion.class);
        AgreementVersion second = mapper.treeToValue(agreement.deepCopy().put("version", 2)
                .put("name", "Hosting SLA snapshot, amended"), AgreementVersion.class);
        List<AgreementVersion> snapshot = List.of(first, second);

        assertThat(QuarkusTransaction.requiringNew().call(() -> copies.rebuild(snapshot))).isTrue();

        AgreementVersion latest = QuarkusTransaction.requiringNew().call(() -> copies.latest(agreementId))
                .orElseThrow();
        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.name()).isEqualTo("Hosting SLA snapshot, amended");
        assertThat(QuarkusTransaction.requiringNew().call(copies::isEmpty)).isFalse();
        // The same versions again: nothing new
        assertThat(QuarkusTransaction.requiringNew().call(() -> copies.rebuild(snapshot))).isFalse();
    }
}
