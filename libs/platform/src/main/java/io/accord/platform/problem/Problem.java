package io.accord.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.accord.api.ProblemKind;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error answer in Accord
 * ({@code application/problem+json}).
 *
 * <p>{@code type} is a stable URN per kind of problem ({@code urn:accord:problem:validation}) that
 * clients may switch on; {@code errors} lists the offending fields of invalid input.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field of a request: a JSON path such as {@code objectives[0].targets.P1}. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(ProblemKind kind, String detail) {
        return new Problem(kind.type(), kind.title(), kind.status(), detail, null, List.of());
    }

    public static Problem of(ProblemKind kind, String detail, List<FieldError> errors) {
        return new Problem(kind.type(), kind.title(), kind.status(), detail, null, List.copyOf(errors));
    }

    public Problem withInstance(String instance) {
        return new Problem(type, title, status, detail, instance, errors);
    }
}
