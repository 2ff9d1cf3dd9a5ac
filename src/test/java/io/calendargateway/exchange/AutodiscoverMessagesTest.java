package io.calendargateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.calendargateway.exchange.AutodiscoverAnswer.Kind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading POX, SOAP GetUserSettings and v2 JSON answers, and the requests the gateway sends. */
class AutodiscoverMessagesTest {

    private static final String POX = "<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/"
            + "responseschema/2006\"><Response xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/outlook/"
            + "responseschema/2006a\">%s</Response></Autodiscover>";
    private static final String SOAP = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>"
            + "<GetUserSettingsResponseMessage xmlns=\"http://schemas.microsoft.com/exchange/2010/Autodiscover\">"
            + "<Response xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\"><ErrorCode>NoError</ErrorCode>"
            + "<ErrorMessage/><UserResponses><UserResponse>%s</UserResponse></UserResponses></Response>"
            + "</GetUserSettingsResponseMessage></s:Body></s:Envelope>";

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static AutodiscoverAnswer pox(String response) {
        return AutodiscoverMessages.readPox(bytes(POX.formatted(response)));
    }

    private static AutodiscoverAnswer soap(String userResponse) {
        return AutodiscoverMessages.readSoap(bytes(SOAP.formatted(userResponse)));
    }

    @Test
    void shouldPreferTheExternalProtocolsEwsUrlInPoxSettings() {
        AutodiscoverAnswer answer = pox("<Account><AccountType>email</AccountType><Action>settings</Action>"
                + "<Protocol><Type>EXCH</Type><ASUrl>https://exch01.contoso.com/EWS/Exchange.asmx</ASUrl>"
                + "<EwsUrl>https://exch01.contoso.com/EWS/Exchange.asmx</EwsUrl></Protocol>"
                + "<Protocol><Type>EXPR</Type><EwsUrl> https://mail.contoso.com/EWS/Exchange.asmx </EwsUrl></Protocol>"
                + "</Account>");
        assertThat(answer).isEqualTo(AutodiscoverAnswer.settings("https://mail.contoso.com/EWS/Exchange.asmx"));
    }

    @Test
    void shouldFallBackToAsUrlWhenPoxSettingsHaveNoEwsUrl() {
        AutodiscoverAnswer answer = pox("<Account><Action>settings</Action><Protocol><Type>WEB</Type></Protocol>"
                + "<Protocol><Type>EXCH</Type><ASUrl>https://mail.contoso.com/ews/exchange.asmx</ASUrl></Protocol>"
                + "</Account>");
        assertThat(answer).isEqualTo(AutodiscoverAnswer.settings("https://mail.contoso.com/ews/exchange.asmx"));
    }

    @Test
    void shouldReadPoxRedirectsAndErrors() {
        assertThat(pox("<Account><Action>redirectAddr</Action><RedirectAddr>ann@mail.contoso.com</RedirectAddr>"
                + "</Account>")).isEqualTo(AutodiscoverAnswer.redirectAddress("ann@mail.contoso.com"));
        assertThat(pox("<Account><Action>redirectUrl</Action><RedirectUrl>https://ad.contoso.com/autodiscover/"
                + "autodiscover.xml</RedirectUrl></Account>"))
                .isEqualTo(AutodiscoverAnswer.redirectUrl("https://ad.contoso.com/autodiscover/autodiscover.xml"));
        AutodiscoverAnswer error = AutodiscoverMessages.readPox(bytes("<Autodiscover xmlns=\"http://schemas."
                + "microsoft.com/exchange/autodiscover/responseschema/2006\"><Response><Error Time=\"10:00:00\" "
                + "Id=\"1\"><ErrorCode>600</ErrorCode><Message>Invalid Request</Message><DebugData/></Error>"
                + "</Response></Autodiscover>"));
        assertThat(error).isEqualTo(AutodiscoverAnswer.error("600: Invalid Request"));
    }

    @Test
    void shouldCallUnusablePoxAnswersInvalid() {
        assertThat(pox("<Account><Action>settings</Action><Protocol><Type>EXCH</Type></Protocol></Account>").kind())
                .isEqualTo(Kind.INVALID);
        assertThat(pox("<Account><Action>settings</Action><Protocol><Type>EXCH</Type>"
                + "<EwsUrl>/EWS/Exchange.asmx</EwsUrl></Protocol></Account>").message())
                .contains("not an absolute http(s) URL");
        assertThat(pox("<Account><Action>redirectAddr</Action></Account>").kind()).isEqualTo(Kind.INVALID);
        assertThat(AutodiscoverMessages.readPox(bytes("<html><body>Login</body></html>")).kind())
                .isEqualTo(Kind.INVALID);
        assertThat(AutodiscoverMessages.readPox(bytes("\u0000<<garbage")).message())
                .isEqualTo("the answer is not well-formed XML");
    }

