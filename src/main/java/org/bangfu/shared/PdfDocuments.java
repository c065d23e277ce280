package org.bangfu.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.xhtmlrenderer.pdf.ITextFontResolver;
import org.xhtmlrenderer.pdf.ITextRenderer;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;

/**
 * Printable documents (notices, letters, handbooks): well-formed XHTML to PDF with the CJK font that ships
 * with Bangfu (Noto Sans SC, TrueType outlines, SIL OFL 1.1, unpacked into {@code fonts/} at build time).
 * The fonts are read once; each document gets its own renderer. Style sheets name the family
 * {@value #FONT_FAMILY}.
 */
@Component
public class PdfDocuments {

    public static final String FONT_FAMILY = "Noto Sans SC";
    private static final String FONT_DIR = "fonts/ttf/NotoSansSC/";

    private final BaseFont regular;
    private final BaseFont bold;

    PdfDocuments() {
        this.regular = font("NotoSansSC-Regular.ttf");
        this.bold = font("NotoSansSC-Bold.ttf");
    }

    private static BaseFont font(String name) {
        try (InputStream in = new ClassPathResource(FONT_DIR + name).getInputStream()) {
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, BaseFont.CACHED, in.readAllBytes(),
                    null);
        } catch (IOException e) {
            throw new UncheckedIOException("the CJK font " + name + " is missing from the build", e);
        }
    }

    /** The PDF of an XHTML document (no external resources; images as data: URIs). */
    public byte[] pdf(String xhtml) {
        ITextFontResolver fonts = new ITextFontResolver();
        fonts.addFont(regular, FONT_DIR + "NotoSansSC-Regular.ttf", FONT_FAMILY);
        fonts.addFont(bold, FONT_DIR + "NotoSansSC-Bold.ttf", FONT_FAMILY);
        ITextRenderer renderer = new ITextRenderer(fonts);
        renderer.setDocumentFromString(xhtml);
        renderer.layout();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            renderer.createPDF(out);
        } catch (DocumentException e) {
            throw new IllegalStateException("could not print the document", e);
        }
        return out.toByteArray();
    }

    /** Text for XHTML: the five characters XML reserves, escaped. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
