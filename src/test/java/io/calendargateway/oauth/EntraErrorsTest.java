package io.calendargateway.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;

import org.junit.jupiter.api.Test;

import io.calendargateway.oauth.TokenFailure.Kind;
import io.quarkus.oidc.client.OidcClientException;

class EntraErrorsTest {

    private static final String INVALID_SECRET = "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: "
            + "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, "
            + "not the client secret ID, for a secret added to app '11111111-2222-3333-4444-555555555555'.\\r\\n"
            + "Trace ID: 0b7e6a3c-1f2d-4c55-9a1e-2f3b4c5d6e00\\r\\nCorrelation ID: 5d7c2b1a-0000-4000-8000-"
            + "123456789abc\\r\\nTimestamp: 2026-11-28 09:12:03Z\",\"error_codes\":[7000215],"
            + "\"timestamp\":\"2026-11-28 09:12:03Z\",\"trace_id\":\"0b7e6a3c-1f2d-4c55-9a1e-2f3b4c5d6e00\","
            + "\"correlation_id\":\"5d7c2b1a-0000-4000-8000-123456789abc\","
            + "\"error_uri\":\"https://login.microsoftonline.com/error?code=7000215\"}";

    @Test
    void shouldReadTheAadstsCodeAndTheFirstLineOfTheDescription() {
        TokenFailure failure = EntraErrors.translate(new OidcClientException(INVALID_SECRET));

        assertEquals(new TokenFailure(Kind.REJECTED, "AADSTS7000215", "invalid_client",
                "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the "
                        + "client secret value, not the client secret ID, for a secret added to app "
                        + "'11111111-2222-3333-4444-555555555555'."),
                failure);
    }

    @Test
    void shouldTakeTheFirstOfSeveralErrorCodes() {
        TokenFailure failure = EntraErrors.parse("{\"error\":\"invalid_grant\",\"error_description\":"
                + "\"AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a "
                + "new location, you must use multi-factor authentication.\\r\\nTrace ID: x\","
                + "\"error_codes\":[50076,50079],\"suberror\":\"basic_action\"}");

        assertEquals("AADSTS50076", failure.code());
        assertEquals("invalid_grant", failure.error());
        assertEquals("AADSTS50076: Due to a configuration change made by your administrator, or because you moved to "
                + "a new location, you must use multi-factor authentication.", failure.message());
    }

    @Test
    void shouldFallBackToTheCodeInTheDescriptionThenToTheOauthError() {
        assertEquals("AADSTS700016", EntraErrors.parse("{\"error\":\"unauthorized_client\",\"error_description\":"
                + "\"AADSTS700016: Application with identifier 'abc' was not found in the directory 'contoso'.\"}")
                .code());

        TokenFailure plainOauth = EntraErrors.parse("{\"error\":\"invalid_scope\"}");
        assertEquals(new TokenFailure(Kind.REJECTED, "invalid_scope", "invalid_scope",
                "The token endpoint refused the request (invalid_scope)"), plainOauth);
    }

    @Test
    void shouldCallNonJsonAnswersGarbage() {
        TokenFailure failure = EntraErrors.translate(new OidcClientException("<html><body>Not Found</body></html>"));

        assertEquals(new TokenFailure(Kind.GARBAGE, "TOKEN_ENDPOINT_INVALID_RESPONSE", null,
                "The token endpoint did not answer with an OAuth2 response (wrong token URL?)"), failure);
    }

    @Test
    void shouldCallTheOidcClientsConnectionFailureUnreachable() {
        assertEquals(new TokenFailure(Kind.UNREACHABLE, "TOKEN_ENDPOINT_UNREACHABLE", null,
                "Cannot connect to the token endpoint"),
                EntraErrors.translate(new OidcClientException("OIDC Server is not available")));
    }

    @Test
    void shouldMapConnectionFailuresAndTimeouts() {
        assertEquals(Kind.UNREACHABLE, EntraErrors.translate(
                new RuntimeException(new ConnectException("Connection refused: localhost/127.0.0.1:1"))).kind());
        assertEquals(new TokenFailure(Kind.TIMEOUT, "TOKEN_ENDPOINT_TIMEOUT", null,
                "The token endpoint did not answer in time"),
                EntraErrors.translate(new io.smallrye.mutiny.TimeoutException()));
    }
}
