package io.calendargateway.exchange;

/**
 * What one autodiscover response says, whatever its protocol (POX, SOAP, v2 JSON, HTTP redirect).
 *
 * @param kind what the server wants the client to do
 * @param value the EWS URL, the redirect address or the redirect URL; null for errors
 * @param message the server's error code and message, or why the answer is unusable; null otherwise
 */
record AutodiscoverAnswer(Kind kind, String value, String message) {

    enum Kind { SETTINGS, REDIRECT_ADDRESS, REDIRECT_URL, ERROR, INVALID }

    static AutodiscoverAnswer settings(String ewsUrl) {
        return new AutodiscoverAnswer(Kind.SETTINGS, ewsUrl, null);
    }

    static AutodiscoverAnswer redirectAddress(String address) {
        return new AutodiscoverAnswer(Kind.REDIRECT_ADDRESS, address, null);
    }

    static AutodiscoverAnswer redirectUrl(String url) {
        return new AutodiscoverAnswer(Kind.REDIRECT_URL, url, null);
    }

    static AutodiscoverAnswer error(String message) {
        return new AutodiscoverAnswer(Kind.ERROR, null, message);
    }

    static AutodiscoverAnswer invalid(String why) {
        return new AutodiscoverAnswer(Kind.INVALID, null, why);
    }
}
