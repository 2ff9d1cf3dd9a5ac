package io.calendargateway.exchange;

/** How the gateway authenticates to an EWS endpoint. */
public enum EwsAuth {
    /**
     * HTTP Basic, sent preemptively. The library itself would switch to NTLM whenever the server offers both
     * (IIS does by default), so Basic is sent as a ready-made header and the library gets no credentials.
     */
    BASIC,
    /** NTLM (NTLMv2) through the library's HTTP client; also falls back to Basic when only Basic is offered. */
    NTLM,
    /** OAuth2 access token in an {@code Authorization: Bearer} header, fetched before every call. */
    BEARER
}
