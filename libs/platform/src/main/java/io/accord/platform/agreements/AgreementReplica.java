package io.accord.platform.agreements;

import io.accord.model.agreement.AgreementEvent;
import io.accord.model.agreement.AgreementVersion;
import io.accord.model.calendar.CalendarChanged;
import io.accord.model.events.EventType;
import java.util.List;

/**
 * A service's own copy of agreement-service's agreements, in the service's own storage. The service implements this
 * as one bean; the platform keeps it current ({@link AgreementEventsHandler}) and rebuilds it from agreement-service's
 * snapshot when it is empty ({@link AgreementSnapshotLoader}), once {@code accord.agreement-copy.enabled=true}.
 *
 * <p>Versions apply by {@code (agreementId, version)}, the highest being the latest, so a snapshot racing live
 * events is harmless. Every method runs inside the caller's transaction (the consumer's, or the loader's), so an
 * implementation may declare {@code @Transactional(MANDATORY)}.
 */
public interface AgreementReplica {

    /** True while the copy holds no agreement version at all (a new or wiped database). */
    boolean isEmpty();

    /**
     * Applies one {@code agreement.*} event.
     *
     * @param type  which one (activated, amended, suspended, resumed, renewed, terminated, expired)
     * @param event the version after the change, whole, and when the change took effect
     */
    void apply(EventType type, AgreementEvent event);

    /**
     * Applies {@code calendar.changed}: the calendar's new definition for the agreement versions that use it. A copy
     * that keeps no calendars still decides what the change means to it.
     */
    void apply(CalendarChanged event);

    /**
     * Fills the copy from agreement-service's snapshot; called only in a transaction that found the copy empty.
     *
     * @param snapshot every version agreement-service serves, calendars embedded
     * @return true when the copy changed
     */
    boolean rebuild(List<AgreementVersion> snapshot);
}
