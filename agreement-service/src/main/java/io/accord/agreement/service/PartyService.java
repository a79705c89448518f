package io.accord.agreement.service;

import io.accord.agreement.domain.Party;
import io.accord.agreement.repository.AgreementRepository;
import io.accord.agreement.repository.PartyRepository;
import io.accord.model.agreement.ExternalRef;
import io.accord.model.agreement.PartyKind;
import io.accord.platform.problem.Problem.FieldError;
import io.accord.platform.problem.ProblemException;
import io.accord.platform.rest.Page;
import io.accord.platform.rest.PageRequest;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Parties and their external references; a reference names one party only. */
@ApplicationScoped
public class PartyService {

    private final PartyRepository parties;
    private final AgreementRepository agreements;
    private final AuditTrail audit;
    private final Clock clock;

    public PartyService(PartyRepository parties, AgreementRepository agreements, AuditTrail audit, Clock clock) {
        this.parties = parties;
        this.agreements = agreements;
        this.audit = audit;
        this.clock = clock;
    }

    public Page<Party> list(PartyKind kind, PageRequest paging) {
        var query = kind == null ? parties.findAll(Sort.by("name").and("id")) : parties.find("kind", Sort.by("name").and("id"), kind);
        return new Page<>(query.page(paging.page, paging.size).list(), paging.page, paging.size, query.count());
    }

    public Party get(UUID id) {
        return parties.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("There is no party " + id + "."));
    }

    @Transactional
    public Party create(UUID id, PartyKind kind, String name, List<ExternalRef> refs, String actor) {
        UUID partyId = id == null ? UUID.randomUUID() : id;
        if (parties.findByIdOptional(partyId).isPresent()) {
            throw ProblemException.conflict("A party with id " + partyId + " already exists.");
        }
        Party party = new Party();
        party.id = partyId;
        party.createdAt = clock.instant();
        apply(party, kind, name, refs);
        parties.persist(party);
        audit.record(AuditTrail.PARTY, party.id, "created", actor, party.createdAt, name);
        return party;
    }

    @Transactional
    public Party update(UUID id, PartyKind kind, String name, List<ExternalRef> refs, String actor) {
        Party party = get(id);
        apply(party, kind, name, refs);
        audit.record(AuditTrail.PARTY, party.id, "updated", actor, party.updatedAt, name);
        return party;
    }

    @Transactional
    public void delete(UUID id, String actor) {
        Party party = get(id);
        long using = agreements.countInvolving(id);
        if (using > 0) {
            throw ProblemException.conflict("Party " + id + " is a party to " + using + " agreement(s) and cannot be deleted.");
        }
        parties.delete(party);
        audit.record(AuditTrail.PARTY, id, "deleted", actor, clock.instant(), party.name);
    }

    private void apply(Party party, PartyKind kind, String name, List<ExternalRef> refs) {
        List<FieldError> errors = new ArrayList<>();
        Set<ExternalRef> seen = new HashSet<>();
        for (int i = 0; i < refs.size(); i++) {
            ExternalRef ref = refs.get(i);
            if (!seen.add(ref)) {
                errors.add(new FieldError("externalRefs[" + i + "]", "reference " + ref.source() + "/" + ref.id() + " is given twice"));
                continue;
            }
            String field = "externalRefs[" + i + "]";
            parties.findByExternalRef(ref.source(), ref.id()).filter(other -> !other.id.equals(party.id))
                    .ifPresent(other -> errors.add(new FieldError(field,
                            "reference " + ref.source() + "/" + ref.id() + " already names party " + other.id)));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors.get(0).message(), errors);
        }
        party.kind = kind;
        party.name = name;
        party.externalRefs.clear();
        refs.forEach(r -> party.externalRefs.add(new Party.Ref(r.source(), r.id())));
        party.updatedAt = clock.instant();
    }
}
