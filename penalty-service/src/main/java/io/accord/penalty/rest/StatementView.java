package io.accord.penalty.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.accord.model.agreement.Money;
import io.accord.model.statement.ObjectiveStatus;
import io.accord.penalty.calc.ClockExclusion;
import io.accord.penalty.calc.VersionSection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A statement as the API shows it: the period, its status and revision, the calculation (sections per agreement
 * version with objectives and lines), the exclusions, the adjustments, {@code calculatedCredit} (what the lines add
 * up to) and {@code totalCredit} (after manual adjustments).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatementView(UUID id, UUID agreementId, String agreementName, UUID customerPartyId, String period,
        String zone, Instant periodStart, Instant periodEnd, String status, int revision, Instant asOf,
        Instant closedAt, String closedBy, Money calculatedCredit, Money totalCredit,
        Map<String, ObjectiveStatus> objectiveStatus, List<VersionSection> versions, List<ClockExclusion> exclusions,
        List<AdjustmentView> adjustments) {
}
