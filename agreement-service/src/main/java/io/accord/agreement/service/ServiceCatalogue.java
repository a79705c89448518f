package io.accord.agreement.service;

import io.accord.agreement.domain.CatalogueService;
import io.accord.agreement.repository.AgreementRepository;
import io.accord.agreement.repository.CatalogueServiceRepository;
import io.accord.platform.problem.ProblemException;
import io.accord.platform.rest.Page;
import io.accord.platform.rest.PageRequest;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/** The catalogue of services agreements cover; a service's code is unique and cannot change while agreements use it. */
@ApplicationScoped
public class ServiceCatalogue {

    private final CatalogueServiceRepository services;
    private final AgreementRepository agreements;
    private final AuditTrail audit;
    private final Clock clock;

    public ServiceCatalogue(CatalogueServiceRepository services, AgreementRepository agreements, AuditTrail audit, Clock clock) {
        this.services = services;
        this.agreements = agreements;
        this.audit = audit;
        this.clock = clock;
    }

    public Page<CatalogueService> list(PageRequest paging) {
        var query = services.findAll(Sort.by("code"));
        return new Page<>(query.page(paging.page, paging.size).list(), paging.page, paging.size, query.count());
    }

    public CatalogueService get(UUID id) {
        return services.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("There is no service " + id + "."));
    }

    @Transactional
    public CatalogueService create(String code, String name, String description, String actor) {
        requireFreeCode(code, null);
        CatalogueService service = new CatalogueService();
        service.id = UUID.randomUUID();
        service.code = code;
        service.name = name;
        service.description = description;
        service.createdAt = clock.instant();
        service.updatedAt = service.createdAt;
        services.persist(service);
        audit.record(AuditTrail.SERVICE, service.id, "created", actor, service.createdAt, code);
        return service;
    }

    @Transactional
    public CatalogueService update(UUID id, String code, String name, String description, String actor) {
        CatalogueService service = get(id);
        if (!service.code.equals(code)) {
            requireFreeCode(code, id);
            if (agreements.countUsingService(service.code) > 0) {
                throw ProblemException.invalid("code", "code '" + service.code + "' is used by agreements and cannot change");
            }
        }
        service.code = code;
        service.name = name;
        service.description = description;
        service.updatedAt = clock.instant();
        audit.record(AuditTrail.SERVICE, id, "updated", actor, service.updatedAt, code);
        return service;
    }

    @Transactional
    public void delete(UUID id, String actor) {
        CatalogueService service = get(id);
        long using = agreements.countUsingService(service.code);
        if (using > 0) {
            throw ProblemException.conflict("Service " + service.code + " is covered by " + using + " agreement(s) and cannot be deleted.");
        }
        services.delete(service);
        audit.record(AuditTrail.SERVICE, id, "deleted", actor, clock.instant(), service.code);
    }

    private void requireFreeCode(String code, UUID except) {
        services.findByCode(code).filter(s -> !s.id.equals(except)).ifPresent(s -> {
            throw ProblemException.invalid("code", "code '" + code + "' is already used by service " + s.id);
        });
    }
}
