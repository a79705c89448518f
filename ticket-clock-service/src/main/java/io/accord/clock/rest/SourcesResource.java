package io.accord.clock.rest;

import io.accord.clock.service.ItemExplanations;
import io.accord.clock.service.SourceMappings;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Sources of work items (a helpdesk or CRM account each) and their mappings. Everyone with a staff role reads them;
 * only administrators change them. The webhook secret is a reference: never stored, never returned.
 */
@Path("/api/sources")
@Tag(name = "Sources")
@Produces(MediaType.APPLICATION_JSON)
public class SourcesResource {

    private final SourceMappings sources;
    private final ItemExplanations explanations;

    public SourcesResource(SourceMappings sources, ItemExplanations explanations) {
        this.sources = sources;
        this.explanations = explanations;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "List sources with their mappings")
    public Page<SourceView> list(@BeanParam @Valid PageRequest paging) {
        return sources.list(paging);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "A source: its mapping, webhook URL and whether its secret is configured")
    public SourceView get(@PathParam("id") String id) {
        return sources.get(id).orElseThrow(() -> ProblemException.notFound("source " + id + " not found"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a source", description = "Maps left out take the provider's defaults. 409 when "
            + "the id exists.")
    public Response create(@Valid @NotNull SourceRequest request) {
        SourceView created = sources.create(request);
        return Response.created(URI.create("/api/sources/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace a source's mapping", description = "Applies to events received afterwards; "
            + "stored events keep their values. Maps left out take the provider's defaults.")
    public SourceView update(@PathParam("id") String id, @Valid @NotNull SourceRequest request) {
        return sources.update(id, request);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete a source", description = "Its webhooks are refused from then on; its items, "
            + "their history and clocks stay.")
    public Response delete(@PathParam("id") String id) {
        sources.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/unmatched")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "What of the source is not clocked",
            description = "Items without any clock, with the reason from the agreement version that came closest "
                    + "to covering them, and events whose raw status or priority the mapping did not know. Both "
                    + "lists are paged with the same page and size.")
    public UnmatchedView unmatched(@PathParam("id") String id, @BeanParam @Valid PageRequest paging) {
        if (sources.get(id).isEmpty()) {
            throw ProblemException.notFound("source " + id + " not found");
        }
        return explanations.unmatched(id, paging);
    }
}
