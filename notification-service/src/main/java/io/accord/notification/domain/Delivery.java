package io.accord.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One message to one recipient for one (event, level): unique on {@code (eventId, level, recipientKey)}, so a
 * redelivered event or a second replica can never make a second one.
 */
@Entity
public class Delivery extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "event_type")
    public String eventType;

    @Enumerated(EnumType.STRING)
    @Column(name = "message_kind")
    public MessageKind messageKind;

    public int level;

    /** {@code email:<address>} or {@code channel:<id>}. */
    @Column(name = "recipient_key")
    public String recipientKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel_kind")
    public ChannelKind channelKind;

    /** The email address or the channel id. */
    public String recipient;

    public String locale;

    public String zone;

    @Column(name = "clock_id")
    public UUID clockId;

    @Column(name = "agreement_id")
    public UUID agreementId;

    @Column(name = "customer_party_id")
    public UUID customerPartyId;

    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    /** The CloudEvent the message is about, as received (webhooks get it verbatim, templates read its data). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "cloud_event")
    public String cloudEvent;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
