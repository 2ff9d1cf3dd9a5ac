package io.calendargateway.oauth;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.calendargateway.oauth.TokenFailure.Kind;
import io.quarkus.oidc.client.OidcClientException;

/**
 * Reads token endpoint failures. Quarkus' OIDC client reports an error answer as an {@link OidcClientException}
 * whose message is the raw response body; Entra's body is JSON with {@code error}, {@code error_description}
 * ("AADSTS7000215: Invalid client secret provided...\r\nTrace ID: ...") and {@code error_codes} ([7000215]).
 */
public final class EntraErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern AADSTS = Pattern.compile("\\bAADSTS(\\d+)\\b");
    private static final int MAX_MESSAGE = 300;
    /**
     * The OIDC client's whole report of a failure below HTTP (refused, DNS, TLS): the cause is logged, not attached.
     * TLS is told apart by {@link TokenEndpointTls}.
     */
    private static final String NOT_AVAILABLE = "OIDC Server is not available";

    private EntraErrors() {
    }

    public static TokenException toException(Throwable error) {
        if (error instanceof TokenException token) {
            return token;
        }
        return new TokenException(translate(error), error);
    }

    public static TokenFailure translate(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = error; t != null && chain.size() < 20 && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        for (Throwable t : chain) {
            if (t instanceof OidcClientException && t.getMessage() != null && t.getMessage().trim().startsWith("{")) {
                return parse(t.getMessage());
            }
        }
        for (Throwable t : chain) {
            if (t instanceof TimeoutException || t instanceof io.smallrye.mutiny.TimeoutException
                    || t instanceof java.net.SocketTimeoutException
                    || t.getClass().getName().endsWith("ConnectTimeoutException")) {
                return new TokenFailure(Kind.TIMEOUT, "TOKEN_ENDPOINT_TIMEOUT", null,
                        "The token endpoint did not answer in time");
            }
            if (t instanceof UnknownHostException) {
                return new TokenFailure(Kind.UNREACHABLE, "TOKEN_ENDPOINT_UNREACHABLE", null,
                        "Unknown token endpoint host: " + oneLine(t.getMessage()));
            }
            if (t instanceof ConnectException || t instanceof java.net.NoRouteToHostException) {
                return new TokenFailure(Kind.UNREACHABLE, "TOKEN_ENDPOINT_UNREACHABLE", null,
                        "Cannot connect to the token endpoint");
            }
            if (t instanceof javax.net.ssl.SSLException) {
                return new TokenFailure(Kind.UNREACHABLE, "TOKEN_ENDPOINT_TLS", null,
                        "TLS to the token endpoint failed: " + oneLine(t.getMessage()));
            }
        }
        if (error instanceof OidcClientException && error.getCause() == null
                && NOT_AVAILABLE.equals(error.getMessage())) {
            return new TokenFailure(Kind.UNREACHABLE, "TOKEN_ENDPOINT_UNREACHABLE", null,
                    "Cannot connect to the token endpoint");
        }
        if (error instanceof OidcClientException) {
            return new TokenFailure(Kind.GARBAGE, "TOKEN_ENDPOINT_INVALID_RESPONSE", null,
                    "The token endpoint did not answer with an OAuth2 response (wrong token URL?)");
        }
        return new TokenFailure(Kind.UNREACHABLE, "TOKEN_REQUEST_FAILED", null,
                "The token request failed: " + error.getClass().getSimpleName());
    }

    /** Parses an OAuth2/Entra error body. */
    public static TokenFailure parse(String body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (Exception e) {
            return new TokenFailure(Kind.GARBAGE, "TOKEN_ENDPOINT_INVALID_RESPONSE", null,
                    "The token endpoint answered with malformed JSON");
        }
        if (json == null || !json.isObject()) {
            return new TokenFailure(Kind.GARBAGE, "TOKEN_ENDPOINT_INVALID_RESPONSE", null,
                    "The token endpoint answered with unexpected JSON");
        }
        String error = text(json, "error");
        String description = text(json, "error_description");
        String firstLine = description == null ? null : oneLine(description.split("\\r?\\n", 2)[0]);
        String code = null;
        JsonNode codes = json.get("error_codes");
        if (codes != null && codes.isArray() && codes.size() > 0 && codes.get(0).canConvertToLong()) {
            code = "AADSTS" + codes.get(0).asLong();
        }
        if (code == null && description != null) {
            Matcher m = AADSTS.matcher(description);
            if (m.find()) {
                code = "AADSTS" + m.group(1);
            }
        }
        if (code == null) {
            code = error != null ? error : "TOKEN_ENDPOINT_ERROR";
        }
        String message = firstLine != null ? firstLine
                : "The token endpoint refused the request" + (error == null ? "" : " (" + error + ")");
        return new TokenFailure(Kind.REJECTED, code, error, message);
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "no details";
        }
        String line = s.replaceAll("\\s+", " ").trim();
        return line.length() > MAX_MESSAGE ? line.substring(0, MAX_MESSAGE) + "..." : line;
    }
}
