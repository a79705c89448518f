package io.accord.agreement.rest;

import io.accord.agreement.domain.Party;
import io.accord.agreement.rest.PartyDtos.ExternalRefRequest;
import io.accord.agreement.rest.PartyDtos.PartyRequest;
import io.accord.agreement.rest.PartyDtos.PartyView;
import io.accord.agreement.service.PartyService;
import io.accord.model.agreement.ExternalRef;
import io.accord.model.agreement.PartyKind;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/parties")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Parties", description = "Providers, external customers, internal departments and suppliers, with the references source systems use for them")
public class PartyResource {

    private final PartyService parties;
    private final Caller caller;

    public PartyResource(PartyService parties, Caller caller) {
        this.parties = parties;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "List parties", description = "Paged, by name; optionally of one kind.")
    public Page<PartyView> list(@QueryParam("kind") PartyKind kind, @BeanParam @Valid PageRequest paging) {
        Page<Party> page = parties.list(kind, paging);
        return new Page<>(page.items().stream().map(PartyResource::view).toList(), page.page(), page.size(), page.total());
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Read a party")
    public PartyView get(@PathParam("id") UUID id) {
        return view(parties.get(id));
    }

    @POST
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Create a party", description = "An external reference may name one party only (400 otherwise).")
    public Response create(@Valid @NotNull PartyRequest request) {
        Party party = parties.create(request.id(), request.kind(), request.name(),
                request.externalRefs().stream().map(ExternalRefRequest::toRef).toList(), caller.name());
        return Response.created(URI.create("/api/parties/" + party.id)).entity(view(party)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Replace a party's kind, name and external references")
    public PartyView update(@PathParam("id") UUID id, @Valid @NotNull PartyRequest request) {
        return view(parties.update(id, request.kind(), request.name(),
                request.externalRefs().stream().map(ExternalRefRequest::toRef).toList(), caller.name()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete a party", description = "409 while it is a party to an agreement.")
    public Response delete(@PathParam("id") UUID id) {
        parties.delete(id, caller.name());
        return Response.noContent().build();
    }

    static PartyView view(Party p) {
        return new PartyView(p.id, p.kind, p.name,
                p.externalRefs.stream().map(r -> ExternalRef.of(r.source, r.externalId)).toList(), p.createdAt, p.updatedAt);
    }
}
