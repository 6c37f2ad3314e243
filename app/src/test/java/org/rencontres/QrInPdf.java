package org.rencontres;

import java.awt.image.BufferedImage;
import java.util.Map;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Reads the QR code of a PDF's page with ZXing: first the image embedded in the page as it is (what
 * the PDF holds, module for module), then, failing that, the page rendered at increasing resolutions
 * (as a phone would see the printed sheet).
 */
public final class QrInPdf {

    private QrInPdf() {
    }

    public static String decode(byte[] pdf, int pageIndex) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage page = doc.getPage(pageIndex);
            ReaderException last = null;
            PDResources resources = page.getResources();
            if (resources != null) {
                for (COSName name : resources.getXObjectNames()) {
                    PDXObject object = resources.getXObject(name);
                    if (object instanceof PDImageXObject image) {
                        try {
                            return read(image.getImage());
                        } catch (ReaderException e) {
                            last = e;
                        }
                    }
                }
            }
            for (int dpi : new int[] {150, 200, 300, 400}) {
                try {
                    return read(new PDFRenderer(doc).renderImageWithDPI(pageIndex, dpi));
                } catch (ReaderException e) {
                    last = e;
                }
            }
            throw last;
        }
    }

    private static String read(BufferedImage image) throws ReaderException {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }
}
