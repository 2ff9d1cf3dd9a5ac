package io.calendargateway.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import microsoft.exchange.webservices.data.autodiscover.AutodiscoverService;
import microsoft.exchange.webservices.data.autodiscover.enumeration.AutodiscoverErrorCode;
import microsoft.exchange.webservices.data.autodiscover.enumeration.UserSettingName;
import microsoft.exchange.webservices.data.autodiscover.response.GetUserSettingsResponse;
import microsoft.exchange.webservices.data.autodiscover.response.GetUserSettingsResponseCollection;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import microsoft.exchange.webservices.data.credential.WebCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Autodiscover POX, SOAP (through ews-java-api) and v2 JSON. */
class AutodiscoverTest {

    static final String POX_REQUEST_NS = "http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006";
    static final String POX_NS = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a";
    static ExchangeSimulator sim;
    static HttpClient https;

    @BeforeAll
    static void start() {
        sim = ExchangeSimulator.start(Scenarios.defaultScenario(LocalDate.of(2026, 3, 18)));
        https = Http.trusting(sim.trustingSslContext());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static HttpResponse<String> pox(String email, String authorization) throws Exception {
        String xml = "<Autodiscover xmlns=\"" + POX_REQUEST_NS + "\"><Request><EMailAddress>" + email
                + "</EMailAddress><AcceptableResponseSchema>" + POX_NS + "</AcceptableResponseSchema></Request>"
                + "</Autodiscover>";
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.autodiscoverPoxUrl()))
                .header("Content-Type", "text/xml; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(xml));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return https.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String poxValue(HttpResponse<String> r, String localName) throws Exception {
        Document doc = SchemaSupport.parse(r.body());
        var list = doc.getElementsByTagNameNS("*", localName);
        return list.getLength() == 0 ? null : ((Element) list.item(0)).getTextContent();
    }

    static String alex() {
        return Http.basic("CONTOSO\\alexw", Scenarios.ALEX_PASSWORD);
    }

    @Test
    void shouldAnswerPoxWithSettingsForTheAddressDomain() throws Exception {
        HttpResponse<String> r = pox("room1@contoso.com", alex());
        assertEquals(200, r.statusCode());
        assertEquals("settings", poxValue(r, "Action"));
        assertEquals(sim.ewsHttpsUrl(), poxValue(r, "EwsUrl"));
        assertEquals("Room 1", poxValue(r, "DisplayName"));
        assertEquals("EXCH", poxValue(r, "Type"));
        assertEquals(1, sim.calls().count("Autodiscover", "room1@contoso.com"));
        HttpResponse<String> online = pox("meeting-a@fabrikam.com", alex());
        assertEquals("EXPR", poxValue(online, "Type"));
    }

    @Test
    void shouldAnswerPoxRedirectsAndErrors() throws Exception {
        HttpResponse<String> addr = pox("old.address@contoso.com", alex());
        assertEquals("redirectAddr", poxValue(addr, "Action"));
        assertEquals("alexw@contoso.com", poxValue(addr, "RedirectAddr"));
        HttpResponse<String> url = pox("moved@contoso.com", alex());
        assertEquals("redirectUrl", poxValue(url, "Action"));
        assertEquals(sim.httpsBaseUrl() + "/autodiscover/autodiscover.xml", poxValue(url, "RedirectUrl"));
        assertEquals("loop2@contoso.com", poxValue(pox("loop1@contoso.com", alex()), "RedirectAddr"));
        assertEquals("loop1@contoso.com", poxValue(pox("loop2@contoso.com", alex()), "RedirectAddr"));
        HttpResponse<String> unknown = pox("nobody@contoso.com", alex());
        assertEquals("500", poxValue(unknown, "ErrorCode"));
        assertEquals(404, pox("someone@unknown.example", alex()).statusCode());
        HttpResponse<String> anonymous = pox("room1@contoso.com", null);
        assertEquals(401, anonymous.statusCode());
        assertEquals(List.of("Negotiate", "NTLM", "Basic realm=\"127.0.0.1\""),
                anonymous.headers().allValues("WWW-Authenticate"));
        assertEquals(401, pox("room1@contoso.com", Http.basic("CONTOSO\\alexw", "wrong")).statusCode());
    }

    @Test
    void shouldAnswerGetUserSettingsToEwsJavaApi() throws Exception {
        try (AutodiscoverService ad = new AutodiscoverService(URI.create(sim.autodiscoverSoapUrl()),
                ExchangeVersion.Exchange2010_SP2)) {
            ad.setCredentials(new WebCredentials("alexw", Scenarios.ALEX_PASSWORD, "CONTOSO"));
            GetUserSettingsResponse r = ad.getUserSettings("room1@contoso.com", UserSettingName.ExternalEwsUrl,
                    UserSettingName.UserDisplayName, UserSettingName.UserDN);
            assertEquals(AutodiscoverErrorCode.NoError, r.getErrorCode());
            assertEquals(sim.ewsHttpsUrl(), r.getSettings().get(UserSettingName.ExternalEwsUrl));
            assertEquals("Room 1", r.getSettings().get(UserSettingName.UserDisplayName));
            assertTrue(String.valueOf(r.getSettings().get(UserSettingName.UserDN))
                    .startsWith("/o=contoso/ou=Exchange Administrative Group"));

            // the collection form returns per-user answers without following redirects
            GetUserSettingsResponseCollection several = ad.getUsersSettings(
                    List.of("old.address@contoso.com", "nobody@contoso.com", "meeting-a@fabrikam.com"),
                    UserSettingName.ExternalEwsUrl, UserSettingName.UserDisplayName);
            GetUserSettingsResponse redirect = several.getTResponseAtIndex(0);
            assertEquals(AutodiscoverErrorCode.RedirectAddress, redirect.getErrorCode());
            assertEquals("alexw@contoso.com", redirect.getRedirectTarget());
            assertEquals(AutodiscoverErrorCode.InvalidUser, several.getTResponseAtIndex(1).getErrorCode());
            assertEquals("Meeting Room A", several.getTResponseAtIndex(2).getSettings()
                    .get(UserSettingName.UserDisplayName));
        }
        assertTrue(sim.calls().count("GetUserSettings", "room1@contoso.com") >= 1);
    }

    @Test
    void shouldAnswerV2JsonForOnlineAndOnPremisesAddresses() throws Exception {
        HttpResponse<String> r = Http.get(sim.httpBaseUrl() + "/autodiscover/autodiscover.json?Email=meeting-a%40fabrikam.com&Protocol=EWS");
        JsonNode body = Http.json(r);
        assertEquals(200, r.statusCode());
        assertEquals("EWS", body.get("Protocol").asText());
        assertEquals(sim.ewsUrl(), body.get("Url").asText());
        HttpResponse<String> path = Http.get(sim.httpBaseUrl()
                + "/autodiscover/autodiscover.json/v1.0/room1@contoso.com?Protocol=Ews");
        assertEquals(sim.ewsUrl(), Http.json(path).get("Url").asText());
        HttpResponse<String> badProtocol = Http.get(sim.httpBaseUrl()
                + "/autodiscover/autodiscover.json?Email=room1@contoso.com&Protocol=Pop3");
        assertEquals(400, badProtocol.statusCode());
        assertEquals("InvalidProtocol", Http.json(badProtocol).get("ErrorCode").asText());
        assertEquals(404, Http.get(sim.httpBaseUrl()
                + "/autodiscover/autodiscover.json?Email=x@unknown.example&Protocol=EWS").statusCode());
    }
}
