package io.accord.clock.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.accord.clock.rest.WorkItemEventRequest;
import io.accord.model.agreement.ItemEventType;
import io.accord.model.agreement.NormalizedStatus;
import io.accord.model.agreement.Priority;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalKeyTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    private static WorkItemEventRequest event(String eventId, NormalizedStatus status, String title, String site) {
        return new WorkItemEventRequest("zendesk-eu", "4711", "ticket", "org-1", "hosting", site, "email",
                List.of("vip"), null, null, Priority.P2, "high", status, "open", ItemEventType.STATUS_CHANGED, AT,
                eventId, null, title, null);
    }

    @Test
    void theSourcesEventIdIsNotPartOfTheKey() {
        // A redelivery under another id is still the same fact
        assertThat(NaturalKey.of(event("a", NormalizedStatus.OPEN, "t", "paris"), AT))
                .isEqualTo(NaturalKey.of(event("b", NormalizedStatus.OPEN, "t", "paris"), AT));
    }

    @Test
    void statusPriorityInstantAndPayloadEachMakeADifferentKey() {
        byte[] key = NaturalKey.of(event(null, NormalizedStatus.OPEN, "t", "paris"), AT);
        assertThat(NaturalKey.of(event(null, NormalizedStatus.ON_HOLD, "t", "paris"), AT)).isNotEqualTo(key);
        assertThat(NaturalKey.of(event(null, NormalizedStatus.OPEN, "t", "paris"), AT.plusMillis(1))).isNotEqualTo(key);
        assertThat(NaturalKey.of(event(null, NormalizedStatus.OPEN, "other title", "paris"), AT)).isNotEqualTo(key);
        // A missing value differs from an empty one
        assertThat(NaturalKey.of(event(null, NormalizedStatus.OPEN, "t", null), AT))
                .isNotEqualTo(NaturalKey.of(event(null, NormalizedStatus.OPEN, "t", ""), AT));
    }
}
