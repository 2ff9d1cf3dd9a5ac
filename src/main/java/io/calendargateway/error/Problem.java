package io.calendargateway.error;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.net.URI;
import java.util.List;

/**
 * The one error shape of the API: RFC 9457 problem details, plus the upstream {@code code} (an Exchange or
 * Entra ID error code) and an actionable {@code hint} where we have one, and the invalid fields of a request.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String instance, String code, String hint,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field of a request body or parameter. */
    public record FieldError(String field, String message) {
    }
}