    @Test
    void shouldRefuseDocumentTypeDeclarations() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + POX.formatted("<Account><Action>redirectAddr</Action><RedirectAddr>&x;</RedirectAddr></Account>");
        assertThat(AutodiscoverMessages.readPox(bytes(xxe)).kind()).isEqualTo(Kind.INVALID);
    }

    @Test
    void shouldReadSoapSettingsPreferringTheExternalUrl() {
        AutodiscoverAnswer answer = soap("<ErrorCode>NoError</ErrorCode><ErrorMessage>No error.</ErrorMessage>"
                + "<RedirectTarget i:nil=\"true\"/><UserSettingErrors/><UserSettings>"
                + "<UserSetting i:type=\"StringSetting\"><Name>InternalEwsUrl</Name>"
                + "<Value>https://exch01.corp.contoso.com/EWS/Exchange.asmx</Value></UserSetting>"
                + "<UserSetting i:type=\"StringSetting\"><Name>ExternalEwsUrl</Name>"
                + "<Value>https://mail.contoso.com/EWS/Exchange.asmx</Value></UserSetting></UserSettings>");
        assertThat(answer).isEqualTo(AutodiscoverAnswer.settings("https://mail.contoso.com/EWS/Exchange.asmx"));
        AutodiscoverAnswer internalOnly = soap("<ErrorCode>NoError</ErrorCode><UserSettings>"
                + "<UserSetting><Name>InternalEwsUrl</Name><Value>https://exch01.corp.contoso.com/EWS/Exchange.asmx"
                + "</Value></UserSetting></UserSettings>");
        assertThat(internalOnly.value()).isEqualTo("https://exch01.corp.contoso.com/EWS/Exchange.asmx");
    }

    @Test
    void shouldReadSoapRedirectsErrorsAndFaults() {
        assertThat(soap("<ErrorCode>RedirectAddress</ErrorCode><ErrorMessage>Redirection address.</ErrorMessage>"
                + "<RedirectTarget>ann@mail.contoso.com</RedirectTarget><UserSettingErrors/><UserSettings/>"))
                .isEqualTo(AutodiscoverAnswer.redirectAddress("ann@mail.contoso.com"));
        assertThat(soap("<ErrorCode>RedirectUrl</ErrorCode><RedirectTarget>https://ad.contoso.com/autodiscover/"
                + "autodiscover.svc</RedirectTarget>"))
                .isEqualTo(AutodiscoverAnswer.redirectUrl("https://ad.contoso.com/autodiscover/autodiscover.svc"));
        assertThat(soap("<ErrorCode>InvalidUser</ErrorCode><ErrorMessage>Invalid user: 'x@contoso.com'"
                + "</ErrorMessage><RedirectTarget i:nil=\"true\"/>"))
                .isEqualTo(AutodiscoverAnswer.error("InvalidUser: Invalid user: 'x@contoso.com'"));
        assertThat(soap("<ErrorCode>NoError</ErrorCode><UserSettings/>").kind()).isEqualTo(Kind.INVALID);
        AutodiscoverAnswer fault = AutodiscoverMessages.readSoap(bytes("<s:Envelope xmlns:s=\"http://schemas."
                + "xmlsoap.org/soap/envelope/\"><s:Body><s:Fault><faultcode>a:InternalServiceFault</faultcode>"
                + "<faultstring>The server was unable to process the request.</faultstring></s:Fault></s:Body>"
                + "</s:Envelope>"));
        assertThat(fault).isEqualTo(AutodiscoverAnswer.error(
                "a:InternalServiceFault: The server was unable to process the request."));
        assertThat(AutodiscoverMessages.readSoap(bytes(POX.formatted(""))).kind()).isEqualTo(Kind.INVALID);
    }

    @Test
    void shouldReadV2Json() {
        assertThat(AutodiscoverMessages.readV2(bytes(
                "{\"Protocol\":\"EWS\",\"Url\":\"https://outlook.office365.com/EWS/Exchange.asmx\"}")))
                .isEqualTo(AutodiscoverAnswer.settings("https://outlook.office365.com/EWS/Exchange.asmx"));
        assertThat(AutodiscoverMessages.readV2(bytes(
                "{\"ErrorCode\":\"UserNotFound\",\"ErrorMessage\":\"The user was not found.\"}")))
                .isEqualTo(AutodiscoverAnswer.error("UserNotFound: The user was not found."));
        assertThat(AutodiscoverMessages.readV2(bytes("{\"Protocol\":\"Rest\",\"Url\":\"https://x/api\"}")).kind())
                .isEqualTo(Kind.INVALID);
        assertThat(AutodiscoverMessages.readV2(bytes("<html/>")).kind()).isEqualTo(Kind.INVALID);
    }

    @Test
    void shouldWriteRequestsThatParseBackWithTheEscapedAddress() {
        String pox = AutodiscoverMessages.poxRequest("o'neil&co@contoso.com");
        assertThat(AutodiscoverMessages.parseXml(bytes(pox)).getTextContent()).contains("o'neil&co@contoso.com");
        String soap = AutodiscoverMessages.soapRequest("room1@contoso.com", "https://contoso.com/autodiscover/"
                + "autodiscover.svc");
        var envelope = AutodiscoverMessages.parseXml(bytes(soap));
        assertThat(envelope.getElementsByTagNameNS("http://schemas.microsoft.com/exchange/2010/Autodiscover",
                "Setting").getLength()).isEqualTo(2);
        assertThat(envelope.getElementsByTagNameNS("http://schemas.microsoft.com/exchange/2010/Autodiscover",
                "Mailbox").item(0).getTextContent()).isEqualTo("room1@contoso.com");
    }
}
