package io.accord.agreement.service;

import io.accord.platform.json.StoredJson;
import io.accord.agreement.domain.Agreement;
import io.accord.agreement.domain.BusinessCalendarEntity;
import io.accord.agreement.repository.AgreementRepository;
import io.accord.agreement.repository.CalendarRepository;
import io.accord.model.agreement.AgreementRef;
import io.accord.model.agreement.AgreementStatus;
import io.accord.model.calendar.CalendarChanged;
import io.accord.model.events.EventType;
import io.accord.platform.outbox.Outbox;
import io.accord.platform.problem.Problem.FieldError;
import io.accord.platform.problem.ProblemException;
import io.accord.platform.rest.Page;
import io.accord.platform.rest.PageRequest;
import io.accord.time.BusinessCalendar;
import io.accord.time.Holiday;
import io.accord.time.ICalendarHolidays;
import io.accord.time.InvalidCalendarException;
import io.accord.time.json.CalendarSpec;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Business calendars: stored in the libs/business-time JSON shape, validated and computed with
 * {@link BusinessCalendar}. A change to a calendar that agreements in force use is published as
 * {@code calendar.changed} in the same transaction.
 */
@ApplicationScoped
public class CalendarService {

    private static final Set<AgreementStatus> IN_FORCE = Set.of(AgreementStatus.ACTIVE, AgreementStatus.SUSPENDED);

    private final CalendarRepository calendars;
    private final AgreementRepository agreements;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final StoredJson json;
    private final Clock clock;
    // Built calendars cache their year slices; keyed by the stored spec, so a change never serves a stale one
    private final Map<String, BusinessCalendar> built = new ConcurrentHashMap<>();

    public CalendarService(CalendarRepository calendars, AgreementRepository agreements, AuditTrail audit, Outbox outbox,
            StoredJson json, Clock clock) {
        this.calendars = calendars;
        this.agreements = agreements;
        this.audit = audit;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    public Page<BusinessCalendarEntity> list(PageRequest paging) {
        var query = calendars.findAll(Sort.by("id"));
        return new Page<>(query.page(paging.page, paging.size).list(), paging.page, paging.size, query.count());
    }

    public BusinessCalendarEntity get(String id) {
        return calendars.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("There is no calendar " + id + "."));
    }

    public boolean exists(String id) {
        return calendars.findByIdOptional(id).isPresent();
    }

    public CalendarSpec spec(BusinessCalendarEntity entity) {
        return json.read(entity.spec, CalendarSpec.class);
    }

    public BusinessCalendar calendar(BusinessCalendarEntity entity) {
        return built.computeIfAbsent(entity.spec, s -> json.read(s, CalendarSpec.class).toCalendar());
    }

    /** The agreements whose latest version uses the calendar. */
    public List<AgreementRef> usedBy(String calendarId) {
        return agreements.usingCalendar(calendarId).stream().map(a -> new AgreementRef(a.id, a.currentVersion)).toList();
    }

    @Transactional
    public BusinessCalendarEntity create(String id, String name, CalendarSpec spec, String actor) {
        if (id == null) {
            throw ProblemException.invalid("id", "id is required");
        }
        if (calendars.findByIdOptional(id).isPresent()) {
            throw ProblemException.conflict("A calendar with id " + id + " already exists.");
        }
        CalendarSpec normalized = validated(spec);
        BusinessCalendarEntity entity = new BusinessCalendarEntity();
        entity.id = id;
        entity.name = name;
        entity.spec = json.write(normalized);
        entity.createdAt = clock.instant();
        entity.updatedAt = entity.createdAt;
        entity.effectiveFrom = entity.createdAt;
        calendars.persist(entity);
        audit.record(AuditTrail.CALENDAR, id, "created", actor, entity.createdAt, entity.spec);
        return entity;
    }

    /** Replaces the definition from {@code effectiveFrom} (default now) and tells the agreements in force. */
    @Transactional
    public BusinessCalendarEntity change(String id, String name, CalendarSpec spec, Instant effectiveFrom, String actor) {
        BusinessCalendarEntity entity = get(id);
        return apply(entity, name, validated(spec), effectiveFrom, actor, "changed");
    }

