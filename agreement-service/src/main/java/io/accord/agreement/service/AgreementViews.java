package io.accord.agreement.service;

import io.accord.platform.json.StoredJson;
import io.accord.agreement.domain.Agreement;
import io.accord.agreement.domain.AgreementTerms;
import io.accord.agreement.domain.AgreementVersionEntity;
import io.accord.agreement.domain.Party;
import io.accord.agreement.repository.CatalogueServiceRepository;
import io.accord.agreement.repository.CalendarRepository;
import io.accord.agreement.repository.PartyRepository;
import io.accord.model.agreement.AgreementVersion;
import io.accord.model.agreement.ExternalRef;
import io.accord.model.agreement.PartyRef;
import io.accord.model.agreement.ServiceRef;
import io.accord.time.json.CalendarSpec;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the published {@link AgreementVersion} of a stored version: its terms, with the parties (and their
 * external references), services and calendars it names embedded, and the agreement's status and end.
 */
@ApplicationScoped
public class AgreementViews {

    private final PartyRepository parties;
    private final CatalogueServiceRepository services;
    private final CalendarRepository calendars;
    private final StoredJson json;

    public AgreementViews(PartyRepository parties, CatalogueServiceRepository services, CalendarRepository calendars, StoredJson json) {
        this.parties = parties;
        this.services = services;
        this.calendars = calendars;
        this.json = json;
    }

    public AgreementTerms terms(AgreementVersionEntity version) {
        return json.read(version.terms, AgreementTerms.class);
    }

    public AgreementVersion view(Agreement agreement, AgreementVersionEntity version) {
        AgreementTerms terms = terms(version);
        List<PartyRef> partyRefs = new ArrayList<>();
        for (UUID id : List.of(terms.providerPartyId(), terms.customerPartyId())) {
            Party p = parties.findById(id);
            if (p != null) {
                partyRefs.add(new PartyRef(p.id, p.kind, p.name,
                        p.externalRefs.stream().map(r -> ExternalRef.of(r.source, r.externalId)).toList()));
            }
        }
        List<ServiceRef> serviceRefs = terms.services().stream()
                .map(code -> services.findByCode(code).map(s -> new ServiceRef(s.id, s.code, s.name))
                        .orElse(new ServiceRef(null, code, null)))
                .toList();
        AgreementVersion withoutCalendars = new AgreementVersion(agreement.id, version.version, terms.type(), agreement.status,
                terms.name(), terms.providerPartyId(), terms.customerPartyId(), terms.parentAgreementId(), partyRefs,
                serviceRefs, terms.scope(), version.effectiveFrom, agreement.effectiveTo, terms.renewal(),
                terms.reportingPeriod(), terms.zone(), terms.monthlyFee(), terms.objectives(), terms.penaltyRules(),
                terms.escalationPolicy(), Map.of());
        Map<String, CalendarSpec> specs = new LinkedHashMap<>();
        for (String id : withoutCalendars.calendarIds()) {
            calendars.findByIdOptional(id).ifPresent(c -> specs.put(id, json.read(c.spec, CalendarSpec.class)));
        }
        return new AgreementVersion(agreement.id, version.version, terms.type(), agreement.status, terms.name(),
                terms.providerPartyId(), terms.customerPartyId(), terms.parentAgreementId(), partyRefs, serviceRefs,
                terms.scope(), version.effectiveFrom, agreement.effectiveTo, terms.renewal(), terms.reportingPeriod(),
                terms.zone(), terms.monthlyFee(), terms.objectives(), terms.penaltyRules(), terms.escalationPolicy(), specs);
    }
}
