package io.accord.platform.tracing;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.Logger;

/** Logs one line and answers the request id it sees, on a worker thread and on the event loop. */
@Path("/tracing-probe")
@Produces(MediaType.TEXT_PLAIN)
public class TracingProbeResource {

    static final String MESSAGE = "tracing probe";
    private static final Logger LOG = Logger.getLogger(TracingProbeResource.class);

    @GET
    @Path("/blocking")
    @Blocking
    public String blocking() {
        LOG.info(MESSAGE);
        return String.valueOf(RequestIds.current());
    }

    @GET
    @Path("/event-loop")
    @NonBlocking
    public String eventLoop() {
        LOG.info(MESSAGE);
        return String.valueOf(RequestIds.current());
    }
}
