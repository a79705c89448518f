package io.accord.notification.rest;

import io.accord.notification.domain.ChannelKind;
import io.accord.notification.domain.Delivery;
import io.accord.notification.domain.DeliveryStatus;
import io.accord.notification.domain.MessageKind;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One delivery as the API shows it. */
@Schema(name = "Notification")
public record NotificationView(UUID id, UUID eventId, String eventType, MessageKind kind, int level,
        ChannelKind channel, @Schema(description = "email address or channel id") String recipient, String locale,
        String zone, UUID clockId, UUID agreementId, DeliveryStatus status, int attempts, Instant nextAttemptAt,
        String lastError, Instant createdAt, Instant sentAt) {

    static NotificationView of(Delivery d) {
        return new NotificationView(d.id, d.eventId, d.eventType, d.messageKind, d.level, d.channelKind, d.recipient,
                d.locale, d.zone, d.clockId, d.agreementId, d.status, d.attempts, d.nextAttemptAt, d.lastError,
                d.createdAt, d.sentAt);
    }
}
