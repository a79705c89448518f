package io.accord.model.penalty;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.accord.model.agreement.Money;
import io.accord.model.agreement.Priority;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The {@code data} of {@code penalty.assessed}: what a closed statement's revision says is owed, line by line
 * (positive: owed by the provider; bonuses and the cap negative).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PenaltyAssessed(UUID statementId, UUID agreementId, UUID customerPartyId, String period, int revision,
        Money totalCredit, List<Line> lines, Instant assessedAt) {

    /** One line, with the agreement version it belongs to. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(Integer agreementVersion, String kind, String objectiveKey, Priority priority,
            String description, Money amount) {
    }
}
