package io.accord.model.notification;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * The {@code data} of {@code notification.sent} and {@code notification.failed}: one delivery's final word.
 *
 * @param notificationId the delivery ({@code /api/notifications/{id}})
 * @param eventId        the event the message was about (for reminders: the reminder occurrence)
 * @param eventType      that event's CloudEvent type
 * @param messageKind    WARNING, BREACH, REMINDER, CORRECTION, PENALTY, REVIEW
 * @param level          the escalation level
 * @param channel        EMAIL, SLACK, TEAMS or WEBHOOK
 * @param recipient      the email address or channel id (never a URL)
 * @param clockId        the clock, for clock escalations
 * @param agreementId    the agreement
 * @param attempts       attempts made
 * @param sentAt         when it was delivered ({@code sent})
 * @param failedAt       when it was given up ({@code failed})
 * @param lastError      the last error ({@code failed})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationOutcome(UUID notificationId, UUID eventId, String eventType, String messageKind, int level,
        String channel, String recipient, UUID clockId, UUID agreementId, int attempts, Instant sentAt,
        Instant failedAt, String lastError) {
}
