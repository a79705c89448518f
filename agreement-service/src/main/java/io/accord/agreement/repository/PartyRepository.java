package io.accord.agreement.repository;

import io.accord.agreement.domain.Party;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PartyRepository implements PanacheRepositoryBase<Party, UUID> {

    /** The party a source's reference names, if any. */
    public Optional<Party> findByExternalRef(String source, String externalId) {
        return find("select p from Party p join p.externalRefs r where r.source = ?1 and r.externalId = ?2",
                source, externalId).firstResultOptional();
    }
}
