package io.accord.penalty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accord.platform.rest.Page;
import io.accord.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Stands in for agreement-service's snapshot endpoint (same path) in tests: the golden hosting agreement under each of
 * {@link #AGREEMENTS}, one per page, readable by Accord's internal client only.
 */
@Path("/api/agreements:snapshot")
@Produces(MediaType.APPLICATION_JSON)
public class AgreementSnapshotStandIn {

    static final List<UUID> AGREEMENTS = List.of(UUID.randomUUID(), UUID.randomUUID());

    @GET
    @RolesAllowed(Roles.INTERNAL)
    public Page<JsonNode> page(@QueryParam("page") int page, @QueryParam("size") int size) {
        List<JsonNode> items = new ArrayList<>();
        if (page < AGREEMENTS.size()) {
            ObjectNode agreement = (ObjectNode) Events.agreementActivated(AGREEMENTS.get(page)).get("data")
                    .get("agreement");
            items.add(agreement);
        }
        // one version per page, to prove every page is read
        return new Page<>(items, page, 1, AGREEMENTS.size());
    }
}
