package io.accord.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private final RouteTable<String> table = RouteTable.of(new LinkedHashMap<>(Map.of(
            "agreement", "agreement", "clock", "clock", "penalty", "penalty")), name -> switch (name) {
                case "agreement" -> List.of("/api/agreements", "/api/calendars/");
                case "clock" -> List.of("/api/webhooks");
                default -> List.of("/api/webhooks/alertmanager");
            });

    @Test
    void longestPrefixWinsAndColonsContinueAPath() {
        assertThat(table.match("/api/agreements")).isEqualTo("agreement");
        assertThat(table.match("/api/agreements/7")).isEqualTo("agreement");
        assertThat(table.match("/api/agreements:snapshot")).isEqualTo("agreement");
        assertThat(table.match("/api/calendars/c1/holidays:import")).isEqualTo("agreement");
        assertThat(table.match("/api/webhooks/jira")).isEqualTo("clock");
        assertThat(table.match("/api/webhooks/alertmanager")).isEqualTo("penalty");
        assertThat(table.match("/api/webhooks/alertmanagers")).isEqualTo("clock");
        assertThat(table.match("/api/agreementsX")).isNull();
        assertThat(table.match("/api")).isNull();
    }

    @Test
    void aPrefixClaimedTwiceIsAConfigurationError() {
        assertThatThrownBy(() -> RouteTable.of(Map.of("a", "a", "b", "b"), name -> List.of("/api/x")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("/api/x");
    }

    @Test
    void accessFollowsThePath() {
        assertThat(Access.of("/api/webhooks/jira")).isEqualTo(Access.WEBHOOK);
        assertThat(Access.of("/api/webhooks")).isEqualTo(Access.WEBHOOK);
        assertThat(Access.of("/api/webhooksX")).isEqualTo(Access.PROTECTED);
        assertThat(Access.of("/q/health/ready")).isEqualTo(Access.PUBLIC);
        assertThat(Access.of("/q/metrics")).isEqualTo(Access.PUBLIC);
        assertThat(Access.of("/q/metrics/x")).isEqualTo(Access.PROTECTED);
        assertThat(Access.of("/openapi/clocks")).isEqualTo(Access.PUBLIC);
        assertThat(Access.of("/q/swagger-ui/index.html")).isEqualTo(Access.PUBLIC);
        assertThat(Access.of("/q/openapi")).isEqualTo(Access.PROTECTED);
        assertThat(Access.of("/api/agreements")).isEqualTo(Access.PROTECTED);
    }

    @Test
    void traceContexts() {
        // Request ids follow api-conventions' RequestId, tested there
        assertThat(TraceContext.isValid("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isTrue();
        assertThat(TraceContext.isValid("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isFalse();
        assertThat(TraceContext.isValid("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")).isFalse();
        assertThat(TraceContext.isValid("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isFalse();
        assertThat(TraceContext.isValid(TraceContext.create())).isTrue();
        assertThat(TraceContext.keepOrCreate("00-garbage")).isNotEqualTo("00-garbage").satisfies(
                created -> assertThat(TraceContext.isValid(created)).isTrue());
    }
}
