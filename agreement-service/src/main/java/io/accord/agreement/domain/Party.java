package io.accord.agreement.domain;

import io.accord.model.agreement.PartyKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A provider, external customer, internal department or supplier, with the references source systems use for it. */
@Entity
@Table(name = "party")
public class Party extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public PartyKind kind;

    public String name;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "party_external_ref", joinColumns = @JoinColumn(name = "party_id"))
    public List<Ref> externalRefs = new ArrayList<>();

    @Version
    @Column(name = "row_version")
    public long rowVersion;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** A source's name for the party. */
    @Embeddable
    public static class Ref {
        public String source;

        @Column(name = "external_id")
        public String externalId;

        public Ref() {
        }

        public Ref(String source, String externalId) {
            this.source = source;
            this.externalId = externalId;
        }
    }
}
