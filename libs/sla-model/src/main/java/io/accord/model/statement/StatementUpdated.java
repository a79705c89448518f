package io.accord.model.statement;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.accord.model.agreement.Money;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code data} of {@code statement.updated}: a statement's figures changed (debounced while open; on each new
 * revision once closed).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatementUpdated(UUID statementId, UUID agreementId, UUID customerPartyId, String period, String status,
        int revision, Money totalCredit, Map<String, ObjectiveStatus> objectiveStatus, Instant updatedAt) {
}
