package org.bangfu.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A BPMN or DMN file as a plain tree of elements with their line and column, read without a document type:
 * a file that declares one (entities, external references) is refused before anything in it is resolved.
 */
final class XmlTree {

    private XmlTree() {
    }

    /** An attribute: its namespace and local name, and its name as written (with the file's prefix). */
    record Attribute(String namespace, String name, String written, String value) {
    }

    static final class Element {

        final String namespace;
        final String name;
        /** The element's name as written, with the file's prefix ({@code bpmn:serviceTask}). */
        final String written;
        final List<Attribute> attributes;
        final int line;
        final int column;
        final Element parent;
        final List<Element> children = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();

        Element(String namespace, String name, String written, List<Attribute> attributes, int line, int column,
                Element parent) {
            this.namespace = namespace;
            this.name = name;
            this.written = written;
            this.attributes = attributes;
            this.line = line;
            this.column = column;
            this.parent = parent;
        }

        boolean is(String namespace, String name) {
            return this.namespace.equals(namespace) && this.name.equals(name);
        }

        /** An attribute without a namespace, as BPMN's and DMN's own attributes are written. */
        Optional<String> attribute(String name) {
            return attribute("", name);
        }

        Optional<String> attribute(String namespace, String name) {
            return attributes.stream().filter(a -> a.namespace().equals(namespace) && a.name().equals(name))
                    .map(Attribute::value).findFirst();
        }

        String text() {
            return text.toString();
        }

        /**
         * What a reason names: the id of this element or of the nearest enclosing element of the model itself (a
         * task, a flow, a decision's cell), the shapes an editor marks; event definitions and the vendor's extension
         * elements (a form field) carry ids of their own that no one sees.
         */
        String nearestId(String modelNamespace, String extensionNamespace) {
            for (Element e = this; e != null; e = e.parent) {
                Optional<String> id = e.attribute("id");
                boolean named = e.namespace.equals(modelNamespace) || e == this && !e.namespace.equals(extensionNamespace);
                if (id.isPresent() && named && !e.name.endsWith("EventDefinition")) {
                    return id.get();
                }
            }
            return null;
        }
    }

    /** The document's root element; {@link Unreadable} when it is not well-formed XML or declares a DTD. */
    static Element parse(byte[] content) {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setXIncludeAware(false);
            SAXParser parser = factory.newSAXParser();
            Builder builder = new Builder();
            parser.parse(new InputSource(new ByteArrayInputStream(content)), builder);
            if (builder.root == null) {
                throw new Unreadable("empty document", 0, 0);
            }
            return builder.root;
        } catch (org.xml.sax.SAXParseException e) {
            throw new Unreadable(e.getMessage(), e.getLineNumber(), e.getColumnNumber());
        } catch (SAXException | IOException e) {
            throw new Unreadable(e.getMessage(), 0, 0);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be made safe", e);
        }
    }

    static final class Unreadable extends RuntimeException {

        final int line;
        final int column;

        Unreadable(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    private static final class Builder extends DefaultHandler {

        private Locator locator;
        private Element root;
        private Element current;

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attrs) {
            List<Attribute> attributes = new ArrayList<>(attrs.getLength());
            for (int i = 0; i < attrs.getLength(); i++) {
                attributes.add(new Attribute(attrs.getURI(i), attrs.getLocalName(i), attrs.getQName(i), attrs.getValue(i)));
            }
            Element element = new Element(uri, localName, qName, List.copyOf(attributes),
                    locator == null ? 0 : locator.getLineNumber(), locator == null ? 0 : locator.getColumnNumber(),
                    current);
            if (current == null) {
                root = element;
            } else {
                current.children.add(element);
            }
            current = element;
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            current = current.parent;
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (current != null) {
                current.text.append(ch, start, length);
            }
        }
    }
}
