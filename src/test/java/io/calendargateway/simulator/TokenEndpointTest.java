package io.calendargateway.simulator;

import static io.calendargateway.simulator.Scenarios.FABRIKAM_TENANT_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceRequestException;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.complex.Mailbox;
import microsoft.exchange.webservices.data.search.CalendarView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Entra-style token endpoint, Bearer tokens on EWS, and the HTTPS certificate. */
class TokenEndpointTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 18);
    static final String EWS_SCOPE = "https://outlook.office365.com/.default";
    static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";
    static ExchangeSimulator sim;

    @BeforeAll
    static void start() {
        sim = ExchangeSimulator.start(Scenarios.defaultScenario(DAY));
    }

    @AfterAll
    static void stop() {
        try {
            SchemaSupport.assertEwsTrafficValid(sim);
        } finally {
            sim.close();
        }
    }

    static HttpResponse<String> clientCredentials(String tenant, String clientId, String secret, String scope)
            throws Exception {
        return Http.postForm(sim.tokenUrl(tenant), Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret, "scope", scope));
    }

    static HttpResponse<String> password(String clientId, String secret, String user, String pw) throws Exception {
        return Http.postForm(sim.tokenUrl(FABRIKAM_TENANT_ID), Map.of("grant_type", "password", "client_id",
                clientId, "client_secret", secret, "scope", EWS_SCOPE, "username", user, "password", pw));
    }

    static String accessToken(HttpResponse<String> r) throws Exception {
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r).get("access_token").asText();
    }

    static int aadsts(HttpResponse<String> r) throws Exception {
        JsonNode body = Http.json(r);
        int code = body.get("error_codes").get(0).asInt();
        assertTrue(body.get("error_description").asText().startsWith("AADSTS" + code + ": "), r.body());
        assertTrue(body.has("trace_id") && body.has("correlation_id") && body.has("timestamp"), r.body());
        return code;
    }

    @Test
    void shouldIssueAppOnlyTokenWithRolesWhenConsented() throws Exception {
        HttpResponse<String> r = clientCredentials(FABRIKAM_TENANT_ID, Scenarios.FABRIKAM_APP_CONSENTED,
                Scenarios.FABRIKAM_APP_CONSENTED_SECRET, EWS_SCOPE);
        JsonNode body = Http.json(r);
        assertEquals("Bearer", body.get("token_type").asText());
        assertEquals(3599, body.get("expires_in").asInt());
        String token = body.get("access_token").asText();
        assertEquals("RS256", Http.jwtHeader(token).get("alg").asText());
        JsonNode claims = Http.jwtPayload(token);
        assertEquals("https://outlook.office365.com", claims.get("aud").asText());
        assertEquals(FABRIKAM_TENANT_ID, claims.get("tid").asText());
        assertEquals(Scenarios.FABRIKAM_APP_CONSENTED, claims.get("appid").asText());
        assertEquals("full_access_as_app", claims.get("roles").get(0).asText());
        long exp = claims.get("exp").asLong();
        assertTrue(Math.abs(exp - Instant.now().getEpochSecond() - 3599) < 60);

        JsonNode graph = Http.jwtPayload(accessToken(clientCredentials("fabrikam.onmicrosoft.com",
                Scenarios.FABRIKAM_APP_CONSENTED, Scenarios.FABRIKAM_APP_CONSENTED_SECRET, GRAPH_SCOPE)));
        assertEquals("https://graph.microsoft.com", graph.get("aud").asText());
        assertEquals(List.of("Calendars.Read", "Place.Read.All", "User.Read.All"),
                Http.JSON.convertValue(graph.get("roles"), List.class));
    }

    @Test
    void shouldIssueTokenWithoutRolesWhenAppHasNoAdminConsent() throws Exception {
        JsonNode claims = Http.jwtPayload(accessToken(clientCredentials(FABRIKAM_TENANT_ID,
                Scenarios.FABRIKAM_APP_NO_CONSENT, Scenarios.FABRIKAM_APP_NO_CONSENT_SECRET, EWS_SCOPE)));
        assertFalse(claims.has("roles"));
        assertEquals(Scenarios.FABRIKAM_APP_NO_CONSENT, claims.get("appid").asText());
    }

    @Test
    void shouldFailLikeEntraWithAadstsCodes() throws Exception {
        HttpResponse<String> badSecret = clientCredentials(FABRIKAM_TENANT_ID, Scenarios.FABRIKAM_APP_CONSENTED,
                "the-secret-id-not-its-value", EWS_SCOPE);
        assertEquals(401, badSecret.statusCode());
        assertEquals("invalid_client", Http.json(badSecret).get("error").asText());
        assertEquals(7000215, aadsts(badSecret));

        HttpResponse<String> expired = clientCredentials(FABRIKAM_TENANT_ID, Scenarios.FABRIKAM_APP_EXPIRED,
                Scenarios.FABRIKAM_APP_EXPIRED_SECRET, EWS_SCOPE);
        assertEquals(7000222, aadsts(expired));

        HttpResponse<String> unknownApp = clientCredentials(FABRIKAM_TENANT_ID, "99999999-0000-4000-8000-000000000000",
                "x", EWS_SCOPE);
        assertEquals(400, unknownApp.statusCode());
        assertEquals("unauthorized_client", Http.json(unknownApp).get("error").asText());
        assertEquals(700016, aadsts(unknownApp));

        assertEquals(90002, aadsts(clientCredentials("no-such-tenant.example", Scenarios.FABRIKAM_APP_CONSENTED,
                Scenarios.FABRIKAM_APP_CONSENTED_SECRET, EWS_SCOPE)));

        String app = Scenarios.FABRIKAM_APP_CONSENTED;
        String secret = Scenarios.FABRIKAM_APP_CONSENTED_SECRET;
        HttpResponse<String> wrongPassword = password(app, secret, "admin@fabrikam.com", "nope");
        assertEquals(400, wrongPassword.statusCode());
        assertEquals("invalid_grant", Http.json(wrongPassword).get("error").asText());
        assertEquals(50126, aadsts(wrongPassword));
        assertEquals(50076, aadsts(password(app, secret, "mfa@fabrikam.com", Scenarios.FABRIKAM_MFA_PASSWORD)));
        assertEquals(53003, aadsts(password(app, secret, "blocked@fabrikam.com",
                Scenarios.FABRIKAM_BLOCKED_PASSWORD)));
        assertEquals(50105, aadsts(password(app, secret, "unassigned@fabrikam.com",
                Scenarios.FABRIKAM_UNASSIGNED_PASSWORD)));
        assertEquals(65001, aadsts(password(Scenarios.FABRIKAM_APP_NO_CONSENT,
                Scenarios.FABRIKAM_APP_NO_CONSENT_SECRET, "admin@fabrikam.com", Scenarios.FABRIKAM_ADMIN_PASSWORD)));
        assertTrue(sim.calls().count("Token", "mfa@fabrikam.com") >= 1);
    }

    @Test
    void shouldIssueDelegatedTokenForPasswordGrant() throws Exception {
        JsonNode claims = Http.jwtPayload(accessToken(password(Scenarios.FABRIKAM_APP_CONSENTED,
                Scenarios.FABRIKAM_APP_CONSENTED_SECRET, "admin@fabrikam.com", Scenarios.FABRIKAM_ADMIN_PASSWORD)));
        assertEquals("admin@fabrikam.com", claims.get("upn").asText());
        assertEquals("EWS.AccessAsUser.All", claims.get("scp").asText());
        assertFalse(claims.has("roles"));
    }

    static CalendarView today() {
        return new CalendarView(Date.from(DAY.atStartOfDay(Scenarios.BERLIN).toInstant()),
                Date.from(DAY.plusDays(1).atStartOfDay(Scenarios.BERLIN).toInstant()));
    }

    @Test
    void shouldServeEwsToAppOnlyTokenWithImpersonationAndAnchorMailbox() throws Exception {
        String token = accessToken(clientCredentials(FABRIKAM_TENANT_ID, Scenarios.FABRIKAM_APP_CONSENTED,
                Scenarios.FABRIKAM_APP_CONSENTED_SECRET, EWS_SCOPE));
        try (ExchangeService service = EwsClients.bearer(sim.ewsHttpsUrl(), token, "meeting-a@fabrikam.com")) {
            List<String> subjects = service.findAppointments(new FolderId(WellKnownFolderName.Calendar), today())
                    .getItems().stream().map(a -> EwsJavaApiTest.uncheck(a::getSubject)).toList();
            assertEquals(List.of("Fabrikam all-hands", "Fabrikam sync", "Fabrikam weekly", "Interview", "Focus time"),
                    subjects);
        }
        try (ExchangeService noAnchor = EwsClients.bearer(sim.ewsUrl(), token, null)) {
            noAnchor.setImpersonatedUserId(new microsoft.exchange.webservices.data.misc.ImpersonatedUserId(
                    microsoft.exchange.webservices.data.core.enumeration.misc.ConnectingIdType.SmtpAddress,
                    "meeting-a@fabrikam.com"));
            Exception e = assertThrows(Exception.class,
                    () -> noAnchor.findAppointments(new FolderId(WellKnownFolderName.Calendar), today()));
            assertEquals(ServiceError.ErrorInternalServerError, EwsClients.responseException(e).getErrorCode());
        }
        try (ExchangeService noImpersonation = EwsClients.bearer(sim.ewsUrl(), token, null)) {
            noImpersonation.getHttpHeaders().put("X-AnchorMailbox", "meeting-a@fabrikam.com");
            Exception e = assertThrows(Exception.class, () -> noImpersonation.findAppointments(
                    new FolderId(WellKnownFolderName.Calendar), today()));
            assertEquals(ServiceError.ErrorInvalidExchangeImpersonationHeaderData,
                    EwsClients.responseException(e).getErrorCode());
        }
    }

    @Test
    void shouldAnswer401ToTokenWithoutRolesAnd403WhenTenantEwsIsDisabled() throws Exception {
        String noRoles = accessToken(clientCredentials(FABRIKAM_TENANT_ID, Scenarios.FABRIKAM_APP_NO_CONSENT,
                Scenarios.FABRIKAM_APP_NO_CONSENT_SECRET, EWS_SCOPE));
        try (ExchangeService service = EwsClients.bearer(sim.ewsUrl(), noRoles, "meeting-a@fabrikam.com")) {
            ServiceRequestException e = assertThrows(ServiceRequestException.class,
                    () -> service.findAppointments(new FolderId(WellKnownFolderName.Calendar), today()));
            assertTrue(e.getMessage().contains("401"), e.getMessage());
        }
        String northwind = accessToken(clientCredentials(Scenarios.NORTHWIND_TENANT_ID, Scenarios.NORTHWIND_APP,
                Scenarios.NORTHWIND_APP_SECRET, EWS_SCOPE));
        try (ExchangeService service = EwsClients.bearer(sim.ewsUrl(), northwind, "conference@northwind.com")) {
            ServiceRequestException e = assertThrows(ServiceRequestException.class,
                    () -> service.findAppointments(new FolderId(WellKnownFolderName.Calendar), today()));
            assertTrue(e.getMessage().contains("403"), e.getMessage());
        }
        String allowed = accessToken(clientCredentials(Scenarios.NORTHWIND_TENANT_ID, Scenarios.NORTHWIND_APP_ALLOWED,
                Scenarios.NORTHWIND_APP_ALLOWED_SECRET, EWS_SCOPE));
        try (ExchangeService service = EwsClients.bearer(sim.ewsUrl(), allowed, "conference@northwind.com")) {
            assertEquals("Northwind review", service.findAppointments(new FolderId(WellKnownFolderName.Calendar),
                    today()).getItems().get(0).getSubject());
        }
        String graphToken = accessToken(clientCredentials(FABRIKAM_TENANT_ID, Scenarios.FABRIKAM_APP_CONSENTED,
                Scenarios.FABRIKAM_APP_CONSENTED_SECRET, GRAPH_SCOPE));
        HttpResponse<String> wrongAudience = Http.postXml(sim.ewsUrl(), "<x/>", "Authorization", "Bearer " + graphToken);
        assertEquals(401, wrongAudience.statusCode());
        assertTrue(wrongAudience.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer "));
    }

    @Test
    void shouldServeDelegatedTokenTheMailboxesItHasFullAccessTo() throws Exception {
        String token = accessToken(password(Scenarios.FABRIKAM_APP_CONSENTED, Scenarios.FABRIKAM_APP_CONSENTED_SECRET,
                "admin@fabrikam.com", Scenarios.FABRIKAM_ADMIN_PASSWORD));
        try (ExchangeService service = EwsClients.bearer(sim.ewsUrl(), token, null)) {
            List<Appointment> items = service.findAppointments(new FolderId(WellKnownFolderName.Calendar,
                    new Mailbox("meeting-b@fabrikam.com")), today()).getItems();
            assertEquals("NY client call", items.get(0).getSubject());
            assertEquals("2026-03-18T14:00:00Z", items.get(0).getStart().toInstant().toString());
        }
    }

    @Test
    void shouldServeHttpsWithCertificateForLoopbackNames() throws Exception {
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(sim.httpsCertificatePem().getBytes(StandardCharsets.US_ASCII)));
        List<String> sans = cert.getSubjectAlternativeNames().stream().map(l -> String.valueOf(l.get(1))).toList();
        assertTrue(sans.containsAll(List.of("127.0.0.1", "localhost", "contoso.com", "autodiscover.contoso.com")),
                sans.toString());
        HttpRequest req = HttpRequest.newBuilder(URI.create(sim.httpsBaseUrl() + "/autodiscover/autodiscover.json"
                + "?Email=room1@contoso.com&Protocol=EWS")).build();
        HttpResponse<String> trusted = Http.trusting(sim.trustingSslContext()).send(req,
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, trusted.statusCode());
        HttpRequest byName = HttpRequest.newBuilder(URI.create("https://localhost:" + sim.httpsPort()
                + "/autodiscover/autodiscover.json?Email=room1@contoso.com&Protocol=EWS")).build();
        assertEquals(200, Http.trusting(sim.trustingSslContext()).send(byName, HttpResponse.BodyHandlers.ofString())
                .statusCode());
        assertThrows(SSLHandshakeException.class, () -> Http.CLIENT.send(req, HttpResponse.BodyHandlers.ofString()));
    }
}
