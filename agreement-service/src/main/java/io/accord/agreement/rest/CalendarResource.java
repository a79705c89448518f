package io.accord.agreement.rest;

import io.accord.agreement.domain.BusinessCalendarEntity;
import io.accord.agreement.repository.AuditRepository;
import io.accord.agreement.rest.CalendarDtos.CalendarRequest;
import io.accord.agreement.rest.CalendarDtos.CalendarView;
import io.accord.agreement.rest.CalendarDtos.DueRequest;
import io.accord.agreement.rest.CalendarDtos.DueResponse;
import io.accord.agreement.rest.CalendarDtos.ElapsedRequest;
import io.accord.agreement.rest.CalendarDtos.ElapsedResponse;
import io.accord.agreement.service.AuditTrail;
import io.accord.agreement.service.CalendarService;
import io.accord.platform.problem.ProblemException;
import io.accord.platform.rest.Page;
import io.accord.platform.rest.PageRequest;
import io.accord.platform.security.Roles;
import io.accord.time.json.CalendarSpec;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/calendars")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Calendars", description = "Business calendars (zone, weekly hours, holidays, exceptions) and business-time questions")
public class CalendarResource {

    private final CalendarService calendars;
    private final AuditRepository audit;
    private final Caller caller;

    public CalendarResource(CalendarService calendars, AuditRepository audit, Caller caller) {
        this.calendars = calendars;
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.INTEGRATION})
    @Operation(summary = "List calendars", description = "Paged, by id.")
    public Page<CalendarView> list(@BeanParam @Valid PageRequest paging) {
        Page<BusinessCalendarEntity> page = calendars.list(paging);
        return new Page<>(page.items().stream().map(this::view).toList(), page.page(), page.size(), page.total());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.VIEWER, Roles.INTEGRATION})
    @Operation(summary = "Read a calendar", description = "With the agreements whose latest version uses it.")
    public CalendarView get(@PathParam("id") String id) {
        return view(calendars.get(id));
    }

    @POST
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Create a calendar", description = "Every problem of the definition is reported at once, by field.")
    public Response create(@Valid @NotNull CalendarRequest request) {
        BusinessCalendarEntity c = calendars.create(request.id(), request.name(), request.spec(), caller.name());
        return Response.created(URI.create("/api/calendars/" + c.id)).entity(view(c)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Change a calendar", description = "Applies from `effectiveFrom` (default now). When agreements"
            + " in force use it, `calendar.changed` is published with the calendar and those agreements.")
    public CalendarView change(@PathParam("id") String id, @Valid @NotNull CalendarRequest request) {
        if (request.id() != null && !request.id().equals(id)) {
            throw ProblemException.invalid("id", "the id of a calendar cannot change (it is " + id + ")");
        }
        return view(calendars.change(id, request.name(), request.spec(), request.effectiveFrom(), caller.name()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete a calendar", description = "409 while an agreement uses it.")
    public Response delete(@PathParam("id") String id) {
        calendars.delete(id, caller.name());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/holidays:import")
    @Consumes("text/calendar")
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Import holidays from an iCalendar file", description = "All-day VEVENTs become holidays"
            + " (yearly RRULEs stay yearly); holidays already present are not added twice. A calendar change from"
            + " `effectiveFrom` (default now).")
    @RequestBody(description = "An .ics file", required = true)
    public CalendarView importHolidays(@PathParam("id") String id, @QueryParam("effectiveFrom") String effectiveFrom,
            byte[] ics) {
        if (ics == null || ics.length == 0) {
            throw ProblemException.invalid("body", "an iCalendar (.ics) body is required");
        }
        return view(calendars.importHolidays(id, new ByteArrayInputStream(ics), instant(effectiveFrom), caller.name()));
    }

    @POST
    @Path("{id}/due")
    @RolesAllowed({Roles.VIEWER, Roles.INTEGRATION})
    @Operation(summary = "When is a business duration reached?",
            description = "The earliest instant at which `duration` of business time has passed since `from`.")
    public DueResponse due(@PathParam("id") String id, @Valid @NotNull DueRequest request) {
        return new DueResponse(calendars.due(id, request.from(), request.duration()));
    }

    @POST
    @Path("{id}/elapsed")
    @RolesAllowed({Roles.VIEWER, Roles.INTEGRATION})
    @Operation(summary = "How much business time lies between two instants?", description = "Zero when `to` is not after `from`.")
    public ElapsedResponse elapsed(@PathParam("id") String id, @Valid @NotNull ElapsedRequest request) {
        return new ElapsedResponse(calendars.elapsed(id, request.from(), request.to()));
    }

    @GET
    @Path("{id}/audit")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The calendar's audit trail", description = "Who changed what and when, oldest first.")
    public Page<AuditView> audit(@PathParam("id") String id, @BeanParam @Valid PageRequest paging) {
        return new Page<>(audit.page(AuditTrail.CALENDAR, id, paging.page, paging.size).stream().map(AuditView::of).toList(),
                paging.page, paging.size, audit.countFor(AuditTrail.CALENDAR, id));
    }

    private CalendarView view(BusinessCalendarEntity c) {
        CalendarSpec spec = calendars.spec(c);
        return new CalendarView(c.id, c.name, spec.zone(), spec.weeklyHours(), spec.holidays(), spec.exceptions(),
                c.effectiveFrom, calendars.usedBy(c.id), c.createdAt, c.updatedAt);
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("effectiveFrom", "'" + value + "' is not an instant such as 2026-05-01T00:00:00Z");
        }
    }
}
