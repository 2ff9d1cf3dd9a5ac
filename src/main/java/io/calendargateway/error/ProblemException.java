package io.calendargateway.error;

import java.util.List;
import java.util.Map;

/**
 * An error the application raises on purpose, already carrying everything the client should see. Messages must
 * never contain secrets: they go to clients as {@code detail}.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final String code;
    private final String hint;
    private final Map<String, String> headers;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, null, null, Map.of());
    }

    public ProblemException(int status, String type, String title, String detail, String code, String hint,
                            Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.code = code;
        this.hint = hint;
        this.headers = Map.copyOf(headers);
        this.errors = null;
    }

    private ProblemException(List<Problem.FieldError> errors, String detail) {
        super(detail);
        this.status = 400;
        this.type = "validation";
        this.title = "Validation failed";
        this.code = null;
        this.hint = null;
        this.headers = Map.of();
        this.errors = List.copyOf(errors);
    }

    /** A 400 naming every invalid field. */
    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(errors, "Invalid fields: " + String.join(", ",
                errors.stream().map(Problem.FieldError::field).distinct().toList()));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not Found", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail);
    }

    /** 428: a replacing {@code PUT} came without {@code If-Match}. */
    public static ProblemException preconditionRequired(String detail) {
        return new ProblemException(428, "precondition-required", "Precondition Required", detail);
    }

    /** 412: the {@code If-Match} ETag is not the resource's current one. */
    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(412, "precondition-failed", "Precondition Failed", detail);
    }

    /** 501: the request is valid, but this gateway cannot serve it yet. */
    public static ProblemException notImplemented(String detail) {
        return new ProblemException(501, "not-implemented", "Not Implemented", detail);
    }

    /** 503: the gateway's own database does not answer (or never did since the start). */
    public static ProblemException databaseUnavailable(String detail) {
        return new ProblemException(503, "database-unavailable", "Database unavailable", detail, null, null,
                Map.of("Retry-After", "5"));
    }

    /** 400 of a given problem type, with what to do about it. */
    public static ProblemException badRequest(String type, String title, String detail, String hint) {
        return new ProblemException(400, type, title, detail, null, hint, Map.of());
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "bad-request", "Bad Request", detail);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String code() {
        return code;
    }

    public String hint() {
        return hint;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** The invalid fields of a validation failure, or null. */
    public List<Problem.FieldError> errors() {
        return errors;
    }
}
