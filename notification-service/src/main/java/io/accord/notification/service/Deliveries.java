package io.accord.notification.service;

import io.accord.model.agreement.EscalationPolicy.Level;
import io.accord.model.agreement.EscalationPolicy.Recipient;
import io.accord.notification.domain.Channel;
import io.accord.notification.domain.ChannelKind;
import io.accord.notification.domain.Delivery;
import io.accord.notification.domain.DeliveryStatus;
import io.accord.notification.domain.MessageKind;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Creates delivery records: one per (event, level, recipient), inserted with {@code on conflict do nothing} so the
 * unique constraint, not luck, makes a second copy impossible.
 */
@ApplicationScoped
public class Deliveries {

    private static final String INSERT = """
            insert into delivery (id, event_id, event_type, message_kind, level, recipient_key, channel_kind,
                recipient, locale, zone, clock_id, agreement_id, customer_party_id, status, attempts,
                next_attempt_at, cloud_event, created_at, updated_at)
            values (:id, :eventId, :eventType, :kind, :level, :recipientKey, :channelKind, :recipient, :locale,
                :zone, :clockId, :agreementId, :party, 'PENDING', 0, :notBefore, cast(:cloudEvent as jsonb), :now, :now)
            on conflict (event_id, level, recipient_key) do nothing
            """;

    /** What a set of deliveries is about. */
    public record Subject(UUID eventId, String eventType, MessageKind kind, UUID clockId, UUID agreementId,
            UUID customerPartyId, String cloudEvent) {
    }

    /** Plans one delivery per recipient of {@code level}; returns how many were new. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int plan(Subject subject, Level level, Instant notBefore, Instant now) {
        int created = 0;
        for (Recipient recipient : level.recipients()) {
            created += plan(subject, level.level(), recipient, notBefore, now);
        }
        return created;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int plan(Subject subject, int level, Recipient recipient, Instant notBefore, Instant now) {
        boolean email = recipient.email() != null && !recipient.email().isBlank();
        String target = email ? recipient.email().trim() : recipient.channelId();
        if (target == null || target.isBlank()) {
            return 0;
        }
        ChannelKind kind = email ? ChannelKind.EMAIL : channelKind(target);
        return Panache.getEntityManager().createNativeQuery(INSERT)
                .setParameter("id", UUID.randomUUID())
                .setParameter("eventId", subject.eventId())
                .setParameter("eventType", subject.eventType())
                .setParameter("kind", subject.kind().name())
                .setParameter("level", level)
                .setParameter("recipientKey", recipientKey(recipient))
                .setParameter("channelKind", kind == null ? null : kind.name())
                .setParameter("recipient", target)
                .setParameter("locale", locale(recipient.locale()))
                .setParameter("zone", recipient.zone() == null || recipient.zone().isBlank() ? "UTC" : recipient.zone())
                .setParameter("clockId", subject.clockId())
                .setParameter("agreementId", subject.agreementId())
                .setParameter("party", subject.customerPartyId())
                .setParameter("notBefore", notBefore)
                .setParameter("cloudEvent", subject.cloudEvent())
                .setParameter("now", now)
                .executeUpdate();
    }

    /** Deliveries of a clock about its breach (the breach itself and reminders) in the given statuses. */
    public List<Delivery> breachNotices(UUID clockId, List<DeliveryStatus> statuses) {
        return Delivery.list("clockId = ?1 and messageKind in ?2 and status in ?3", clockId,
                List.of(MessageKind.BREACH, MessageKind.REMINDER), statuses);
    }

    /** Cancels reminder and breach messages of a clock not sent yet (an ack or a withdrawn breach made them moot). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelOpen(UUID clockId, List<MessageKind> kinds, String reason, Instant now) {
        return Delivery.update("status = ?1, lastError = ?2, updatedAt = ?3, nextAttemptAt = null "
                + "where clockId = ?4 and messageKind in ?5 and status in ?6", DeliveryStatus.CANCELLED, reason, now,
                clockId, kinds, List.of(DeliveryStatus.PENDING, DeliveryStatus.RETRYING));
    }

    /** {@code email:<lower-cased address>} or {@code channel:<id>}: what "the same recipient" means. */
    public static String recipientKey(Recipient recipient) {
        if (recipient.email() != null && !recipient.email().isBlank()) {
            return "email:" + recipient.email().trim().toLowerCase(Locale.ROOT);
        }
        return "channel:" + recipient.channelId();
    }

    /** The event id as a UUID; an id that is not one (other producers) maps to a stable name-based UUID. */
    public static UUID eventUuid(String eventId) {
        try {
            return UUID.fromString(eventId);
        } catch (IllegalArgumentException e) {
            return UUID.nameUUIDFromBytes(eventId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    static String locale(String locale) {
        return locale == null || locale.isBlank() ? "en" : locale.trim().toLowerCase(Locale.ROOT);
    }

    private static ChannelKind channelKind(String channelId) {
        Channel channel = Channel.findById(channelId);
        return channel == null ? null : channel.kind;
    }
}
