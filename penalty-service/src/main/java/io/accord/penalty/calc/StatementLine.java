package io.accord.penalty.calc;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.accord.model.agreement.Money;
import io.accord.model.agreement.PenaltyRules.CreditTier;
import io.accord.model.agreement.Priority;
import java.math.BigDecimal;
import java.util.List;

/**
 * One amount of a statement with how it was reached: a breach fee ({@code quantity} x {@code unitFee}), a service
 * credit ({@code measured} against the {@code tiers}, {@code tierApplied} giving {@code percent} of {@code base}), a
 * bonus (negative), or the cap. Positive amounts are owed by the provider.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatementLine(LineKind kind, String objectiveKey, Priority priority, String description,
        Integer quantity, Money unitFee, BigDecimal measured, List<CreditTier> tiers, CreditTier tierApplied,
        BigDecimal percent, Money base, Money amount, Evidence evidence) {
}
