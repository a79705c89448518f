package io.accord.clock.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A {@link Coverage} made of time-ordered rules: from each instant on, one function of the item's attributes
 * says which objectives cover it, until the next rule's instant. Before the first rule nothing covers the item.
 *
 * <pre>{@code
 * CoverageTimeline.builder()
 *         .from(activatedAt, attributes -> "acme".equals(attributes.customer()) ? List.of(terms) : List.of())
 *         .from(suspendedAt, attributes -> ...)   // the same terms with AgreementState.SUSPENDED
 *         .build();
 * }</pre>
 */
public final class CoverageTimeline implements Coverage {

    private final Instant[] instants;
    private final List<Function<ItemAttributes, List<ObjectiveTerms>>> rules;
    private final List<Instant> changeInstants;

    private CoverageTimeline(List<Instant> instants, List<Function<ItemAttributes, List<ObjectiveTerms>>> rules) {
        this.instants = instants.toArray(Instant[]::new);
        this.rules = List.copyOf(rules);
        this.changeInstants = List.copyOf(instants);
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public List<ObjectiveTerms> termsAt(ItemAttributes attributes, Instant at) {
        int index = java.util.Arrays.binarySearch(instants, at);
        int rule = index >= 0 ? index : -index - 2;
        return rule < 0 ? List.of() : rules.get(rule).apply(attributes);
    }

    @Override
    public List<Instant> changeInstants() {
        return changeInstants;
    }

    /** Collects rules; instants must be strictly increasing. */
    public static final class Builder {
        private final List<Instant> instants = new ArrayList<>();
        private final List<Function<ItemAttributes, List<ObjectiveTerms>>> rules = new ArrayList<>();

        private Builder() {
        }

        /** From this instant on (until the next rule), this rule decides. */
        public Builder from(Instant instant, Function<ItemAttributes, List<ObjectiveTerms>> rule) {
            Objects.requireNonNull(instant, "instant");
            Objects.requireNonNull(rule, "rule");
            if (!instants.isEmpty() && !instant.isAfter(instants.get(instants.size() - 1))) {
                throw new IllegalArgumentException("rule instants must increase: " + instant + " after "
                        + instants.get(instants.size() - 1));
            }
            instants.add(instant);
            rules.add(rule);
            return this;
        }

        /** From this instant on (until the next rule), these objectives cover every item. */
        public Builder from(Instant instant, List<ObjectiveTerms> terms) {
            List<ObjectiveTerms> copy = List.copyOf(terms);
            return from(instant, attributes -> copy);
        }

        public CoverageTimeline build() {
            return new CoverageTimeline(Collections.unmodifiableList(instants), rules);
        }
    }
}