    /** Adds the holidays of an iCalendar file to the calendar, as a change from {@code effectiveFrom} (default now). */
    @Transactional
    public BusinessCalendarEntity importHolidays(String id, InputStream ics, Instant effectiveFrom, String actor) {
        BusinessCalendarEntity entity = get(id);
        List<Holiday> imported;
        try {
            imported = ICalendarHolidays.parse(ics);
        } catch (InvalidCalendarException e) {
            throw invalid(e, "");
        } catch (IOException e) {
            throw ProblemException.invalid("body", "the iCalendar body cannot be read: " + e.getMessage());
        }
        BusinessCalendar current = calendar(entity);
        // Importing the same file twice adds nothing
        Set<Holiday> all = new LinkedHashSet<>(current.holidays());
        all.addAll(imported);
        List<Holiday> added = new ArrayList<>(all);
        added.removeAll(current.holidays());
        BusinessCalendar merged = current.withHolidays(added);
        return apply(entity, entity.name, CalendarSpec.of(merged), effectiveFrom, actor,
                "holidays-imported");
    }

    @Transactional
    public void delete(String id, String actor) {
        BusinessCalendarEntity entity = get(id);
        List<AgreementRef> users = usedBy(id);
        if (!users.isEmpty()) {
            throw ProblemException.conflict("Calendar " + id + " is used by agreement(s) "
                    + users.stream().map(r -> r.agreementId().toString()).toList() + " and cannot be deleted.");
        }
        calendars.delete(entity);
        audit.record(AuditTrail.CALENDAR, id, "deleted", actor, clock.instant(), null);
    }

    public Instant due(String id, Instant from, Duration duration) {
        if (duration.isNegative()) {
            throw ProblemException.invalid("duration", "must not be negative");
        }
        try {
            return calendar(get(id)).due(from.truncatedTo(ChronoUnit.MILLIS), duration);
        } catch (DateTimeException e) {
            throw ProblemException.invalid("duration", "the calendar has not enough open time for " + duration + " after " + from);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("from", e.getMessage());
        }
    }

    public Duration elapsed(String id, Instant from, Instant to) {
        try {
            return calendar(get(id)).elapsed(from.truncatedTo(ChronoUnit.MILLIS), to.truncatedTo(ChronoUnit.MILLIS));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("from", e.getMessage());
        }
    }

    private BusinessCalendarEntity apply(BusinessCalendarEntity entity, String name, CalendarSpec spec, Instant effectiveFrom,
            String actor, String action) {
        Instant now = clock.instant();
        Instant from = (effectiveFrom == null ? now : effectiveFrom).truncatedTo(ChronoUnit.MILLIS);
        entity.name = name;
        entity.spec = json.write(spec);
        entity.effectiveFrom = from;
        entity.updatedAt = now;
        audit.record(AuditTrail.CALENDAR, entity.id, action, actor, now, entity.spec);
        List<AgreementRef> inForce = agreements.usingCalendar(entity.id).stream()
                .filter(a -> IN_FORCE.contains(a.status))
                .map((Agreement a) -> new AgreementRef(a.id, a.currentVersion)).toList();
        if (!inForce.isEmpty()) {
            outbox.append(EventType.CALENDAR_CHANGED, entity.id,
                    new CalendarChanged(entity.id, entity.name, spec, from, inForce));
        }
        return entity;
    }

    private CalendarSpec validated(CalendarSpec spec) {
        try {
            return CalendarSpec.of(spec.toCalendar());
        } catch (InvalidCalendarException e) {
            throw invalid(e, "");
        }
    }

    static ProblemException invalid(InvalidCalendarException e, String prefix) {
        List<FieldError> errors = e.violations().stream()
                .map(v -> new FieldError(prefix + (v.field().isEmpty() ? "body" : v.field()), v.message())).toList();
        return ProblemException.invalid(e.getMessage(), errors);
    }
}
