package io.accord.agreement.repository;

import io.accord.agreement.domain.CatalogueService;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CatalogueServiceRepository implements PanacheRepositoryBase<CatalogueService, UUID> {

    public Optional<CatalogueService> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
