package org.rencontres.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.rencontres.TestFiles;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The upload check on its own: every kind of good file accepted, every bad one refused with its reason. */
class UploadsTest {

    private static final Set<FileKind> RESOURCES = Set.of(FileKind.PDF, FileKind.PNG, FileKind.JPEG, FileKind.DOCX,
            FileKind.XLSX, FileKind.PPTX, FileKind.ODT, FileKind.ODS, FileKind.ODP);

    private final Uploads uploads = new Uploads();

    private Uploads.Refusal refusal(byte[] content, Set<FileKind> accepted) {
        try {
            uploads.check(content, accepted);
        } catch (Uploads.Refused refused) {
            return refused.refusal();
        }
        return null;
    }

    @Test
    void genuine_files_are_accepted_with_the_kind_found_in_their_content() {
        assertThat(uploads.check(TestFiles.pdf(), RESOURCES).kind()).isEqualTo(FileKind.PDF);
        assertThat(uploads.check(TestFiles.png(), RESOURCES).kind()).isEqualTo(FileKind.PNG);
        assertThat(uploads.check(TestFiles.docx(), RESOURCES).kind()).isEqualTo(FileKind.DOCX);
        assertThat(uploads.check(TestFiles.xlsx(), RESOURCES).kind()).isEqualTo(FileKind.XLSX);
        assertThat(uploads.check(TestFiles.odt(), RESOURCES).kind()).isEqualTo(FileKind.ODT);
        assertThat(uploads.check("nom;type\nMairie d'Évry;Commune\n".getBytes(StandardCharsets.UTF_8),
                Set.of(FileKind.TEXT)).kind()).isEqualTo(FileKind.TEXT);
        assertThat(uploads.check("nom;type\nMairie d'Évry;Commune\n".getBytes(java.nio.charset.Charset.forName("windows-1252")),
                Set.of(FileKind.TEXT)).kind()).isEqualTo(FileKind.TEXT);
        // The OpenDocument's mimetype decides, not the order of the parts nor Tika's guess.
        Map<String, String> presentation = new LinkedHashMap<>(TestFiles.odtParts());
        presentation.put("mimetype", "application/vnd.oasis.opendocument.presentation");
        assertThat(uploads.check(TestFiles.zip(presentation), RESOURCES).kind()).isEqualTo(FileKind.ODP);
    }

