package io.calendargateway.exchange;

/** The outcome of one autodiscover request; an HTTP error status is reported as {@code HTTP_<status>} instead. */
public enum AutodiscoverOutcome {
    /** the answer named the EWS URL */
    OK,
    /** redirectAddr / RedirectAddress: the search starts again for another address */
    REDIRECT_ADDRESS,
    /** redirectUrl / RedirectUrl or an HTTP redirect: the next request goes to that URL */
    REDIRECT_URL,
    /** a redirect to a host outside the address's domain and the allowed hosts, or not https: not followed */
    REDIRECT_REFUSED,
    /** a redirect back to an address or URL already asked, or more redirects than allowed: the search stops */
    LOOP,
    /** no answer within the per-attempt timeout */
    TIMEOUT,
    /** no connection: unknown host, connection refused or reset */
    UNREACHABLE,
    /** the server's certificate is not trusted or does not match its name */
    TLS_UNTRUSTED,
    /** the server answered with an autodiscover error (POX Error, SOAP error code such as InvalidUser) */
    AUTODISCOVER_ERROR,
    /** the answer is not what the protocol defines (not XML or JSON, no EWS URL) */
    INVALID_RESPONSE;

    static String http(int status) {
        return "HTTP_" + status;
    }
}
