package io.accord.clock.service;

import io.accord.clock.engine.AgreementState;
import io.accord.clock.repository.AgreementCopyRepository;
import io.accord.clock.repository.WorkItemRepository;
import io.accord.clock.service.AgreementCoverage.CalendarChange;
import io.accord.clock.service.AgreementCoverage.StateChange;
import io.accord.model.agreement.AgreementEvent;
import io.accord.model.agreement.AgreementRef;
import io.accord.model.agreement.AgreementStatus;
import io.accord.model.agreement.AgreementVersion;
import io.accord.model.agreement.StatusChange;
import io.accord.model.calendar.CalendarChanged;
import io.accord.model.events.EventType;
import io.accord.platform.agreements.AgreementReplica;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Applies agreement-service's facts to the copy, then recomputes the items whose open clocks depend on the changed
 * agreement, so an amendment, suspension, termination or calendar change takes effect on running clocks at once.
 * Versions are kept by {@code (agreementId, version)}: a snapshot racing live events is harmless. The platform's
 * agreement copy block feeds it (queue {@code ticket-clock-service.agreements}) and rebuilds it when empty.
 */
@ApplicationScoped
public class AgreementCopyUpdater implements AgreementReplica {

    private final AgreementCopyRepository copy;
    private final AgreementCopy agreements;
    private final WorkItemRepository items;
    private final ClockProjector projector;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;

    public AgreementCopyUpdater(AgreementCopyRepository copy, AgreementCopy agreements, WorkItemRepository items,
            ClockProjector projector, Clock clock, TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
        this.copy = copy;
        this.agreements = agreements;
        this.items = items;
        this.projector = projector;
        this.clock = clock;
    }

    @Override
    public boolean isEmpty() {
        return copy.isEmpty();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventType type, AgreementEvent event) {
        AgreementVersion version = event.agreement();
        boolean changed = copy.upsertVersion(version);
        AgreementState state = switch (type) {
            case AGREEMENT_SUSPENDED -> AgreementState.SUSPENDED;
            case AGREEMENT_RESUMED -> AgreementState.ACTIVE;
            case AGREEMENT_TERMINATED -> AgreementState.TERMINATED;
            case AGREEMENT_EXPIRED -> AgreementState.EXPIRED;
            default -> null;
        };
        if (state != null) {
            copy.addStateChange(new StateChange(version.agreementId(), state, event.occurredAt()));
            changed = true;
        }
        if (changed) {
            copy.bumpRevision();
            recomputeItemsOf(List.of(version.agreementId()));
        }
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CalendarChanged event) {
        copy.upsertCalendar(new CalendarChange(event.calendarId(), event.effectiveFrom(), event.calendar()));
        copy.bumpRevision();
        recomputeItemsOf(event.agreements().stream().map(AgreementRef::agreementId).distinct().toList());
    }

    /** Rebuilds an empty copy from the owner's snapshot; false when the copy was not empty. */
    @Override
    @Transactional
    public boolean rebuild(List<AgreementVersion> snapshot) {
        if (!copy.isEmpty()) {
            return false;
        }
        // Every version of an agreement carries the same suspensions and resumptions: each is stored once
        Set<StateChange> changes = new LinkedHashSet<>();
        for (AgreementVersion version : snapshot) {
            copy.upsertVersion(version);
            for (StatusChange change : version.statusChanges()) {
                changes.add(new StateChange(version.agreementId(),
                        change.status() == AgreementStatus.SUSPENDED ? AgreementState.SUSPENDED : AgreementState.ACTIVE,
                        change.at()));
            }
        }
        changes.forEach(copy::addStateChange);
        copy.bumpRevision();
        recomputeItemsOf(List.of());
        return true;
    }

    private void recomputeItemsOf(List<UUID> agreementIds) {
        // Whatever the outcome, this replica's view must not outlive the change
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                agreements.invalidate();
            }
        });
        if (agreementIds.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        // This transaction's own view of the copy: the shared one must not hold what may still roll back
        AgreementCopy.View view = agreements.uncommittedView();
        List<Long> ids = copy.itemsWithOpenClocksOf(agreementIds);
        // Waits for items an ingestion holds (same lock order as ingestion, so no deadlock), then recomputes them
        for (long id : items.lockInOrder(ids)) {
            items.findById(id).ifPresent(item -> projector.recompute(id, item.source(), item.externalId(),
                    items.history(id), now, ClockProjector.Trigger.AGREEMENT_CHANGE, view));
        }
    }
}
