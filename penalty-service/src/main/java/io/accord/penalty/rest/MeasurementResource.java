package io.accord.penalty.rest;

import io.accord.model.agreement.AgreementVersion;
import io.accord.penalty.calc.StatementPeriod;
import io.accord.penalty.domain.MeasurementRecord;
import io.accord.penalty.service.AgreementCopies;
import io.accord.penalty.service.Statements;
import io.accord.platform.problem.ProblemException;
import io.accord.platform.rest.Page;
import io.accord.platform.rest.PageRequest;
import io.accord.platform.security.Roles;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** KPI measurements of agreements, e.g. qualified leads delivered, for volume objectives. */
@Path("/api/measurements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Measurements", description = "KPI values counted by statements")
public class MeasurementResource {

    /** A value of {@code measure} for a whole {@code period} ({@code 2026-03}) or at an instant {@code at}. */
    public record MeasurementRequest(@NotNull(message = "is required") UUID agreementId,
            @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
            @Pattern(regexp = "[a-z0-9_.-]+", message = "must be a measure name like qualified_leads") String measure,
            String period, Instant at,
            @NotNull(message = "is required")
            @DecimalMin(value = "-1000000000000", message = "must be at least -1000000000000")
            @DecimalMax(value = "1000000000000", message = "must be at most 1000000000000") BigDecimal value,
            @Size(max = 200, message = "must be at most 200 characters") String source) {
    }

    public record MeasurementView(UUID id, UUID agreementId, String measure, String period, Instant at,
            BigDecimal value, String source, String createdBy, Instant createdAt) {
        static MeasurementView of(MeasurementRecord m) {
            return new MeasurementView(m.id, m.agreementId, m.measure, m.period, m.measuredAt, m.value, m.source,
                    m.createdBy, m.createdAt);
        }
    }

    private final AgreementCopies agreements;
    private final Statements statements;
    private final Caller caller;

    public MeasurementResource(AgreementCopies agreements, Statements statements, Caller caller) {
        this.agreements = agreements;
        this.statements = statements;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.AGENT)
    @Transactional
    @Operation(summary = "Record a KPI value for a period or at an instant")
    public Response create(@Valid @NotNull(message = "a body is required") MeasurementRequest request) {
        if ((request.period() == null) == (request.at() == null)) {
            throw ProblemException.invalid("period", "give either period (like 2026-03) or at (an instant)");
        }
        if (request.value().scale() > 4) {
            throw ProblemException.invalid("value", "must have at most 4 decimals");
        }
        AgreementVersion latest = agreements.require(request.agreementId());
        Instant at = request.at() == null ? null : request.at().truncatedTo(ChronoUnit.MILLIS);
        StatementPeriod period = request.period() != null ? AgreementCopies.parsePeriod(latest, request.period())
                : AgreementCopies.periodOf(latest, at);
        Instant now = Instant.now();
        MeasurementRecord measurement = new MeasurementRecord();
        measurement.id = UUID.randomUUID();
        measurement.agreementId = request.agreementId();
        measurement.measure = request.measure();
        measurement.value = request.value();
        measurement.period = request.period() == null ? null : period.label();
        measurement.measuredAt = at;
        measurement.source = request.source();
        measurement.createdBy = caller.name();
        measurement.createdAt = now;
        measurement.persist();
        statements.touched(request.agreementId(), List.of(period.start()), "measurement " + measurement.id, now);
        return Response.status(Response.Status.CREATED).entity(MeasurementView.of(measurement)).build();
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.INTERNAL})
    @Transactional
    @Operation(summary = "Measurements, optionally of one agreement")
    public Page<MeasurementView> list(@QueryParam("agreementId") UUID agreementId,
            @BeanParam @Valid PageRequest paging) {
        PanacheQuery<MeasurementRecord> query = agreementId == null
                ? MeasurementRecord.findAll(Sort.descending("createdAt"))
                : MeasurementRecord.find("agreementId", Sort.descending("createdAt"), agreementId);
        List<MeasurementView> items = query.page(paging.page, paging.size).list().stream()
                .map(MeasurementView::of).toList();
        return new Page<>(items, paging.page, paging.size, query.count());
    }
}
