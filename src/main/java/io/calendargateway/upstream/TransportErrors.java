package io.calendargateway.upstream;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

import io.calendargateway.upstream.UpstreamFailure.Kind;

/**
 * Classifies what went wrong on the way to a server, whatever client made the call (ews-java-api, the JDK HTTP
 * client of Graph and autodiscover, a raw TLS probe): TLS trust, host names, timeouts, refused or lost
 * connections. Only JDK exception types are looked at, by type and cause, never by stack frames.
 */
public final class TransportErrors {

    private static final int MAX_MESSAGE = 300;

    private TransportErrors() {
    }

    /**
     * @return the TLS or network failure somewhere in the cause chain of {@code error}, or null when it is not one
     */
    public static UpstreamFailure classify(Throwable error) {
        List<Throwable> chain = chain(error);
        UpstreamFailure tls = tls(chain);
        return tls != null ? tls : network(chain);
    }

    /** The TLS or network failure of {@code error}, else an unexpected one naming only its type. */
    public static UpstreamFailure translate(Throwable error) {
        UpstreamFailure failure = classify(error);
        if (failure != null) {
            return failure;
        }
        for (Throwable t : chain(error)) {
            if (t instanceof SSLException) {
                return new UpstreamFailure(Kind.TLS, "TLS_ERROR", "TLS failed: " + safe(t.getMessage()), null);
            }
        }
        return new UpstreamFailure(Kind.GARBAGE, "UNEXPECTED", "The request failed: "
                + error.getClass().getSimpleName(), null);
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
            if (t instanceof HttpConnectTimeoutException
                    || (t instanceof SocketTimeoutException && String.valueOf(t.getMessage()).contains("connect"))) {
                return connectTimeout();
            }
        }
        for (Throwable t : chain) {
            if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException) {
                return new UpstreamFailure(Kind.TIMEOUT, "READ_TIMEOUT",
                        "The server did not answer within the read timeout", null);
            }
        }
        for (Throwable t : chain) {
            if (t instanceof UnknownHostException) {
                return new UpstreamFailure(Kind.UNREACHABLE, "UNKNOWN_HOST",
                        "Unknown host: " + safe(t.getMessage()), null);
            }
            if (t instanceof NoRouteToHostException) {
                return new UpstreamFailure(Kind.UNREACHABLE, "NO_ROUTE", "No route to the server", null);
            }
            if (t instanceof ConnectException) {
                return new UpstreamFailure(Kind.UNREACHABLE, "CONNECTION_REFUSED",
                        "The server refused the connection", null);
            }
            if (t instanceof SocketException) {
                return connectionLost();
            }
        }
        for (Throwable t : chain) {
            if (t instanceof InterruptedIOException || t instanceof InterruptedException) {
                return new UpstreamFailure(Kind.TIMEOUT, "INTERRUPTED", "The request was interrupted", null);
            }
        }
        return null;
    }

    public static UpstreamFailure connectTimeout() {
        return new UpstreamFailure(Kind.TIMEOUT, "CONNECT_TIMEOUT", "Connecting to the server timed out", null);
    }

    public static UpstreamFailure connectionLost() {
        return new UpstreamFailure(Kind.UNREACHABLE, "CONNECTION_LOST",
                "The connection was closed before an answer arrived", null);
    }

    /** The cause chain of {@code error}, itself first, without repeats. */
    public static List<Throwable> chain(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = error; t != null && seen.add(t) && chain.size() < 20; t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    /** One line, bounded length; servers' and the JDK's messages carry no secrets, but may carry HTML. */
    public static String safe(String message) {
        if (message == null) {
            return "no details";
        }
        String line = message.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
        return line.length() > MAX_MESSAGE ? line.substring(0, MAX_MESSAGE) + "..." : line;
    }
}
