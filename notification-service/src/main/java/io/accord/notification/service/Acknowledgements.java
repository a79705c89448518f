package io.accord.notification.service;

import io.accord.notification.domain.Acknowledgement;
import io.accord.notification.domain.Escalation;
import io.accord.notification.domain.MessageKind;
import io.accord.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Someone owns the breach: record who, stop the reminders, drop reminders still waiting to be sent. */
@ApplicationScoped
public class Acknowledgements {

    private final EscalationService escalations;
    private final Deliveries deliveries;

    public Acknowledgements(EscalationService escalations, Deliveries deliveries) {
        this.escalations = escalations;
        this.deliveries = deliveries;
    }

    /** The acknowledgement of the clock: the first one, kept when acknowledged again. */
    @Transactional
    public Acknowledgement acknowledge(UUID clockId, String who, String note, Instant now) {
        if (Escalation.findById(clockId) == null) {
            throw ProblemException.notFound("no escalation for clock " + clockId);
        }
        Acknowledgement existing = Acknowledgement.findById(clockId);
        if (existing != null) {
            return existing;
        }
        Acknowledgement ack = new Acknowledgement();
        ack.clockId = clockId;
        ack.acknowledgedBy = who;
        ack.acknowledgedAt = now;
        ack.note = note;
        ack.persist();
        escalations.stopReminders(clockId, "ACKNOWLEDGED", now);
        deliveries.cancelOpen(clockId, List.of(MessageKind.REMINDER), "acknowledged by " + who, now);
        return ack;
    }
}
