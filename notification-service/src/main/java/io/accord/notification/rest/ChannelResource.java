package io.accord.notification.rest;

import io.accord.notification.rest.ChannelDtos.ChannelChanges;
import io.accord.notification.rest.ChannelDtos.ChannelView;
import io.accord.notification.rest.ChannelDtos.NewChannel;
import io.accord.notification.rest.ChannelDtos.TestMessage;
import io.accord.notification.rest.ChannelDtos.TestResult;
import io.accord.notification.service.Channels;
import io.accord.notification.service.TestMessages;
import io.accord.platform.problem.Problem;
import io.accord.platform.problem.ProblemException;
import io.accord.api.ProblemKind;
import io.accord.platform.rest.Page;
import io.accord.platform.rest.PageRequest;
import io.accord.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
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
import java.time.Clock;

/**
 * Chat and webhook destinations. Managers create, rename, enable and disable them; setting a URL or a secret needs
 * an admin. URLs and secrets are write-only.
 */
@Path("/api/channels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChannelResource {

    private final Channels channels;
    private final TestMessages tests;
    private final SecurityIdentity identity;
    private final Clock clock;

    public ChannelResource(Channels channels, TestMessages tests, SecurityIdentity identity, Clock clock) {
        this.channels = channels;
        this.tests = tests;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Page<ChannelView> list(@BeanParam @Valid PageRequest paging) {
        return new Page<>(channels.list(paging.offset(), paging.size).stream().map(ChannelView::of).toList(),
                paging.page, paging.size, channels.count());
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.VIEWER)
    public ChannelView get(@PathParam("id") String id) {
        return ChannelView.of(channels.find(id));
    }

    @POST
    @RolesAllowed(Roles.MANAGER)
    public Response create(@NotNull @Valid NewChannel request) {
        requireAdminFor(request.url(), request.secret());
        ChannelView view = ChannelView.of(channels.create(request.id(), new Channels.Changes(request.kind(),
                request.name(), request.enabled(), request.url(), request.secret()), clock.instant()));
        return Response.created(URI.create("/api/channels/" + view.id())).entity(view).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.MANAGER)
    public ChannelView update(@PathParam("id") String id, @NotNull @Valid ChannelChanges request) {
        requireAdminFor(request.url(), request.secret());
        return ChannelView.of(channels.update(id, new Channels.Changes(request.kind(), request.name(),
                request.enabled(), request.url(), request.secret()), clock.instant()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("id") String id) {
        channels.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("test")
    @RolesAllowed(Roles.MANAGER)
    public TestResult test(@NotNull @Valid TestMessage request) {
        if ((request.channelId() == null) == (request.email() == null)) {
            throw ProblemException.invalid("channelId", "give either channelId or email");
        }
        var outcome = tests.send(request.channelId(), request.email(), request.locale());
        return new TestResult(outcome.sent(), outcome.error());
    }

    private void requireAdminFor(String url, String secret) {
        if ((url != null || secret != null) && !identity.hasRole(Roles.ADMIN)) {
            throw new ProblemException(Problem.of(ProblemKind.FORBIDDEN,
                    "setting a channel's url or secret needs " + Roles.ADMIN));
        }
    }
}
