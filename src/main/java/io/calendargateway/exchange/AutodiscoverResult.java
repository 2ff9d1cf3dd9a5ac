package io.calendargateway.exchange;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * What autodiscover found and how: the EWS URL, the step that found it, and every attempt on the way.
 *
 * @param serviceUrl the EWS endpoint ({@code .../EWS/Exchange.asmx})
 * @param method the step that answered
 * @param attempts every request made, in order, with its outcome
 */
public record AutodiscoverResult(String serviceUrl, Method method, List<Attempt> attempts) {

    /** How the URL was found. */
    public enum Method {
        /** POX {@code autodiscover.xml} at the address's domain or {@code autodiscover.<domain>} */
        POX,
        /** SOAP {@code GetUserSettings} at {@code autodiscover.svc} */
        SOAP,
        /** the unauthenticated HTTP redirect probe, then POX at the https URL it pointed to */
        REDIRECT_PROBE,
        /** Autodiscover v2 JSON (Office 365) */
        V2_JSON
    }

    /**
     * One request of the search.
     *
     * @param url the URL asked
     * @param outcome one of {@link AutodiscoverOutcome}'s codes, or {@code HTTP_<status>} for an HTTP error status
     * @param durationMs how long the request took
     * @param detail what happened, for an administrator (redirect target, error message), or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attempt(String url, String outcome, long durationMs, String detail) {
    }
}
