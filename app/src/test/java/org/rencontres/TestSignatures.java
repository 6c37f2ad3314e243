package org.rencontres;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/** What a signature pad sends, for the tests of the desk, the sheets and what is kept of them. */
public final class TestSignatures {

    private TestSignatures() {
    }

    /** A pad's PNG as a data URL, with one stroke. */
    public static String png() {
        return png(true);
    }

    /** A pad's PNG as a data URL: with a stroke, or left empty (all transparent). */
    public static String png(boolean inked) {
        BufferedImage image = new BufferedImage(300, 120, BufferedImage.TYPE_INT_ARGB);
        if (inked) {
            Graphics2D g = image.createGraphics();
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(3));
            g.drawLine(20, 80, 250, 30);
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
