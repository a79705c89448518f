package io.accord.penalty.rest;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * A manager's adjustment of a closed statement: {@code amount} in the statement's currency (positive: the provider
 * owes more; negative: less), or {@code waiver: true} to cancel what is owed. A reason is required.
 */
public record AdjustmentRequest(
        @DecimalMin(value = "-1000000000", message = "must be at least -1000000000")
        @DecimalMax(value = "1000000000", message = "must be at most 1000000000") BigDecimal amount,
        Boolean waiver,
        @NotBlank(message = "is required") @Size(max = 2000, message = "must be at most 2000 characters") String reason) {

    @AssertTrue(message = "give either an amount or waiver: true")
    public boolean isAmountOrWaiver() {
        return (amount != null) != Boolean.TRUE.equals(waiver);
    }
}
