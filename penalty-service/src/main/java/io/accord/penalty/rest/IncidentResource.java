package io.accord.penalty.rest;

import io.accord.penalty.domain.IncidentRecord;
import io.accord.penalty.service.Incidents;
import io.accord.platform.problem.ProblemException;
import io.accord.platform.rest.Page;
import io.accord.platform.rest.PageRequest;
import io.accord.platform.security.Roles;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Availability incidents posted by people or tools; Alertmanager has its own webhook. */
@Path("/api/availability/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Availability", description = "Incidents and planned maintenance of services")
public class IncidentResource {

    /** An incident of a service (its catalogue code); no {@code end} while it is still going on. */
    public record IncidentRequest(
            @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
            @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must be a service code (letters, digits, . _ -)")
            String service,
            @NotNull(message = "is required") Instant start,
            Instant end,
            Boolean planned,
            @Size(max = 300, message = "must be at most 300 characters") String sourceRef,
            @Size(max = 2000, message = "must be at most 2000 characters") String summary) {
    }

    /** The end of an incident that was open. */
    public record IncidentEnd(@NotNull(message = "is required") Instant end) {
    }

    public record IncidentView(UUID id, String service, Instant start, Instant end, boolean planned, String source,
            String sourceRef, String summary, String createdBy, Instant createdAt) {
        static IncidentView of(IncidentRecord i) {
            return new IncidentView(i.id, i.service, i.startedAt, i.endedAt, i.planned, i.source, i.sourceRef,
                    i.summary, i.createdBy, i.createdAt);
        }
    }

    private final Incidents incidents;
    private final Caller caller;

    public IncidentResource(Incidents incidents, Caller caller) {
        this.incidents = incidents;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.AGENT)
    @Transactional
    @Operation(summary = "Record an incident or planned maintenance of a service")
    public Response create(@Valid @NotNull(message = "a body is required") IncidentRequest request) {
        Instant start = request.start().truncatedTo(ChronoUnit.MILLIS);
        Instant end = request.end() == null ? null : request.end().truncatedTo(ChronoUnit.MILLIS);
        if (end != null && end.isBefore(start)) {
            throw ProblemException.invalid("end", "must not be before start");
        }
        if (request.sourceRef() != null && incidents.bySourceRef("api", request.sourceRef()).isPresent()) {
            throw ProblemException.conflict("an incident with sourceRef '" + request.sourceRef() + "' exists");
        }
        IncidentRecord incident = incidents.open(request.service(), start, end, Boolean.TRUE.equals(request.planned()),
                "api", request.sourceRef(), request.summary(), caller.name(), Instant.now());
        return Response.status(Response.Status.CREATED).entity(IncidentView.of(incident)).build();
    }

    @POST
    @Path("/{id}/end")
    @RolesAllowed(Roles.AGENT)
    @Transactional
    @Operation(summary = "End an open incident")
    public IncidentView end(@PathParam("id") UUID id, @Valid @NotNull(message = "a body is required") IncidentEnd body) {
        IncidentRecord incident = IncidentRecord.findById(id);
        if (incident == null) {
            throw ProblemException.notFound("incident " + id + " does not exist");
        }
        Instant end = body.end().truncatedTo(ChronoUnit.MILLIS);
        if (end.isBefore(incident.startedAt)) {
            throw ProblemException.invalid("end", "must not be before the incident's start " + incident.startedAt);
        }
        incidents.end(incident, end, Instant.now());
        return IncidentView.of(incident);
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.INTERNAL})
    @Transactional
    @Operation(summary = "Incidents, newest first, optionally of one service")
    public Page<IncidentView> list(@QueryParam("service") String service, @BeanParam @Valid PageRequest paging) {
        PanacheQuery<IncidentRecord> query = service == null ? IncidentRecord.findAll(Sort.descending("startedAt"))
                : IncidentRecord.find("service", Sort.descending("startedAt"), service);
        List<IncidentView> items = query.page(paging.page, paging.size).list().stream().map(IncidentView::of).toList();
        return new Page<>(items, paging.page, paging.size, query.count());
    }
}
