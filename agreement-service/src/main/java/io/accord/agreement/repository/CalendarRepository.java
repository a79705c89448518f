package io.accord.agreement.repository;

import io.accord.agreement.domain.BusinessCalendarEntity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CalendarRepository implements PanacheRepositoryBase<BusinessCalendarEntity, String> {
}
