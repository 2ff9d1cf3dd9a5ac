package io.calendargateway.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import javax.net.ssl.SSLHandshakeException;

import org.apache.http.conn.ConnectTimeoutException;
import org.junit.jupiter.api.Test;

import io.calendargateway.exchange.FakeEwsServer.Reply;
import io.calendargateway.upstream.UpstreamException;
import io.calendargateway.upstream.UpstreamFailure;
import io.calendargateway.upstream.UpstreamFailure.Kind;

import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.exception.http.HttpErrorException;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceRequestException;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException;
import microsoft.exchange.webservices.data.core.response.ServiceResponse;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import microsoft.exchange.webservices.data.misc.SoapFaultDetails;

class EwsErrorsTest {

    /** Opens the protected setters the library uses while parsing a fault. */
    private static final class Fault extends SoapFaultDetails {
        Fault(ServiceError code, String text, Map<String, String> details) {
            setResponseCode(code);
            setFaultString(text);
            setErrorDetails(details);
        }
    }

    private static ServiceRequestException soapFault(ServiceError code, String text, Map<String, String> details) {
        ServiceResponseException response = new ServiceResponseException(
                new ServiceResponse(new Fault(code, text, details)));
        return new ServiceRequestException("The request failed. " + response.getMessage(), response);
    }

    @Test
    void shouldMapServerBusyWithBackOffToThrottled() {
        UpstreamFailure failure = EwsErrors.translate(soapFault(ServiceError.ErrorServerBusy,
                "The server cannot service this request right now. Try again later.",
                new HashMap<>(Map.of("BackOffMilliseconds", "297749"))));

        assertEquals(new UpstreamFailure(Kind.THROTTLED, "ErrorServerBusy",
                "The server cannot service this request right now. Try again later.", 297749L), failure);
    }

    @Test
    void shouldMapServerBusyWithoutBackOff() {
        UpstreamFailure failure = EwsErrors.translate(soapFault(ServiceError.ErrorServerBusy, "busy",
                new HashMap<>(Map.of("Policy", "MaxConcurrency", "MaxConcurrencyLimit", "27"))));

        assertEquals(Kind.THROTTLED, failure.kind());
        assertEquals(null, failure.backOffMillis());
    }

    @Test
    void shouldKeepTheImpersonationCode() {
        UpstreamFailure failure = EwsErrors.translate(soapFault(ServiceError.ErrorImpersonateUserDenied,
                "The account does not have permission to impersonate the requested user.", new HashMap<>()));

        assertEquals(new UpstreamFailure(Kind.EXCHANGE_ERROR, "ErrorImpersonateUserDenied",
                "The account does not have permission to impersonate the requested user.", null), failure);
    }

    @Test
    void shouldReadARawCodeTheLibraryDoesNotKnow() {
        UpstreamFailure failure = EwsErrors.translate(soapFault(null,
                "ErrorMailboxFailover: the mailbox database is moving", new HashMap<>()));

        assertEquals("ErrorMailboxFailover", failure.code());
        assertEquals(Kind.EXCHANGE_ERROR, failure.kind());
    }

    @Test
    void shouldMapHttpStatusesFromHttpErrorException() {
        ServiceRequestException unauthorized = new ServiceRequestException(
                "The request failed. The remote server returned an error: (401)Unauthorized",
                new HttpErrorException("The remote server returned an error: (401)Unauthorized", 401));
        ServiceRequestException forbidden = new ServiceRequestException(
                "The request failed. The remote server returned an error: (403)Forbidden",
                new HttpErrorException("The remote server returned an error: (403)Forbidden", 403));

        assertEquals(new UpstreamFailure(Kind.AUTH, "HTTP_401", "Exchange rejected the credentials (HTTP 401)", null),
                EwsErrors.translate(unauthorized));
        assertEquals(new UpstreamFailure(Kind.FORBIDDEN, "HTTP_403", "Exchange refused access (HTTP 403)", null),
                EwsErrors.translate(forbidden));
    }

    @Test
    void shouldMapHttpStatusesFromTheMessageAlone() {
        UpstreamFailure failure = EwsErrors.translate(new ServiceRequestException(
                "The request failed. The request failed. The remote server returned an error: (401)Unauthorized"));

        assertEquals("HTTP_401", failure.code());
        assertEquals(Kind.AUTH, failure.kind());
    }

    @Test
    void shouldFindTlsFailuresAnywhereInTheChain() {
        SSLHandshakeException handshake = new SSLHandshakeException(
                "PKIX path building failed: unable to find valid certification path to requested target");
        assertEquals("TLS_UNTRUSTED", EwsErrors.translate(
                new ServiceRequestException("The request failed. x", new java.io.IOException(handshake))).code());

        SSLHandshakeException expired = new SSLHandshakeException("PKIX path validation failed");
        expired.initCause(new CertPathValidatorException("validity check failed",
                new CertificateExpiredException("NotAfter: Sat Nov 01 00:00:00 UTC 2025")));
        assertEquals("TLS_EXPIRED", EwsErrors.translate(new ServiceRequestException("x", expired)).code());

        assertEquals(Kind.TLS, EwsErrors.translate(new ServiceRequestException("x",
                new javax.net.ssl.SSLPeerUnverifiedException(
                        "Certificate for <10.0.0.5> doesn't match any of the subject alternative names: [mail]")))
                .kind());
    }

