package io.calendargateway.upstream;

/**
 * A failed call to Exchange, Entra ID or Graph, reduced to what the API needs: a kind (picks the HTTP status, see
 * {@link UpstreamProblemMapper}), the Exchange code or our own (picks the {@link Hints hint}), a message safe to
 * show an admin (no secrets, no stack traces) and, when throttled, how long the server asked us to wait.
 *
 * @param code Exchange's response code ({@code ErrorImpersonateUserDenied}), {@code HTTP_401}, {@code TLS_UNTRUSTED},
 *        ...
 * @param backOffMillis from {@code BackOffMilliseconds} or {@code Retry-After}; null when the server gave none
 * @param hint what an administrator can do about it, or null; by default the {@link Hints hint of the code}, a
 *        backend may choose another where one code means different things (Graph's {@code ErrorAccessDenied})
 */
public record UpstreamFailure(Kind kind, String code, String message, Long backOffMillis, String hint) {

    /** A failure whose hint is the one of its code. */
    public UpstreamFailure(Kind kind, String code, String message, Long backOffMillis) {
        this(kind, code, message, backOffMillis, Hints.forCode(code));
    }

    /** The same failure with another hint. */
    public UpstreamFailure withHint(String other) {
        return new UpstreamFailure(kind, code, message, backOffMillis, other);
    }

    public enum Kind {
        /** Exchange rejected the credentials (HTTP 401, locked account). */
        AUTH,
        /** Exchange refused the request (HTTP 403: EWS disabled for the app/tenant, licence). */
        FORBIDDEN,
        /** The TLS handshake failed: untrusted certificate, host name mismatch, expired, protocol. */
        TLS,
        /** No connection: unknown host, refused, no route. */
        UNREACHABLE,
        /** Connect or read timed out. */
        TIMEOUT,
        /** Exchange is throttling us ({@code ErrorServerBusy}, HTTP 429/503). */
        THROTTLED,
        /** Exchange answered with an error about the request or the mailbox. */
        EXCHANGE_ERROR,
        /** The answer was not EWS: HTML, broken XML, an unexpected status. */
        GARBAGE,
        /** This gateway's own concurrency limit for the profile is reached; nothing was sent. */
        BUSY,
        /** The profile's circuit breaker is open after repeated connection failures; nothing was sent. */
        CIRCUIT_OPEN;

        /** Failures that say the server or the way to it is broken, as opposed to one request or mailbox. */
        public boolean isConnectionFailure() {
            return this == UNREACHABLE || this == TIMEOUT || this == TLS || this == GARBAGE;
        }
    }
}
