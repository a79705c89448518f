package io.accord.penalty.service;

import io.accord.platform.json.StoredJson;
import io.accord.model.agreement.AgreementEvent;
import io.accord.model.agreement.AgreementRef;
import io.accord.model.agreement.AgreementVersion;
import io.accord.model.calendar.CalendarChanged;
import io.accord.model.events.EventType;
import io.accord.time.json.CalendarSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import io.accord.penalty.calc.StatementPeriod;
import io.accord.penalty.domain.AgreementVersionCopy;
import io.accord.platform.agreements.AgreementReplica;
import io.accord.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * This service's copy of agreement versions. Versions apply by {@code (agreementId, version)}: a new version is
 * added, and a lifecycle event for a known version (suspension, termination...) replaces it when it is not older
 * than what is held, so a snapshot racing live events is harmless. The platform's agreement copy block feeds it
 * (queue {@code penalty-service.agreement-events}) and rebuilds it from the snapshot when empty.
 */
@ApplicationScoped
public class AgreementCopies implements AgreementReplica {

    private final StoredJson json;

    public AgreementCopies(StoredJson json) {
        this.json = json;
    }

    /** Every {@code agreement.*} event applies its version as of when the change took effect. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventType type, AgreementEvent event) {
        apply(event.agreement(), event.occurredAt());
    }

    /** Applies every version of the snapshot; true when one changed the copy. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean rebuild(List<AgreementVersion> snapshot) {
        Instant now = Instant.now();
        // A version's own start stands for when it took effect: a newer live event of the same version still wins
        return snapshot.stream()
                .filter(v -> apply(v, v.effectiveFrom() == null ? now : v.effectiveFrom()))
                .count() > 0;
    }

    /** Applies one version; true when the copy changed. */
    private boolean apply(AgreementVersion version, Instant occurredAt) {
        AgreementVersionCopy copy = AgreementVersionCopy.findById(
                new AgreementVersionCopy.Key(version.agreementId(), version.version()));
        if (copy != null && copy.occurredAt.isAfter(occurredAt)) {
            return false;
        }
        boolean added = copy == null;
        if (added) {
            copy = new AgreementVersionCopy();
            copy.agreementId = version.agreementId();
            copy.version = version.version();
            copy.receivedAt = Instant.now();
        }
        copy.customerPartyId = version.customerPartyId();
        copy.status = version.status().name();
        copy.occurredAt = occurredAt;
        copy.body = json.write(version);
        if (added) {
            copy.persist();
        }
        return true;
    }

    /**
     * A calendar's new definition replaces the embedded one in the versions that use it. Statements measure a whole
     * period with one definition per version: the change applies to the periods not closed yet.
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CalendarChanged change) {
        for (AgreementRef ref : change.agreements()) {
            AgreementVersionCopy copy = AgreementVersionCopy.findById(
                    new AgreementVersionCopy.Key(ref.agreementId(), ref.version()));
            if (copy == null) {
                continue;
            }
            AgreementVersion version = json.read(copy.body, AgreementVersion.class);
            Map<String, CalendarSpec> calendars = new LinkedHashMap<>(version.calendars());
            calendars.put(change.calendarId(), change.calendar());
            copy.body = json.write(new AgreementVersion(version.agreementId(), version.version(), version.type(),
                    version.status(), version.name(), version.providerPartyId(), version.customerPartyId(),
                    version.parentAgreementId(), version.parties(), version.services(), version.scope(),
                    version.effectiveFrom(), version.effectiveTo(), version.renewal(), version.reportingPeriod(),
                    version.zone(), version.monthlyFee(), version.objectives(), version.penaltyRules(),
                    version.escalationPolicy(), calendars));
        }
    }

    public List<AgreementVersion> versions(UUID agreementId) {
        return AgreementVersionCopy.ofAgreement(agreementId).stream()
                .map(c -> json.read(c.body, AgreementVersion.class)).toList();
    }

    /** The highest known version of the agreement. */
    public Optional<AgreementVersion> latest(UUID agreementId) {
        List<AgreementVersion> versions = versions(agreementId);
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    public AgreementVersion require(UUID agreementId) {
        return latest(agreementId).orElseThrow(() -> ProblemException.notFound("agreement " + agreementId
                + " is not known to the penalty service"));
    }

    public List<UUID> agreementIds() {
        return AgreementVersionCopy.<AgreementVersionCopy>listAll().stream().map(c -> c.agreementId).distinct()
                .toList();
    }

    @Override
    public boolean isEmpty() {
        return AgreementVersionCopy.count() == 0;
    }

    /** The agreement's reporting period containing {@code instant}, in its zone. */
    public static StatementPeriod periodOf(AgreementVersion latest, Instant instant) {
        return StatementPeriod.containing(instant, latest.reportingPeriod(), zone(latest));
    }

    /**
     * Reads {@code label} as one of the agreement's periods.
     *
     * @throws ProblemException 400 when the label is malformed or of the wrong length for the agreement
     */
    public static StatementPeriod parsePeriod(AgreementVersion latest, String label) {
        StatementPeriod period;
        try {
            period = StatementPeriod.parse(label, zone(latest));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("period", e.getMessage());
        }
        if (period.kind() != latest.reportingPeriod()) {
            throw ProblemException.invalid("period", "agreement " + latest.agreementId() + " reports by "
                    + latest.reportingPeriod().name().toLowerCase() + ", not by "
                    + period.kind().name().toLowerCase() + " ('" + label + "')");
        }
        return period;
    }

    static ZoneId zone(AgreementVersion version) {
        return ZoneId.of(version.zone() == null ? "UTC" : version.zone());
    }
}
