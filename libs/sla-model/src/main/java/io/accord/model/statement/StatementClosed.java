package io.accord.model.statement;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.accord.model.agreement.Money;
import java.time.Instant;
import java.util.UUID;

/** The {@code data} of {@code statement.closed}: the period is frozen; later changes come as adjustments. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatementClosed(UUID statementId, UUID agreementId, UUID customerPartyId, String period, int revision,
        Money totalCredit, Instant closedAt, String closedBy) {
}
