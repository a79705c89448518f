package io.accord.penalty.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.accord.model.agreement.Money;
import io.accord.penalty.domain.Adjustment;
import java.time.Instant;
import java.util.UUID;

/** An adjustment of a closed statement: a proposed recalculation, or a manager's amount or waiver. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdjustmentView(UUID id, UUID statementId, String kind, String status, Money amount, boolean waiver,
        String reason, String author, Instant createdAt, String decidedBy, Instant decidedAt,
        Integer appliedRevision) {

    static AdjustmentView of(Adjustment a) {
        return new AdjustmentView(a.id, a.statementId, a.kind.name(), a.status.name(), new Money(a.amount, a.currency),
                a.waiver, a.reason, a.author, a.createdAt, a.decidedBy, a.decidedAt, a.appliedRevision);
    }
}
