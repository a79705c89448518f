package io.accord.penalty.service;

import io.accord.model.agreement.AgreementVersion;
import io.accord.model.agreement.ObjectiveKind;
import io.accord.penalty.domain.IncidentRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Availability incidents, from the API or from Alertmanager. Each change tells the statements of the agreements with
 * an availability objective that cover the incident's service (or every service), for the periods it spans.
 */
@ApplicationScoped
public class Incidents {

    private final AgreementCopies agreements;
    private final Statements statements;

    public Incidents(AgreementCopies agreements, Statements statements) {
        this.agreements = agreements;
        this.statements = statements;
    }

    /** Records a new incident. */
    @Transactional(Transactional.TxType.MANDATORY)
    public IncidentRecord open(String service, Instant start, Instant end, boolean planned, String source,
            String sourceRef, String summary, String author, Instant now) {
        IncidentRecord incident = new IncidentRecord();
        incident.id = UUID.randomUUID();
        incident.service = service;
        incident.startedAt = start;
        incident.endedAt = end;
        incident.planned = planned;
        incident.source = source;
        incident.sourceRef = sourceRef;
        incident.summary = summary;
        incident.createdBy = author;
        incident.createdAt = now;
        incident.updatedAt = now;
        incident.persist();
        changed(incident, start, end, now);
        return incident;
    }

    /** Ends an open incident (or moves the end of an ended one); the periods between old and new end change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void end(IncidentRecord incident, Instant end, Instant now) {
        Instant previous = incident.endedAt;
        incident.endedAt = end;
        incident.updatedAt = now;
        changed(incident, incident.startedAt, previous == null || end.isAfter(previous) ? end : previous, now);
    }

    public Optional<IncidentRecord> bySourceRef(String source, String sourceRef) {
        return IncidentRecord.find("source = ?1 and sourceRef = ?2", source, sourceRef).firstResultOptional();
    }

    private void changed(IncidentRecord incident, Instant from, Instant to, Instant now) {
        Instant until = to == null ? now : to;
        for (UUID agreementId : agreements.agreementIds()) {
            AgreementVersion latest = agreements.latest(agreementId).orElseThrow();
            boolean measuresAvailability = agreements.versions(agreementId).stream().anyMatch(v ->
                    v.objectives().stream().anyMatch(o -> o.kind() == ObjectiveKind.AVAILABILITY)
                            && (v.services().isEmpty()
                                    || v.services().stream().anyMatch(s -> incident.service.equals(s.code()))));
            if (measuresAvailability) {
                statements.touchedBetween(latest.agreementId(), from, until.isAfter(from) ? until : from.plusMillis(1),
                        "incident " + incident.id + " on " + incident.service, now);
            }
        }
    }
}
