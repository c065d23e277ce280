package org.bangfu.handbook;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** Real pictures for the handbook's tests: a photo (JPEG) as a phone takes it, a signature (PNG) as a finger draws it. */
final class HandbookImages {

    private HandbookImages() {
    }

    static byte[] photo() {
        BufferedImage image = new BufferedImage(1600, 1200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x8aa37b));
        g.fillRect(0, 0, 1600, 1200);
        g.setColor(new Color(0xb5563c));
        g.fillRect(400, 500, 800, 500);
        g.dispose();
        return write(image, "jpg");
    }

    static byte[] signature() {
        BufferedImage image = new BufferedImage(600, 200, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(4));
        g.drawPolyline(new int[] { 40, 120, 200, 260, 340, 420, 520 }, new int[] { 150, 60, 140, 50, 160, 70, 120 }, 7);
        g.dispose();
        return write(image, "png");
    }

    private static byte[] write(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
