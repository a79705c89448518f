package io.accord.agreement.rest;

import io.accord.agreement.domain.CatalogueService;
import io.accord.agreement.rest.ServiceDtos.ServiceRequest;
import io.accord.agreement.rest.ServiceDtos.ServiceView;
import io.accord.agreement.service.ServiceCatalogue;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/services")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Service catalogue", description = "The services agreements cover; items name them by code")
public class ServiceResource {

    private final ServiceCatalogue catalogue;
    private final Caller caller;

    public ServiceResource(ServiceCatalogue catalogue, Caller caller) {
        this.catalogue = catalogue;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.INTEGRATION})
    @Operation(summary = "List services", description = "Paged, by code.")
    public Page<ServiceView> list(@BeanParam @Valid PageRequest paging) {
        Page<CatalogueService> page = catalogue.list(paging);
        return new Page<>(page.items().stream().map(ServiceResource::view).toList(), page.page(), page.size(), page.total());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.VIEWER, Roles.INTEGRATION})
    @Operation(summary = "Read a service")
    public ServiceView get(@PathParam("id") UUID id) {
        return view(catalogue.get(id));
    }

    @POST
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Add a service to the catalogue", description = "Codes are unique (400 otherwise).")
    public Response create(@Valid @NotNull ServiceRequest request) {
        CatalogueService s = catalogue.create(request.code(), request.name(), request.description(), caller.name());
        return Response.created(URI.create("/api/services/" + s.id)).entity(view(s)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Replace a service", description = "The code cannot change while agreements cover the service.")
    public ServiceView update(@PathParam("id") UUID id, @Valid @NotNull ServiceRequest request) {
        return view(catalogue.update(id, request.code(), request.name(), request.description(), caller.name()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete a service", description = "409 while an agreement covers it.")
    public Response delete(@PathParam("id") UUID id) {
        catalogue.delete(id, caller.name());
        return Response.noContent().build();
    }

    static ServiceView view(CatalogueService s) {
        return new ServiceView(s.id, s.code, s.name, s.description, s.createdAt, s.updatedAt);
    }
}
