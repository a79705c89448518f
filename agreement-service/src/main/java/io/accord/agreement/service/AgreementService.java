package io.accord.agreement.service;

import io.accord.platform.json.StoredJson;
import io.accord.agreement.domain.Agreement;
import io.accord.agreement.domain.AgreementTerms;
import io.accord.agreement.domain.AgreementVersionEntity;
import io.accord.agreement.repository.AgreementRepository;
import io.accord.model.agreement.AgreementEvent;
import io.accord.model.agreement.AgreementMatcher;
import io.accord.model.agreement.AgreementStatus;
import io.accord.model.agreement.AgreementType;
import io.accord.model.agreement.AgreementVersion;
import io.accord.model.agreement.StatusChange;
import io.accord.model.agreement.Coverage;
import io.accord.model.agreement.ItemAttributes;
import io.accord.model.agreement.ReportingPeriod;
import io.accord.model.events.EventType;
import io.accord.platform.outbox.Outbox;
import io.accord.platform.problem.ProblemException;
import io.accord.platform.rest.Page;
import io.accord.platform.rest.PageRequest;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Agreements and their lifecycle: {@code DRAFT -> IN_REVIEW -> APPROVED -> ACTIVE <-> SUSPENDED -> EXPIRED |
 * TERMINATED}. Every change runs in one transaction with its audit line and, once the agreement is in force, its
 * {@code agreement.*} event in the outbox. Illegal transitions are 409 naming the current state; a stale
 * {@code If-Match} is 412; of two concurrent changes, the optimistic lock lets one commit.
 */
@ApplicationScoped
public class AgreementService {

    private static final Set<AgreementStatus> IN_FORCE = EnumSet.of(AgreementStatus.ACTIVE, AgreementStatus.SUSPENDED);

    private final AgreementRepository agreements;
    private final AgreementRules rules;
    private final AgreementViews views;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final StoredJson json;
    private final Clock clock;

    public AgreementService(AgreementRepository agreements, AgreementRules rules, AgreementViews views, AuditTrail audit,
            Outbox outbox, StoredJson json, Clock clock) {
        this.agreements = agreements;
        this.rules = rules;
        this.views = views;
        this.audit = audit;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    // ---- reads

    /** A page of agreements, optionally filtered; {@code visibleTo} limits a customer to its own party's. */
    public Page<Agreement> list(AgreementStatus status, AgreementType type, UUID party, Optional<UUID> visibleTo,
            PageRequest paging) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        if (type != null) {
            where.add("type = :type");
            params.and("type", type);
        }
        if (party != null) {
            where.add("(providerPartyId = :party or customerPartyId = :party)");
            params.and("party", party);
        }
        if (visibleTo.isPresent()) {
            where.add("(providerPartyId = :own or customerPartyId = :own)");
            params.and("own", visibleTo.get());
        }
        var query = where.isEmpty() ? agreements.findAll(Sort.by("createdAt").and("id"))
                : agreements.find(String.join(" and ", where), Sort.by("createdAt").and("id"), params);
        return new Page<>(query.page(paging.page, paging.size).list(), paging.page, paging.size, query.count());
    }