    @Test
    void shouldMapNetworkFailures() {
        assertEquals(new UpstreamFailure(Kind.UNREACHABLE, "UNKNOWN_HOST", "Unknown host: ews.contoso.invalid", null),
                EwsErrors.translate(new ServiceRequestException("The request failed. ews.contoso.invalid",
                        new UnknownHostException("ews.contoso.invalid"))));
        assertEquals("CONNECTION_REFUSED", EwsErrors.translate(
                new ServiceRequestException("x", new ConnectException("Connection refused"))).code());
        assertEquals(new UpstreamFailure(Kind.TIMEOUT, "READ_TIMEOUT",
                "The server did not answer within the read timeout", null),
                EwsErrors.translate(new ServiceRequestException("x", new SocketTimeoutException("Read timed out"))));
        assertEquals("CONNECT_TIMEOUT", EwsErrors.translate(
                new ServiceRequestException("x", new ConnectTimeoutException("Connect to x timed out"))).code());
    }

    @Test
    void shouldCallInvalidXmlGarbage() {
        assertEquals(Kind.GARBAGE, EwsErrors.translate(new ServiceRequestException(
                "The response received from the service didn't contain valid XML.")).kind());
    }

    // --- the same mappings against what the library really throws ---

    private static EwsEndpoint endpoint(URI url, Duration readTimeout) {
        return EwsEndpoint.builder(url).ntlm("svc", "pw", null).connectTimeout(Duration.ofSeconds(1))
                .readTimeout(readTimeout).build();
    }

    private static UpstreamFailure failureOf(EwsEndpoint endpoint) {
        try (EwsConnectionPool pool = new EwsConnectionPool(endpoint, new EwsServiceFactory(), 1,
                Duration.ofSeconds(1))) {
            UpstreamException e = assertThrows(UpstreamException.class, () -> pool.withService("room1@contoso.com",
                    service -> Folder.bind(service, EwsConnectionPool.calendarOf("room1@contoso.com"))));
            return e.failure();
        }
    }

    @Test
    void shouldTranslateARealServerBusyFault() throws Exception {
        try (FakeEwsServer server = FakeEwsServer.http(r -> Reply.xml(500, FakeEwsServer.fault("ErrorServerBusy",
                "The server cannot service this request right now. Try again later.", 297749L)))) {
            assertEquals(new UpstreamFailure(Kind.THROTTLED, "ErrorServerBusy",
                    "The server cannot service this request right now. Try again later.", 297749L),
                    failureOf(endpoint(server.url(), Duration.ofSeconds(5))));
        }
    }

    @Test
    void shouldTranslateARealImpersonationFault() throws Exception {
        try (FakeEwsServer server = FakeEwsServer.http(r -> Reply.xml(500, FakeEwsServer.fault(
                "ErrorImpersonateUserDenied", "The account does not have permission to impersonate the requested user.",
                null)))) {
            assertEquals(new UpstreamFailure(Kind.EXCHANGE_ERROR, "ErrorImpersonateUserDenied",
                    "The account does not have permission to impersonate the requested user.", null),
                    failureOf(endpoint(server.url(), Duration.ofSeconds(5))));
        }
    }

    @Test
    void shouldTranslateAFaultWithACodeTheLibraryDoesNotKnow() throws Exception {
        try (FakeEwsServer server = FakeEwsServer.http(r -> Reply.xml(500, FakeEwsServer.fault(
                "ErrorSomethingIntroducedIn2026", "Something new went wrong.", null)))) {
            UpstreamFailure failure = failureOf(endpoint(server.url(), Duration.ofSeconds(5)));
            assertEquals(Kind.EXCHANGE_ERROR, failure.kind());
            assertEquals("UNKNOWN_SOAP_FAULT", failure.code());
        }
    }

    @Test
    void shouldTranslateAResponseMessageError() throws Exception {
        try (FakeEwsServer server = FakeEwsServer.http(r -> Reply.xml(200, FakeEwsServer.getFolderError(
                "ErrorNonExistentMailbox", "No mailbox with such guid.")))) {
            assertEquals(new UpstreamFailure(Kind.EXCHANGE_ERROR, "ErrorNonExistentMailbox",
                    "No mailbox with such guid.", null), failureOf(endpoint(server.url(), Duration.ofSeconds(5))));
        }
    }

    @Test
    void shouldTranslateAReal403() throws Exception {
        try (FakeEwsServer server = FakeEwsServer.http(r -> new Reply(403, Map.of(), "Forbidden", 0))) {
            assertEquals("HTTP_403", failureOf(endpoint(server.url(), Duration.ofSeconds(5))).code());
        }
    }

    @Test
    void shouldTranslateAnHtmlPageToGarbage() throws Exception {
        try (FakeEwsServer server = FakeEwsServer.http(r -> new Reply(200,
                Map.of("Content-Type", java.util.List.of("text/html")), "<html><body>Sign in</body></html>", 0))) {
            assertEquals(Kind.GARBAGE, failureOf(endpoint(server.url(), Duration.ofSeconds(5))).kind());
        }
    }

    @Test
    void shouldTranslateARealReadTimeout() throws Exception {
        try (FakeEwsServer server = FakeEwsServer.http(
                r -> Reply.xml(200, FakeEwsServer.getFolderCalendar("Calendar", 1)).delayed(1500))) {
            assertEquals("READ_TIMEOUT", failureOf(endpoint(server.url(), Duration.ofMillis(300))).code());
        }
    }

    @Test
    void shouldTranslateARefusedConnection() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        UpstreamFailure failure = failureOf(
                endpoint(URI.create("http://127.0.0.1:" + port + "/EWS/Exchange.asmx"), Duration.ofSeconds(1)));
        assertEquals(Kind.UNREACHABLE, failure.kind());
        assertEquals("CONNECTION_REFUSED", failure.code());
    }
}
