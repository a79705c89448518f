package io.accord.clock.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Why an item has the clocks it has: its attributes at {@code matchedAt} (now, or its closing instant), every
 * agreement version of the copy with the checks it passed or failed, each objective with its target and calendar
 * or the reason it starts no clock, and each clock's segments (from, to, running or paused, target in force).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExplainView(String source, String externalId, Instant asOf, Instant matchedAt, Attributes attributes,
        List<UnmatchedView.UnmappedEvent> unmappedEvents, List<VersionCheck> agreements, List<ClockSegments> clocks) {

    /** The item as matching sees it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attributes(String itemType, String customerRef, String serviceRef, String site, String channel,
            List<String> tags, String assigneeTeamRef, String supplierRef, String priority, String priorityRaw,
            String status, String statusRaw) {
    }

    /** Why something does not apply: a stable code and a sentence. */
    public record Reason(String code, String detail) {
    }

    /** One agreement version: in force or not, and whether the item matches its party, services and scope. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VersionCheck(UUID agreementId, String name, String type, int version, String agreementStatus,
            Instant effectiveFrom, Instant effectiveTo, boolean inForce, boolean matched, List<Reason> reasons,
            List<ObjectiveCheck> objectives) {
    }

    /** One objective of a version: the target and calendar it gives the item, or why it starts no clock. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ObjectiveCheck(String objectiveKey, String kind, String metric, boolean matched, Reason reason,
            String priority, Duration target, String calendarId, String zone) {
    }

    /** A clock cycle and how it ran: one segment per stretch of constant phase, outcome, priority and terms. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClockSegments(UUID clockId, UUID agreementId, int agreementVersion, String objectiveKey,
            String metric, int cycle, String phase, String outcome, String priority, Duration target,
            Duration elapsed, Instant startedAt, Instant openedAt, Instant deadline, Instant breachedAt,
            Instant completedAt, Instant cancelledAt, String cancelReason, String zone, List<Segment> segments) {
    }

    /**
     * From {@code from} to {@code to} (null: still so at {@code asOf}) the clock was {@code phase} with this
     * outcome, priority, target, agreement version and calendar; {@code cause} is what happened at {@code from}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Segment(Instant from, Instant to, String phase, String outcome, String priority, Duration target,
            int agreementVersion, String calendarId, Duration elapsedAtStart, Duration elapsedAtEnd, String cause) {
    }
}
