package io.accord.penalty.rest;

import io.accord.penalty.domain.ClockRecord;
import io.accord.penalty.domain.Exclusion;
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
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Clocks a manager takes out of the statement counts, with a reason. */
@Path("/api/exclusions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Exclusions", description = "Clocks excluded from statements: customer-caused delay, force majeure...")
public class ExclusionResource {

    /** Why a clock does not count. */
    public enum Reason {
        CUSTOMER_CAUSED_DELAY, FORCE_MAJEURE, DUPLICATE, OTHER
    }

    /** A clock to exclude; {@code note} is required for {@code OTHER}. */
    public record ExclusionRequest(@NotNull(message = "is required") UUID clockId,
            @NotNull(message = "is required") Reason reason,
            @Size(max = 2000, message = "must be at most 2000 characters") String note) {
    }

    public record ExclusionView(UUID id, UUID clockId, UUID agreementId, String reason, String note, String author,
            Instant createdAt) {
        static ExclusionView of(Exclusion e) {
            return new ExclusionView(e.id, e.clockId, e.agreementId, e.reason, e.note, e.author, e.createdAt);
        }
    }

    private final Statements statements;
    private final Caller caller;

    public ExclusionResource(Statements statements, Caller caller) {
        this.statements = statements;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.MANAGER)
    @Transactional
    @Operation(summary = "Exclude a clock from the statement of its period")
    public Response create(@Valid @NotNull(message = "a body is required") ExclusionRequest request) {
        if (request.reason() == Reason.OTHER && (request.note() == null || request.note().isBlank())) {
            throw ProblemException.invalid("note", "is required when the reason is OTHER");
        }
        ClockRecord clock = ClockRecord.findById(request.clockId());
        if (clock == null) {
            throw ProblemException.notFound("clock " + request.clockId() + " is not known to the penalty service");
        }
        if (Exclusion.count("clockId", request.clockId()) > 0) {
            throw ProblemException.conflict("clock " + request.clockId() + " is already excluded");
        }
        Instant now = Instant.now();
        Exclusion exclusion = new Exclusion();
        exclusion.id = UUID.randomUUID();
        exclusion.clockId = clock.clockId;
        exclusion.agreementId = clock.agreementId;
        exclusion.reason = request.reason().name();
        exclusion.note = request.note();
        exclusion.author = caller.name();
        exclusion.createdAt = now;
        exclusion.persist();
        touch(clock, "clock " + clock.clockId + " excluded (" + exclusion.reason + ")", now);
        return Response.status(Response.Status.CREATED).entity(ExclusionView.of(exclusion)).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.MANAGER)
    @Transactional
    @Operation(summary = "Count an excluded clock again")
    public Response delete(@PathParam("id") UUID id) {
        Exclusion exclusion = Exclusion.findById(id);
        if (exclusion == null) {
            throw ProblemException.notFound("exclusion " + id + " does not exist");
        }
        exclusion.delete();
        ClockRecord clock = ClockRecord.findById(exclusion.clockId);
        if (clock != null) {
            touch(clock, "exclusion of clock " + clock.clockId + " removed", Instant.now());
        }
        return Response.noContent().build();
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Transactional
    @Operation(summary = "Exclusions, optionally of one agreement")
    public Page<ExclusionView> list(@QueryParam("agreementId") UUID agreementId, @BeanParam @Valid PageRequest paging) {
        PanacheQuery<Exclusion> query = agreementId == null ? Exclusion.findAll(Sort.descending("createdAt"))
                : Exclusion.find("agreementId", Sort.descending("createdAt"), agreementId);
        List<ExclusionView> items = query.page(paging.page, paging.size).list().stream().map(ExclusionView::of)
                .toList();
        return new Page<>(items, paging.page, paging.size, query.count());
    }

    private void touch(ClockRecord clock, String cause, Instant now) {
        if (clock.decidedAt != null) {
            statements.touched(clock.agreementId, List.of(clock.decidedAt), cause, now);
        }
    }
}
