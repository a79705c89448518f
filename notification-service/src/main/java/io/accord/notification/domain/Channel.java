package io.accord.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A Slack, Teams or signed-webhook destination that escalation policies name by {@link #id}. Its URL and secret are
 * held only as AES-GCM ciphertexts ({@code SecretBox}) and never leave the service.
 */
@Entity
public class Channel extends PanacheEntityBase {

    @Id
    public String id;

    @Enumerated(EnumType.STRING)
    public ChannelKind kind;

    public String name;

    public boolean enabled;

    @Column(name = "url_cipher")
    public String urlCipher;

    @Column(name = "secret_cipher")
    public String secretCipher;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
