package io.calendargateway.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.calendargateway.exchange.FakeEwsServer.Reply;
import io.calendargateway.profile.CaBundle;
import io.calendargateway.upstream.UpstreamFailure;
import io.calendargateway.upstream.UpstreamFailure.Kind;

import microsoft.exchange.webservices.data.core.service.folder.Folder;

class EwsServiceFactoryTest {

    private static final String ROOM = "room1@contoso.com";
    private static TestCertificate loopbackCert;
    private static TestCertificate otherHostCert;
    private static FakeEwsServer trustedNameServer;
    private static FakeEwsServer wrongNameServer;

    private final EwsServiceFactory factory = new EwsServiceFactory();

    @BeforeAll
    static void startServers() throws Exception {
        loopbackCert = TestCertificate.selfSigned("Contoso EWS test", Duration.ofDays(2), "localhost", "127.0.0.1");
        otherHostCert = TestCertificate.selfSigned("mail.contoso.test", Duration.ofDays(2), "mail.contoso.test");
        trustedNameServer = FakeEwsServer.https(loopbackCert.serverContext(),
                r -> Reply.xml(200, FakeEwsServer.getFolderCalendar("Calendar", 7)));
        wrongNameServer = FakeEwsServer.https(otherHostCert.serverContext(),
                r -> Reply.xml(200, FakeEwsServer.getFolderCalendar("Calendar", 7)));
    }

    @AfterAll
    static void stopServers() {
        trustedNameServer.close();
        wrongNameServer.close();
    }

