package io.accord.notification.rest;

import io.accord.notification.domain.Acknowledgement;
import io.accord.notification.domain.Escalation;
import io.accord.notification.domain.Reminder;
import io.accord.notification.service.Acknowledgements;
import io.accord.platform.problem.ProblemException;
import io.accord.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A clock's escalation: its reminders and acknowledgement; acknowledging stops the reminders. */
@Path("/api/escalations/{clockId}")
@Produces(MediaType.APPLICATION_JSON)
public class EscalationResource {

    @Schema(name = "AckRequest")
    public record AckRequest(@Size(max = 1000) @Schema(example = "On it, customer called") String note) {
    }

    @Schema(name = "Acknowledgement")
    public record AckView(UUID clockId, String acknowledgedBy, Instant acknowledgedAt, String note) {
        static AckView of(Acknowledgement ack) {
            return ack == null ? null : new AckView(ack.clockId, ack.acknowledgedBy, ack.acknowledgedAt, ack.note);
        }
    }

    @Schema(name = "Reminder")
    public record ReminderView(int level, String status, Instant nextAt, String repeatEvery, int sent,
            String stopReason) {
    }

    @Schema(name = "Escalation")
    public record EscalationView(UUID clockId, UUID agreementId, int revision, String outcome, Instant breachedAt,
            Instant endedAt, AckView acknowledgement, List<ReminderView> reminders) {
    }

    private final Acknowledgements acknowledgements;
    private final SecurityIdentity identity;
    private final Clock clock;

    public EscalationResource(Acknowledgements acknowledgements, SecurityIdentity identity, Clock clock) {
        this.acknowledgements = acknowledgements;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Transactional
    public EscalationView get(@PathParam("clockId") UUID clockId) {
        Escalation escalation = Escalation.findById(clockId);
        if (escalation == null) {
            throw ProblemException.notFound("no escalation for clock " + clockId);
        }
        List<ReminderView> reminders = Reminder.<Reminder>list("key.clockId = ?1 order by key.level", clockId).stream()
                .map(r -> new ReminderView(r.key.level(), r.status.name(), r.nextAt, r.repeatEvery, r.sentCount,
                        r.stopReason))
                .toList();
        return new EscalationView(clockId, escalation.agreementId, escalation.revision, escalation.outcome,
                escalation.breachedAt, escalation.endedAt, AckView.of(Acknowledgement.findById(clockId)), reminders);
    }

    /** Records who owns the breach (from the token) and stops the reminders; acknowledging again changes nothing. */
    @POST
    @Path("ack")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AGENT)
    public AckView acknowledge(@PathParam("clockId") UUID clockId, @Valid AckRequest request) {
        String who = identity.getPrincipal().getName();
        return AckView.of(acknowledgements.acknowledge(clockId, who, request == null ? null : request.note(),
                clock.instant()));
    }
}
