package io.calendargateway.simulator;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Namespace-aware XML reading (DTDs and external entities off) and escaping for the simulator's writers. */
final class Xml {

    static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String MESSAGES = "http://schemas.microsoft.com/exchange/services/2006/messages";
    static final String TYPES = "http://schemas.microsoft.com/exchange/services/2006/types";
    static final String ERRORS = "http://schemas.microsoft.com/exchange/services/2006/errors";
    static final String AUTODISCOVER_SOAP = "http://schemas.microsoft.com/exchange/2010/Autodiscover";
    static final String WS_ADDRESSING = "http://www.w3.org/2005/08/addressing";
    static final String POX_REQUEST = "http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006";
    static final String POX_RESPONSE = "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006";
    static final String POX_OUTLOOK_RESPONSE = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a";

    private Xml() {
    }

    /** Parses a document; throws {@link IllegalArgumentException} when it is not well-formed XML. */
    static Document parse(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(body));
        } catch (Exception e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    static Element child(Element parent, String ns, String localName) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    static List<Element> children(Element parent) {
        List<Element> result = new ArrayList<>();
        if (parent != null) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    result.add(e);
                }
            }
        }
        return result;
    }

    static List<Element> children(Element parent, String ns, String localName) {
        List<Element> result = new ArrayList<>();
        for (Element e : children(parent)) {
            if (localName.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                result.add(e);
            }
        }
        return result;
    }

    /** Descendants in document order with the given namespace and local name. */
    static List<Element> descendants(Element parent, String ns, String localName) {
        List<Element> result = new ArrayList<>();
        if (parent != null) {
            var list = parent.getElementsByTagNameNS(ns, localName);
            for (int i = 0; i < list.getLength(); i++) {
                result.add((Element) list.item(i));
            }
        }
        return result;
    }

    static String text(Element e) {
        return e == null ? null : e.getTextContent().trim();
    }

    static String childText(Element parent, String ns, String localName) {
        return text(child(parent, ns, localName));
    }

    static String attr(Element e, String name) {
        if (e == null || !e.hasAttribute(name)) {
            return null;
        }
        return e.getAttribute(name);
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        continue; // not representable in XML 1.0
                    }
                    out.append(c);
                }
            }
        }
        return out.toString();
    }

    /** A tiny streaming writer: prefixes are written as given, values escaped. */
    static final class Writer {
        private final StringBuilder sb = new StringBuilder(4096);

        Writer raw(String s) {
            sb.append(s);
            return this;
        }

        /** Opens an element; {@code attrs} are name/value pairs, null values skipped. */
        Writer open(String name, String... attrs) {
            sb.append('<').append(name);
            attributes(attrs);
            sb.append('>');
            return this;
        }

        Writer empty(String name, String... attrs) {
            sb.append('<').append(name);
            attributes(attrs);
            sb.append("/>");
            return this;
        }

        Writer close(String name) {
            sb.append("</").append(name).append('>');
            return this;
        }

        /** An element with text content; written empty when the value is an empty string, skipped when null. */
        Writer leaf(String name, Object value) {
            if (value == null) {
                return this;
            }
            String s = value.toString();
            if (s.isEmpty()) {
                return empty(name);
            }
            sb.append('<').append(name).append('>').append(escape(s)).append("</").append(name).append('>');
            return this;
        }

        Writer leafWithAttrs(String name, Object value, String... attrs) {
            sb.append('<').append(name);
            attributes(attrs);
            sb.append('>').append(escape(String.valueOf(value))).append("</").append(name).append('>');
            return this;
        }

        private void attributes(String[] attrs) {
            for (int i = 0; i + 1 < attrs.length; i += 2) {
                if (attrs[i + 1] != null) {
                    sb.append(' ').append(attrs[i]).append("=\"").append(escape(attrs[i + 1])).append('"');
                }
            }
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }
}
