package org.rencontres.event;

import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An Atom 1.0 feed (RFC 4287) written with the JDK's StAX writer, which escapes text and attributes:
 * the feed's id, title, updated, author and links, then one entry per session with its id (the address
 * of its public page, which does not change), title, updated, published, link and summary.
 */
final class AtomFeed {

    static final String NAMESPACE = "http://www.w3.org/2005/Atom";

    /** The feed itself: {@code self} is its own address, {@code alternate} the catalogue page. */
    record Head(String self, String alternate, String title, String subtitle, String author) {
    }

    /** One entry: {@code link} the session's page, also its id. */
    record Item(String link, String title, String summary, Instant published, Instant updated,
                List<String> categories) {
    }

    private AtomFeed() {
    }

    static String write(Head head, List<Item> items) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeAttribute("xml:lang", "fr");
            text(xml, "id", head.self());
            text(xml, "title", head.title());
            text(xml, "subtitle", head.subtitle());
            // A feed without entries is as old as the epoch: its readers have nothing new to fetch.
            text(xml, "updated", time(items.stream().map(Item::updated).max(Instant::compareTo).orElse(Instant.EPOCH)));
            link(xml, "self", "application/atom+xml", head.self());
            link(xml, "alternate", "text/html", head.alternate());
            xml.writeStartElement("author");
            text(xml, "name", head.author());
            xml.writeEndElement();
            text(xml, "generator", "Rencontres");
            for (Item item : items) {
                xml.writeStartElement("entry");
                text(xml, "id", item.link());
                text(xml, "title", item.title());
                text(xml, "published", time(item.published()));
                text(xml, "updated", time(item.updated()));
                link(xml, "alternate", "text/html", item.link());
                for (String category : item.categories()) {
                    xml.writeEmptyElement("category");
                    xml.writeAttribute("term", category);
                }
                text(xml, "summary", item.summary());
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Atom feed not written", e);
        }
        return out.toString();
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }

    /** RFC 3339, to the second, in UTC. */
    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
