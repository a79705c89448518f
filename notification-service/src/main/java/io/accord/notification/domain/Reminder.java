package io.accord.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** The durable schedule of one AFTER_BREACH level for one clock: fires at {@link #nextAt}, then every {@link #repeatEvery}. */
@Entity
public class Reminder extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "agreement_id")
    public UUID agreementId;

    @Enumerated(EnumType.STRING)
    public ReminderStatus status;

    @Column(name = "next_at")
    public Instant nextAt;

    /** ISO-8601; null: the level fires once. */
    @Column(name = "repeat_every")
    public String repeatEvery;

    @Column(name = "sent_count")
    public int sentCount;

    @Column(name = "stop_reason")
    public String stopReason;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public Duration repeat() {
        return repeatEvery == null ? null : Duration.parse(repeatEvery);
    }

    @Embeddable
    public record Key(@Column(name = "clock_id") UUID clockId, int level) implements Serializable {
    }
}
