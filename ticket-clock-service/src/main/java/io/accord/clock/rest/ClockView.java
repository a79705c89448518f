package io.accord.clock.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A clock as the API shows it. {@code elapsed}, {@code remaining} and {@code percentElapsed} are as of
 * {@code asOf}: now on an item's page, the last computation in lists (a running clock has accrued more since).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClockView(UUID clockId, String source, String externalId, String itemType, String customerPartyId,
        String title, UUID agreementId, int agreementVersion, String objectiveKey, String metric, int cycle,
        int revision, String phase, String outcome, String priority, Duration target, Duration elapsed,
        Duration remaining, Duration overrun, double percentElapsed, Instant startedAt, Instant deadline,
        Instant breachedAt, Instant completedAt, Instant cancelledAt, String cancelReason, List<Integer> warningsFired,
        String zone, Instant asOf) {
}
