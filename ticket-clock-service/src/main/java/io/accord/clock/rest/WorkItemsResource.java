package io.accord.clock.rest;

import io.accord.clock.service.ItemExplanations;
import io.accord.clock.service.WorkItemQueries;
import io.accord.platform.problem.ProblemException;
import io.accord.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A work item with its history and clocks. */
@Path("/api/work-items")
@Tag(name = "Work items")
public class WorkItemsResource {

    private final WorkItemQueries queries;
    private final ItemExplanations explanations;
    private final CallerScope scope;

    public WorkItemsResource(WorkItemQueries queries, ItemExplanations explanations, CallerScope scope) {
        this.queries = queries;
        this.explanations = explanations;
        this.scope = scope;
    }

    @GET
    @Path("/{source}/{externalId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VIEWER, Roles.INTEGRATION, Roles.CUSTOMER})
    @Operation(summary = "An item, its event history and its clocks as of now",
            description = "Clocks show elapsed and remaining business time and the percent of the target elapsed. "
                    + "A customer sees only items of its own party.")
    public WorkItemView get(@PathParam("source") String source, @PathParam("externalId") String externalId) {
        String what = "work item " + source + "/" + externalId;
        WorkItemView item = queries.item(source, externalId)
                .orElseThrow(() -> ProblemException.notFound(what + " not found"));
        scope.requireVisible(item.customerPartyId(), what);
        return item;
    }

    @GET
    @Path("/{source}/{externalId}/explain")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VIEWER, Roles.INTEGRATION, Roles.CUSTOMER})
    @Operation(summary = "Why the item has the clocks it has",
            description = "For every agreement version of the service's copy: in force or not, and whether the "
                    + "item's customer (team, supplier), service and scope match; for each objective the target "
                    + "and calendar it gives, or why it starts no clock; and each clock's segments (from, to, "
                    + "running or paused, target in force). A customer sees only items of its own party.")
    public ExplainView explain(@PathParam("source") String source, @PathParam("externalId") String externalId) {
        String what = "work item " + source + "/" + externalId;
        ItemExplanations.Explained explained = explanations.explain(source, externalId)
                .orElseThrow(() -> ProblemException.notFound(what + " not found"));
        scope.requireVisible(explained.customerPartyId(), what);
        return explained.view();
    }
}
