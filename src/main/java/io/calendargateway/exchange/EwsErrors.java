package io.calendargateway.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;
import javax.xml.stream.XMLStreamException;

import org.apache.http.NoHttpResponseException;
import org.apache.http.conn.ConnectTimeoutException;

import io.calendargateway.upstream.TransportErrors;
import io.calendargateway.upstream.UpstreamException;
import io.calendargateway.upstream.UpstreamFailure;
import io.calendargateway.upstream.UpstreamFailure.Kind;

import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.exception.http.HttpErrorException;
import microsoft.exchange.webservices.data.core.exception.service.local.ServiceVersionException;
import microsoft.exchange.webservices.data.core.exception.service.local.ServiceXmlDeserializationException;
import microsoft.exchange.webservices.data.core.exception.service.remote.AccountIsLockedException;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException;

/**
 * Translates whatever ews-java-api throws into an {@link UpstreamFailure}.
 * <p>
 * What the library does (2.0, read from its bytecode): a SOAP fault (HTTP 500) becomes a
 * {@code ServiceResponseException} wrapped in a {@code ServiceRequestException}; other HTTP errors become an
 * {@code HttpErrorException} (status in {@code getHttpErrorCode()}) wrapped in a {@code ServiceRequestException}
 * "The request failed. The remote server returned an error: (401)..."; network and TLS errors arrive as the cause of a
 * {@code ServiceRequestException}. Response codes newer than the library map to null: for a response message the raw
 * code is then searched in the message; for an HTTP 500 fault the library itself fails with a
 * {@code NullPointerException} and the code is lost ({@code UNKNOWN_SOAP_FAULT}).
 */
public final class EwsErrors {

    private static final Pattern HTTP_STATUS = Pattern.compile("The remote server returned an error: \\((\\d{3})\\)");
    private static final Pattern RAW_CODE = Pattern.compile("\\b(Error[A-Z][A-Za-z0-9]+)\\b");
    private static final Set<String> THROTTLING_CODES = Set.of(
            "ErrorServerBusy", "ErrorExceededConnectionCount", "ErrorTooManyObjectsOpened");

    private EwsErrors() {
    }

    public static UpstreamException toException(Throwable error) {
        if (error instanceof UpstreamException known) {
            return known;
        }
        return new UpstreamException(translate(error), error);
    }

    public static UpstreamFailure translate(Throwable error) {
        List<Throwable> chain = TransportErrors.chain(error);
        UpstreamFailure transport = TransportErrors.classify(error);
        if (transport != null && transport.kind() == Kind.TLS) {
            return transport;
        }
        for (Throwable t : chain) {
            if (t instanceof AccountIsLockedException) {
                return new UpstreamFailure(Kind.AUTH, "ACCOUNT_LOCKED", "Exchange reports the account as locked",
                        null);
            }
            if (t instanceof ServiceResponseException response) {
                return fromResponse(response);
            }
        }
        for (Throwable t : chain) {
            if (t instanceof NullPointerException && thrownBy(t, "ServiceRequestBase", "processWebException")) {
                return new UpstreamFailure(Kind.EXCHANGE_ERROR, "UNKNOWN_SOAP_FAULT",
                        "Exchange answered with a SOAP fault whose code the EWS client does not know", null);
            }
        }
        Integer status = httpStatus(chain);
        if (status != null) {
            return fromHttpStatus(status);
        }
        UpstreamFailure network = apacheNetwork(chain);
        if (network != null) {
            return network;
        }
        if (transport != null) {
            return transport;
        }
        for (Throwable t : chain) {
            if (t instanceof ServiceXmlDeserializationException || t instanceof XMLStreamException
                    || (t.getMessage() != null && t.getMessage().contains("didn't contain valid XML"))) {
                return new UpstreamFailure(Kind.GARBAGE, "INVALID_RESPONSE",
                        "The server's answer is not a valid EWS response (wrong URL, or a proxy/login page?)", null);
            }
            if (t instanceof ServiceVersionException) {
                return new UpstreamFailure(Kind.EXCHANGE_ERROR, "UNSUPPORTED_VERSION",
                        "The server does not support the requested EWS version Exchange2010_SP2", null);
            }
        }
        for (Throwable t : chain) {
            if (t instanceof SSLException) {
                return TransportErrors.translate(t);
            }
        }
        return new UpstreamFailure(Kind.EXCHANGE_ERROR, "UNEXPECTED",
                "The EWS request failed: " + error.getClass().getSimpleName(), null);
    }

