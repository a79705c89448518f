package io.accord.clock.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.accord.platform.rest.Page;
import io.accord.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in, inside the test application, for agreement-service's snapshot endpoint (the test profile points
 * {@code accord.services.agreement.url} at the application itself); only Accord's own services may read it.
 */
@Path("/api/agreements:snapshot")
public class AgreementSnapshotFixture {

    public static final List<JsonNode> VERSIONS = new CopyOnWriteArrayList<>();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INTERNAL)
    public Page<JsonNode> snapshot(@QueryParam("page") int page, @QueryParam("size") int size) {
        List<JsonNode> items = VERSIONS.stream().skip((long) page * size).limit(size).toList();
        return new Page<>(items, page, size, VERSIONS.size());
    }
}
