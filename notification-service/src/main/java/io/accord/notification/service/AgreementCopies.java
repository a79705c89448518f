package io.accord.notification.service;

import io.accord.platform.json.StoredJson;
import io.accord.model.agreement.AgreementEvent;
import io.accord.model.agreement.AgreementVersion;
import io.accord.model.calendar.CalendarChanged;
import io.accord.model.events.EventType;
import io.accord.notification.domain.AgreementCopy;
import io.accord.platform.agreements.AgreementReplica;
import io.accord.time.json.CalendarSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * notification-service's copy of agreement versions (escalation policies and calendars), fed by {@code agreement.*}
 * and {@code calendar.changed} and rebuilt from the snapshot by the platform's agreement copy block; per agreement the
 * highest version is in force, so a snapshot racing live events is harmless.
 */
@ApplicationScoped
public class AgreementCopies implements AgreementReplica {

    private final StoredJson json;

    public AgreementCopies(StoredJson json) {
        this.json = json;
    }

    /** Every {@code agreement.*} event stores its version: escalations only need the latest terms and status. */
    @Override
    @Transactional
    public void apply(EventType type, AgreementEvent event) {
        store(event.agreement());
    }

    /** Stores every version of the snapshot; true when one was new. */
    @Override
    @Transactional
    public boolean rebuild(List<AgreementVersion> snapshot) {
        int added = 0;
        for (AgreementVersion version : snapshot) {
            added += store(version) ? 1 : 0;
        }
        return added > 0;
    }

    /** Stores a version unless already known; true when it was new. */
    private boolean store(AgreementVersion version) {
        AgreementCopy.Key key = new AgreementCopy.Key(version.agreementId(), version.version());
        AgreementCopy existing = AgreementCopy.findById(key);
        if (existing != null) {
            // A version's terms never change, but its status does (suspended, terminated): keep the latest word
            existing.status = version.status().name();
            existing.body = json.write(version);
            return false;
        }
        AgreementCopy copy = new AgreementCopy();
        copy.key = key;
        copy.status = version.status().name();
        copy.name = version.name();
        copy.body = json.write(version);
        copy.receivedAt = Instant.now();
        copy.persist();
        return true;
    }

    /** Replaces the calendar in the versions that use it, so business-hours levels follow the new hours. */
    @Override
    @Transactional
    public void apply(CalendarChanged change) {
        @SuppressWarnings("unchecked")
        List<AgreementCopy> copies = AgreementCopy.getEntityManager()
                .createNativeQuery("select * from agreement_copy where jsonb_exists(body -> 'calendars', :id)",
                        AgreementCopy.class)
                .setParameter("id", change.calendarId()).getResultList();
        for (AgreementCopy copy : copies) {
            AgreementVersion version = json.read(copy.body, AgreementVersion.class);
            Map<String, CalendarSpec> calendars = new LinkedHashMap<>(version.calendars());
            calendars.put(change.calendarId(), change.calendar());
            copy.body = json.write(withCalendars(version, calendars));
        }
    }

    /** The version in force for escalations: the highest one known. */
    @Transactional
    public Optional<AgreementVersion> latest(UUID agreementId) {
        return AgreementCopy.<AgreementCopy>find("key.agreementId = ?1 order by key.version desc", agreementId)
                .firstResultOptional().map(copy -> json.read(copy.body, AgreementVersion.class));
    }

    @Override
    @Transactional
    public boolean isEmpty() {
        return AgreementCopy.count() == 0;
    }

    private static AgreementVersion withCalendars(AgreementVersion v, Map<String, CalendarSpec> calendars) {
        return new AgreementVersion(v.agreementId(), v.version(), v.type(), v.status(), v.name(), v.providerPartyId(),
                v.customerPartyId(), v.parentAgreementId(), v.parties(), v.services(), v.scope(), v.effectiveFrom(),
                v.effectiveTo(), v.renewal(), v.reportingPeriod(), v.zone(), v.monthlyFee(), v.objectives(),
                v.penaltyRules(), v.escalationPolicy(), calendars);
    }
}
