package io.accord.model.penalty;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The {@code data} of {@code penalty.review-required}: an objective missed its target {@code missedInARow} periods
 * in a row (periods where nothing was measured are skipped), reaching the rule's threshold.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PenaltyReviewRequired(UUID agreementId, UUID customerPartyId, String objectiveKey, int missedInARow,
        int threshold, List<String> missedPeriods, UUID statementId, String period, Instant occurredAt) {
}