    public Agreement get(UUID id, Optional<UUID> visibleTo) {
        Agreement agreement = agreements.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("There is no agreement " + id + "."));
        if (visibleTo.isPresent() && !agreement.involves(visibleTo.get())) {
            // A customer learns nothing about other parties' agreements, not even that they exist
            throw ProblemException.notFound("There is no agreement " + id + ".");
        }
        return agreement;
    }

    public AgreementVersion current(Agreement agreement) {
        return views.view(agreement, currentVersion(agreement));
    }

    public AgreementVersion version(Agreement agreement, int version) {
        return views.view(agreement, agreements.version(agreement.id, version)
                .orElseThrow(() -> ProblemException.notFound("Agreement " + agreement.id + " has no version " + version + ".")));
    }

    public Page<AgreementVersion> versions(Agreement agreement, PageRequest paging) {
        List<AgreementVersion> items = agreements.versionsPage(agreement.id, paging.page, paging.size).stream()
                .map(v -> views.view(agreement, v)).toList();
        return new Page<>(items, paging.page, paging.size, agreements.countVersions(agreement.id));
    }

    public List<AgreementChecks.Check> checks(Agreement agreement) {
        AgreementVersion version = current(agreement);
        Optional<AgreementVersion> parent = Optional.ofNullable(version.parentAgreementId())
                .flatMap(agreements::findByIdOptional).map(this::current);
        return AgreementChecks.of(version, parent);
    }

    /** The versions in force covering an item at {@code at}, by the shared {@link AgreementMatcher}. */
    public List<Coverage> match(ItemAttributes item, Instant at) {
        List<AgreementVersion> known = new ArrayList<>();
        for (Agreement a : agreements.inStatus(EnumSet.of(AgreementStatus.ACTIVE, AgreementStatus.SUSPENDED,
                AgreementStatus.EXPIRED, AgreementStatus.TERMINATED))) {
            agreements.versions(a.id).forEach(v -> known.add(views.view(a, v)));
        }
        return AgreementMatcher.match(known, item, at);
    }

    /**
     * Every version of the agreements that are active or suspended, or ended less than two reporting periods
     * before {@code now}, ordered by agreement and version, each with the agreement's suspensions and resumptions
     * so far: what consumers rebuild their copy from.
     */
    public Page<AgreementVersion> snapshot(Instant now, PageRequest paging) {
        List<Agreement> included = new ArrayList<>();
        for (Agreement a : agreements.inStatus(EnumSet.of(AgreementStatus.ACTIVE, AgreementStatus.SUSPENDED,
                AgreementStatus.EXPIRED, AgreementStatus.TERMINATED))) {
            if (IN_FORCE.contains(a.status) || endedRecently(a, now)) {
                included.add(a);
            }
        }
        List<AgreementVersion> all = new ArrayList<>();
        for (Agreement a : included) {
            // Each version carries the suspensions and resumptions so far: a rebuilt copy knows since when
            List<StatusChange> changes = audit.statusChanges(a.id);
            agreements.versions(a.id).forEach(v -> all.add(views.view(a, v).withStatusChanges(changes)));
        }
        int from = Math.min(paging.offset(), all.size());
        int to = Math.min(from + paging.size, all.size());
        return new Page<>(all.subList(from, to), paging.page, paging.size, all.size());
    }

    private boolean endedRecently(Agreement a, Instant now) {
        AgreementTerms terms = views.terms(currentVersion(a));
        ZoneId zone = ZoneId.of(terms.zone());
        Period twoPeriods = terms.reportingPeriod() == ReportingPeriod.QUARTER ? Period.ofMonths(6) : Period.ofMonths(2);
        return a.endedAt != null && a.endedAt.atZone(zone).plus(twoPeriods).toInstant().isAfter(now);
    }

    // ---- writes

    @Transactional
    public Agreement create(AgreementTerms terms, String actor) {
        rules.requireValid(terms);
        Instant now = clock.instant();
        Agreement agreement = new Agreement();
        agreement.id = UUID.randomUUID();
        agreement.status = AgreementStatus.DRAFT;
        agreement.currentVersion = 1;
        agreement.createdAt = now;
        describe(agreement, terms, now);
        agreements.persist(agreement);
        AgreementVersionEntity version = new AgreementVersionEntity();
        version.agreementId = agreement.id;
        version.version = 1;
        version.terms = json.write(terms);
        version.effectiveFrom = terms.effectiveFrom();
        version.createdAt = now;
        version.createdBy = actor;
        version.persist();
        audit.record(AuditTrail.AGREEMENT, agreement.id, "created", actor, now, version.terms);
        return agreement;
    }

    /** Rewrites a draft's terms; once submitted, terms change only by amendment. */
    @Transactional
    public Agreement update(UUID id, String ifMatch, AgreementTerms terms, String actor) {
        Agreement agreement = load(id, ifMatch);
        requireStatus(agreement, "updated (amend it instead)", AgreementStatus.DRAFT);
        rules.requireValid(terms);
        Instant now = clock.instant();
        AgreementVersionEntity version = currentVersion(agreement);
        version.terms = json.write(terms);
        version.effectiveFrom = terms.effectiveFrom();
        describe(agreement, terms, now);
        audit.record(AuditTrail.AGREEMENT, id, "updated", actor, now, version.terms);
        return flushed(agreement);
    }

    @Transactional
    public Agreement submit(UUID id, String ifMatch, String actor) {
        return transition(id, ifMatch, actor, "submitted", AgreementStatus.IN_REVIEW, AgreementStatus.DRAFT);
    }

    @Transactional
    public Agreement approve(UUID id, String ifMatch, String actor) {
        return transition(id, ifMatch, actor, "approved", AgreementStatus.APPROVED, AgreementStatus.IN_REVIEW);
    }

    /** Activates now, or schedules the activation at the agreement's {@code effectiveFrom} when that is later. */
    @Transactional
    public Agreement activate(UUID id, String ifMatch, String actor) {
        Agreement agreement = load(id, ifMatch);
        requireStatus(agreement, "activated", AgreementStatus.APPROVED);
        Instant now = clock.instant();
        AgreementVersionEntity first = currentVersion(agreement);
        if (agreement.effectiveTo != null && !agreement.effectiveTo.isAfter(now)) {
            throw ProblemException.conflict("Agreement " + id + " ended at " + agreement.effectiveTo + " and cannot be activated.");
        }
        if (first.effectiveFrom != null && first.effectiveFrom.isAfter(now)) {
            agreement.activationScheduled = true;
            agreement.updatedAt = now;
            audit.record(AuditTrail.AGREEMENT, id, "activation-scheduled", actor, now, "at " + first.effectiveFrom);
            return flushed(agreement);
        }
        becomeActive(agreement, first, now, actor);
        return flushed(agreement);
    }

    @Transactional
    public Agreement suspend(UUID id, String ifMatch, String reason, String actor) {
        Agreement agreement = load(id, ifMatch);
        requireStatus(agreement, "suspended", AgreementStatus.ACTIVE);
        Instant now = clock.instant();
        agreement.status = AgreementStatus.SUSPENDED;
        agreement.statusReason = reason;
        agreement.updatedAt = now;
        audit.record(AuditTrail.AGREEMENT, id, AuditTrail.SUSPENDED, actor, now, reason);
        publish(EventType.AGREEMENT_SUSPENDED, agreement, now, reason);
        return flushed(agreement);
    }

    @Transactional
    public Agreement resume(UUID id, String ifMatch, String actor) {
        Agreement agreement = load(id, ifMatch);
        requireStatus(agreement, "resumed", AgreementStatus.SUSPENDED);
        Instant now = clock.instant();
        agreement.status = AgreementStatus.ACTIVE;
        agreement.statusReason = null;
        agreement.updatedAt = now;
        audit.record(AuditTrail.AGREEMENT, id, AuditTrail.RESUMED, actor, now, null);
        publish(EventType.AGREEMENT_RESUMED, agreement, now, null);
        return flushed(agreement);
    }

    @Transactional
    public Agreement terminate(UUID id, String ifMatch, String reason, String actor) {
        Agreement agreement = load(id, ifMatch);
        requireStatus(agreement, "terminated", AgreementStatus.ACTIVE, AgreementStatus.SUSPENDED);
        Instant now = clock.instant();
        agreement.status = AgreementStatus.TERMINATED;
        agreement.statusReason = reason;
        agreement.effectiveTo = now;
        agreement.endedAt = now;
        agreement.activationScheduled = false;
        agreement.updatedAt = now;
        audit.record(AuditTrail.AGREEMENT, id, "terminated", actor, now, reason);
        publish(EventType.AGREEMENT_TERMINATED, agreement, now, reason);
        return flushed(agreement);
    }

    /** Creates version n+1 from {@code terms}, applying from their {@code effectiveFrom} (default now). */
    @Transactional
    public Agreement amend(UUID id, String ifMatch, AgreementTerms requested, String actor) {
        Agreement agreement = load(id, ifMatch);
        requireStatus(agreement, "amended", AgreementStatus.ACTIVE, AgreementStatus.SUSPENDED);
        Instant now = clock.instant();
        AgreementTerms terms = requested.effectiveFrom() == null ? requested.withEffectiveFrom(now.truncatedTo(ChronoUnit.MILLIS))
                : requested;
        rules.requireValid(terms);
        AgreementVersionEntity previous = currentVersion(agreement);
        AgreementTerms previousTerms = views.terms(previous);
        if (terms.type() != agreement.type) {
            throw ProblemException.invalid("type", "the type of an agreement cannot change (it is " + agreement.type + ")");
        }
        if (previous.effectiveFrom != null && terms.effectiveFrom().isBefore(previous.effectiveFrom)) {
            throw ProblemException.invalid("effectiveFrom", "must not be before " + previous.effectiveFrom
                    + ", when version " + previous.version + " applies");
        }
        if (previousTerms.renewal().autoRenew() && !terms.renewal().autoRenew() && agreement.effectiveTo != null
                && !now.isBefore(agreement.effectiveTo.atZone(ZoneId.of(previousTerms.zone()))
                        .minus(previousTerms.renewal().noticePeriod()).toInstant())) {
            throw ProblemException.conflict("The notice period of " + previousTerms.renewal().noticePeriod()
                    + " before " + agreement.effectiveTo + " has begun: auto-renewal can no longer be switched off.");
        }
        // Claim version n+1 on the agreement row first: of two concurrent amendments, the optimistic lock stops one here
        agreement.currentVersion = previous.version + 1;
        describe(agreement, terms, now);
        flushed(agreement);
        AgreementVersionEntity next = new AgreementVersionEntity();
        next.agreementId = id;
        next.version = agreement.currentVersion;
        next.terms = json.write(terms);
        next.effectiveFrom = terms.effectiveFrom();
        next.createdAt = now;
        next.createdBy = actor;
        try {
            next.persist();
        } catch (PersistenceException e) {
            throw ProblemException.conflict("Agreement " + id + " was amended by another request at the same time; read it again and retry.");
        }
        audit.record(AuditTrail.AGREEMENT, id, "amended", actor, now, next.terms);
        publish(EventType.AGREEMENT_AMENDED, agreement, terms.effectiveFrom(), null);
        return flushed(agreement);
    }

    /** Extends the validity by {@code term} (default: the renewal term of the agreement). */
    @Transactional
    public Agreement renew(UUID id, String ifMatch, Period term, String actor) {
        Agreement agreement = load(id, ifMatch);
        requireStatus(agreement, "renewed", AgreementStatus.ACTIVE, AgreementStatus.SUSPENDED);
        if (agreement.effectiveTo == null) {
            throw ProblemException.conflict("Agreement " + id + " is open-ended: there is nothing to renew.");
        }
        AgreementTerms terms = views.terms(currentVersion(agreement));
        Period by = term != null ? term : terms.renewal().term();
        if (by == null || by.isNegative() || by.isZero()) {
            throw ProblemException.invalid("term", "a positive renewal term such as P1Y is required");
        }
        Instant now = clock.instant();
        extend(agreement, terms, by, now, actor);
        return flushed(agreement);
    }

    /** Deletes a draft that was never submitted. */
    @Transactional
    public void delete(UUID id, String ifMatch, String actor) {
        Agreement agreement = load(id, ifMatch);
        requireStatus(agreement, "deleted", AgreementStatus.DRAFT);
        AgreementVersionEntity.delete("agreementId", id);
        agreements.delete(agreement);
        audit.record(AuditTrail.AGREEMENT, id, "deleted", actor, clock.instant(), null);
    }

    // ---- scheduled work, one agreement per transaction

    /** Activates a scheduled agreement whose start has come; true when it did. */
    @Transactional
    public boolean activateIfDue(UUID id, Instant now) {
        Agreement agreement = agreements.findById(id);
        if (agreement == null || agreement.status != AgreementStatus.APPROVED || !agreement.activationScheduled) {
            return false;
        }
        AgreementVersionEntity first = currentVersion(agreement);
        if (first.effectiveFrom != null && first.effectiveFrom.isAfter(now)) {
            return false;
        }
        becomeActive(agreement, first, now, "scheduler");
        flushed(agreement);
        return true;
    }

    /** Renews (auto-renewal) or expires an agreement whose validity has ended; true when it did either. */
    @Transactional
    public boolean expireOrRenewIfDue(UUID id, Instant now) {
        Agreement agreement = agreements.findById(id);
        if (agreement == null || !IN_FORCE.contains(agreement.status) || agreement.effectiveTo == null
                || agreement.effectiveTo.isAfter(now)) {
            return false;
        }
        AgreementTerms terms = views.terms(currentVersion(agreement));
        if (terms.renewal().autoRenew() && terms.renewal().term() != null) {
            extend(agreement, terms, terms.renewal().term(), now, "scheduler");
        } else {
            Instant end = agreement.effectiveTo;
            agreement.status = AgreementStatus.EXPIRED;
            agreement.endedAt = end;
            agreement.updatedAt = now;
            audit.record(AuditTrail.AGREEMENT, id, "expired", "scheduler", now, "validity ended at " + end);
            publish(EventType.AGREEMENT_EXPIRED, agreement, end, null);
        }
        flushed(agreement);
        return true;
    }

    // ---- helpers

    private void becomeActive(Agreement agreement, AgreementVersionEntity first, Instant now, String actor) {
        if (first.effectiveFrom == null) {
            first.effectiveFrom = now.truncatedTo(ChronoUnit.MILLIS);
            first.terms = json.write(views.terms(first).withEffectiveFrom(first.effectiveFrom));
        }
        agreement.status = AgreementStatus.ACTIVE;
        agreement.activationScheduled = false;
        agreement.updatedAt = now;
        audit.record(AuditTrail.AGREEMENT, agreement.id, "activated", actor, now, "from " + first.effectiveFrom);
        publish(EventType.AGREEMENT_ACTIVATED, agreement, first.effectiveFrom, null);
    }

    private void extend(Agreement agreement, AgreementTerms terms, Period by, Instant now, String actor) {
        ZoneId zone = ZoneId.of(terms.zone());
        Instant end = agreement.effectiveTo;
        // A long outage of the scheduler must not leave the agreement behind: renew until the end is ahead
        do {
            end = end.atZone(zone).plus(by).toInstant();
        } while (!end.isAfter(now));
        Instant previousEnd = agreement.effectiveTo;
        agreement.effectiveTo = end;
        agreement.updatedAt = now;
        audit.record(AuditTrail.AGREEMENT, agreement.id, "renewed", actor, now, previousEnd + " -> " + end);
        publish(EventType.AGREEMENT_RENEWED, agreement, previousEnd.isBefore(now) ? previousEnd : now, null);
    }

    private Agreement transition(UUID id, String ifMatch, String actor, String action, AgreementStatus to,
            AgreementStatus from) {
        Agreement agreement = load(id, ifMatch);
        requireStatus(agreement, action, from);
        Instant now = clock.instant();
        agreement.status = to;
        agreement.updatedAt = now;
        audit.record(AuditTrail.AGREEMENT, id, action, actor, now, null);
        return flushed(agreement);
    }

    private void publish(EventType type, Agreement agreement, Instant occurredAt, String reason) {
        flushed(agreement);
        AgreementVersion view = current(agreement);
        outbox.append(type, agreement.id.toString(), new AgreementEvent(view, occurredAt.truncatedTo(ChronoUnit.MILLIS), reason));
    }

    private void describe(Agreement agreement, AgreementTerms terms, Instant now) {
        agreement.type = terms.type();
        agreement.name = terms.name();
        agreement.providerPartyId = terms.providerPartyId();
        agreement.customerPartyId = terms.customerPartyId();
        agreement.parentAgreementId = terms.parentAgreementId();
        agreement.effectiveTo = terms.effectiveTo();
        agreement.updatedAt = now;
        AgreementVersion probe = new AgreementVersion(agreement.id, 1, terms.type(), AgreementStatus.DRAFT, terms.name(),
                null, null, null, null, null, null, null, null, null, null, terms.zone(), null, terms.objectives(), null,
                terms.escalationPolicy(), null);
        agreement.calendarIds.clear();
        agreement.calendarIds.addAll(probe.calendarIds());
        agreement.serviceCodes.clear();
        agreement.serviceCodes.addAll(new HashSet<>(terms.services()));
    }

    private Agreement load(UUID id, String ifMatch) {
        Agreement agreement = get(id, Optional.empty());
        if (ifMatch != null && !ifMatch.isBlank() && !ifMatch.trim().equals("*") && !ifMatch.trim().equals(etag(agreement))
                && !ifMatch.trim().equals("W/" + etag(agreement))) {
            throw ProblemException.preconditionFailed("Agreement " + id + " has changed since " + ifMatch.trim()
                    + " (it is now " + etag(agreement) + "); read it again before changing it.");
        }
        return agreement;
    }

    private AgreementVersionEntity currentVersion(Agreement agreement) {
        return agreements.version(agreement.id, agreement.currentVersion)
                .orElseThrow(() -> new IllegalStateException("agreement " + agreement.id + " lacks its current version"));
    }

    private static void requireStatus(Agreement agreement, String action, AgreementStatus... allowed) {
        for (AgreementStatus s : allowed) {
            if (agreement.status == s) {
                return;
            }
        }
        throw ProblemException.conflict("Agreement " + agreement.id + " is " + agreement.status + " and cannot be " + action
                + "; that needs " + (allowed.length == 1 ? allowed[0] : java.util.Arrays.toString(allowed)) + ".");
    }

    // Writes now, inside the transaction, so a lost race surfaces here as a conflict instead of a failed commit
    private Agreement flushed(Agreement agreement) {
        try {
            agreements.flush();
        } catch (PersistenceException e) {
            throw ProblemException.conflict("Agreement " + agreement.id
                    + " was changed by another request at the same time; read it again and retry.");
        }
        return agreement;
    }

    /** The agreement's entity tag: its row version, quoted. */
    public static String etag(Agreement agreement) {
        return "\"" + agreement.rowVersion + "\"";
    }
}
