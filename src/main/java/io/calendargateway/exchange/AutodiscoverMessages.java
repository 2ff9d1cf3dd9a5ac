package io.calendargateway.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The autodiscover protocols' messages: the POX and SOAP requests the gateway sends, and the reading of POX,
 * SOAP GetUserSettings and v2 JSON answers. Elements are matched by local name, so the namespace variants
 * servers and documentation use (http/https, responseschema 2006/2006a) all read the same. Pure functions.
 */
final class AutodiscoverMessages {

    static final String SOAP_ACTION = "http://schemas.microsoft.com/exchange/2010/Autodiscover/Autodiscover/GetUserSettings";
    private static final String POX_REQUEST_NS = "http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006";
    private static final String POX_RESPONSE_SCHEMA = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a";
    private static final String AUTODISCOVER_NS = "http://schemas.microsoft.com/exchange/2010/Autodiscover";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** POX protocol types holding the EWS URL: external (EXPR) first, as a gateway usually sits outside. */
    private static final List<String> POX_PROTOCOLS = List.of("EXPR", "EXCH");
    /** SOAP settings holding the EWS URL, in order of preference. */
    static final List<String> SOAP_SETTINGS = List.of("ExternalEwsUrl", "InternalEwsUrl");

    private AutodiscoverMessages() {
    }

