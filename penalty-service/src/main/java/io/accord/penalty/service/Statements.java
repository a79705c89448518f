package io.accord.penalty.service;

import io.accord.platform.json.StoredJson;
import io.accord.model.agreement.AgreementVersion;
import io.accord.model.agreement.Money;
import io.accord.model.events.EventType;
import io.accord.model.penalty.PenaltyAssessed;
import io.accord.model.penalty.PenaltyReviewRequired;
import io.accord.model.statement.ObjectiveStatus;
import io.accord.model.statement.StatementClosed;
import io.accord.model.statement.StatementUpdated;
import io.accord.penalty.calc.ReviewStreak;
import io.accord.penalty.calc.StatementLine;
import io.accord.penalty.calc.StatementPeriod;
import io.accord.penalty.calc.StatementResult;
import io.accord.penalty.config.PenaltyConfig;
import io.accord.penalty.domain.Adjustment;
import io.accord.penalty.domain.Statement;
import io.accord.penalty.domain.StatementRevision;
import io.accord.platform.outbox.Outbox;
import io.accord.platform.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The statements' lifecycle: found or created per agreement and period, live while open, frozen at the close
 * (by a manager, or after the grace period), then changed only by adjustments, each a new revision.
 */
@ApplicationScoped
public class Statements {

    private static final Logger LOG = Logger.getLogger(Statements.class);

    private final AgreementCopies agreements;
    private final StatementInputs inputs;
    private final Outbox outbox;
    private final StoredJson json;
    private final PenaltyConfig config;
    private final MeterRegistry metrics;

    public Statements(AgreementCopies agreements, StatementInputs inputs, Outbox outbox, StoredJson json,
            PenaltyConfig config, MeterRegistry metrics) {
        this.agreements = agreements;
        this.inputs = inputs;
        this.outbox = outbox;
        this.json = json;
        this.config = config;
        this.metrics = metrics;
    }

    /** The statement of {@code agreementId} for {@code period}, created (open) when it does not exist yet. */
    @Transactional
    public Statement ensure(UUID agreementId, StatementPeriod period) {
        // insert-if-absent in SQL so two transactions racing for the same period end with one row
        Panache.getEntityManager().createNativeQuery("""
                insert into statement (id, agreement_id, period, period_start, period_end, status, revision,
                                       created_at, updated_at)
                values (?1, ?2, ?3, ?4, ?5, 'OPEN', 0, now(), now())
                on conflict (agreement_id, period) do nothing
                """).setParameter(1, UUID.randomUUID()).setParameter(2, agreementId)
                .setParameter(3, period.label()).setParameter(4, period.start()).setParameter(5, period.end())
                .executeUpdate();
        return Statement.of(agreementId, period.label()).orElseThrow();
    }

    public Statement require(UUID id) {
        Statement statement = Statement.findById(id);
        if (statement == null) {
            throw ProblemException.notFound("statement " + id + " does not exist");
        }
        return statement;
    }

    /** What a statement says now: computed live while open, the frozen calculation once closed. */
    public StatementResult result(Statement statement, Instant now) {
        if (statement.status == Statement.Status.CLOSED) {
            return json.read(statement.body, StatementResult.class);
        }
        AgreementVersion latest = agreements.require(statement.agreementId);
        return inputs.calculate(statement.agreementId, AgreementCopies.parsePeriod(latest, statement.period), now);
    }