    /** The Apache HTTP client's own connection failures, which the JDK types do not cover. */
    private static UpstreamFailure apacheNetwork(List<Throwable> chain) {
        for (Throwable t : chain) {
            if (t instanceof ConnectTimeoutException) {
                return TransportErrors.connectTimeout();
            }
        }
        for (Throwable t : chain) {
            if (t instanceof NoHttpResponseException) {
                return TransportErrors.connectionLost();
            }
        }
        return null;
    }

    private static UpstreamFailure fromResponse(ServiceResponseException e) {
        ServiceError error = e.getErrorCode();
        Map<String, String> details = e.getResponse() == null ? Map.of() : e.getResponse().getErrorDetails();
        String message = e.getResponse() == null ? null : e.getResponse().getErrorMessage();
        String code = error != null ? error.name() : rawCode(message, details);
        Long backOff = backOff(details);
        Kind kind = THROTTLING_CODES.contains(code) ? Kind.THROTTLED : Kind.EXCHANGE_ERROR;
        String text = message == null || message.isBlank() ? "Exchange answered " + code : safe(message);
        return new UpstreamFailure(kind, code, text, backOff);
    }

    private static String rawCode(String message, Map<String, String> details) {
        List<String> candidates = new ArrayList<>();
        candidates.add(message);
        if (details != null) {
            candidates.addAll(details.values());
        }
        for (String candidate : candidates) {
            if (candidate != null) {
                Matcher m = RAW_CODE.matcher(candidate);
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        return "UNKNOWN_RESPONSE_CODE";
    }

    private static Long backOff(Map<String, String> details) {
        String value = details == null ? null : details.get("BackOffMilliseconds");
        if (value == null) {
            return null;
        }
        try {
            long millis = Long.parseLong(value.trim());
            return millis >= 0 ? millis : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer httpStatus(List<Throwable> chain) {
        for (Throwable t : chain) {
            if (t instanceof HttpErrorException http && http.getHttpErrorCode() >= 400) {
                return http.getHttpErrorCode();
            }
        }
        for (Throwable t : chain) {
            if (t.getMessage() != null) {
                Matcher m = HTTP_STATUS.matcher(t.getMessage());
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
        }
        return null;
    }

    private static UpstreamFailure fromHttpStatus(int status) {
        String code = "HTTP_" + status;
        return switch (status) {
            case 401 -> new UpstreamFailure(Kind.AUTH, code,
                    "Exchange rejected the credentials (HTTP 401)", null);
            case 403 -> new UpstreamFailure(Kind.FORBIDDEN, code,
                    "Exchange refused access (HTTP 403)", null);
            case 429, 503 -> new UpstreamFailure(Kind.THROTTLED, code,
                    "Exchange is busy or throttling (HTTP " + status + ")", null);
            case 404 -> new UpstreamFailure(Kind.GARBAGE, code,
                    "No EWS endpoint at this URL (HTTP 404)", null);
            default -> new UpstreamFailure(status >= 500 ? Kind.EXCHANGE_ERROR : Kind.GARBAGE, code,
                    "Exchange answered HTTP " + status, null);
        };
    }

    private static boolean thrownBy(Throwable t, String simpleClassName, String method) {
        StackTraceElement[] trace = t.getStackTrace();
        for (int i = 0; i < Math.min(trace.length, 3); i++) {
            if (trace[i].getClassName().endsWith("." + simpleClassName) && trace[i].getMethodName().equals(method)) {
                return true;
            }
        }
        return false;
    }

    private static String safe(String message) {
        return TransportErrors.safe(message);
    }
}
