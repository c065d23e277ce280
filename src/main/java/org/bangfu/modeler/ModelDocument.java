package org.bangfu.modeler;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * A BPMN or DMN file read as XML for the modeler's own checks and comparisons: namespace-aware, no DTDs, no
 * external entities (the file comes from a browser). The engine's deployment gate reads it again on its own.
 */
final class ModelDocument {

    static final String CAMUNDA_BPMN = "http://camunda.org/schema/1.0/bpmn";
    static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";

    private ModelDocument() {
    }

    /** The root element, or an {@link Unreadable} naming the first problem of the XML. */
    static Element read(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            Document document = builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            return document.getDocumentElement();
        } catch (SAXException | IOException e) {
            throw new Unreadable(e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                children.add(e);
            }
        }
        return children;
    }

    /** Every element below (not including) this one, in document order. */
    static List<Element> descendants(Element root) {
        List<Element> all = new ArrayList<>();
        for (Element child : children(root)) {
            all.add(child);
            all.addAll(descendants(child));
        }
        return all;
    }

    /** Diagram layout (BPMN DI, DMN DI, DC, DI): where things are drawn, not what they do. */
    static boolean isLayout(Node node) {
        String ns = node.getNamespaceURI();
        return ns != null && (ns.contains("/DI") || ns.contains("/DC") || ns.contains("DMNDI"));
    }

    static String attribute(Element element, String name) {
        return element.hasAttribute(name) ? element.getAttribute(name) : null;
    }

    static String camunda(Element element, String name) {
        if (element.hasAttributeNS(CAMUNDA_BPMN, name)) {
            return element.getAttributeNS(CAMUNDA_BPMN, name);
        }
        return element.hasAttributeNS(CAMUNDA_DMN, name) ? element.getAttributeNS(CAMUNDA_DMN, name) : null;
    }

    /** The file is not XML (the message is the parser's). */
    static final class Unreadable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message);
        }
    }
}