    /**
     * Something that counts in the periods containing {@code instants} changed: open statements are marked for a
     * (debounced) update, closed ones get a recalculation proposal when their figures would change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void touched(UUID agreementId, Collection<Instant> instants, String cause, Instant now) {
        agreements.latest(agreementId).ifPresent(latest -> {
            Set<StatementPeriod> periods = new LinkedHashSet<>();
            instants.forEach(i -> periods.add(AgreementCopies.periodOf(latest, i)));
            periods.forEach(p -> touched(agreementId, p, cause, now));
        });
    }

    /** As {@link #touched(UUID, Collection, String, Instant)} for every period overlapping {@code [from, to)}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void touchedBetween(UUID agreementId, Instant from, Instant to, String cause, Instant now) {
        agreements.latest(agreementId).ifPresent(latest -> {
            StatementPeriod period = AgreementCopies.periodOf(latest, from);
            // bounded: an incident of years is still a finite number of periods, and periods beyond now are empty
            for (int i = 0; i < 120 && period.start().isBefore(to) && period.start().isBefore(now); i++) {
                touched(agreementId, period, cause, now);
                period = period.next();
            }
        });
    }

    private void touched(UUID agreementId, StatementPeriod period, String cause, Instant now) {
        Statement statement = ensure(agreementId, period);
        if (statement.status == Statement.Status.OPEN) {
            if (statement.dirtySince == null) {
                statement.dirtySince = now;
            }
            return;
        }
        propose(statement, cause, now);
    }

    /** A recalculation proposal when a closed statement's figures would change; none when they would not. */
    private void propose(Statement statement, String cause, Instant now) {
        AgreementVersion latest = agreements.require(statement.agreementId);
        StatementResult current = json.read(statement.body, StatementResult.class);
        StatementResult fresh = inputs.calculate(statement.agreementId,
                AgreementCopies.parsePeriod(latest, statement.period), now);
        String freshFigures = figures(fresh);
        List<Adjustment> pending = Adjustment.list("statementId = ?1 and kind = ?2 and status = ?3", statement.id,
                Adjustment.Kind.RECALCULATION, Adjustment.Status.PROPOSED);
        if (pending.stream().anyMatch(a -> figures(json.read(a.body, StatementResult.class)).equals(freshFigures))) {
            return;
        }
        pending.forEach(a -> {
            a.status = Adjustment.Status.SUPERSEDED;
            a.decidedAt = now;
        });
        if (freshFigures.equals(figures(current))) {
            return;
        }
        Adjustment proposal = new Adjustment();
        proposal.id = UUID.randomUUID();
        proposal.statementId = statement.id;
        proposal.kind = Adjustment.Kind.RECALCULATION;
        proposal.status = Adjustment.Status.PROPOSED;
        proposal.amount = fresh.totalCredit().amount().subtract(current.totalCredit().amount());
        proposal.currency = fresh.totalCredit().currency();
        proposal.reason = "recalculated after the close: " + cause;
        proposal.author = "penalty-service";
        proposal.createdAt = now;
        proposal.body = json.write(fresh);
        proposal.persist();
        metrics.counter("accord.penalty.adjustments", "kind", "recalculation", "status", "proposed").increment();
        LOG.infof("Statement %s (%s) closed; proposed adjustment %s of %s %s", statement.id, statement.period,
                proposal.id, proposal.amount, proposal.currency);
    }

    /** The parts of a result that matter to what is owed: everything but the "as of" instant. */
    private String figures(StatementResult result) {
        return json.write(new StatementResult(result.agreementId(), result.period(), result.zone(),
                result.periodStart(), result.periodEnd(), null, result.versions(), result.exclusions(),
                result.objectiveStatus(), result.totalCredit()));
    }

    /** Closes a statement: its calculation is frozen as revision 1 and assessed. */
    @Transactional
    public Statement close(UUID id, String author, Instant now) {
        Statement statement = require(id);
        if (statement.status == Statement.Status.CLOSED) {
            throw ProblemException.conflict("statement " + id + " (" + statement.period + ") is already closed");
        }
        if (now.isBefore(statement.periodEnd)) {
            throw ProblemException.conflict("statement " + id + " cannot close before its period ends at "
                    + statement.periodEnd);
        }
        StatementResult result = result(statement, now);
        statement.status = Statement.Status.CLOSED;
        statement.body = json.write(result);
        statement.revision = 1;
        statement.totalAmount = result.totalCredit().amount();
        statement.currency = result.totalCredit().currency();
        statement.closedAt = now;
        statement.closedBy = author;
        statement.dirtySince = null;
        statement.updatedAt = now;
        recordRevision(statement, "closed", author, now);
        UUID customer = customer(statement.agreementId);
        outbox.append(EventType.STATEMENT_CLOSED, statement.id.toString(), new StatementClosed(statement.id,
                statement.agreementId, customer, statement.period, statement.revision, total(statement), now, author));
        assess(statement, result, now);
        reviewStreaks(statement, result, now);
        metrics.counter("accord.penalty.statements.closed", "by", "penalty-service".equals(author) ? "schedule"
                : "manager").increment();
        return statement;
    }

    /** Closes every open statement whose period ended more than the grace period ago; returns how many. */
    public int closeDue(Instant now) {
        Instant endedBefore = now.minus(config.gracePeriod());
        List<UUID> due = Statement.<Statement>list("status = ?1 and periodEnd <= ?2", Statement.Status.OPEN,
                endedBefore).stream().map(s -> s.id).toList();
        int closed = 0;
        for (UUID id : due) {
            try {
                close(id, "penalty-service", now);
                closed++;
            } catch (RuntimeException e) {
                LOG.warnf("Statement %s not closed: %s", id, e.getMessage());
            }
        }
        return closed;
    }

