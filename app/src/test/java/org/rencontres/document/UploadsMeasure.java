package org.rencontres.document;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.rencontres.TestFiles;

/**
 * How long the upload check takes on the heaviest files it refuses or accepts, in a small heap
 * (run it with -Xmx256m; the command is in docs/benchmarks.md). Not a test: nothing is asserted.
 */
public final class UploadsMeasure {

    private UploadsMeasure() {
    }

    public static void main(String[] args) throws Exception {
        Uploads uploads = new Uploads();
        Set<FileKind> accepted = Set.of(FileKind.PDF, FileKind.PNG, FileKind.DOCX, FileKind.XLSX, FileKind.ODT);
        byte[] bomb = TestFiles.zipBomb(Uploads.MAX_INFLATED_BYTES + 1);
        byte[] many = TestFiles.docxWithEntries(Uploads.MAX_ENTRIES);
        byte[] pdf = bigPdf();
        byte[] png = TestFiles.pngHeader(20_000, 20_000);
        System.out.printf("zip bomb (%d bytes, %d MB inflated): refused in %d ms%n", bomb.length,
                Uploads.MAX_INFLATED_BYTES / (1024 * 1024), median(() -> check(uploads, bomb, accepted)));
        System.out.printf("docx of %d entries (%d bytes): checked in %d ms%n", Uploads.MAX_ENTRIES, many.length,
                median(() -> check(uploads, many, accepted)));
        System.out.printf("small docx / xlsx / png: %d / %d / %d ms%n",
                median(() -> check(uploads, TestFiles.docx(), accepted)),
                median(() -> check(uploads, TestFiles.xlsx(), accepted)),
                median(() -> check(uploads, TestFiles.png(), accepted)));
        System.out.printf("PDF of %d bytes (400 pages): checked in %d ms%n", pdf.length,
                median(() -> check(uploads, pdf, accepted)));
        System.out.printf("PNG saying 20,000 x 20,000: refused in %d ms%n", median(() -> check(uploads, png, accepted)));
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("max heap %d MB%n", runtime.maxMemory() / (1024 * 1024));
    }

    /** The median of seven runs, in milliseconds. */
    private static long median(Runnable run) {
        long[] times = new long[7];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            run.run();
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        return times[3] / 1_000_000;
    }

    private static void check(Uploads uploads, byte[] content, Set<FileKind> accepted) {
        try {
            uploads.check(content, accepted);
        } catch (Uploads.Refused refused) {
            // refusals are measured too
        }
    }

    /** About 10 MB of PDF: 400 pages of random text, uncompressed. */
    private static byte[] bigPdf() throws Exception {
        Random random = new Random(1);
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int p = 0; p < 400; p++) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page,
                        PDPageContentStream.AppendMode.OVERWRITE, false)) {
                    content.beginText();
                    content.setFont(font, 8);
                    content.newLineAtOffset(20, 800);
                    for (int line = 0; line < 90; line++) {
                        StringBuilder text = new StringBuilder();
                        for (int c = 0; c < 280; c++) {
                            text.append((char) ('a' + random.nextInt(26)));
                        }
                        content.showText(text.toString());
                        content.newLineAtOffset(0, -9);
                    }
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
