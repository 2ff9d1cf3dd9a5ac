package io.calendargateway.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;

/**
 * Validates EWS traffic against the published EWS schema in {@code ../shared/reference/ews-schema}: the element
 * inside {@code s:Body} of every request and every non-fault response. When that folder is absent the checks
 * are skipped, saying so ({@link ReferenceMaterial}).
 */
public final class SchemaSupport {

    static final Path SCHEMA_DIR = ReferenceMaterial.EWS_SCHEMA;
    static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    private static Schema schema;

    private SchemaSupport() {
    }

    public static boolean available() {
        return Files.isRegularFile(SCHEMA_DIR.resolve("messages.xsd"));
    }

    static synchronized Schema schema() throws Exception {
        if (schema == null) {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            f.setResourceResolver(new XmlNamespaceResolver());
            schema = f.newSchema(SCHEMA_DIR.resolve("messages.xsd").toFile());
        }
        return schema;
    }

    /** Validates every captured EWS request and response; returns how many bodies were validated. */
    public static int assertEwsTrafficValid(ExchangeSimulator sim) {
        if (!available()) {
            ReferenceMaterial.announceAbsent(SCHEMA_DIR.resolve("messages.xsd"), "EWS schema validation");
            return 0;
        }
        List<String> failures = new ArrayList<>();
        int validated = 0;
        for (ExchangeSimulator.Exchange e : sim.captured()) {
            if (!e.path().equalsIgnoreCase("/EWS/Exchange.asmx") || e.status() == 401 || e.faultInjected()) {
                continue;
            }
            try {
                if (!e.requestBody().isBlank()) {
                    validateBody(e.requestBody(), true);
                    validated++;
                }
                if (e.status() == 200 && e.responseBody().startsWith("<?xml")) {
                    assertEquals("text/xml; charset=utf-8", e.responseContentType());
                    validateBody(e.responseBody(), false);
                    validated++;
                } else if (e.status() == 500) {
                    Document doc = parse(e.responseBody());
                    assertNull(child(doc.getDocumentElement(), "Header"), "faults carry no SOAP header");
                }
            } catch (Throwable t) {
                failures.add(e.operation() + " " + e.status() + ": " + t.getMessage() + "\n  request: "
                        + abbreviate(e.requestBody()) + "\n  response: " + abbreviate(e.responseBody()));
            }
        }
        if (!failures.isEmpty()) {
            fail("EWS traffic does not validate against the EWS schema:\n" + String.join("\n", failures));
        }
        return validated;
    }

    /** Validates the element inside s:Body; for responses also requires the ServerVersionInfo header. */
    static void validateBody(String envelopeXml, boolean request) throws Exception {
        Document doc = parse(envelopeXml);
        Element envelope = doc.getDocumentElement();
        if (!SOAP.equals(envelope.getNamespaceURI()) || !"Envelope".equals(envelope.getLocalName())) {
            throw new AssertionError("not a SOAP 1.1 envelope");
        }
        if (!request) {
            Element header = child(envelope, "Header");
            if (header == null || firstElement(header) == null
                    || !"ServerVersionInfo".equals(firstElement(header).getLocalName())) {
                throw new AssertionError("success response without h:ServerVersionInfo");
            }
            Validator hv = schema().newValidator();
            hv.validate(new DOMSource(firstElement(header)));
        }
        Element body = child(envelope, "Body");
        Element payload = firstElement(body);
        Validator v = schema().newValidator();
        v.validate(new DOMSource(payload));
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && SOAP.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 1500 ? s.substring(0, 1500) + "..." : s;
    }

    /** Resolves the location-less xml namespace import of types.xsd to the local stand-in. */
    private static final class XmlNamespaceResolver implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespaceURI, String publicId, String systemId,
                String baseURI) {
            if (!"http://www.w3.org/XML/1998/namespace".equals(namespaceURI)) {
                return null;
            }
            try {
                byte[] bytes = Files.readAllBytes(SCHEMA_DIR.resolve("xml-minimal.xsd"));
                return new SimpleInput(bytes, SCHEMA_DIR.resolve("xml-minimal.xsd").toUri().toString());
            } catch (Exception e) {
                return null;
            }
        }
    }

    private record SimpleInput(byte[] bytes, String systemId) implements LSInput {
        @Override
        public Reader getCharacterStream() {
            return null;
        }

        @Override
        public void setCharacterStream(Reader characterStream) {
        }

        @Override
        public InputStream getByteStream() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public void setByteStream(InputStream byteStream) {
        }

        @Override
        public String getStringData() {
            return null;
        }

        @Override
        public void setStringData(String stringData) {
        }

        @Override
        public String getSystemId() {
            return systemId;
        }

        @Override
        public void setSystemId(String systemId) {
        }

        @Override
        public String getPublicId() {
            return null;
        }

        @Override
        public void setPublicId(String publicId) {
        }

        @Override
        public String getBaseURI() {
            return null;
        }

        @Override
        public void setBaseURI(String baseURI) {
        }

        @Override
        public String getEncoding() {
            return null;
        }

        @Override
        public void setEncoding(String encoding) {
        }

        @Override
        public boolean getCertifiedText() {
            return false;
        }

        @Override
        public void setCertifiedText(boolean certifiedText) {
        }
    }
}
