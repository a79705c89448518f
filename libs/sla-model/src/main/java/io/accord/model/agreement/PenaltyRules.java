package io.accord.model.agreement;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a missed promise costs and a kept one earns, per reporting period.
 *
 * <ul>
 * <li>{@code breachFees}: a fee per breached clock of an objective, by priority;</li>
 * <li>{@code creditTiers}: service credits as a percent of the monthly fee when an objective's compliance (or
 * availability) falls below a threshold: the lowest threshold the measure is below applies;</li>
 * <li>{@code capPercent}: the net credit never exceeds this percent of the fee;</li>
 * <li>{@code bonuses}: a percent of the fee earned when the measure reaches {@code atLeast};</li>
 * <li>{@code reviewAfterMissedPeriods}: after this many periods missed in a row, a review is required.</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PenaltyRules(List<BreachFee> breachFees, List<CreditTiers> creditTiers, BigDecimal capPercent,
        List<Bonus> bonuses, Integer reviewAfterMissedPeriods) {

    public static final PenaltyRules NONE = new PenaltyRules(null, null, null, null, null);

    public PenaltyRules {
        breachFees = breachFees == null ? List.of() : List.copyOf(breachFees);
        creditTiers = creditTiers == null ? List.of() : List.copyOf(creditTiers);
        bonuses = bonuses == null ? List.of() : List.copyOf(bonuses);
    }

    /** Every objective key the rules refer to, in order of appearance. */
    @JsonIgnore
    public Set<String> objectiveKeys() {
        Set<String> keys = new LinkedHashSet<>();
        breachFees.forEach(f -> keys.add(f.objectiveKey()));
        creditTiers.forEach(c -> keys.add(c.objectiveKey()));
        bonuses.forEach(b -> keys.add(b.objectiveKey()));
        keys.remove(null);
        return keys;
    }

    /** A fee for each breached clock of {@code objectiveKey}, by the clock's priority. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BreachFee(String objectiveKey, Map<Priority, Money> feeByPriority) {
        public BreachFee {
            feeByPriority = feeByPriority == null ? Map.of() : Map.copyOf(feeByPriority);
        }
    }

    /** The credit tiers of one objective, measured on its compliance (time to target) or availability. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CreditTiers(String objectiveKey, List<CreditTier> tiers) {
        public CreditTiers {
            tiers = tiers == null ? List.of() : List.copyOf(tiers);
        }
    }

    /** Below {@code belowPercent} (exclusive), credit {@code creditPercent} % of the fee. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CreditTier(BigDecimal belowPercent, BigDecimal creditPercent) {
        public CreditTier {
            Objects.requireNonNull(belowPercent, "belowPercent");
            Objects.requireNonNull(creditPercent, "creditPercent");
        }
    }

    /** At or above {@code atLeast} (percent, or the KPI's unit), a bonus of {@code bonusPercent} % of the fee. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Bonus(String objectiveKey, BigDecimal atLeast, BigDecimal bonusPercent) {
    }
}
