package org.rencontres.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.PageSizeUnits;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Turns an XHTML document into a PDF: A4 unless its CSS says otherwise ({@code @page { size: ... }}),
 * tagged for accessibility (PDF/UA: structure tree, language, title shown), with the DejaVu Sans
 * fonts embedded. A document must therefore have {@code <html lang="...">}, a {@code <title>}, a
 * {@code <meta name="subject">} (its description), alternative text on images, and set
 * {@code font-family: "DejaVu Sans"} (see {@link #FONT_FAMILY}): the PDF base fonts are not
 * embedded, which PDF/UA forbids. The renderer never reads anything from outside: no remote image,
 * stylesheet or font, whatever the document links to; an image must come inside the document, as a
 * {@code data:} URI.
 */
@Component
class PdfRenderer {

    /** The font family that documents use; regular, bold, oblique and bold oblique are embedded. */
    public static final String FONT_FAMILY = "DejaVu Sans";

    private static final float A4_WIDTH_MM = 210f;
    private static final float A4_HEIGHT_MM = 297f;

    static {
        XRLog.setLoggerImpl(new Slf4jPdfLog());
    }

    /** At most this many sets of parsed fonts are kept between renderings (about one per thread rendering at once). */
    private static final int KEPT_FONT_SETS = Math.max(2, Runtime.getRuntime().availableProcessors());

    private final Queue<TrueTypeFont[]> idleFonts = new ConcurrentLinkedQueue<>();
    /** The fonts' metrics, the same for every document: measured once. */
    private final FSCacheEx<String, FSCacheValue> metrics = new FSDefaultCacheStore();

    private final List<Face> faces = List.of(
            new Face("fonts/DejaVuSans.ttf", 400, FontStyle.NORMAL),
            new Face("fonts/DejaVuSans-Bold.ttf", 700, FontStyle.NORMAL),
            new Face("fonts/DejaVuSans-Oblique.ttf", 400, FontStyle.ITALIC),
            new Face("fonts/DejaVuSans-BoldOblique.ttf", 700, FontStyle.ITALIC));

    /**
     * The PDF of a well-formed XHTML document.
     *
     * @param xhtml the document, well-formed XML
     * @param baseUri the address the document's relative links are written against (may be null);
     *                nothing is fetched from it
     * @throws PdfRenderingException when the document cannot be parsed or laid out
     */
    public byte[] render(String xhtml, String baseUri) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        TrueTypeFont[] parsed = borrowFonts();
        try (PDDocument document = new PDDocument()) {
            render(xhtml, baseUri, document, parsed, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            giveBack(parsed);
        }
        return out.toByteArray();
    }

    private void render(String xhtml, String baseUri, PDDocument document, TrueTypeFont[] parsed, OutputStream out)
            throws IOException {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfUaAccessibility(true);
        builder.useDefaultPageSize(A4_WIDTH_MM, A4_HEIGHT_MM, PageSizeUnits.MM);
        builder.withProducer("Rencontres");
        builder.usePDDocument(document);
        builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, metrics);
        for (int i = 0; i < faces.size(); i++) {
            Face face = faces.get(i);
            int k = i;
            // Subsets: only the glyphs a document uses are embedded, which keeps files small. The font is
            // parsed once per set of parsed fonts, not per document, and made a PDF font only if the document uses it.
            builder.useFont(new PDFontSupplier(null) {
                @Override
                public PDFont supply() {
                    try {
                        if (parsed[k] == null) {
                            parsed[k] = face.parse();
                        }
                        return PDType0Font.load(document, parsed[k], true);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }, FONT_FAMILY, face.weight(), face.style(), true);
        }
        // No fetching of anything a document names (SSRF, slow remote hosts): fonts come from above.
        // Only data: URIs pass, whose content is in the document itself (a QR code's image).
        builder.useExternalResourceAccessControl((uri, type) -> isData(uri),
                ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl((uri, type) -> isData(uri),
                ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        builder.withHtmlContent(xhtml, baseUri);
        builder.toStream(out);
        try {
            builder.run();
        } catch (RuntimeException e) {
            throw new PdfRenderingException("The document could not be rendered as PDF", e);
        }
    }

    /**
     * A set of parsed fonts for one rendering at a time (a parsed TrueType font reads its file lazily
     * and is not safe for two threads at once): one kept from an earlier rendering, else a new one.
     */
    private TrueTypeFont[] borrowFonts() {
        TrueTypeFont[] set = idleFonts.poll();
        return set != null ? set : new TrueTypeFont[faces.size()];
    }

    /** Keeps the set for the next rendering, up to {@link #KEPT_FONT_SETS} sets (a parsed font is a few MiB). */
    private void giveBack(TrueTypeFont[] set) {
        if (idleFonts.size() < KEPT_FONT_SETS) {
            idleFonts.offer(set);
        }
    }

    private static boolean isData(String uri) {
        return uri != null && uri.regionMatches(true, 0, "data:", 0, 5);
    }

    /** A font file read once from the class path, parsed from memory. */
    private static final class Face {
        private final byte[] bytes;
        private final int weight;
        private final FontStyle style;

        Face(String path, int weight, FontStyle style) {
            try (InputStream in = new ClassPathResource(path).getInputStream()) {
                this.bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("Missing font " + path, e);
            }
            this.weight = weight;
            this.style = style;
        }

        TrueTypeFont parse() throws IOException {
            return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
        }

        int weight() {
            return weight;
        }

        FontStyle style() {
            return style;
        }
    }
}
