package io.accord.clock.rest;

import io.accord.clock.webhook.WebhookReceiver;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where helpdesks and CRMs deliver their webhooks, one URL per source. No bearer token: the body is read as bytes
 * and authenticated by the provider's own scheme before it is parsed.
 */
@Path("/api/webhooks/{sourceId}")
@Tag(name = "Webhooks")
public class WebhooksResource {

    private final WebhookReceiver receiver;

    public WebhooksResource(WebhookReceiver receiver) {
        this.receiver = receiver;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive a provider's webhook for a source",
            description = "Authenticated by the source's provider scheme (Zendesk and HubSpot v3 signatures with a "
                    + "5-minute timestamp window, Jira's X-Hub-Signature, or the X-Accord-Webhook-Secret header for "
                    + "Freshdesk and generic sources); any failure, and an unknown source, is 401 and stores "
                    + "nothing. The payload becomes normalized events applied like POST /api/work-items/events; "
                    + "the answer gives each event's outcome and the raw values the mapping did not know.")
    @RequestBody(description = "The provider's payload, byte for byte as signed")
    public WebhookResult receive(@PathParam("sourceId") String sourceId, byte[] body, @Context HttpHeaders headers,
            @Context UriInfo uri) throws IOException {
        return receiver.receive(new WebhookReceiver.Delivery(sourceId, "POST", uri.getRequestUri(),
                headers::getHeaderString, body));
    }
}
