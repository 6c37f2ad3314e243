package org.rencontres.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The one check of every uploaded file: what it is comes from its bytes alone (never its name nor
 * the type the browser announced), it must be a kind the upload accepts, and it must really be one:
 * a PDF parses with PDFBox, has a page and ends with its {@code %%EOF} marker; an image has a header
 * that reads and at most {@link #MAX_IMAGE_PIXELS}; an Office Open XML or
 * OpenDocument file is a sound container with its manifest and main part, no macros, no entry path
 * that climbs out ({@code ..}) or starts at a root, and a bounded number of entries and inflated
 * size (a zip bomb is stopped while it is read, never inflated in full).
 *
 * <p>Each refusal is the key of a French message (bundle {@code i18n/document}); a caller may say in
 * its own words which kinds it takes ({@link Refusal#TYPE}). The messages name the bounds as text:
 * change {@link #MAX_ENTRIES} or {@link #MAX_INFLATED_BYTES} and their messages together.
 */
@Component
public class Uploads {

    /** The most entries a document container may have: real ones have tens, a large deck a few hundred. */
    public static final int MAX_ENTRIES = 2_000;

    /** The most bytes a document container may inflate to, all entries together. */
    public static final long MAX_INFLATED_BYTES = 200L * 1024 * 1024;

    /**
     * The most pixels an image may have: a 600 dpi A4 scan has 35 million; more is a decompression
     * bomb for the browsers that show it.
     */
    public static final long MAX_IMAGE_PIXELS = 100_000_000L;

    /** What an accepted file is. */
    public record Checked(FileKind kind) {
        public String mediaType() {
            return kind.mediaType();
        }
    }

    /** Why a file is refused. */
    public enum Refusal {
        EMPTY, TYPE, LEGACY_OFFICE, PDF_UNREADABLE, PDF_PASSWORD, OFFICE_NOT_GENUINE, MACROS, TOO_MANY_ENTRIES,
        INFLATES_TOO_MUCH, UNSAFE_PATH, ARCHIVE_DAMAGED, IMAGE_UNREADABLE, IMAGE_TOO_LARGE;

        /** The key of its French message in {@code i18n/document}. */
        public String messageKey() {
            return "upload.refused." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** A file refused, with its reason. */
    public static final class Refused extends RuntimeException {
        private final Refusal refusal;

        Refused(Refusal refusal) {
            super(refusal.name(), null, false, false);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }

        public String messageKey() {
            return refusal.messageKey();
        }
    }

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final byte[] PDF_EOF = "%%EOF".getBytes(StandardCharsets.US_ASCII);
    /** The manifests read into memory; anything larger is not a genuine one. */
    private static final int MAX_MANIFEST_BYTES = 1024 * 1024;

    /** The media type of each OOXML main part, with the kind of document it makes. */
    private static final Map<String, FileKind> OOXML_MAIN_PARTS = Map.of(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", FileKind.DOCX,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", FileKind.XLSX,
            "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml", FileKind.PPTX);
    private static final Set<String> OOXML_MACRO_PARTS = Set.of(
            "application/vnd.ms-word.document.macroEnabled.main+xml",
            "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
            "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
            "application/vnd.ms-office.vbaProject");

    private final Tika tika = new Tika();

    /**
     * What the file is, if it is one of {@code accepted} and sound.
     *
     * @throws Refused when it is not
     */
    public Checked check(byte[] content, Set<FileKind> accepted) {
        if (content == null || content.length == 0) {
            throw new Refused(Refusal.EMPTY);
        }
        boolean officeAccepted = accepted.stream().anyMatch(FileKind.OFFICE::contains);
        if (startsWith(content, ZIP)) {
            if (!officeAccepted) {
                throw new Refused(Refusal.TYPE);
            }
            return accept(container(content), accepted);
        }
        if (startsWith(content, OLE2)) {
            throw new Refused(officeAccepted ? Refusal.LEGACY_OFFICE : Refusal.TYPE);
        }
        String detected;
        try {
            // The bytes alone: a name would let "rand.pdf" pass as a PDF.
            detected = tika.detect(new ByteArrayInputStream(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FileKind kind = FileKind.ofMediaType(detected).filter(k -> !FileKind.OFFICE.contains(k))
                .orElseThrow(() -> new Refused(Refusal.TYPE));
        accept(kind, accepted);
        if (kind == FileKind.PDF) {
            pdf(content);
        } else if (kind != FileKind.TEXT) {
            image(content);
        }
        return new Checked(kind);
    }

    private static Checked accept(FileKind kind, Set<FileKind> accepted) {
        if (!accepted.contains(kind)) {
            throw new Refused(Refusal.TYPE);
        }
        return new Checked(kind);
    }

    /**
     * A PDF that PDFBox reads, with at least one page, and whose last kilobyte holds the end-of-file
     * marker: a truncated upload is refused even though a lenient reader would show part of it.
     */
    private static void pdf(byte[] content) {
        if (lastIndexOf(content, PDF_EOF, Math.max(0, content.length - 1024)) < 0) {
            throw new Refused(Refusal.PDF_UNREADABLE);
        }
        try (PDDocument document = Loader.loadPDF(content)) {
            if (document.getNumberOfPages() < 1) {
                throw new Refused(Refusal.PDF_UNREADABLE);
            }
        } catch (InvalidPasswordException e) {
            throw new Refused(Refusal.PDF_PASSWORD);
        } catch (IOException | RuntimeException e) {
            if (e instanceof Refused refused) {
                throw refused;
            }
            throw new Refused(Refusal.PDF_UNREADABLE);
        }
    }

    /**
     * An image whose header a reader of the JDK understands (PNG, JPEG, GIF, TIFF; WebP has none and
     * is taken on its signature), of a bounded size. Only the header is read, never the pixels.
     */
    private static void image(byte[] content) {
        try (ImageInputStream in = ImageIO.createImageInputStream(
                new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0) {
                    throw new Refused(Refusal.IMAGE_UNREADABLE);
                }
                if (pixels > MAX_IMAGE_PIXELS) {
                    throw new Refused(Refusal.IMAGE_TOO_LARGE);
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof Refused refused) {
                throw refused;
            }
            throw new Refused(Refusal.IMAGE_UNREADABLE);
        }
    }

    /**
     * The kind of an Office Open XML or OpenDocument container, read entry by entry (a stream: the
     * inflated bytes are counted as they come, and reading stops past the bounds).
     */
    private static FileKind container(byte[] content) {
        Set<String> names = new HashSet<>();
        Map<String, byte[]> manifests = new HashMap<>();
        int entries = 0;
        long inflated = 0;
        byte[] buffer = new byte[16 * 1024];
        // A stream, not the central directory: what is counted is what inflates. commons-compress rather
        // than java.util.zip, which misreads the Zip64 data descriptors that fastexcel (our own XLSX export) writes.
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(content),
                StandardCharsets.UTF_8.name(), true, true)) {
            ZipArchiveEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw new Refused(Refusal.TOO_MANY_ENTRIES);
                }
                String name = entry.getName();
                if (unsafe(name)) {
                    throw new Refused(Refusal.UNSAFE_PATH);
                }
                if (!names.add(name)) {
                    // Two entries of one name: which one a reader takes is up to it.
                    throw new Refused(Refusal.OFFICE_NOT_GENUINE);
                }
                boolean manifest = isManifest(name);
                ByteArrayOutputStream kept = manifest ? new ByteArrayOutputStream() : null;
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    inflated += n;
                    if (inflated > MAX_INFLATED_BYTES) {
                        throw new Refused(Refusal.INFLATES_TOO_MUCH);
                    }
                    if (kept != null) {
                        if (kept.size() + n > MAX_MANIFEST_BYTES) {
                            throw new Refused(Refusal.OFFICE_NOT_GENUINE);
                        }
                        kept.write(buffer, 0, n);
                    }
                }
                if (kept != null) {
                    manifests.put(name, kept.toByteArray());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new Refused(Refusal.ARCHIVE_DAMAGED);
        }
        if (entries == 0 || !names.equals(centralDirectory(content))) {
            // Office reads the central directory, this check the entries as they come: when the two
            // disagree (a second archive appended, entries hidden from one reader), the file is refused.
            throw new Refused(Refusal.ARCHIVE_DAMAGED);
        }
        if (names.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).endsWith("vbaproject.bin"))) {
            throw new Refused(Refusal.MACROS);
        }
        if (manifests.containsKey("[Content_Types].xml")) {
            return ooxml(manifests.get("[Content_Types].xml"), names);
        }
        if (manifests.containsKey("mimetype")) {
            return odf(manifests.get("mimetype"), names);
        }
        throw new Refused(Refusal.OFFICE_NOT_GENUINE);
    }

    /** The entry names the archive's central directory lists (read from its end, nothing inflated). */
    private static Set<String> centralDirectory(byte[] content) {
        try (ZipFile zip = ZipFile
                .builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content))
                .get()) {
            Set<String> names = new HashSet<>();
            Enumeration<ZipArchiveEntry> all = zip.getEntries();
            while (all.hasMoreElements()) {
                if (!names.add(all.nextElement().getName()) || names.size() > MAX_ENTRIES) {
                    throw new Refused(Refusal.ARCHIVE_DAMAGED);
                }
            }
            return names;
        } catch (IOException | IllegalArgumentException e) {
            throw new Refused(Refusal.ARCHIVE_DAMAGED);
        }
    }

    private static boolean isManifest(String name) {
        return name.equals("[Content_Types].xml") || name.equals("mimetype");
    }

    /** An entry that would land outside a folder it is unpacked into, or whose name a reader may take otherwise. */
    static boolean unsafe(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.startsWith("\\") || name.indexOf('\0') >= 0
                || (name.length() > 1 && name.charAt(1) == ':')) {
            return true;
        }
        for (String segment : name.split("[/\\\\]")) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** An OOXML package: its content types name a Word, Excel or PowerPoint main part, and that part is there. */
    private static FileKind ooxml(byte[] contentTypes, Set<String> names) {
        if (!names.contains("_rels/.rels")) {
            throw new Refused(Refusal.OFFICE_NOT_GENUINE);
        }
        NodeList overrides;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // No DTD, no external entity: a manifest is data, never a way to read the server's files.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // refused quietly, not on stderr
            overrides = builder.parse(new ByteArrayInputStream(contentTypes)).getElementsByTagNameNS("*", "Override");
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new Refused(Refusal.OFFICE_NOT_GENUINE);
        }
        FileKind kind = null;
        for (int i = 0; i < overrides.getLength(); i++) {
            Element override = (Element) overrides.item(i);
            String type = override.getAttribute("ContentType").strip();
            String part = override.getAttribute("PartName").strip();
            if (OOXML_MACRO_PARTS.contains(type)) {
                throw new Refused(Refusal.MACROS);
            }
            FileKind main = OOXML_MAIN_PARTS.get(type);
            if (main != null) {
                String entry = part.startsWith("/") ? part.substring(1) : part;
                if (kind != null || !names.contains(entry)) {
                    throw new Refused(Refusal.OFFICE_NOT_GENUINE);
                }
                kind = main;
            }
        }
        return Optional.ofNullable(kind).orElseThrow(() -> new Refused(Refusal.OFFICE_NOT_GENUINE));
    }

    /** An OpenDocument package: its {@code mimetype} names a text, spreadsheet or presentation, with manifest and content. */
    private static FileKind odf(byte[] mimetype, Set<String> names) {
        String type = new String(mimetype, StandardCharsets.US_ASCII).strip();
        FileKind kind = FileKind.ofMediaType(type).filter(k -> k == FileKind.ODT || k == FileKind.ODS || k == FileKind.ODP)
                .orElseThrow(() -> new Refused(Refusal.OFFICE_NOT_GENUINE));
        if (!names.contains("META-INF/manifest.xml") || !names.contains("content.xml")) {
            throw new Refused(Refusal.OFFICE_NOT_GENUINE);
        }
        if (names.stream().anyMatch(n -> n.startsWith("Basic/") || n.startsWith("Scripts/"))) {
            throw new Refused(Refusal.MACROS);
        }
        return kind;
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int lastIndexOf(byte[] content, byte[] marker, int from) {
        for (int i = content.length - marker.length; i >= from; i--) {
            boolean match = true;
            for (int j = 0; j < marker.length && match; j++) {
                match = content[i + j] == marker[j];
            }
            if (match) {
                return i;
            }
        }
        return -1;
    }
}
