package io.accord.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** Someone took ownership of a breached clock: reminders stop. The first acknowledgement is the one kept. */
@Entity
public class Acknowledgement extends PanacheEntityBase {

    @Id
    @Column(name = "clock_id")
    public UUID clockId;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    public String note;
}
