package io.accord.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.accord.api.ProblemKind;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every exception that reaches a resource into an RFC 9457 problem+json answer, so callers
 * never see a stack trace or a 500 for their own mistakes.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    static final String BEARER_CHALLENGE = "Bearer realm=\"accord\"";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(err -> err.field() + ": " + err.message())
                .collect(Collectors.joining("; "));
        return respond(Problem.of(ProblemKind.VALIDATION, detail, errors), uri);
    }

    // Declared for the exact types Quarkus maps itself, so Accord's answer wins over the built-in one
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unparsableJson(JsonParseException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = JsonPaths.of(mapping.getPath());
            String message = "invalid value";
            if (e instanceof UnrecognizedPropertyException) {
                message = "unknown field";
            } else if (e instanceof InvalidFormatException f) {
                message = "cannot read '" + f.getValue() + "' as " + f.getTargetType().getSimpleName();
            }
            return respond(Problem.of(ProblemKind.VALIDATION, field + ": " + message,
                    List.of(new Problem.FieldError(field, message))), uri);
        }
        return respond(Problem.of(ProblemKind.MALFORMED_BODY,
                "The body is not valid JSON: " + e.getOriginalMessage()), uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return challenge(uri, "A valid bearer token is required.");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return challenge(uri, "The bearer token is missing, expired or invalid.");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(ProblemKind.FORBIDDEN, "Your roles do not allow this operation."), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status == 401) {
            return challenge(uri, "A valid bearer token is required.");
        }
        ProblemKind kind = ProblemKind.forStatus(status);
        String detail = status >= 500 ? kind.title() : e.getMessage();
        Problem problem = new Problem(kind.type(), kind.title(), status, detail, null, List.of());
        return respond(problem, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", incident, uri.getPath());
        return respond(Problem.of(ProblemKind.INTERNAL,
                "An unexpected error occurred; quote incident " + incident + " when reporting it."), uri);
    }

    private static Response challenge(UriInfo uri, String detail) {
        return Response.fromResponse(respond(Problem.of(ProblemKind.UNAUTHORIZED, detail), uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE)
                .build();
    }

    static Response respond(Problem problem, UriInfo uri) {
        Problem withInstance = problem.instance() == null && uri != null
                ? problem.withInstance(uri.getPath()) : problem;
        return Response.status(withInstance.status())
                .type(Problem.MEDIA_TYPE)
                .entity(withInstance)
                .build();
    }

    // "create.arg0.objectives[0].name" -> "objectives[0].name": the method and parameter say nothing to callers
    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts.length == 2 ? parts[1] : path;
    }
}
