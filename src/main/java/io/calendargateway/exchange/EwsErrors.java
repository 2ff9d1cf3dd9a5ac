package io.calendargateway.exchange;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.xml.stream.XMLStreamException;

import org.apache.http.NoHttpResponseException;
import org.apache.http.conn.ConnectTimeoutException;

import io.calendargateway.exchange.UpstreamFailure.Kind;
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
    private static final int MAX_MESSAGE = 300;
    private static final Set<String> THROTTLING_CODES = Set.of(
            "ErrorServerBusy", "ErrorExceededConnectionCount", "ErrorTooManyObjectsOpened");

    private EwsErrors() {
    }

    public static EwsException toException(Throwable error) {
        if (error instanceof EwsException ews) {
            return ews;
        }
        return new EwsException(translate(error), error);
    }

    public static UpstreamFailure translate(Throwable error) {
        List<Throwable> chain = chain(error);

        UpstreamFailure tls = tls(chain);
        if (tls != null) {
            return tls;
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
        UpstreamFailure network = network(chain);
        if (network != null) {
            return network;
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
                return new UpstreamFailure(Kind.TLS, "TLS_ERROR", "TLS failed: " + safe(t.getMessage()), null);
            }
        }
        return new UpstreamFailure(Kind.EXCHANGE_ERROR, "UNEXPECTED",
                "The EWS request failed: " + error.getClass().getSimpleName(), null);
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

    private static UpstreamFailure tls(List<Throwable> chain) {
        boolean tlsInvolved = false;
        for (Throwable t : chain) {
            if (t instanceof SSLHandshakeException || t instanceof SSLPeerUnverifiedException
                    || t instanceof CertificateException || t instanceof CertPathValidatorException
                    || t instanceof CertPathBuilderException) {
                tlsInvolved = true;
            }
        }
        if (!tlsInvolved) {
            return null;
        }
        for (Throwable t : chain) {
            if (t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException
                    || (t instanceof CertPathValidatorException v
                            && v.getReason() == CertPathValidatorException.BasicReason.EXPIRED)) {
                return new UpstreamFailure(Kind.TLS, "TLS_EXPIRED",
                        "The server's TLS certificate is expired or not yet valid", null);
            }
        }
        for (Throwable t : chain) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            if ((t instanceof SSLPeerUnverifiedException && message.contains("doesn't match"))
                    || message.contains("No subject alternative") || message.contains("No name matching")) {
                return new UpstreamFailure(Kind.TLS, "TLS_HOSTNAME_MISMATCH",
                        "The server's TLS certificate does not name this host: " + safe(message), null);
            }
        }
        for (Throwable t : chain) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException
                    || message.contains("unable to find valid certification path")
                    || message.contains("PKIX path")) {
                return new UpstreamFailure(Kind.TLS, "TLS_UNTRUSTED",
                        "The server's TLS certificate is not trusted (add its CA to the profile's CA bundle)", null);
            }
        }
        Throwable deepest = chain.get(chain.size() - 1);
        return new UpstreamFailure(Kind.TLS, "TLS_HANDSHAKE", "The TLS handshake failed: " + safe(deepest.getMessage()),
                null);
    }

    private static UpstreamFailure network(List<Throwable> chain) {
        for (Throwable t : chain) {
            if (t instanceof ConnectTimeoutException
                    || (t instanceof SocketTimeoutException && String.valueOf(t.getMessage()).contains("connect"))) {
                return new UpstreamFailure(Kind.TIMEOUT, "CONNECT_TIMEOUT",
                        "Connecting to Exchange timed out", null);
            }
        }
        for (Throwable t : chain) {
            if (t instanceof SocketTimeoutException) {
                return new UpstreamFailure(Kind.TIMEOUT, "READ_TIMEOUT",
                        "Exchange did not answer within the read timeout", null);
            }
        }
        for (Throwable t : chain) {
            if (t instanceof UnknownHostException) {
                return new UpstreamFailure(Kind.UNREACHABLE, "UNKNOWN_HOST",
                        "Unknown host: " + safe(t.getMessage()), null);
            }
            if (t instanceof NoRouteToHostException) {
                return new UpstreamFailure(Kind.UNREACHABLE, "NO_ROUTE", "No route to the Exchange server", null);
            }
            if (t instanceof ConnectException) {
                return new UpstreamFailure(Kind.UNREACHABLE, "CONNECTION_REFUSED",
                        "The Exchange server refused the connection", null);
            }
            if (t instanceof NoHttpResponseException || t instanceof SocketException) {
                return new UpstreamFailure(Kind.UNREACHABLE, "CONNECTION_LOST",
                        "The connection to Exchange was closed before an answer arrived", null);
            }
        }
        for (Throwable t : chain) {
            if (t instanceof InterruptedIOException) {
                return new UpstreamFailure(Kind.TIMEOUT, "INTERRUPTED", "The EWS request was interrupted", null);
            }
        }
        return null;
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

    private static List<Throwable> chain(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = error; t != null && seen.add(t) && chain.size() < 20; t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    /** One line, bounded length; Exchange's and the JDK's messages carry no secrets, but may carry HTML. */
    private static String safe(String message) {
        if (message == null) {
            return "no details";
        }
        String line = message.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
        return line.length() > MAX_MESSAGE ? line.substring(0, MAX_MESSAGE) + "..." : line;
    }
}
