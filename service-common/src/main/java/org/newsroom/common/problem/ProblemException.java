package org.newsroom.common.problem;

import java.util.List;
import java.util.Map;

/**
 * Thrown by resources and services to answer with a problem+json of a given status; the single way code reports a
 * client-visible error, mapped by {@link ProblemMappers}.
 */
public class ProblemException extends RuntimeException {

    private final Problem problem;
    private final Map<String, String> headers;

    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(Problem.of(400, "malformed-request", "Malformed request", detail));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "forbidden", "Forbidden", detail));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", detail));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "conflict", "Conflict", detail));
    }

    /** 409 listing every reason (e.g. why an issue cannot be published). */
    public static ProblemException conflict(String detail, List<Problem.FieldError> reasons) {
        return new ProblemException(new Problem(Problem.TYPE_BASE + "conflict", "Conflict", 409, detail, reasons));
    }

    public static ProblemException gone(String detail) {
        return new ProblemException(Problem.of(410, "gone", "Gone", detail));
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(Problem.of(412, "precondition-failed", "Precondition failed", detail));
    }

    /** 413 for content too large once processed (the raw body passed {@code BodyLimitFilter}). */
    public static ProblemException payloadTooLarge(String detail) {
        return new ProblemException(Problem.of(413, "payload-too-large", "Payload too large", detail));
    }

    public static ProblemException unprocessable(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(new Problem(Problem.TYPE_BASE + "validation", "Invalid request", 422, detail,
                errors.isEmpty() ? null : errors));
    }

    public static ProblemException unprocessable(String field, String message) {
        return unprocessable(message, List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException tooManyRequests(String detail, int retryAfterSeconds) {
        return new ProblemException(Problem.of(429, "rate-limited", "Too many requests", detail),
                Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }

    public static ProblemException unavailable(String detail, int retryAfterSeconds) {
        return new ProblemException(Problem.of(503, "unavailable", "Service unavailable", detail),
                Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }
}
