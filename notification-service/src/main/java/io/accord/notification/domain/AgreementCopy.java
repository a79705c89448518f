package io.accord.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One agreement version as received from agreement-service, whole ({@code body} is the AgreementVersion JSON). */
@Entity
@Table(name = "agreement_copy")
public class AgreementCopy extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    public String status;

    public String name;

    @JdbcTypeCode(SqlTypes.JSON)
    public String body;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Embeddable
    public record Key(@Column(name = "agreement_id") UUID agreementId, int version) implements Serializable {
    }
}
