package io.calendargateway.graph;

import io.calendargateway.upstream.Hints;
import io.calendargateway.upstream.UpstreamFailure;
import io.calendargateway.upstream.UpstreamFailure.Kind;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns an unsuccessful Graph answer into an {@link UpstreamFailure}: 401 authentication, 403 forbidden (an
 * application access policy, missing consent, or a missing permission, each with its own hint), 429 and 503
 * throttled with {@code Retry-After}, other 5xx unreachable, anything that is not Graph's JSON error garbage. The
 * failure keeps Graph's own error code ({@code ErrorAccessDenied}, {@code InvalidAuthenticationToken}).
 */
final class GraphErrors {

    private static final int MAX_MESSAGE = 300;

    private GraphErrors() {
    }

    /**
     * @param body the parsed error body, or null when it was not JSON
     * @param retryAfter the {@code Retry-After} header, if any
     * @param tokenHasRoles whether the app-only token carried a roles claim (a 403 without it means no consent)
     */
    static UpstreamFailure translate(int status, JsonNode body, Optional<String> retryAfter, Duration defaultRetry,
                                     boolean tokenHasRoles) {
        JsonNode error = body == null ? null : body.path("error");
        boolean graphError = error != null && error.isObject() && error.hasNonNull("code");
        String code = graphError ? error.path("code").asText() : "HTTP_" + status;
        String message = "Graph answered HTTP " + status + (graphError
                ? ": " + safe(error.path("message").asText(code)) : "");
        if (status == 429 || status == 503) {
            long millis = retryAfterMillis(retryAfter).orElse(defaultRetry.toMillis());
            return new UpstreamFailure(Kind.THROTTLED, code, message, millis, Hints.GRAPH_THROTTLED);
        }
        if (status >= 500) {
            return new UpstreamFailure(Kind.UNREACHABLE, "HTTP_" + status, message, null, Hints.UNREACHABLE);
        }
        if (!graphError) {
            return new UpstreamFailure(Kind.GARBAGE, "HTTP_" + status, "Graph answered HTTP " + status
                    + " without a Graph error", null, null);
        }
        return switch (status) {
            case 401 -> new UpstreamFailure(Kind.AUTH, code, message, null, Hints.GRAPH_TOKEN);
            case 403 -> new UpstreamFailure(Kind.FORBIDDEN, code, message, null, forbiddenHint(message,
                    tokenHasRoles));
            case 404 -> new UpstreamFailure(Kind.EXCHANGE_ERROR, code, message, null, notFoundHint(code));
            default -> new UpstreamFailure(Kind.EXCHANGE_ERROR, code, message, null, Hints.forCode(code));
        };
    }

    /**
     * An application access policy or RBAC for Applications scope answers "Access to OData is disabled" (with
     * {@code [RAOP]} for a policy): the app has its permission, the mailbox is outside its scope.
     */
    static boolean isAccessPolicy(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("[raop]") || m.contains("access to odata is disabled")
                || m.contains("accesspolicy") || m.contains("rbac");
    }

    private static String forbiddenHint(String message, boolean tokenHasRoles) {
        if (isAccessPolicy(message)) {
            return Hints.GRAPH_ACCESS_POLICY;
        }
        return tokenHasRoles ? Hints.GRAPH_FORBIDDEN : Hints.NO_ROLES;
    }

    private static String notFoundHint(String code) {
        return switch (code) {
            case "ErrorItemNotFound", "ErrorInvalidIdMalformed" -> Hints.GRAPH_NO_CALENDAR;
            default -> Hints.NO_MAILBOX;
        };
    }

    /** {@code Retry-After} as delta-seconds (what Graph sends); an HTTP date is not worth parsing here. */
    static Optional<Long> retryAfterMillis(Optional<String> header) {
        try {
            return header.map(String::strip).map(Long::parseLong).filter(s -> s >= 0).map(s -> s * 1000);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String safe(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() > MAX_MESSAGE ? oneLine.substring(0, MAX_MESSAGE) + "…" : oneLine;
    }
}
