package io.accord.notification.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accord.model.agreement.AgreementVersion;
import io.accord.model.agreement.EscalationPolicy.Level;
import io.accord.model.agreement.EscalationPolicy.TriggerKind;
import io.accord.model.events.EventType;
import io.accord.notification.domain.MessageKind;
import io.accord.platform.events.InboundEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * PENALTY levels on {@code penalty.assessed} with a non-zero {@code totalCredit}, REVIEW levels on
 * {@code penalty.review-required} (sla-model's {@code PenaltyAssessed} and {@code PenaltyReviewRequired}). The data is
 * read leniently (only {@code agreementId}, {@code customerPartyId} and {@code totalCredit} matter here), so these
 * events are escalated whatever else their records carry.
 */
@ApplicationScoped
public class PenaltyEscalations {

    private static final Logger LOG = Logger.getLogger(PenaltyEscalations.class);

    private final AgreementCopies agreements;
    private final Deliveries deliveries;
    private final ObjectMapper mapper;

    public PenaltyEscalations(AgreementCopies agreements, Deliveries deliveries, ObjectMapper mapper) {
        this.agreements = agreements;
        this.deliveries = deliveries;
        this.mapper = mapper;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onPenaltyEvent(EventType type, InboundEvent event, Instant now) {
        JsonNode data = event.data();
        UUID agreementId = uuid(data.path("agreementId").asText(null));
        if (agreementId == null) {
            throw new IllegalArgumentException("event " + event.id() + " names no agreementId");
        }
        if (type == EventType.PENALTY_ASSESSED && !positive(data.path("totalCredit"))) {
            LOG.debugf("penalty of agreement %s is zero: nobody is told", agreementId);
            return;
        }
        Optional<AgreementVersion> agreement = agreements.latest(agreementId);
        if (agreement.isEmpty()) {
            LOG.warnf("agreement %s is not known yet, no escalation level applies", agreementId);
            return;
        }
        TriggerKind trigger = type == EventType.PENALTY_ASSESSED ? TriggerKind.PENALTY : TriggerKind.REVIEW;
        MessageKind kind = type == EventType.PENALTY_ASSESSED ? MessageKind.PENALTY : MessageKind.REVIEW;
        Deliveries.Subject subject = new Deliveries.Subject(Deliveries.eventUuid(event.id()), event.type(), kind, null,
                agreementId, uuid(data.path("customerPartyId").asText(null)), ReceivedEvents.toJson(event, mapper));
        for (Level level : EscalationRules.levelsFiring(agreement.get().escalationPolicy(), trigger, null)) {
            deliveries.plan(subject, level, EscalationRules.sendableFrom(level, agreement.get().calendars(), now), now);
        }
    }

    private static boolean positive(JsonNode total) {
        JsonNode amount = total.isObject() ? total.path("amount") : total;
        try {
            return amount.isMissingNode() || amount.isNull() || new BigDecimal(amount.asText()).signum() != 0;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
