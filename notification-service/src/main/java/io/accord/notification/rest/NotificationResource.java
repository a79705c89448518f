package io.accord.notification.rest;

import io.accord.notification.domain.Delivery;
import io.accord.notification.domain.DeliveryStatus;
import io.accord.notification.service.DeliveryWorker;
import io.accord.platform.problem.ProblemException;
import io.accord.platform.rest.Page;
import io.accord.platform.rest.PageRequest;
import io.accord.platform.security.Roles;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The delivery log: every message planned, sent, retrying or failed, and a manager's retry. */
@Path("/api/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    private final SecurityIdentity identity;
    private final DeliveryWorker worker;
    private final Clock clock;

    public NotificationResource(SecurityIdentity identity, DeliveryWorker worker, Clock clock) {
        this.identity = identity;
        this.worker = worker;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({ Roles.VIEWER, Roles.CUSTOMER })
    @Transactional
    public Page<NotificationView> list(@QueryParam("clockId") UUID clockId, @QueryParam("agreementId") UUID agreementId,
            @QueryParam("status") String status, @QueryParam("channel") String channel,
            @BeanParam @Valid PageRequest paging) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (clockId != null) {
            where.add("clockId = :clockId");
            parameters.and("clockId", clockId);
        }
        if (agreementId != null) {
            where.add("agreementId = :agreementId");
            parameters.and("agreementId", agreementId);
        }
        if (status != null) {
            where.add("status = :status");
            parameters.and("status", parse(DeliveryStatus.class, "status", status));
        }
        if (channel != null) {
            where.add("channelKind = :channel");
            parameters.and("channel", parse(io.accord.notification.domain.ChannelKind.class, "channel", channel));
        }
        if (!identity.hasRole(Roles.VIEWER)) {
            // A customer's people see the notifications about their own party only
            where.add("customerPartyId = :party");
            parameters.and("party", partyOfCaller());
        }
        String query = where.isEmpty() ? "" : String.join(" and ", where);
        PanacheQuery<Delivery> found = Delivery.find(query, Sort.descending("createdAt").and("id"), parameters);
        List<NotificationView> items = found.page(paging.page, paging.size).list().stream()
                .map(NotificationView::of).toList();
        return new Page<>(items, paging.page, paging.size, found.count());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.VIEWER, Roles.CUSTOMER })
    @Transactional
    public NotificationView get(@PathParam("id") UUID id) {
        Delivery delivery = Delivery.findById(id);
        if (delivery == null || (!identity.hasRole(Roles.VIEWER) && !partyOfCaller().equals(delivery.customerPartyId))) {
            throw ProblemException.notFound("no notification " + id);
        }
        return NotificationView.of(delivery);
    }

    /** Sends a failed (or waiting) notification again now; the answer shows the outcome of that attempt. */
    @POST
    @Path("{id}/retry")
    @RolesAllowed(Roles.MANAGER)
    public NotificationView retry(@PathParam("id") UUID id) {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            Delivery delivery = Delivery.findById(id);
            if (delivery == null) {
                throw ProblemException.notFound("no notification " + id);
            }
            if (delivery.status == DeliveryStatus.SENT || delivery.status == DeliveryStatus.CANCELLED) {
                throw ProblemException.conflict("notification " + id + " is " + delivery.status + " and is not retried");
            }
            // A manual retry starts a fresh series of attempts
            delivery.status = DeliveryStatus.PENDING;
            delivery.attempts = 0;
            delivery.nextAttemptAt = now;
            delivery.updatedAt = now;
        });
        worker.attempt(id, now);
        return QuarkusTransaction.requiringNew().call(() -> NotificationView.of(Delivery.findById(id)));
    }

    private UUID partyOfCaller() {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object claim = token.getClaim(Roles.PARTY_CLAIM);
            if (claim != null) {
                try {
                    return UUID.fromString(claim.toString().replace("\"", ""));
                } catch (IllegalArgumentException e) {
                    // falls through: a malformed claim sees nothing
                }
            }
        }
        return new UUID(0, 0);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
