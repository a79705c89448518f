package io.accord.notification.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accord.model.events.EventType;
import io.accord.model.notification.NotificationOutcome;
import io.accord.notification.channel.ChannelSender;
import io.accord.notification.channel.OutgoingMessage;
import io.accord.notification.channel.SendOutcome;
import io.accord.notification.config.NotificationConfig;
import io.accord.notification.domain.ChannelKind;
import io.accord.notification.domain.Delivery;
import io.accord.notification.domain.DeliveryStatus;
import io.accord.notification.message.MessageRenderer;
import io.accord.notification.message.RenderedMessage;
import io.accord.platform.outbox.Outbox;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries. Each round claims due rows with {@code FOR UPDATE SKIP LOCKED} and leases them (moves their
 * next attempt past the lease), so replicas never send the same row at once; the send happens outside any
 * transaction, and its outcome (SENT, RETRYING with exponential backoff, FAILED) is committed with its
 * {@code notification.*} event. A crash between send and commit resends after the lease: at least once, and only then.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private static final String CLAIM = """
            update delivery set next_attempt_at = ?, updated_at = ? where id in (
                select id from delivery where status in ('PENDING', 'RETRYING') and next_attempt_at <= ?
                order by next_attempt_at limit ? for update skip locked)
            returning id
            """;

    private final AgroalDataSource dataSource;
    private final Channels channels;
    private final AgreementCopies agreements;
    private final MessageRenderer renderer;
    private final Map<ChannelKind, ChannelSender> senders = new EnumMap<>(ChannelKind.class);
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final NotificationConfig config;
    private final Backoff backoff;
    private final MeterRegistry metrics;

    public DeliveryWorker(AgroalDataSource dataSource, Channels channels, AgreementCopies agreements,
            MessageRenderer renderer, Instance<ChannelSender> senders, Outbox outbox, ObjectMapper mapper,
            NotificationConfig config, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.channels = channels;
        this.agreements = agreements;
        this.renderer = renderer;
        senders.forEach(sender -> this.senders.put(sender.kind(), sender));
        this.outbox = outbox;
        this.mapper = mapper;
        this.config = config;
        this.backoff = new Backoff(config.delivery().initialBackoff(), config.delivery().maxBackoff(),
                config.delivery().jitter(), config.delivery().maxAttempts());
        this.metrics = metrics;
        metrics.gauge("accord_notification_backlog", this, DeliveryWorker::backlog);
    }

    @Scheduled(every = "${accord.notification.delivery.poll-interval:2s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (config.delivery().enabled()) {
            sendDue(Instant.now());
        }
    }

    /** Sends every delivery due at {@code now}; returns how many attempts were made. */
    public int sendDue(Instant now) {
        int attempted = 0;
        List<UUID> claimed;
        do {
            claimed = claim(now);
            for (UUID id : claimed) {
                attempt(id, now);
                attempted++;
            }
        } while (claimed.size() == config.delivery().batchSize());
        return attempted;
    }

    /** One attempt for one delivery, whatever its schedule (the retry endpoint and the test message use it too). */
    public DeliveryStatus attempt(UUID id, Instant now) {
        Prepared prepared = QuarkusTransaction.requiringNew().call(() -> prepare(id, now));
        if (prepared == null) {
            return null;
        }
        SendOutcome outcome = prepared.failure != null ? prepared.failure
                : send(prepared.message);
        return QuarkusTransaction.requiringNew().call(() -> record(id, outcome, now));
    }

    private SendOutcome send(OutgoingMessage message) {
        ChannelSender sender = senders.get(message.kind());
        if (sender == null) {
            return SendOutcome.fail("no sender for " + message.kind());
        }
        try {
            return sender.send(message);
        } catch (RuntimeException e) {
            LOG.warnf("delivery %s: sender failed unexpectedly (%s)", message.deliveryId(), e.getClass().getName());
            return SendOutcome.retry(e.getClass().getSimpleName());
        }
    }

    private record Prepared(OutgoingMessage message, SendOutcome failure) {
    }

    private Prepared prepare(UUID id, Instant now) {
        Delivery delivery = Delivery.findById(id);
        if (delivery == null || !delivery.status.isOpen()) {
            return null;
        }
        try {
            JsonNode event = ReceivedEvents.read(delivery.cloudEvent, mapper);
            RenderedMessage message = renderer.render(delivery.messageKind, delivery.locale, delivery.zone, event,
                    agreements.latest(delivery.agreementId), now);
            if (delivery.recipientKey.startsWith("email:")) {
                delivery.channelKind = ChannelKind.EMAIL;
                return new Prepared(new OutgoingMessage(id, ChannelKind.EMAIL, delivery.recipient, null, null, message,
                        delivery.cloudEvent), null);
            }
            Optional<Channels.Destination> destination = channels.destination(delivery.recipient);
            if (destination.isEmpty()) {
                return new Prepared(null, SendOutcome.fail("channel " + delivery.recipient + " does not exist"));
            }
            Channels.Destination channel = destination.get();
            delivery.channelKind = channel.kind();
            if (!channel.enabled()) {
                return new Prepared(null, SendOutcome.fail("channel " + channel.id() + " is disabled"));
            }
            return new Prepared(new OutgoingMessage(id, channel.kind(), null, channel.url(), channel.secret(), message,
                    delivery.cloudEvent), null);
        } catch (RuntimeException e) {
            // A message that cannot be rendered or a secret that cannot be read will not improve by retrying
            return new Prepared(null, SendOutcome.fail("cannot prepare the message: " + e.getMessage()));
        }
    }

    private DeliveryStatus record(UUID id, SendOutcome outcome, Instant now) {
        Delivery delivery = Delivery.findById(id);
        if (delivery == null || !delivery.status.isOpen()) {
            return delivery == null ? null : delivery.status;
        }
        delivery.attempts++;
        delivery.updatedAt = now;
        String channel = delivery.channelKind == null ? "UNKNOWN" : delivery.channelKind.name();
        if (outcome.sent()) {
            delivery.status = DeliveryStatus.SENT;
            delivery.sentAt = now;
            delivery.nextAttemptAt = null;
            delivery.lastError = null;
            outbox.append(EventType.NOTIFICATION_SENT, delivery.id.toString(), outcomeOf(delivery, now, null));
        } else if (outcome.retryable() && !backoff.exhausted(delivery.attempts)) {
            delivery.status = DeliveryStatus.RETRYING;
            delivery.lastError = truncate(outcome.error());
            delivery.nextAttemptAt = backoff.nextAttempt(delivery.attempts, now, ThreadLocalRandom.current().nextDouble());
        } else {
            delivery.status = DeliveryStatus.FAILED;
            delivery.lastError = truncate(outcome.error());
            delivery.nextAttemptAt = null;
            outbox.append(EventType.NOTIFICATION_FAILED, delivery.id.toString(), outcomeOf(delivery, null, now));
            LOG.warnf("delivery %s to %s %s failed for good after %d attempts: %s", delivery.id, channel,
                    delivery.recipient, delivery.attempts, delivery.lastError);
        }
        metrics.counter("accord_notification_deliveries", "channel", channel, "outcome",
                delivery.status.name().toLowerCase(java.util.Locale.ROOT)).increment();
        return delivery.status;
    }

    private static NotificationOutcome outcomeOf(Delivery delivery, Instant sentAt, Instant failedAt) {
        return new NotificationOutcome(delivery.id, delivery.eventId, delivery.eventType, delivery.messageKind.name(),
                delivery.level, delivery.channelKind == null ? null : delivery.channelKind.name(), delivery.recipient,
                delivery.clockId, delivery.agreementId, delivery.attempts, sentAt, failedAt, delivery.lastError);
    }

    private List<UUID> claim(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> claimInTransaction(now));
    }

    private List<UUID> claimInTransaction(Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setObject(1, utc(now.plus(config.delivery().lease())));
            claim.setObject(2, utc(now));
            claim.setObject(3, utc(now));
            claim.setInt(4, config.delivery().batchSize());
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim due deliveries", e);
        }
    }

    private static java.time.OffsetDateTime utc(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }

    private double backlog() {
        try {
            return QuarkusTransaction.requiringNew().call(() -> (double) Delivery.count("status in ?1",
                    List.of(DeliveryStatus.PENDING, DeliveryStatus.RETRYING)));
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 2000 ? error : error.substring(0, 1997) + "...";
    }
}
