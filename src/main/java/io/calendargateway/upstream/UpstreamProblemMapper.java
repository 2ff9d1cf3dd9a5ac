package io.calendargateway.upstream;

import io.calendargateway.error.Problem;
import io.calendargateway.error.ProblemException;
import io.calendargateway.error.ProblemMappers;
import io.calendargateway.upstream.UpstreamFailure.Kind;

import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/**
 * The one table from upstream failure kinds to problems. The gateway never answers 401/403 for an upstream
 * failure (those would blame the caller's own credential): Exchange's and Entra's refusals are 502s with their
 * code and our hint.
 */
public class UpstreamProblemMapper {

    private static final Logger LOG = Logger.getLogger(UpstreamProblemMapper.class);
    /** Seconds a client should wait when the failure says nothing better. */
    static final long DEFAULT_RETRY_AFTER_SECONDS = 30;

    @ServerExceptionMapper
    public RestResponse<Problem> upstream(UpstreamException e, UriInfo uri) {
        LOG.debugf("Upstream failure on %s: %s %s", uri.getRequestUri().getRawPath(), e.failure().kind(),
                e.failure().code());
        return ProblemMappers.toResponse(toProblem(e.failure()), uri);
    }

    /** The problem a client sees for an upstream failure: status by kind, the upstream code and our hint. */
    public static ProblemException toProblem(UpstreamFailure failure) {
        int status = status(failure.kind());
        Map<String, String> headers = status == 503
                ? Map.of("Retry-After", String.valueOf(retryAfterSeconds(failure))) : Map.of();
        return new ProblemException(status, slug(failure.kind()), title(failure.kind()), failure.message(),
                failure.code(), failure.hint(), headers);
    }

    static int status(Kind kind) {
        return switch (kind) {
            case AUTH, FORBIDDEN, TLS, GARBAGE, EXCHANGE_ERROR -> 502;
            case TIMEOUT -> 504;
            case UNREACHABLE, THROTTLED, BUSY, CIRCUIT_OPEN -> 503;
        };
    }

    private static long retryAfterSeconds(UpstreamFailure failure) {
        Long millis = failure.backOffMillis();
        return millis == null ? DEFAULT_RETRY_AFTER_SECONDS : Math.max(1, (millis + 999) / 1000);
    }

    private static String slug(Kind kind) {
        return switch (kind) {
            case TIMEOUT -> "upstream-timeout";
            case UNREACHABLE, THROTTLED, BUSY, CIRCUIT_OPEN -> "upstream-unavailable";
            default -> "upstream-error";
        };
    }

    private static String title(Kind kind) {
        return switch (kind) {
            case AUTH -> "Exchange refused the gateway's sign-in";
            case FORBIDDEN -> "Exchange refused access";
            case TLS -> "TLS connection to Exchange failed";
            case GARBAGE -> "Exchange sent an answer the gateway cannot read";
            case EXCHANGE_ERROR -> "Exchange answered with an error";
            case TIMEOUT -> "Exchange did not answer in time";
            case UNREACHABLE -> "Exchange is unreachable";
            case THROTTLED -> "Exchange is throttling the gateway";
            case BUSY -> "The gateway's connections to Exchange are busy";
            case CIRCUIT_OPEN -> "Exchange is failing; the gateway pauses calls";
        };
    }
}
