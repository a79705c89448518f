package io.accord.platform.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accord.platform.fixtures.FixtureResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The snapshot client reads every page as accord-internal, with a real token from the local Keycloak. */
@QuarkusTest
class SnapshotClientTest {

    @TestHTTPResource("/")
    URI self;

    @Inject
    SnapshotClient snapshots;

    @Test
    void readsEveryPageOfASnapshotWithTheInternalClientsToken() {
        List<FixtureResource.Item> items = snapshots.fetchAll(self, "/api/fixtures/snapshot", FixtureResource.Item.class);

        assertThat(items).hasSize(FixtureResource.SNAPSHOT_ITEMS);
        assertThat(items).extracting(FixtureResource.Item::number).doesNotHaveDuplicates()
                .contains(0, FixtureResource.SNAPSHOT_ITEMS - 1);
    }

    @Test
    void aRefusalIsReportedWithItsStatusAndNotRetried() {
        // The internal client is not a manager: the owner refuses, and retrying would not change that
        assertThatThrownBy(() -> snapshots.fetchAll(self, "/api/fixtures/managed", FixtureResource.Item.class))
                .isInstanceOf(ServiceCallException.Rejected.class)
                .hasMessageContaining("403");
    }

    @Test
    void anUnconfiguredServiceIsNamed() {
        assertThatThrownBy(() -> snapshots.fetchAll("nowhere", "/api/x", FixtureResource.Item.class))
                .hasMessageContaining("accord.services.nowhere.url");
    }
}
