package io.accord.agreement.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A service of the catalogue that agreements cover, named by a stable {@code code}. */
@Entity
@Table(name = "catalogue_service")
public class CatalogueService extends PanacheEntityBase {

    @Id
    public UUID id;

    public String code;

    public String name;

    public String description;

    @Version
    @Column(name = "row_version")
    public long rowVersion;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