    private static EwsEndpoint.Builder ntlm(java.net.URI url) {
        return EwsEndpoint.builder(url).ntlm("svc-doorsign", "secret", "CONTOSO")
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(5));
    }

    private static Folder bindCalendar(EwsEndpoint endpoint, EwsServiceFactory factory) throws Exception {
        try (GatewayExchangeService service = factory.create(endpoint)) {
            service.target(ROOM, endpoint.impersonation());
            return Folder.bind(service, EwsConnectionPool.calendarOf(ROOM));
        }
    }

    @Test
    void shouldRejectASelfSignedCertificateThatIsNotInTheCaBundle() {
        EwsEndpoint endpoint = ntlm(trustedNameServer.url()).build();

        Exception e = assertThrows(Exception.class, () -> bindCalendar(endpoint, factory));

        UpstreamFailure failure = EwsErrors.translate(e);
        assertEquals(Kind.TLS, failure.kind());
        assertEquals("TLS_UNTRUSTED", failure.code());
    }

    @Test
    void shouldAcceptTheCertificateOnceItIsInTheCaBundle() throws Exception {
        String bundle = "# internal CA\n" + otherHostCert.pem() + "\nsome comment\n" + loopbackCert.pem();
        EwsEndpoint endpoint = ntlm(trustedNameServer.url()).caBundlePem(bundle).build();

        Folder calendar = bindCalendar(endpoint, factory);

        assertEquals("Calendar", calendar.getDisplayName());
        assertEquals(7, calendar.getTotalCount());
    }

    @Test
    void shouldStillCheckTheHostNameOfATrustedCertificate() throws Exception {
        EwsEndpoint endpoint = ntlm(wrongNameServer.url()).caBundlePem(otherHostCert.pem()).build();

        Exception e = assertThrows(Exception.class, () -> bindCalendar(endpoint, factory));

        UpstreamFailure failure = EwsErrors.translate(e);
        assertEquals(Kind.TLS, failure.kind());
        assertEquals("TLS_HOSTNAME_MISMATCH", failure.code());
    }

    @Test
    void shouldAcceptAnythingOnlyWithInsecureSkipVerifyAndWarnEveryTime() throws Exception {
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(EwsServiceFactory.class.getName());
        logger.addHandler(capture);
        try {
            EwsEndpoint endpoint = ntlm(wrongNameServer.url()).insecureSkipVerify(true).build();

            assertEquals("Calendar", bindCalendar(endpoint, factory).getDisplayName());
            assertEquals("Calendar", bindCalendar(endpoint, factory).getDisplayName());

            assertEquals(2, warnings.size());
            String message = warnings.get(0).getMessage();
            String formatted = warnings.get(0).getParameters() == null ? message
                    : String.format(message, warnings.get(0).getParameters());
            assertTrue(formatted.contains("TLS verification is OFF for " + wrongNameServer.url()), formatted);
        } finally {
            logger.removeHandler(capture);
        }
    }

    @Test
    void shouldImpersonateAndAnchorTheMailbox() throws Exception {
        EwsEndpoint endpoint = ntlm(trustedNameServer.url()).caBundlePem(loopbackCert.pem()).build();
        int before = trustedNameServer.requests().size();

        bindCalendar(endpoint, factory);

        FakeEwsServer.Request request = trustedNameServer.requests().get(before);
        assertEquals(ROOM, request.header("X-AnchorMailbox"));
        assertTrue(request.body().contains("<t:ExchangeImpersonation><t:ConnectingSID><t:SmtpAddress>" + ROOM
                + "</t:SmtpAddress></t:ConnectingSID></t:ExchangeImpersonation>"), request.body());
        assertTrue(request.body().contains("<t:RequestServerVersion Version=\"Exchange2010_SP2\""), request.body());
    }

    @Test
    void shouldNeitherImpersonateNorAnchorForDelegateAccess() throws Exception {
        EwsEndpoint endpoint = ntlm(trustedNameServer.url()).caBundlePem(loopbackCert.pem())
                .impersonation(false).build();
        int before = trustedNameServer.requests().size();

        bindCalendar(endpoint, factory);

        FakeEwsServer.Request request = trustedNameServer.requests().get(before);
        assertNull(request.header("X-AnchorMailbox"));
        assertFalse(request.body().contains("ExchangeImpersonation"), request.body());
        assertTrue(request.body().contains("<t:DistinguishedFolderId Id=\"calendar\"><t:Mailbox><t:EmailAddress>"
                + ROOM + "</t:EmailAddress></t:Mailbox></t:DistinguishedFolderId>"), request.body());
    }

    @Test
    void shouldSendBasicPreemptivelyAndNeverFallIntoNtlm() throws Exception {
        String expected = "Basic " + java.util.Base64.getEncoder()
                .encodeToString("CONTOSO\\svc-doorsign:s3cr3t".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (FakeEwsServer server = FakeEwsServer.http(r -> expected.equals(r.header("Authorization"))
                ? Reply.xml(200, FakeEwsServer.getFolderCalendar("Calendar", 3))
                : challenge())) {
            EwsEndpoint good = EwsEndpoint.builder(server.url()).basic("svc-doorsign", "s3cr3t", "CONTOSO").build();
            assertEquals(3, bindCalendar(good, factory).getTotalCount());
            assertEquals(1, server.requests().size());

            EwsEndpoint bad = EwsEndpoint.builder(server.url()).basic("svc-doorsign", "wrong", "CONTOSO").build();
            Exception e = assertThrows(Exception.class, () -> bindCalendar(bad, factory));

            assertEquals(new UpstreamFailure(Kind.AUTH, "HTTP_401", "Exchange rejected the credentials (HTTP 401)",
                    null), EwsErrors.translate(e));
            assertEquals(2, server.requests().size(), "a rejected Basic login must not be retried as NTLM");
            assertTrue(server.requests().get(1).header("Authorization").startsWith("Basic "));
        }
    }

    @Test
    void shouldPreferNtlmWhenTheServerOffersBoth() throws Exception {
        try (FakeEwsServer server = FakeEwsServer.http(r -> challenge())) {
            EwsEndpoint endpoint = EwsEndpoint.builder(server.url()).ntlm("svc-doorsign", "s3cr3t", "CONTOSO").build();

            Exception e = assertThrows(Exception.class, () -> bindCalendar(endpoint, factory));

            assertEquals("HTTP_401", EwsErrors.translate(e).code());
            assertNull(server.requests().get(0).header("Authorization"));
            assertTrue(server.requests().get(1).header("Authorization").startsWith("NTLM TlRMTVNTUAAB"),
                    "second request carries an NTLM type-1 message: " + server.requests().get(1).header("Authorization"));
        }
    }

    @Test
    void shouldRefuseToEnableTracing() throws Exception {
        try (GatewayExchangeService service = factory.create(ntlm(trustedNameServer.url()).build())) {
            assertThrows(UnsupportedOperationException.class, () -> service.setTraceEnabled(true));
            assertFalse(service.isTraceEnabled());
        }
    }

    @Test
    void shouldApplyTheReadTimeoutAndProxySettings() throws Exception {
        EwsEndpoint endpoint = ntlm(trustedNameServer.url()).readTimeout(Duration.ofMillis(1500))
                .proxy(java.net.URI.create("http://CORP%5Cproxyuser:pw@proxy.contoso.test:3128")).build();
        try (GatewayExchangeService service = factory.create(endpoint)) {
            assertEquals(1500, service.getTimeout());
            assertEquals("proxy.contoso.test", service.getWebProxy().getHost());
            assertEquals(3128, service.getWebProxy().getPort());
            assertEquals("proxyuser", service.getWebProxy().getCredentials().getUsername());
            assertEquals("CORP", service.getWebProxy().getCredentials().getDomain());
        }
    }

    @Test
    void shouldParseEveryCertificateOfAPemBundle() throws Exception {
        assertEquals(2, CaBundle.parse(loopbackCert.pem() + otherHostCert.pem()).size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CaBundle.parse("hello"));
        assertEquals("The CA bundle holds no PEM certificate (-----BEGIN CERTIFICATE----- ... -----END CERTIFICATE-----)",
                e.getMessage());
    }

    private static Reply challenge() {
        return new Reply(401, Map.of("WWW-Authenticate", List.of("Negotiate", "NTLM", "Basic realm=\"mail\"")),
                "<html><body>401 - Unauthorized</body></html>", 0);
    }
}
