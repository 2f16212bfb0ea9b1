package dev.nnsh.summary;

import java.io.StringWriter;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A small fluent front of the JDK's {@link XMLStreamWriter}, which does the escaping, for the HTML
 * table and the SVG diagram: both are well-formed XML.
 */
final class Markup {
    private final StringWriter out = new StringWriter();
    private final XMLStreamWriter xml;

    Markup() {
        try {
            xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the JDK's XML writer is not available", e);
        }
    }

    /** Opens an element; {@code attributes} are name, value pairs (a null value leaves the attribute out). */
    Markup open(String name, Object... attributes) {
        return call(() -> {
            xml.writeStartElement(name);
            attributes(attributes);
        });
    }

    /** Opens the root element with its namespace declared. */
    Markup openRoot(String name, String namespace, Object... attributes) {
        return call(() -> {
            xml.writeStartElement(name);
            xml.writeDefaultNamespace(namespace);
            attributes(attributes);
        });
    }

    Markup text(String text) { return call(() -> xml.writeCharacters(text)); }

    Markup close() { return call(xml::writeEndElement); }

    /** An element with only text in it. */
    Markup element(String name, String text, Object... attributes) { return open(name, attributes).text(text).close(); }

    /** An element with nothing in it. */
    Markup empty(String name, Object... attributes) { return open(name, attributes).close(); }

    String finish() {
        call(() -> {
            xml.writeEndDocument();
            xml.flush();
        });
        return out.toString();
    }

    private void attributes(Object[] attributes) throws XMLStreamException {
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null) xml.writeAttribute(attributes[i].toString(), attributes[i + 1].toString());
        }
    }

    private interface XmlStep { void run() throws XMLStreamException; }

    private Markup call(XmlStep step) {
        try {
            step.run();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing markup: " + e.getMessage(), e);
        }
        return this;
    }
}
