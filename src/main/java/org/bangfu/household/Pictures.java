package org.bangfu.household;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Whether bytes that begin like a JPEG or a PNG are a picture that opens: decoded to the last row before they are
 * kept, so that a truncated or forged file (a PDF, twenty bytes of a PNG's header) is refused at upload rather than
 * found broken in a printed handbook. Decoded at a reduced size: the whole file is read, but a phone's 50-megapixel
 * photo does not take hundreds of megabytes to check.
 */
final class Pictures {

    /** Above any phone camera's full resolution; a larger "photo" is more likely a decompression bomb. */
    static final int MAX_MEGAPIXELS = 100;
    /** About as many pixels as are kept in memory while a picture is checked. */
    private static final double CHECKED_PIXELS = 1_000_000;

    enum Verdict {
        PICTURE, NOT_A_PICTURE, TOO_LARGE
    }

    private Pictures() {
    }

    /** {@code contentType}: what the content was recognised as, {@code image/jpeg} or {@code image/png}. */
    static Verdict check(byte[] content, String contentType) {
        String format = switch (contentType) {
            case "image/jpeg" -> "jpeg";
            case "image/png" -> "png";
            default -> null;
        };
        if (format == null) {
            return Verdict.NOT_A_PICTURE;
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (in == null || !readers.hasNext()) {
                return Verdict.NOT_A_PICTURE;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_MEGAPIXELS * 1_000_000L) {
                    return Verdict.TOO_LARGE;
                }
                // a JPEG cut short decodes with grey rows and a warning, not an error
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, (int) Math.ceil(Math.sqrt(pixels / CHECKED_PIXELS)));
                param.setSourceSubsampling(step, step, 0, 0);
                reader.read(0, param);
                return warnings.isEmpty() ? Verdict.PICTURE : Verdict.NOT_A_PICTURE;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException notOne) {
            return Verdict.NOT_A_PICTURE;
        }
    }
}
