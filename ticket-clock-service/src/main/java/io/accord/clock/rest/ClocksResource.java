package io.accord.clock.rest;

import io.accord.clock.repository.ClockQueryRepository;
import io.accord.clock.service.WorkItemQueries;
import io.accord.platform.problem.ProblemException;
import io.accord.platform.rest.Page;
import io.accord.platform.rest.PageRequest;
import io.accord.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Clocks across items, soonest deadline first: what is about to breach, what breached, per agreement or customer. */
@Path("/api/clocks")
@Tag(name = "Clocks")
public class ClocksResource {

    private final WorkItemQueries queries;
    private final CallerScope scope;
    private final Clock clock;

    public ClocksResource(WorkItemQueries queries, CallerScope scope, Clock clock) {
        this.queries = queries;
        this.scope = scope;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VIEWER, Roles.INTEGRATION, Roles.CUSTOMER})
    @Operation(summary = "List clocks, soonest deadline first",
            description = "Values are as of each clock's last computation (asOf). A customer sees only its party's.")
    public Page<ClockView> list(
            @QueryParam("outcome") @Pattern(regexp = "PENDING|MET|BREACHED|CANCELLED",
                    message = "must be one of PENDING, MET, BREACHED, CANCELLED") String outcome,
            @QueryParam("phase") @Pattern(regexp = "RUNNING|PAUSED|STOPPED",
                    message = "must be one of RUNNING, PAUSED, STOPPED") String phase,
            @Parameter(description = "Running clocks whose deadline falls within this ISO-8601 duration, e.g. PT1H")
            @QueryParam("atRiskWithin") String atRiskWithin,
            @QueryParam("agreementId") String agreementId,
            @Parameter(description = "The customer party id") @QueryParam("customer") String customer,
            @BeanParam @Valid PageRequest paging) {
        Optional<String> restriction = scope.partyRestriction();
        if (restriction.isPresent() && customer != null && !customer.equals(restriction.get())) {
            throw new io.quarkus.security.ForbiddenException("a customer reads its own party's clocks only");
        }
        ClockQueryRepository.Filter filter = new ClockQueryRepository.Filter(outcome, phase,
                atRiskWithin == null ? null : clock.instant().plus(duration(atRiskWithin)),
                agreementId == null ? null : uuid(agreementId), restriction.orElse(customer));
        return queries.clocks(filter, paging);
    }

    private static Duration duration(String text) {
        try {
            Duration d = Duration.parse(text);
            if (d.isNegative()) {
                throw ProblemException.invalid("atRiskWithin", "must not be negative");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("atRiskWithin", "must be an ISO-8601 duration such as PT1H");
        }
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("agreementId", "must be a UUID");
        }
    }
}
