package io.accord.agreement.rest;

import io.accord.agreement.domain.Agreement;
import io.accord.agreement.domain.AgreementTerms;
import io.accord.agreement.repository.AuditRepository;
import io.accord.agreement.rest.AgreementDtos.AgreementView;
import io.accord.agreement.rest.AgreementDtos.MatchResponse;
import io.accord.agreement.rest.AgreementDtos.ReasonRequest;
import io.accord.agreement.rest.AgreementDtos.RenewalRequest;
import io.accord.agreement.rest.AgreementDtos.TerminationRequest;
import io.accord.agreement.service.AgreementChecks;
import io.accord.agreement.service.AgreementService;
import io.accord.agreement.service.AuditTrail;
import io.accord.model.agreement.AgreementStatus;
import io.accord.model.agreement.AgreementType;
import io.accord.model.agreement.AgreementVersion;
import io.accord.model.agreement.ExternalRef;
import io.accord.model.agreement.ItemAttributes;
import io.accord.model.agreement.Priority;
import io.accord.platform.problem.ProblemException;
import io.accord.platform.rest.Page;
import io.accord.platform.rest.PageRequest;
import io.accord.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agreements", description = "Versioned SLA, OLA and UC agreements and their lifecycle")
public class AgreementResource {

    private static final String IF_MATCH_DESCRIPTION = "The ETag read last; a stale one is answered 412";
    private static final String SLA_EXAMPLE = """
            {"type": "SLA", "name": "Managed hosting for Brasserie Lumière",
             "providerPartyId": "0b8e2d7a-3c41-4f6e-8a2b-5d9c1e7f3a01", "customerPartyId": "4a7d9e12-6b3f-4c8a-9e21-7f5b3d8c2e02",
             "services": ["web-hosting"], "scope": {"itemTypes": ["ticket"]},
             "effectiveFrom": "2026-01-01T00:00:00Z", "effectiveTo": "2027-01-01T00:00:00Z",
             "renewal": {"autoRenew": true, "term": "P1Y", "noticePeriod": "P3M"},
             "reportingPeriod": "MONTH", "zone": "Europe/Paris", "monthlyFee": {"amount": "1200.00", "currency": "EUR"},
             "objectives": [
               {"objectiveKey": "availability", "kind": "AVAILABILITY", "availabilityTarget": 99.9, "calendarId": "24x7-paris"},
               {"objectiveKey": "intervention", "kind": "TIME_TO_TARGET", "metric": "FIRST_RESPONSE",
                "targets": {"P1": "PT2H", "P3": "PT9H"}, "calendarId": "office-hours-paris", "siteCalendarIds": {}}]}""";

    private final AgreementService agreements;
    private final AuditRepository audit;
    private final Caller caller;
    private final Clock clock;

    public AgreementResource(AgreementService agreements, AuditRepository audit, Caller caller, Clock clock) {
        this.agreements = agreements;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Path("agreements")
    @RolesAllowed({Roles.VIEWER, Roles.INTEGRATION, Roles.CUSTOMER})
    @Operation(summary = "List agreements", description = "Paged, oldest first. A customer sees only its own party's.")
    public Page<AgreementView> list(@QueryParam("status") AgreementStatus status, @QueryParam("type") AgreementType type,
            @Parameter(description = "a party id: agreements where it is provider or customer") @QueryParam("party") UUID party,
            @BeanParam @Valid PageRequest paging) {
        Page<Agreement> page = agreements.list(status, type, party, caller.restrictedToParty(), paging);
        return new Page<>(page.items().stream().map(a -> view(a, false)).toList(), page.page(), page.size(), page.total());
    }

    @POST
    @Path("agreements")
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Create a draft agreement", description = "Version 1, status DRAFT. Every broken rule is"
            + " reported at once, by field.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "sla", value = SLA_EXAMPLE)))
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull AgreementTerms terms) {
        Agreement agreement = agreements.create(terms, caller.name());
        return Response.created(URI.create("/api/agreements/" + agreement.id)).tag(etag(agreement))
                .entity(view(agreement, true)).build();
    }

    @GET
    @Path("agreements/{id}")
    @RolesAllowed({Roles.VIEWER, Roles.INTEGRATION, Roles.CUSTOMER})
    @Operation(summary = "Read an agreement", description = "Its current version, status and checks, with an ETag.")
    public Response get(@PathParam("id") UUID id) {
        Agreement agreement = agreements.get(id, caller.restrictedToParty());
        return Response.ok(view(agreement, true)).tag(etag(agreement)).build();
    }

