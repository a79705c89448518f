package io.accord.platform.problem;

import io.accord.api.ProblemKind;
import java.util.List;

/**
 * A refusal with a meaning for the caller: thrown by services, answered as problem+json with the
 * kind's status. Prefer the factories: {@code ProblemException.conflict("agreement 42 is terminated")}.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(ProblemKind.NOT_FOUND, detail));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(ProblemKind.CONFLICT, detail));
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(Problem.of(ProblemKind.PRECONDITION_FAILED, detail));
    }

    public static ProblemException invalid(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(Problem.of(ProblemKind.VALIDATION, detail, errors));
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(message, List.of(new Problem.FieldError(field, message)));
    }
}