    /** Makes sure every known agreement has a statement for the periods it was in force up to the current one. */
    @Transactional
    public void ensureRecent(Instant now) {
        for (UUID agreementId : agreements.agreementIds()) {
            AgreementVersion latest = agreements.latest(agreementId).orElseThrow();
            StatementPeriod current = AgreementCopies.periodOf(latest, now);
            for (StatementPeriod period : List.of(current.previous(), current)) {
                boolean inForce = (latest.effectiveTo() == null || latest.effectiveTo().isAfter(period.start()))
                        && agreements.versions(agreementId).stream().anyMatch(v -> v.effectiveFrom() == null
                                || v.effectiveFrom().isBefore(period.end()));
                if (inForce) {
                    ensure(agreementId, period);
                }
            }
        }
    }

    /** Publishes {@code statement.updated} for open statements quiet since their last change; returns how many. */
    @Transactional
    public int publishUpdates(Instant now) {
        List<Statement> quiet = Statement.list("status = ?1 and dirtySince <= ?2", Statement.Status.OPEN,
                now.minus(config.updateDebounce()));
        for (Statement statement : quiet) {
            StatementResult result = result(statement, now);
            outbox.append(EventType.STATEMENT_UPDATED, statement.id.toString(), new StatementUpdated(statement.id,
                    statement.agreementId, customer(statement.agreementId), statement.period,
                    statement.status.name(), statement.revision, result.totalCredit(), result.objectiveStatus(), now));
            statement.dirtySince = null;
            statement.updatedAt = now;
        }
        return quiet.size();
    }

    /** A manager's decision on a recalculation proposal. */
    @Transactional
    public Adjustment decide(UUID statementId, UUID adjustmentId, boolean accept, String manager, Instant now) {
        Statement statement = require(statementId);
        Adjustment adjustment = Adjustment.findById(adjustmentId);
        if (adjustment == null || !adjustment.statementId.equals(statementId)) {
            throw ProblemException.notFound("statement " + statementId + " has no adjustment " + adjustmentId);
        }
        if (adjustment.status != Adjustment.Status.PROPOSED) {
            throw ProblemException.conflict("adjustment " + adjustmentId + " is " + adjustment.status
                    + ", not PROPOSED");
        }
        adjustment.decidedBy = manager;
        adjustment.decidedAt = now;
        if (!accept) {
            adjustment.status = Adjustment.Status.REJECTED;
            return adjustment;
        }
        adjustment.status = Adjustment.Status.ACCEPTED;
        StatementResult result = json.read(adjustment.body, StatementResult.class);
        statement.body = adjustment.body;
        statement.totalAmount = result.totalCredit().amount().add(manualSum(statement.id));
        newRevision(statement, adjustment, "recalculation accepted", manager, now);
        return adjustment;
    }

    /** A manager's own adjustment of a closed statement: an amount (positive owes more) or a waiver of all. */
    @Transactional
    public Adjustment adjust(UUID statementId, BigDecimal amount, boolean waiver, String reason, String manager,
            Instant now) {
        Statement statement = require(statementId);
        if (statement.status != Statement.Status.CLOSED) {
            throw ProblemException.conflict("statement " + statementId + " is open: it changes by itself until it"
                    + " closes; adjust it after the close");
        }
        Adjustment adjustment = new Adjustment();
        adjustment.id = UUID.randomUUID();
        adjustment.statementId = statementId;
        adjustment.kind = Adjustment.Kind.MANUAL;
        adjustment.status = Adjustment.Status.ACCEPTED;
        adjustment.waiver = waiver;
        adjustment.amount = waiver ? statement.totalAmount.negate() : amount;
        adjustment.currency = statement.currency;
        // the amount is money in the statement's currency: its minor unit and HALF_EVEN like every other amount
        adjustment.amount = new Money(adjustment.amount, statement.currency).amount();
        adjustment.reason = reason;
        adjustment.author = manager;
        adjustment.createdAt = now;
        adjustment.decidedBy = manager;
        adjustment.decidedAt = now;
        adjustment.persist();
        statement.totalAmount = statement.totalAmount.add(adjustment.amount);
        metrics.counter("accord.penalty.adjustments", "kind", waiver ? "waiver" : "manual", "status", "accepted")
                .increment();
        newRevision(statement, adjustment, waiver ? "waiver" : "manual adjustment", manager, now);
        return adjustment;
    }

