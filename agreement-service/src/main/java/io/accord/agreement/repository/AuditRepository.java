package io.accord.agreement.repository;

import io.accord.agreement.domain.AuditEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditEntry, Long> {

    public List<AuditEntry> page(String subjectType, String subjectId, int page, int size) {
        return find("subjectType = ?1 and subjectId = ?2", Sort.by("id"), subjectType, subjectId).page(page, size).list();
    }

    public long countFor(String subjectType, String subjectId) {
        return count("subjectType = ?1 and subjectId = ?2", subjectType, subjectId);
    }
}
