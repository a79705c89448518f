package io.accord.clock.rest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.accord.clock.service.IngestionService;
import io.accord.platform.problem.Problem;
import io.accord.platform.problem.ProblemException;
import io.accord.api.ProblemKind;
import io.accord.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where helpdesk and CRM integrations post what happens to their tickets and leads. */
@Path("/api/work-items/events")
@Tag(name = "Work items")
public class WorkItemEventsResource {

    /** The most events one request may carry; more is answered 413. */
    public static final int MAX_BATCH = 500;

    private final IngestionService ingestion;
    private final Validator validator;
    private final ObjectReader oneEvent;
    private final ObjectReader manyEvents;

    public WorkItemEventsResource(IngestionService ingestion, Validator validator, ObjectMapper mapper) {
        this.ingestion = ingestion;
        this.validator = validator;
        this.oneEvent = mapper.readerFor(WorkItemEventRequest.class);
        this.manyEvents = mapper.readerFor(new TypeReference<List<WorkItemEventRequest>>() {
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.INTEGRATION})
    @Operation(summary = "Ingest one event or a batch",
            description = "The body is one event object or an array of at most " + MAX_BATCH + " events. "
                    + "Accepted events are stored before the answer, which gives per event APPLIED, DUPLICATE "
                    + "or REJECTED (with the reason). Invalid input is refused as a whole (400) and stores nothing.")
    @RequestBody(content = @Content(schema = @Schema(oneOf = {WorkItemEventRequest.class,
            WorkItemEventRequest[].class})))
    public IngestionResult post(JsonNode body) throws IOException {
        if (body == null || body.isNull()) {
            throw ProblemException.invalid("body", "an event or an array of events is required");
        }
        List<WorkItemEventRequest> events;
        boolean batch = body.isArray();
        if (batch) {
            if (body.size() > MAX_BATCH) {
                throw new ProblemException(Problem.of(ProblemKind.PAYLOAD_TOO_LARGE,
                        "A batch holds at most " + MAX_BATCH + " events; this one has " + body.size() + "."));
            }
            if (body.isEmpty()) {
                throw ProblemException.invalid("body", "the batch is empty");
            }
            events = manyEvents.readValue(body);
        } else if (body.isObject()) {
            events = List.of(oneEvent.<WorkItemEventRequest>readValue(body));
        } else {
            throw ProblemException.invalid("body", "an event or an array of events is required");
        }
        validate(events, batch);
        return IngestionResult.of(ingestion.ingest(events));
    }

    private void validate(List<WorkItemEventRequest> events, boolean batch) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            WorkItemEventRequest event = events.get(i);
            String prefix = batch ? "[" + i + "]." : "";
            if (event == null) {
                errors.add(new Problem.FieldError(batch ? "[" + i + "]" : "body", "must be an event"));
                continue;
            }
            for (ConstraintViolation<WorkItemEventRequest> v : validator.validate(event)) {
                errors.add(new Problem.FieldError(prefix + v.getPropertyPath(), v.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(Problem.FieldError::field));
            throw ProblemException.invalid(errors.stream().map(e -> e.field() + ": " + e.message())
                    .collect(Collectors.joining("; ")), errors);
        }
    }
}
