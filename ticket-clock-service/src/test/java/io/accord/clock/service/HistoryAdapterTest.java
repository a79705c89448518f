package io.accord.clock.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.accord.clock.domain.StoredEvent;
import io.accord.clock.engine.ItemEvent;
import io.accord.clock.engine.ItemHistory;
import io.accord.clock.engine.ItemStatus;
import io.accord.clock.engine.Priority;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryAdapterTest {

    private static StoredEvent stored(long arrival, String type, String at, String status, String priority,
            String customer, String site) {
        return new StoredEvent(arrival, null, type, Instant.parse(at), null, "ticket", customer, null, site, null,
                List.of(), null, null, priority, null, status, null, null, null, Instant.parse(at));
    }

    @Test
    void eachEventCarriesTheItemsWholeStateAfterIt() {
        ItemHistory history = HistoryAdapter.toHistory("zendesk-eu", "4711", List.of(
                stored(1, "CREATED", "2026-03-02T09:00:00Z", null, "P3", "org-1", "paris"),
                stored(2, "PRIORITY_CHANGED", "2026-03-02T10:00:00Z", null, "P1", null, null),
                stored(3, "STATUS_CHANGED", "2026-03-02T11:00:00Z", "PENDING_CUSTOMER", null, null, "lyon")));

        List<ItemEvent> events = history.events();
        // No status was ever given before the third event: the item is NEW until then
        assertThat(events).extracting(ItemEvent::status)
                .containsExactly(ItemStatus.NEW, ItemStatus.NEW, ItemStatus.PENDING_CUSTOMER);
        // Absent values are unchanged values
        assertThat(events).extracting(ItemEvent::priority).containsExactly(Priority.P3, Priority.P1, Priority.P1);
        assertThat(events).extracting(e -> e.attributes().customer()).containsOnly("org-1");
        assertThat(events).extracting(e -> e.attributes().site()).containsExactly("paris", "paris", "lyon");
        assertThat(history.item().externalId()).isEqualTo("4711");
    }
}
