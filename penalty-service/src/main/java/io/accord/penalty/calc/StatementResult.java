package io.accord.penalty.calc;

import io.accord.model.agreement.Money;
import io.accord.model.statement.ObjectiveStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A computed statement: sections per agreement version, the clocks excluded by managers, the status of every
 * objective over the whole period (for review streaks), and the total credit owed (negative when bonuses win).
 */
public record StatementResult(UUID agreementId, String period, String zone, Instant periodStart, Instant periodEnd,
        Instant asOf, List<VersionSection> versions, List<ClockExclusion> exclusions,
        Map<String, ObjectiveStatus> objectiveStatus, Money totalCredit) {
}
