package io.calendargateway.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every failure into {@code application/problem+json}. Clients never see class names or stack traces:
 * unexpected failures are logged here with a reference and answered with a generic 500.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public RestResponse<Problem> application(ProblemException e, UriInfo uri) {
        return toResponse(e, uri);
    }

    /** The response for a problem raised on purpose, for mappers of other packages too. */
    public static RestResponse<Problem> toResponse(ProblemException e, UriInfo uri) {
        var builder = builder(problem(e.type(), e.title(), e.status(), e.getMessage(), uri, e.code(), e.hint(),
                e.errors()));
        e.headers().forEach(builder::header);
        return builder.build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            LOG.errorf(e, "Request %s failed", path(uri));
        }
        String detail = switch (status) {
            case 404 -> "No resource at " + path(uri);
            case 406 -> "This resource cannot produce the requested media type";
            case 415 -> "Unsupported content type; send application/json";
            default -> status >= 500 ? "The request could not be completed" : safeMessage(e);
        };
        var builder = builder(problem(slug(status), reason(status), status, detail, uri, null, null, null));
        // keep protocol headers the original response carried (Allow on 405, WWW-Authenticate on 401)
        for (String name : List.of("Allow", "WWW-Authenticate", "Retry-After")) {
            Object value = original.getHeaders().getFirst(name);
            if (value != null) {
                builder.header(name, value);
            }
        }
        return builder.build();
    }

    /** Declared for the exact type so that it wins over the JSON extension's own mapper. */
    @ServerExceptionMapper
    public RestResponse<Problem> mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> json(JsonProcessingException e, UriInfo uri) {
        String detail;
        if (e instanceof UnrecognizedPropertyException unknown) {
            detail = "Unknown field '" + unknown.getPropertyName() + "'";
        } else if (e instanceof InvalidFormatException invalid) {
            detail = "Field '" + fieldPath(invalid) + "' has an invalid value" + allowed(invalid.getTargetType());
        } else if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            detail = "Field '" + fieldPath(mapping) + "' has the wrong type or shape";
        } else {
            detail = "Malformed JSON at line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
                    + ", column " + (e.getLocation() == null ? "?" : e.getLocation().getColumnNr());
        }
        return badRequest("malformed-json", "Malformed JSON", detail, uri, null);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = "Invalid fields: " + errors.stream().map(Problem.FieldError::field).distinct()
                .collect(Collectors.joining(", "));
        return badRequest("validation", "Validation failed", detail, uri, errors);
    }

    @ServerExceptionMapper(priority = Integer.MAX_VALUE)
    public RestResponse<Problem> unexpected(Throwable e, UriInfo uri) {
        LOG.errorf(e, "Unexpected failure on %s", path(uri));
        return builder(problem("internal", "Internal Server Error", 500,
                "The request could not be completed; the gateway log has the details", uri, null, null, null)).build();
    }

    private static RestResponse<Problem> badRequest(String type, String title, String detail, UriInfo uri,
                                                    List<Problem.FieldError> errors) {
        return builder(problem(type, title, 400, detail, uri, null, null, errors)).build();
    }

    private static RestResponse.ResponseBuilder<Problem> builder(Problem problem) {
        return RestResponse.ResponseBuilder.<Problem>create(problem.status()).entity(problem).type(Problem.MEDIA_TYPE);
    }

    static Problem problem(String type, String title, int status, String detail, UriInfo uri, String code,
                           String hint, List<Problem.FieldError> errors) {
        return new Problem(typeUri(type), title, status, detail, path(uri), code, hint, errors);
    }

    public static URI typeUri(String slug) {
        return URI.create("/problems/" + slug);
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    /** Only our own (and JAX-RS's) messages are safe to echo; anything else gets the reason phrase. */
    private static String safeMessage(WebApplicationException e) {
        String message = e.getMessage();
        return message == null || message.startsWith("HTTP ") ? reason(e.getResponse().getStatus()) : message;
    }

    private static String field(ConstraintViolation<?> violation) {
        // "create.request.name" -> "name": drop the method and parameter segments of the property path
        String path = violation.getPropertyPath().toString().replace(".<list element>", "");
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", List.of(parts).subList(2, parts.length)) : parts[parts.length - 1];
    }

    /** For an enum field, the values it takes: "; allowed: EWS, GRAPH". */
    private static String allowed(Class<?> target) {
        if (target == null || !target.isEnum()) {
            return "";
        }
        return "; allowed: " + Arrays.stream(target.getEnumConstants()).map(value -> ((Enum<?>) value).name())
                .collect(Collectors.joining(", "));
    }

    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String slug(int status) {
        return switch (status) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 412 -> "precondition-failed";
            case 415 -> "unsupported-media-type";
            case 428 -> "precondition-required";
            default -> status >= 500 ? "internal" : "bad-request";
        };
    }

    private static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : (status >= 500 ? "Server Error" : "Client Error");
    }
}
