package io.calendargateway.oauth;

/**
 * Why no token could be obtained.
 *
 * @param code {@code AADSTS7000215}-style code when Entra gave one, else the OAuth {@code error}, else our own
 *        ({@code TOKEN_ENDPOINT_UNREACHABLE}, ...)
 * @param error the OAuth2 {@code error} field ({@code invalid_client}, ...), or null
 * @param message safe to show an admin: the first line of Entra's description, or our own text
 */
public record TokenFailure(Kind kind, String code, String error, String message) {

    public enum Kind {
        /** The token endpoint answered with an OAuth2 error (credentials, consent, tenant, MFA, policy). */
        REJECTED,
        /** The token endpoint could not be reached. */
        UNREACHABLE,
        /** The token endpoint did not answer in time. */
        TIMEOUT,
        /** The answer was not an OAuth2 response. */
        GARBAGE
    }
}