    @Test
    void random_bytes_named_pdf_or_a_page_or_an_executable_are_not_accepted_kinds() {
        byte[] random = new byte[2048];
        new Random(13).nextBytes(random);
        random[0] = 0x01;
        assertThat(refusal(random, RESOURCES)).isEqualTo(Uploads.Refusal.TYPE);
        assertThat(refusal("<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
                RESOURCES)).isEqualTo(Uploads.Refusal.TYPE);
        assertThat(refusal("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8), RESOURCES)).isEqualTo(Uploads.Refusal.TYPE);
        assertThat(refusal(new byte[0], RESOURCES)).isEqualTo(Uploads.Refusal.EMPTY);
        // A kind this upload does not take: an office document as a scan, a PDF as a CSV file.
        assertThat(refusal(TestFiles.docx(), FileKind.PDF_AND_IMAGES)).isEqualTo(Uploads.Refusal.TYPE);
        assertThat(refusal(TestFiles.pdf(), Set.of(FileKind.TEXT))).isEqualTo(Uploads.Refusal.TYPE);
        assertThat(refusal(TestFiles.png(), Set.of(FileKind.PDF))).isEqualTo(Uploads.Refusal.TYPE);
    }

    @Test
    void a_pdf_must_parse_have_a_page_and_end_with_its_marker() {
        byte[] shell = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(refusal(shell, RESOURCES)).as("no page").isEqualTo(Uploads.Refusal.PDF_UNREADABLE);

        byte[] noise = new byte[2048];
        new Random(7).nextBytes(noise);
        byte[] fake = concat("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), noise, "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(refusal(fake, RESOURCES)).as("noise between header and marker").isEqualTo(Uploads.Refusal.PDF_UNREADABLE);

        byte[] pdf = TestFiles.pdf();
        byte[] truncated = Arrays.copyOf(pdf, pdf.length - 40);
        assertThat(refusal(truncated, RESOURCES)).as("truncated").isEqualTo(Uploads.Refusal.PDF_UNREADABLE);

        assertThat(refusal(TestFiles.passwordPdf(), RESOURCES)).isEqualTo(Uploads.Refusal.PDF_PASSWORD);
    }

    @Test
    void a_zip_holding_a_page_named_docx_is_not_an_office_document() {
        byte[] page = TestFiles.zip(Map.of("index.html", "<html><script>alert(1)</script></html>"));
        assertThat(refusal(page, RESOURCES)).isEqualTo(Uploads.Refusal.OFFICE_NOT_GENUINE);

        Map<String, String> noMainPart = new LinkedHashMap<>(TestFiles.docxParts());
        noMainPart.remove("word/document.xml");
        noMainPart.put("word/index.html", "<html></html>");
        assertThat(refusal(TestFiles.zip(noMainPart), RESOURCES)).as("main part missing")
                .isEqualTo(Uploads.Refusal.OFFICE_NOT_GENUINE);

        Map<String, String> noContentTypes = new LinkedHashMap<>(TestFiles.docxParts());
        noContentTypes.remove("[Content_Types].xml");
        assertThat(refusal(TestFiles.zip(noContentTypes), RESOURCES)).as("no [Content_Types].xml")
                .isEqualTo(Uploads.Refusal.OFFICE_NOT_GENUINE);

        Map<String, String> entity = new LinkedHashMap<>(TestFiles.docxParts());
        entity.put("[Content_Types].xml", "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Types>&x;</Types>");
        assertThat(refusal(TestFiles.zip(entity), RESOURCES)).as("a DTD in the manifest")
                .isEqualTo(Uploads.Refusal.OFFICE_NOT_GENUINE);

        Map<String, String> odtWithoutManifest = new LinkedHashMap<>(TestFiles.odtParts());
        odtWithoutManifest.remove("META-INF/manifest.xml");
        assertThat(refusal(TestFiles.zip(odtWithoutManifest), RESOURCES)).isEqualTo(Uploads.Refusal.OFFICE_NOT_GENUINE);

        Map<String, String> odtOfAnotherKind = new LinkedHashMap<>(TestFiles.odtParts());
        odtOfAnotherKind.put("mimetype", "application/vnd.oasis.opendocument.graphics");
        assertThat(refusal(TestFiles.zip(odtOfAnotherKind), RESOURCES)).isEqualTo(Uploads.Refusal.OFFICE_NOT_GENUINE);

        // A genuine document with a second archive appended: the stream sees the first, Office the second.
        Map<String, String> macros = new LinkedHashMap<>(TestFiles.docxParts());
        macros.put("word/vbaProject.bin", "Attribute VB_Name");
        byte[] twoInOne = concat(TestFiles.docx(), TestFiles.zip(macros));
        assertThat(refusal(twoInOne, RESOURCES)).isEqualTo(Uploads.Refusal.ARCHIVE_DAMAGED);

        byte[] damaged = Arrays.copyOf(TestFiles.docx(), 60);
        assertThat(refusal(damaged, RESOURCES)).isEqualTo(Uploads.Refusal.ARCHIVE_DAMAGED);
    }

    @Test
    void documents_with_macros_and_the_old_binary_formats_are_refused() {
        Map<String, String> docm = new LinkedHashMap<>(TestFiles.docxParts());
        docm.put("[Content_Types].xml", docm.get("[Content_Types].xml").replace(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                "application/vnd.ms-word.document.macroEnabled.main+xml"));
        assertThat(refusal(TestFiles.zip(docm), RESOURCES)).isEqualTo(Uploads.Refusal.MACROS);

        Map<String, String> hidden = new LinkedHashMap<>(TestFiles.docxParts());
        hidden.put("word/vbaProject.bin", "Attribute VB_Name");
        assertThat(refusal(TestFiles.zip(hidden), RESOURCES)).isEqualTo(Uploads.Refusal.MACROS);

        byte[] ole2 = new byte[1024];
        System.arraycopy(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1},
                0, ole2, 0, 8);
        assertThat(refusal(ole2, RESOURCES)).isEqualTo(Uploads.Refusal.LEGACY_OFFICE);
        assertThat(refusal(ole2, FileKind.PDF_AND_IMAGES)).isEqualTo(Uploads.Refusal.TYPE);
    }

    @Test
    void entries_that_climb_out_or_start_at_a_root_are_refused() {
        for (String name : new String[] {"../../etc/cron.d/x", "word/../../evil.sh", "/etc/passwd", "\\windows\\x.dll",
                "C:/autoexec.bat"}) {
            Map<String, String> parts = new LinkedHashMap<>(TestFiles.docxParts());
            parts.put(name, "x");
            assertThat(refusal(TestFiles.zip(parts), RESOURCES)).as(name).isEqualTo(Uploads.Refusal.UNSAFE_PATH);
        }
        assertThat(Uploads.unsafe("word/media/image1.png")).isFalse();
        assertThat(Uploads.unsafe("word/..media/x")).isFalse();
    }

    @Test
    void a_zip_bomb_is_stopped_while_it_is_read_and_so_are_too_many_entries() {
        byte[] bomb = TestFiles.zipBomb(Uploads.MAX_INFLATED_BYTES + 1);
        assertThat(bomb.length).as("small on the wire").isLessThan(1024 * 1024);
        assertThat(refusal(bomb, RESOURCES)).isEqualTo(Uploads.Refusal.INFLATES_TOO_MUCH);

        assertThat(refusal(TestFiles.docxWithEntries(Uploads.MAX_ENTRIES + 1), RESOURCES)).isEqualTo(Uploads.Refusal.TOO_MANY_ENTRIES);
        assertThat(uploads.check(TestFiles.docxWithEntries(Uploads.MAX_ENTRIES), RESOURCES).kind()).as("at the bound")
                .isEqualTo(FileKind.DOCX);
    }

    @Test
    void an_image_must_have_a_header_that_reads_and_a_bounded_size() {
        assertThat(uploads.check(TestFiles.pngHeader(7_000, 5_000), FileKind.PDF_AND_IMAGES).kind()).as("35 Mpx scan")
                .isEqualTo(FileKind.PNG);
        assertThat(refusal(TestFiles.pngHeader(20_000, 20_000), FileKind.PDF_AND_IMAGES))
                .isEqualTo(Uploads.Refusal.IMAGE_TOO_LARGE);
        byte[] garbage = Arrays.copyOf(TestFiles.pngHeader(10, 10), 200);
        Arrays.fill(garbage, 8, 200, (byte) 0x5A);
        assertThat(refusal(garbage, FileKind.PDF_AND_IMAGES)).isEqualTo(Uploads.Refusal.IMAGE_UNREADABLE);
    }

    @Test
    void every_refusal_has_its_french_and_english_message() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/document/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        for (Uploads.Refusal refusal : Uploads.Refusal.values()) {
            String fr = messages.getMessage(refusal.messageKey(), null, Locale.FRENCH);
            String en = messages.getMessage(refusal.messageKey(), null, Locale.ENGLISH);
            assertThat(fr).as(refusal.name()).isNotEqualTo(en).doesNotContain(" :").doesNotContain("'");
        }
        assertThatThrownBy(() -> messages.getMessage("upload.refused.nothing", null, Locale.FRENCH))
                .isInstanceOf(org.springframework.context.NoSuchMessageException.class);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