    static String poxRequest(String email) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<Autodiscover xmlns=\"" + POX_REQUEST_NS + "\"><Request>"
                + "<EMailAddress>" + escape(email) + "</EMailAddress>"
                + "<AcceptableResponseSchema>" + POX_RESPONSE_SCHEMA + "</AcceptableResponseSchema>"
                + "</Request></Autodiscover>";
    }

    static String soapRequest(String email, String url) {
        StringBuilder settings = new StringBuilder();
        for (String setting : SOAP_SETTINGS) {
            settings.append("<a:Setting>").append(setting).append("</a:Setting>");
        }
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:a=\"" + AUTODISCOVER_NS + "\" xmlns:wsa=\"http://www.w3.org/2005/08/addressing\">"
                + "<soap:Header><a:RequestedServerVersion>Exchange2010</a:RequestedServerVersion>"
                + "<wsa:Action>" + SOAP_ACTION + "</wsa:Action><wsa:To>" + escape(url) + "</wsa:To></soap:Header>"
                + "<soap:Body><a:GetUserSettingsRequestMessage><a:Request>"
                + "<a:Users><a:User><a:Mailbox>" + escape(email) + "</a:Mailbox></a:User></a:Users>"
                + "<a:RequestedSettings>" + settings + "</a:RequestedSettings>"
                + "</a:Request></a:GetUserSettingsRequestMessage></soap:Body></soap:Envelope>";
    }

    /** Reads a POX answer: settings (EwsUrl, else ASUrl, of EXPR then EXCH), redirectAddr, redirectUrl or Error. */
    static AutodiscoverAnswer readPox(byte[] body) {
        Element root;
        try {
            root = parseXml(body);
        } catch (IllegalArgumentException e) {
            return AutodiscoverAnswer.invalid(e.getMessage());
        }
        if (!"Autodiscover".equals(root.getLocalName())) {
            return AutodiscoverAnswer.invalid("not a POX autodiscover answer (root element " + root.getLocalName() + ")");
        }
        Element response = child(root, "Response");
        if (response == null) {
            return AutodiscoverAnswer.invalid("the answer has no Response element");
        }
        Element error = child(response, "Error");
        Element account = child(response, "Account");
        if (error == null && account != null) {
            error = child(account, "Error");
        }
        if (error != null) {
            return AutodiscoverAnswer.error(join(text(child(error, "ErrorCode")), text(child(error, "Message"))));
        }
        if (account == null) {
            return AutodiscoverAnswer.invalid("the answer has neither Account nor Error");
        }
        String action = text(child(account, "Action"));
        if ("redirectAddr".equalsIgnoreCase(action)) {
            return nonBlank(text(child(account, "RedirectAddr")), AutodiscoverAnswer::redirectAddress,
                    "redirectAddr without RedirectAddr");
        }
        if ("redirectUrl".equalsIgnoreCase(action)) {
            return nonBlank(text(child(account, "RedirectUrl")), AutodiscoverAnswer::redirectUrl,
                    "redirectUrl without RedirectUrl");
        }
        if (!"settings".equalsIgnoreCase(action)) {
            return AutodiscoverAnswer.invalid("unknown Action '" + action + "'");
        }
        Map<String, Element> protocols = new LinkedHashMap<>();
        for (Element protocol : children(account, "Protocol")) {
            String type = text(child(protocol, "Type"));
            if (type != null) {
                protocols.putIfAbsent(type.toUpperCase(Locale.ROOT), protocol);
            }
        }
        for (String type : POX_PROTOCOLS) {
            Element protocol = protocols.get(type);
            if (protocol == null) {
                continue;
            }
            String url = text(child(protocol, "EwsUrl"));
            if (url == null) {
                url = text(child(protocol, "ASUrl"));
            }
            if (url != null) {
                return settings(url);
            }
        }
        return AutodiscoverAnswer.invalid("the settings name no EWS URL (EwsUrl or ASUrl of EXPR or EXCH)");
    }

    /** Reads a SOAP GetUserSettings answer for one user. */
    static AutodiscoverAnswer readSoap(byte[] body) {
        Element envelope;
        try {
            envelope = parseXml(body);
        } catch (IllegalArgumentException e) {
            return AutodiscoverAnswer.invalid(e.getMessage());
        }
        Element soapBody = "Envelope".equals(envelope.getLocalName()) ? child(envelope, "Body") : null;
        if (soapBody == null) {
            return AutodiscoverAnswer.invalid("not a SOAP envelope");
        }
        Element fault = child(soapBody, "Fault");
        if (fault != null) {
            return AutodiscoverAnswer.error(join(text(child(fault, "faultcode")), text(child(fault, "faultstring"))));
        }
        Element response = child(child(soapBody, "GetUserSettingsResponseMessage"), "Response");
        if (response == null) {
            return AutodiscoverAnswer.invalid("not a GetUserSettings response");
        }
        String code = text(child(response, "ErrorCode"));
        if (code != null && !"NoError".equals(code)) {
            return AutodiscoverAnswer.error(join(code, text(child(response, "ErrorMessage"))));
        }
        Element user = child(child(response, "UserResponses"), "UserResponse");
        if (user == null) {
            return AutodiscoverAnswer.invalid("the response has no UserResponse");
        }
        String userCode = text(child(user, "ErrorCode"));
        String target = text(child(user, "RedirectTarget"));
        if ("RedirectAddress".equals(userCode)) {
            return nonBlank(target, AutodiscoverAnswer::redirectAddress, "RedirectAddress without RedirectTarget");
        }
        if ("RedirectUrl".equals(userCode)) {
            return nonBlank(target, AutodiscoverAnswer::redirectUrl, "RedirectUrl without RedirectTarget");
        }
        if (userCode != null && !"NoError".equals(userCode)) {
            return AutodiscoverAnswer.error(join(userCode, text(child(user, "ErrorMessage"))));
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Element setting : children(child(user, "UserSettings"), "UserSetting")) {
            String name = text(child(setting, "Name"));
            String value = text(child(setting, "Value"));
            if (name != null && value != null) {
                values.put(name, value);
            }
        }
        for (String name : SOAP_SETTINGS) {
            if (values.containsKey(name)) {
                return settings(values.get(name));
            }
        }
        return AutodiscoverAnswer.invalid("the settings name no EWS URL (ExternalEwsUrl or InternalEwsUrl)");
    }

    /** Reads an Autodiscover v2 answer: {@code {"Protocol": "EWS", "Url": ...}} or {@code {"ErrorCode": ...}}. */
    static AutodiscoverAnswer readV2(byte[] body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            return AutodiscoverAnswer.invalid("the answer is not JSON");
        }
        if (json == null || !json.isObject()) {
            return AutodiscoverAnswer.invalid("the answer is not a JSON object");
        }
        String url = json.path("Url").asText(null);
        if (url != null && !url.isBlank()) {
            String protocol = json.path("Protocol").asText("");
            if (!protocol.equalsIgnoreCase("EWS")) {
                return AutodiscoverAnswer.invalid("the answer is for protocol '" + protocol + "', not EWS");
            }
            return settings(url);
        }
        if (json.hasNonNull("ErrorCode")) {
            return AutodiscoverAnswer.error(join(json.path("ErrorCode").asText(), json.path("ErrorMessage").asText(null)));
        }
        return AutodiscoverAnswer.invalid("the answer names no Url");
    }

    /** An EWS URL must be absolute http(s); anything else makes the answer unusable. */
    private static AutodiscoverAnswer settings(String url) {
        String trimmed = url.strip();
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
                return AutodiscoverAnswer.settings(trimmed);
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        return AutodiscoverAnswer.invalid("the EWS URL '" + trimmed + "' is not an absolute http(s) URL");
    }

    private static AutodiscoverAnswer nonBlank(String value, Function<String, AutodiscoverAnswer> ok,
            String otherwise) {
        return value == null ? AutodiscoverAnswer.invalid(otherwise) : ok.apply(value.strip());
    }

    /** Parses untrusted XML: no DOCTYPE (so no external entities), namespace aware. */
    static Element parseXml(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());
            return builder.parse(new ByteArrayInputStream(body)).getDocumentElement();
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("the answer is not well-formed XML");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be configured securely", e);
        }
    }

    private static Element child(Element parent, String localName) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> result = new ArrayList<>();
        if (parent != null) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && localName.equals(e.getLocalName())) {
                    result.add(e);
                }
            }
        }
        return result;
    }

    /** The trimmed text of an element; null when absent, empty or {@code xsi:nil}. */
    private static String text(Element e) {
        if (e == null || "true".equals(e.getAttributeNS(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "nil"))) {
            return null;
        }
        String text = e.getTextContent().strip();
        return text.isEmpty() ? null : text;
    }

    private static String join(String code, String message) {
        if (code == null) {
            return message == null ? "unspecified error" : message;
        }
        return message == null ? code : code + ": " + message;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
