package io.accord.model.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EventTypeTest {

    @Test
    void typeCarriesPrefixAggregateEventAndVersion() {
        assertThat(EventType.CLOCK_BREACHED.type()).isEqualTo("io.accord.clock.breached.v1");
        assertThat(EventType.PENALTY_REVIEW_REQUIRED.type()).isEqualTo("io.accord.penalty.review-required.v1");
    }

    @Test
    void routingKeyHasNeitherPrefixNorVersion() {
        assertThat(EventType.CLOCK_BREACHED.routingKey()).isEqualTo("clock.breached");
        assertThat(EventType.CALENDAR_CHANGED.routingKey()).isEqualTo("calendar.changed");
    }

    @Test
    void everyTypeAndRoutingKeyIsUniqueAndResolvesBack() {
        assertThat(Arrays.stream(EventType.values()).map(EventType::type)).doesNotHaveDuplicates();
        assertThat(Arrays.stream(EventType.values()).map(EventType::routingKey)).doesNotHaveDuplicates();
        for (EventType t : EventType.values()) {
            assertThat(EventType.fromType(t.type())).contains(t);
            assertThat(EventType.fromRoutingKey(t.routingKey())).contains(t);
        }
    }

    @Test
    void unknownTypesAreEmptyNotErrors() {
        assertThat(EventType.fromType("io.accord.clock.breached.v9")).isEmpty();
        assertThat(EventType.fromRoutingKey("clock.exploded")).isEmpty();
    }
}
