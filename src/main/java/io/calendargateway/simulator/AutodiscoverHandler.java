package io.calendargateway.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Autodiscover: POX ({@code /autodiscover/autodiscover.xml}), SOAP GetUserSettings
 * ({@code /autodiscover/autodiscover.svc}) and v2 JSON ({@code /autodiscover/autodiscover.json}). It answers for
 * any Host header and routes by the e-mail address's domain; the EWS URL it hands out is this simulator's, on the
 * scheme the request came in on. Per-address redirects come from the scenario.
 */
final class AutodiscoverHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Scenario scenario;
    private final Authenticator authenticator;
    private final CallCounter calls;
    private final ExchangeSimulator simulator;

    AutodiscoverHandler(Scenario scenario, Authenticator authenticator, CallCounter calls,
            ExchangeSimulator simulator) {
        this.scenario = scenario;
        this.authenticator = authenticator;
        this.calls = calls;
        this.simulator = simulator;
    }

    // ------------------------------------------------------------------ POX

    SimResponse pox(SimRequest req) {
        Authenticator.Result auth = authenticator.authenticate(req);
        if (auth.response() != null) {
            return auth.response();
        }
        String email = null;
        try {
            Element root = Xml.parse(req.body()).getDocumentElement();
            Element request = Xml.child(root, Xml.POX_REQUEST, "Request");
            email = Xml.childText(request, Xml.POX_REQUEST, "EMailAddress");
        } catch (IllegalArgumentException e) {
            // answered below as error 600
        }
        if (!"POST".equals(req.method()) || email == null || email.isEmpty()) {
            return poxError(req, "600", "Invalid Request");
        }
        calls.record("Autodiscover", email);
        Optional<Tenant> tenant = scenario.tenantForAddress(email);
        if (tenant.isEmpty()) {
            return new SimResponse(404, "text/html", "<html><body><h1>404 - File or directory not found.</h1>"
                    + "</body></html>").operation("Autodiscover");
        }
        Optional<Scenario.AutodiscoverRedirect> redirect = scenario.autodiscoverRedirect(email)
                .filter(r -> !arrivedAtTarget(req, r));
        Xml.Writer w = new Xml.Writer().raw("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        w.raw("<Autodiscover xmlns=\"" + Xml.POX_RESPONSE + "\"><Response xmlns=\"" + Xml.POX_OUTLOOK_RESPONSE + "\">");
        if (redirect.isPresent()) {
            boolean address = redirect.get().kind() == Scenario.AutodiscoverRedirect.Kind.ADDRESS;
            w.open("Account").leaf("AccountType", "email").leaf("Action", address ? "redirectAddr" : "redirectUrl");
            w.leaf(address ? "RedirectAddr" : "RedirectUrl", expand(redirect.get().target()));
            w.close("Account");
        } else {
            Optional<Mailbox> mailbox = mailboxFor(email);
            if (mailbox.isEmpty()) {
                return poxError(req, "500", "The email address can't be found.");
            }
            Mailbox m = mailbox.get();
            Tenant t = m.tenant();
            String ewsUrl = req.baseUrl() + "/EWS/Exchange.asmx";
            w.open("User").leaf("DisplayName", m.displayName()).leaf("LegacyDN", m.legacyDn())
                    .leaf("AutoDiscoverSMTPAddress", m.smtp()).leaf("DeploymentId", t.id()).close("User");
            w.open("Account").leaf("AccountType", "email").leaf("Action", "settings");
            if (t.online()) {
                w.leaf("MicrosoftOnline", "True");
            }
            w.open("Protocol").leaf("Type", t.online() ? "EXPR" : "EXCH")
                    .leaf("Server", t.online() ? "outlook.office365.com" : "exch01." + t.primaryDomain());
            if (!t.online()) {
                w.leaf("ServerDN", "/o=" + t.name() + "/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)"
                        + "/cn=Configuration/cn=Servers/cn=EXCH01");
                w.leaf("ServerVersion", serverVersionHex(t.serverVersion()));
            }
            w.leaf("ASUrl", ewsUrl).leaf("EwsUrl", ewsUrl).leaf("OOFUrl", ewsUrl)
                    .leaf("OABUrl", req.baseUrl() + "/OAB/" + Ids.guidFrom("oab:" + t.name()) + "/");
            w.close("Protocol").close("Account");
        }
        w.raw("</Response></Autodiscover>");
        return SimResponse.xml(200, w.toString()).operation("Autodiscover");
    }

    private SimResponse poxError(SimRequest req, String code, String message) {
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><Autodiscover xmlns=\"" + Xml.POX_RESPONSE + "\">"
                + "<Response xmlns=\"" + Xml.POX_RESPONSE + "\"><Error Time=\""
                + java.time.LocalTime.now().toString() + "\" Id=\"" + Math.abs(req.connection().hashCode())
                + "\"><ErrorCode>" + code + "</ErrorCode><Message>" + Xml.escape(message)
                + "</Message><DebugData /></Error></Response></Autodiscover>";
        return SimResponse.xml(200, body).operation("Autodiscover");
    }

    // ------------------------------------------------------------------ SOAP

    SimResponse soap(SimRequest req) {
        Authenticator.Result auth = authenticator.authenticate(req);
        if (auth.response() != null) {
            return auth.response();
        }
        Element request;
        try {
            Document doc = Xml.parse(req.body());
            Element body = Xml.child(doc.getDocumentElement(), Xml.SOAP, "Body");
            Element message = Xml.child(body, Xml.AUTODISCOVER_SOAP, "GetUserSettingsRequestMessage");
            request = Xml.child(message, Xml.AUTODISCOVER_SOAP, "Request");
        } catch (IllegalArgumentException e) {
            request = null;
        }
        if (request == null) {
            return SimResponse.xml(400, "<?xml version=\"1.0\" encoding=\"utf-8\"?><s:Envelope xmlns:s=\"" + Xml.SOAP
                    + "\"><s:Body><s:Fault><faultcode xmlns:a=\"http://schemas.microsoft.com/net/2005/12/"
                    + "windowscommunicationfoundation/dispatcher\">a:InternalServiceFault</faultcode><faultstring"
                    + " xml:lang=\"en-US\">The server was unable to process the request.</faultstring></s:Fault>"
                    + "</s:Body></s:Envelope>").operation("GetUserSettings");
        }
        List<String> settings = Xml.children(Xml.child(request, Xml.AUTODISCOVER_SOAP, "RequestedSettings")).stream()
                .map(Xml::text).toList();
        List<Element> users = Xml.children(Xml.child(request, Xml.AUTODISCOVER_SOAP, "Users"));
        Xml.Writer w = new Xml.Writer();
        w.raw("<?xml version=\"1.0\" encoding=\"utf-8\"?><s:Envelope xmlns:s=\"" + Xml.SOAP + "\" xmlns:a=\""
                + Xml.WS_ADDRESSING + "\"><s:Header><a:Action s:mustUnderstand=\"1\">"
                + "http://schemas.microsoft.com/exchange/2010/Autodiscover/Autodiscover/GetUserSettingsResponse"
                + "</a:Action><h:ServerVersionInfo xmlns:h=\"" + Xml.AUTODISCOVER_SOAP
                + "\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\"><h:MajorVersion>15</h:MajorVersion>"
                + "<h:MinorVersion>20</h:MinorVersion><h:MajorBuildNumber>8293</h:MajorBuildNumber>"
                + "<h:MinorBuildNumber>21</h:MinorBuildNumber><h:Version>Exchange2015</h:Version>"
                + "</h:ServerVersionInfo></s:Header><s:Body><GetUserSettingsResponseMessage xmlns=\""
                + Xml.AUTODISCOVER_SOAP + "\"><Response xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + "<ErrorCode>NoError</ErrorCode><ErrorMessage/><UserResponses>");
        for (Element user : users) {
            String email = Xml.childText(user, Xml.AUTODISCOVER_SOAP, "Mailbox");
            calls.record("GetUserSettings", email);
            w.open("UserResponse");
            Optional<Scenario.AutodiscoverRedirect> redirect = email == null ? Optional.empty()
                    : scenario.autodiscoverRedirect(email).filter(r -> !arrivedAtTarget(req, r));
            Optional<Mailbox> mailbox = email == null ? Optional.empty() : mailboxFor(email);
            if (redirect.isPresent()) {
                boolean address = redirect.get().kind() == Scenario.AutodiscoverRedirect.Kind.ADDRESS;
                w.leaf("ErrorCode", address ? "RedirectAddress" : "RedirectUrl")
                        .leaf("ErrorMessage", address ? "Redirection address." : "Redirection URL.")
                        .leaf("RedirectTarget", expand(redirect.get().target())).empty("UserSettingErrors")
                        .empty("UserSettings");
            } else if (mailbox.isEmpty()) {
                w.leaf("ErrorCode", "InvalidUser").leaf("ErrorMessage", "Invalid user: '" + email + "'")
                        .empty("RedirectTarget", "i:nil", "true").empty("UserSettingErrors").empty("UserSettings");
            } else {
                Map<String, String> values = userSettings(req, mailbox.get());
                w.leaf("ErrorCode", "NoError").leaf("ErrorMessage", "No error.")
                        .empty("RedirectTarget", "i:nil", "true");
                List<String> missing = settings.stream().filter(s -> !values.containsKey(s)).toList();
                if (missing.isEmpty()) {
                    w.empty("UserSettingErrors");
                } else {
                    w.open("UserSettingErrors");
                    for (String s : missing) {
                        w.open("UserSettingError").leaf("ErrorCode", "SettingIsNotAvailable")
                                .leaf("ErrorMessage", "User setting '" + s + "' is not available. ")
                                .leaf("SettingName", s).close("UserSettingError");
                    }
                    w.close("UserSettingErrors");
                }
                w.open("UserSettings");
                for (String s : settings) {
                    if (values.containsKey(s)) {
                        w.open("UserSetting", "i:type", "StringSetting").leaf("Name", s).leaf("Value", values.get(s))
                                .close("UserSetting");
                    }
                }
                w.close("UserSettings");
            }
            w.close("UserResponse");
        }
        w.raw("</UserResponses></Response></GetUserSettingsResponseMessage></s:Body></s:Envelope>");
        return SimResponse.xml(200, w.toString()).operation("GetUserSettings");
    }

    private Map<String, String> userSettings(SimRequest req, Mailbox m) {
        Tenant t = m.tenant();
        String ewsUrl = req.baseUrl() + "/EWS/Exchange.asmx";
        Tenant.ServerVersion v = t.serverVersion();
        String cas = String.format(Locale.ROOT, "%02d.%02d.%04d.%03d", v.major(), v.minor(), v.majorBuild(),
                v.minorBuild());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("UserDisplayName", m.displayName());
        values.put("UserDN", m.legacyDn());
        values.put("AutoDiscoverSMTPAddress", m.smtp());
        values.put("CasVersion", cas);
        values.put("MailboxVersion", cas);
        values.put("ExternalEwsUrl", ewsUrl);
        values.put("InternalEwsUrl", ewsUrl);
        values.put("EwsSupportedSchemas", "Exchange2007, Exchange2007_SP1, Exchange2010, Exchange2010_SP1,"
                + " Exchange2010_SP2, Exchange2013, Exchange2013_SP1, Exchange2016");
        values.put("UserMSOnline", t.online() ? "True" : "False");
        return values;
    }

    // ------------------------------------------------------------------ v2 JSON

    SimResponse v2(SimRequest req) {
        Map<String, String> query = req.query();
        String email = query.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Email"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        String lowerPath = req.path().toLowerCase(Locale.ROOT);
        int v1 = lowerPath.indexOf("/autodiscover.json/v1.0/");
        if (v1 >= 0) {
            email = URLDecoder.decode(req.path().substring(v1 + "/autodiscover.json/v1.0/".length()),
                    StandardCharsets.UTF_8);
        }
        String protocol = query.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Protocol"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        calls.record("AutodiscoverV2", email);
        if (protocol == null || !List.of("ews", "rest", "activesync", "autodiscoverv1")
                .contains(protocol.toLowerCase(Locale.ROOT))) {
            return json(400, Map.of("ErrorCode", "InvalidProtocol", "ErrorMessage", "The given protocol value '"
                    + protocol + "' is invalid. Supported values are 'Rest,ActiveSync,Ews,AutodiscoverV1'."));
        }
        if (email == null || !email.contains("@")) {
            return json(400, Map.of("ErrorCode", "InvalidUser", "ErrorMessage",
                    "A valid email address must be provided in the Email parameter."));
        }
        if (scenario.tenantForAddress(email).isEmpty()) {
            return json(404, Map.of("ErrorCode", "UserNotFound", "ErrorMessage",
                    "The user '" + email + "' was not found."));
        }
        Map<String, String> body = new LinkedHashMap<>();
        switch (protocol.toLowerCase(Locale.ROOT)) {
            case "ews" -> {
                body.put("Protocol", "EWS");
                body.put("Url", req.baseUrl() + "/EWS/Exchange.asmx");
            }
            case "autodiscoverv1" -> {
                body.put("Protocol", "AutodiscoverV1");
                body.put("Url", req.baseUrl() + "/autodiscover/autodiscover.xml");
            }
            case "rest" -> {
                body.put("Protocol", "Rest");
                body.put("Url", req.baseUrl() + "/api");
            }
            default -> {
                body.put("Protocol", "ActiveSync");
                body.put("Url", req.baseUrl() + "/Microsoft-Server-ActiveSync");
            }
        }
        return json(200, body);
    }

    private Optional<Mailbox> mailboxFor(String email) {
        return scenario.mailbox(email).or(() -> scenario.accountByUpn(email).flatMap(a -> scenario.mailbox(a.upn())));
    }

    /**
     * One simulator plays both the redirecting server and the target: a redirect URL with a query string marks
     * the requests that followed it, and those get the settings (see {@link Scenario#autodiscoverRedirectUrl}).
     */
    private boolean arrivedAtTarget(SimRequest req, Scenario.AutodiscoverRedirect redirect) {
        if (redirect.kind() != Scenario.AutodiscoverRedirect.Kind.URL) {
            return false;
        }
        String target = expand(redirect.target());
        int q = target.indexOf('?');
        return q >= 0 && target.substring(q + 1).equals(req.rawQuery());
    }

    private String expand(String target) {
        String result = target;
        if (result.contains("{https}")) {
            result = result.replace("{https}", simulator.httpsBaseUrl());
        }
        return result.replace("{http}", simulator.httpBaseUrl());
    }

    private static String serverVersionHex(Tenant.ServerVersion v) {
        int value = (v.major() << 26) | (v.minor() << 20) | (1 << 15) | (v.majorBuild() & 0x7FFF);
        return String.format(Locale.ROOT, "%08X", value);
    }

    private static SimResponse json(int status, Map<String, String> body) {
        try {
            return SimResponse.json(status, JSON.writeValueAsString(body)).operation("AutodiscoverV2");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
