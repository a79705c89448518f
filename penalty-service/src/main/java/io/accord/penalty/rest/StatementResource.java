package io.accord.penalty.rest;

import io.accord.model.agreement.AgreementVersion;
import io.accord.model.agreement.Money;
import io.accord.penalty.calc.StatementPeriod;
import io.accord.penalty.calc.StatementResult;
import io.accord.penalty.domain.Adjustment;
import io.accord.penalty.domain.Statement;
import io.accord.penalty.domain.StatementRevision;
import io.accord.penalty.service.AgreementCopies;
import io.accord.penalty.service.StatementCsv;
import io.accord.penalty.service.Statements;
import io.accord.platform.problem.ProblemException;
import io.accord.platform.rest.Page;
import io.accord.platform.rest.PageRequest;
import io.accord.platform.security.Roles;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Period statements: read live or closed, close, adjust, export. */
@Path("/api/statements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statements", description = "Period statements with compliance, availability, KPIs and credits")
public class StatementResource {

    private final Statements statements;
    private final AgreementCopies agreements;
    private final StatementCsv csv;
    private final Caller caller;

    public StatementResource(Statements statements, AgreementCopies agreements, StatementCsv csv, Caller caller) {
        this.statements = statements;
        this.agreements = agreements;
        this.csv = csv;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.CUSTOMER, Roles.INTERNAL})
    @Transactional
    @Operation(summary = "Statements, by agreement and period",
            description = "With agreementId and period, the one statement of that period (created, open, when it"
                    + " does not exist yet). Customers see their own party's statements only.")
    public Page<StatementView> list(@QueryParam("agreementId") UUID agreementId, @QueryParam("period") String period,
            @BeanParam @Valid PageRequest paging) {
        Optional<UUID> party = caller.restrictedToParty();
        Instant now = Instant.now();
        if (period != null && agreementId == null) {
            throw ProblemException.invalid("agreementId", "is required with period");
        }
        if (agreementId != null && period != null) {
            AgreementVersion latest = visible(agreementId, party);
            StatementPeriod parsed = AgreementCopies.parsePeriod(latest, period);
            Statement statement = statements.ensure(agreementId, parsed);
            return new Page<>(List.of(view(statement, now)), 0, paging.size, 1);
        }
        PanacheQuery<Statement> query;
        if (agreementId != null) {
            visible(agreementId, party);
            query = Statement.find("agreementId", Sort.descending("periodStart"), agreementId);
        } else if (party.isPresent()) {
            query = Statement.find("agreementId in (select a.agreementId from AgreementVersionCopy a"
                    + " where a.customerPartyId = ?1)", Sort.descending("periodStart"), party.get());
        } else {
            query = Statement.findAll(Sort.descending("periodStart"));
        }
        List<StatementView> items = query.page(paging.page, paging.size).list().stream().map(s -> view(s, now))
                .toList();
        return new Page<>(items, paging.page, paging.size, query.count());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.VIEWER, Roles.CUSTOMER, Roles.INTERNAL})
    @Transactional
    @Operation(summary = "One statement, live while open, frozen once closed")
    public StatementView get(@PathParam("id") UUID id) {
        return view(readable(id), Instant.now());
    }

    @GET
    @Path("/{id}")
    @Produces("text/csv")
    @RolesAllowed({Roles.VIEWER, Roles.CUSTOMER, Roles.INTERNAL})
    @Transactional
    @Operation(summary = "A statement's lines as CSV")
    public Response linesCsv(@PathParam("id") UUID id) {
        Statement statement = readable(id);
        return Response.ok(csv.lines(statements.result(statement, Instant.now()), adjustments(statement.id)))
                .header("Content-Disposition", "attachment; filename=\"statement-" + statement.period + ".csv\"")
                .build();
    }

    @GET
    @Path("/{id}/evidence")
    @Produces("text/csv")
    @RolesAllowed({Roles.VIEWER, Roles.CUSTOMER, Roles.INTERNAL})
    @Transactional
    @Operation(summary = "The clocks, incidents and measurements behind a statement's amounts, as CSV")
    public Response evidenceCsv(@PathParam("id") UUID id) {
        Statement statement = readable(id);
        return Response.ok(csv.evidence(statements.result(statement, Instant.now())))
                .header("Content-Disposition", "attachment; filename=\"evidence-" + statement.period + ".csv\"")
                .build();
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Close a statement whose period has ended: its figures are frozen and assessed")
    public StatementView close(@PathParam("id") UUID id) {
        statements.close(id, caller.name(), Instant.now());
        return get(id);
    }

    @GET
    @Path("/{id}/adjustments")
    @RolesAllowed({Roles.VIEWER, Roles.CUSTOMER, Roles.INTERNAL})
    @Transactional
    @Operation(summary = "A statement's adjustments: proposed recalculations and manual ones")
    public List<AdjustmentView> listAdjustments(@PathParam("id") UUID id) {
        return adjustments(readable(id).id);
    }

    @POST
    @Path("/{id}/adjustments")
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Adjust a closed statement by an amount or waive it, with a reason")
    public Response adjust(@PathParam("id") UUID id, @Valid @NotNull(message = "a body is required")
            AdjustmentRequest request) {
        Adjustment adjustment = statements.adjust(id, request.amount(), Boolean.TRUE.equals(request.waiver()),
                request.reason(), caller.name(), Instant.now());
        return Response.status(Response.Status.CREATED).entity(AdjustmentView.of(adjustment)).build();
    }

    @POST
    @Path("/{id}/adjustments/{adjustmentId}/accept")
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Accept a proposed recalculation: the statement takes its figures as a new revision")
    public AdjustmentView accept(@PathParam("id") UUID id, @PathParam("adjustmentId") UUID adjustmentId) {
        return AdjustmentView.of(statements.decide(id, adjustmentId, true, caller.name(), Instant.now()));
    }

    @POST
    @Path("/{id}/adjustments/{adjustmentId}/reject")
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Reject a proposed recalculation: the statement stays as it is")
    public AdjustmentView reject(@PathParam("id") UUID id, @PathParam("adjustmentId") UUID adjustmentId) {
        return AdjustmentView.of(statements.decide(id, adjustmentId, false, caller.name(), Instant.now()));
    }

    @GET
    @Path("/{id}/revisions")
    @RolesAllowed({Roles.VIEWER, Roles.CUSTOMER, Roles.INTERNAL})
    @Transactional
    @Operation(summary = "The history of a closed statement: one entry per revision, with its total and cause")
    public List<RevisionView> revisions(@PathParam("id") UUID id) {
        Statement statement = readable(id);
        return StatementRevision.<StatementRevision>list("statementId = ?1 order by revision", statement.id).stream()
                .map(r -> new RevisionView(r.revision, r.cause, r.author, new Money(r.totalAmount, r.currency),
                        r.createdAt))
                .toList();
    }

    /** One revision of a statement's history. */
    public record RevisionView(int revision, String cause, String author, Money totalCredit, Instant createdAt) {
    }

    private Statement readable(UUID id) {
        Statement statement = statements.require(id);
        Optional<UUID> party = caller.restrictedToParty();
        if (party.isPresent()) {
            AgreementVersion latest = agreements.require(statement.agreementId);
            if (!party.get().equals(latest.customerPartyId())) {
                // not a 403: a customer must not learn which statement ids exist
                throw ProblemException.notFound("statement " + id + " does not exist");
            }
        }
        return statement;
    }

    private AgreementVersion visible(UUID agreementId, Optional<UUID> party) {
        AgreementVersion latest = agreements.require(agreementId);
        if (party.isPresent() && !party.get().equals(latest.customerPartyId())) {
            throw ProblemException.notFound("agreement " + agreementId + " is not known to the penalty service");
        }
        return latest;
    }

    private List<AdjustmentView> adjustments(UUID statementId) {
        return Adjustment.<Adjustment>list("statementId = ?1 order by createdAt", statementId).stream()
                .map(AdjustmentView::of).toList();
    }

    private StatementView view(Statement statement, Instant now) {
        StatementResult result = statements.result(statement, now);
        Optional<AgreementVersion> latest = agreements.latest(statement.agreementId);
        Money total = statement.status == Statement.Status.CLOSED
                ? new Money(statement.totalAmount, statement.currency) : result.totalCredit();
        return new StatementView(statement.id, statement.agreementId, latest.map(AgreementVersion::name).orElse(null),
                latest.map(AgreementVersion::customerPartyId).orElse(null), statement.period, result.zone(),
                result.periodStart(), result.periodEnd(), statement.status.name(), statement.revision, result.asOf(),
                statement.closedAt, statement.closedBy, result.totalCredit(), total, result.objectiveStatus(),
                result.versions(), result.exclusions(), adjustments(statement.id));
    }
}