    @PUT
    @Path("agreements/{id}")
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Rewrite a draft", description = "Only while DRAFT (409 otherwise: amend an active agreement).")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") UUID id, @Parameter(description = IF_MATCH_DESCRIPTION) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull AgreementTerms terms) {
        return answer(agreements.update(id, ifMatch, terms, caller.name()));
    }

    @DELETE
    @Path("agreements/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete a draft", description = "Only while DRAFT; later an agreement is terminated, never deleted.")
    public Response delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        agreements.delete(id, ifMatch, caller.name());
        return Response.noContent().build();
    }

    @POST
    @Path("agreements/{id}/submit")
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Submit a draft for review", description = "DRAFT -> IN_REVIEW.")
    public Response submit(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return answer(agreements.submit(id, ifMatch, caller.name()));
    }

    @POST
    @Path("agreements/{id}/approve")
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Approve an agreement in review", description = "IN_REVIEW -> APPROVED.")
    public Response approve(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return answer(agreements.approve(id, ifMatch, caller.name()));
    }

    @POST
    @Path("agreements/{id}/activate")
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Activate an approved agreement", description = "At once when its effectiveFrom has come"
            + " (or is absent), publishing agreement.activated; otherwise scheduled for its effectiveFrom.")
    public Response activate(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return answer(agreements.activate(id, ifMatch, caller.name()));
    }

    @POST
    @Path("agreements/{id}/suspend")
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Suspend an active agreement", description = "Its clocks pause. Publishes agreement.suspended.")
    public Response suspend(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid ReasonRequest request) {
        return answer(agreements.suspend(id, ifMatch, request == null ? null : request.reason(), caller.name()));
    }

    @POST
    @Path("agreements/{id}/resume")
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Resume a suspended agreement", description = "Publishes agreement.resumed.")
    public Response resume(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return answer(agreements.resume(id, ifMatch, caller.name()));
    }

    @POST
    @Path("agreements/{id}/terminate")
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Terminate an agreement now", description = "With a reason. Publishes agreement.terminated.")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response terminate(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull TerminationRequest request) {
        return answer(agreements.terminate(id, ifMatch, request.reason(), caller.name()));
    }

    @POST
    @Path("agreements/{id}/amend")
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Amend an active or suspended agreement", description = "Creates version n+1 applying from its"
            + " effectiveFrom (default now); earlier versions stay readable and unchanged. Publishes agreement.amended.")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response amend(@PathParam("id") UUID id, @Parameter(description = IF_MATCH_DESCRIPTION) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull AgreementTerms terms) {
        return answer(agreements.amend(id, ifMatch, terms, caller.name()));
    }

    @POST
    @Path("agreements/{id}/renew")
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Renew an agreement", description = "Extends effectiveTo by a term. Publishes agreement.renewed.")
    public Response renew(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid RenewalRequest request) {
        return answer(agreements.renew(id, ifMatch, request == null ? null : request.term(), caller.name()));
    }

    @GET
    @Path("agreements/{id}/versions")
    @RolesAllowed({Roles.VIEWER, Roles.INTEGRATION, Roles.CUSTOMER})
    @Operation(summary = "An agreement's versions", description = "Oldest first, each as published in events.")
    public Page<AgreementVersion> versions(@PathParam("id") UUID id, @BeanParam @Valid PageRequest paging) {
        return agreements.versions(agreements.get(id, caller.restrictedToParty()), paging);
    }

    @GET
    @Path("agreements/{id}/versions/{version}")
    @RolesAllowed({Roles.VIEWER, Roles.INTEGRATION, Roles.CUSTOMER})
    @Operation(summary = "One version of an agreement")
    public AgreementVersion version(@PathParam("id") UUID id, @PathParam("version") int version) {
        return agreements.version(agreements.get(id, caller.restrictedToParty()), version);
    }

    @GET
    @Path("agreements/{id}/checks")
    @RolesAllowed({Roles.VIEWER, Roles.INTEGRATION, Roles.CUSTOMER})
    @Operation(summary = "Consistency checks of the current version", description = "Underpinning targets looser than"
            + " the SLA's, sites without a calendar, penalties on unknown objectives, overlapping or non-monotonic credit tiers.")
    public List<AgreementChecks.Check> checks(@PathParam("id") UUID id) {
        return agreements.checks(agreements.get(id, caller.restrictedToParty()));
    }

    @GET
    @Path("agreements/{id}/audit")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The agreement's audit trail", description = "Who changed what and when, oldest first.")
    public Page<AuditView> audit(@PathParam("id") UUID id, @BeanParam @Valid PageRequest paging) {
        agreements.get(id, Optional.empty());
        return new Page<>(audit.page(AuditTrail.AGREEMENT, id.toString(), paging.page, paging.size).stream()
                .map(AuditView::of).toList(), paging.page, paging.size, audit.countFor(AuditTrail.AGREEMENT, id.toString()));
    }

    @GET
    @Path("agreements/match")
    @RolesAllowed({Roles.VIEWER, Roles.INTEGRATION})
    @Operation(summary = "Which agreements cover an item?", description = "The versions in force at `at` (default now)"
            + " whose parties, services and scope match, with the objectives that would start a clock for `priority` and"
            + " the calendar each would use. Parties are a party id or a source reference `source:id`.")
    public MatchResponse match(
            @Parameter(description = "customer party id or `source:id`, e.g. zendesk-eu:org-4711") @QueryParam("customer") String customer,
            @Parameter(description = "assignee team: party id or `source:id`") @QueryParam("team") String team,
            @Parameter(description = "supplier: party id or `source:id`") @QueryParam("supplier") String supplier,
            @Parameter(description = "service code, e.g. web-hosting") @QueryParam("service") String service,
            @QueryParam("itemType") String itemType, @QueryParam("priority") String priority,
            @QueryParam("site") String site, @QueryParam("channel") String channel,
            @Parameter(description = "comma-separated tags") @QueryParam("tags") String tags,
            @Parameter(description = "instant, default now") @QueryParam("at") String at) {
        ItemAttributes.Builder item = ItemAttributes.builder().service(blankToNull(service)).itemType(blankToNull(itemType))
                .site(blankToNull(site)).channel(blankToNull(channel))
                .tags(tags == null || tags.isBlank() ? List.of() : Arrays.stream(tags.split(",")).map(String::trim)
                        .filter(t -> !t.isEmpty()).toList());
        PartyParam c = PartyParam.parse("customer", customer);
        PartyParam t = PartyParam.parse("team", team);
        PartyParam s = PartyParam.parse("supplier", supplier);
        item.customerPartyId(c.id).customerRef(c.ref).teamPartyId(t.id).teamRef(t.ref).supplierPartyId(s.id).supplierRef(s.ref);
        if (priority != null && !priority.isBlank()) {
            try {
                item.priority(Priority.valueOf(priority));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("priority", "'" + priority + "' is not one of P1, P2, P3, P4");
            }
        }
        Instant instant;
        try {
            instant = at == null || at.isBlank() ? clock.instant() : Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("at", "'" + at + "' is not an instant such as 2026-03-27T16:30:00Z");
        }
        return new MatchResponse(instant, agreements.match(item.build(), instant));
    }

    @GET
    @Path("agreements:snapshot")
    @RolesAllowed(Roles.INTERNAL)
    @Operation(summary = "Snapshot of the agreements in force, for Accord's services", description = "Every version of"
            + " the agreements that are active or suspended, or ended less than two reporting periods ago, with their"
            + " calendars embedded; by agreement and version. Consumers keep the highest (agreementId, version).")
    public Page<AgreementVersion> snapshot(@BeanParam @Valid PageRequest paging) {
        return agreements.snapshot(clock.instant(), paging);
    }

    private Response answer(Agreement agreement) {
        return Response.ok(view(agreement, true)).tag(etag(agreement)).build();
    }

    private AgreementView view(Agreement a, boolean withChecks) {
        return new AgreementView(a.id, a.status, a.currentVersion, a.activationScheduled, a.statusReason, a.createdAt,
                a.updatedAt, agreements.current(a), withChecks ? agreements.checks(a) : null);
    }

    private static jakarta.ws.rs.core.EntityTag etag(Agreement a) {
        return new jakarta.ws.rs.core.EntityTag(String.valueOf(a.rowVersion));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private record PartyParam(UUID id, ExternalRef ref) {
        static PartyParam parse(String field, String value) {
            if (value == null || value.isBlank()) {
                return new PartyParam(null, null);
            }
            try {
                return new PartyParam(UUID.fromString(value), null);
            } catch (IllegalArgumentException e) {
                int colon = value.indexOf(':');
                if (colon <= 0 || colon == value.length() - 1) {
                    throw ProblemException.invalid(field, "'" + value + "' is neither a party id nor a reference source:id");
                }
                return new PartyParam(null, ExternalRef.of(value.substring(0, colon), value.substring(colon + 1)));
            }
        }
    }
}