    private void newRevision(Statement statement, Adjustment adjustment, String cause, String author, Instant now) {
        statement.revision++;
        statement.updatedAt = now;
        adjustment.appliedRevision = statement.revision;
        recordRevision(statement, cause + " (" + adjustment.id + ")", author, now);
        StatementResult result = json.read(statement.body, StatementResult.class);
        UUID customer = customer(statement.agreementId);
        outbox.append(EventType.STATEMENT_UPDATED, statement.id.toString(), new StatementUpdated(statement.id,
                statement.agreementId, customer, statement.period, statement.status.name(), statement.revision,
                total(statement), result.objectiveStatus(), now));
        assess(statement, result, now);
    }

    private void recordRevision(Statement statement, String cause, String author, Instant now) {
        StatementRevision revision = new StatementRevision();
        revision.id = UUID.randomUUID();
        revision.statementId = statement.id;
        revision.revision = statement.revision;
        revision.cause = cause.length() > 200 ? cause.substring(0, 200) : cause;
        revision.author = author;
        revision.body = statement.body;
        revision.totalAmount = statement.totalAmount;
        revision.currency = statement.currency;
        revision.createdAt = now;
        revision.persist();
    }

    private void assess(Statement statement, StatementResult result, Instant now) {
        List<PenaltyAssessed.Line> lines = new ArrayList<>();
        result.versions().forEach(section -> {
            for (StatementLine line : section.lines()) {
                lines.add(new PenaltyAssessed.Line(section.version(), line.kind().name(), line.objectiveKey(),
                        line.priority(), line.description(), line.amount()));
            }
        });
        Adjustment.<Adjustment>list("statementId = ?1 and kind = ?2 and status = ?3 order by createdAt",
                statement.id, Adjustment.Kind.MANUAL, Adjustment.Status.ACCEPTED).forEach(a -> lines.add(
                        new PenaltyAssessed.Line(null, "ADJUSTMENT", null, null, a.reason,
                                new Money(a.amount, a.currency))));
        // one per published assessment (a close or a new revision), by currency
        metrics.counter("accord.penalty.assessed", "currency", statement.currency).increment();
        outbox.append(EventType.PENALTY_ASSESSED, statement.id.toString(), new PenaltyAssessed(statement.id,
                statement.agreementId, customer(statement.agreementId), statement.period, statement.revision,
                total(statement), lines, now));
    }

    /** {@code penalty.review-required} for each objective whose streak of missed closed periods reaches the rule. */
    private void reviewStreaks(Statement statement, StatementResult result, Instant now) {
        AgreementVersion latest = agreements.require(statement.agreementId);
        Integer threshold = latest.penaltyRules().reviewAfterMissedPeriods();
        List<Statement> earlier = Statement.list(
                "agreementId = ?1 and status = ?2 and periodStart < ?3 order by periodStart desc",
                statement.agreementId, Statement.Status.CLOSED, statement.periodStart);
        List<StatementResult> history = new ArrayList<>();
        history.add(result);
        earlier.forEach(s -> history.add(json.read(s.body, StatementResult.class)));
        for (Map.Entry<String, ObjectiveStatus> entry : result.objectiveStatus().entrySet()) {
            String key = entry.getKey();
            List<ObjectiveStatus> statuses = history.stream()
                    .map(r -> r.objectiveStatus().getOrDefault(key, ObjectiveStatus.UNDEFINED)).toList();
            if (!ReviewStreak.reviewRequired(statuses, threshold)) {
                continue;
            }
            int streak = ReviewStreak.missedInARow(statuses);
            List<String> missed = new ArrayList<>();
            for (int i = 0; i < history.size() && missed.size() < streak; i++) {
                if (statuses.get(i) == ObjectiveStatus.MISSED) {
                    missed.add(history.get(i).period());
                }
            }
            metrics.counter("accord.penalty.reviews.required").increment();
            outbox.append(EventType.PENALTY_REVIEW_REQUIRED, statement.agreementId.toString(),
                    new PenaltyReviewRequired(statement.agreementId, customer(statement.agreementId), key, streak,
                            threshold == null ? ReviewStreak.DEFAULT_PERIODS : threshold, missed, statement.id,
                            statement.period, now));
        }
    }

    private BigDecimal manualSum(UUID statementId) {
        return Adjustment.<Adjustment>list("statementId = ?1 and kind = ?2 and status = ?3", statementId,
                Adjustment.Kind.MANUAL, Adjustment.Status.ACCEPTED).stream().map(a -> a.amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private Money total(Statement statement) {
        return new Money(statement.totalAmount, statement.currency);
    }

    private UUID customer(UUID agreementId) {
        return agreements.latest(agreementId).map(AgreementVersion::customerPartyId).orElse(null);
    }
}
