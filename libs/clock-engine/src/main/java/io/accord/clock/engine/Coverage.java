package io.accord.clock.engine;

import java.time.Instant;
import java.util.List;

/**
 * Which objectives cover an item, as a function of its attributes and of time: the service implements it
 * over its copy of agreement versions, calendars and the {@code AgreementMatcher}.
 *
 * <p>The engine asks {@link #termsAt} at the instant of every item event (with the attributes after the
 * event) and at every {@link #changeInstants() change instant} (with the attributes then). The answer must
 * be a pure function of its arguments. Return an objective with an ended {@link AgreementState} (rather
 * than leaving it out) to tell the engine why its clocks are cancelled; leave out objectives that do not
 * cover the item. At most one entry per {@link ObjectiveId}.
 *
 * <pre>{@code
 * Coverage coverage = CoverageTimeline.builder()
 *         .from(activatedAt, attributes -> matcher.covers(v1, attributes) ? v1Terms : List.of())
 *         .from(amendedAt, attributes -> matcher.covers(v2, attributes) ? v2Terms : List.of())
 *         .build();
 * }</pre>
 */
public interface Coverage {

    /** The objectives covering an item with these attributes at this instant (unordered, one per objective). */
    List<ObjectiveTerms> termsAt(ItemAttributes attributes, Instant at);

    /**
     * Sorted instants at which {@link #termsAt} may change for unchanged attributes: activations, amendment and
     * calendar {@code effectiveFrom}s, suspensions and resumptions, terminations and expiries. A change at an
     * instant applies to events at that same instant.
     */
    List<Instant> changeInstants();

    /** The same objectives at every instant, whatever the attributes. */
    static Coverage always(List<ObjectiveTerms> terms) {
        List<ObjectiveTerms> copy = List.copyOf(terms);
        return new Coverage() {
            @Override
            public List<ObjectiveTerms> termsAt(ItemAttributes attributes, Instant at) {
                return copy;
            }

            @Override
            public List<Instant> changeInstants() {
                return List.of();
            }
        };
    }

    /** The same objectives at every instant, whatever the attributes. */
    static Coverage always(ObjectiveTerms... terms) {
        return always(List.of(terms));
    }
}
