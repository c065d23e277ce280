package org.bangfu.dashboard;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The printed report's charts, drawn on the server with Java2D into PNG pictures: horizontal bars, columns per
 * month, lines per month and a pie. Labels are in the font the PDFs embed (Noto Sans SC), so Chinese prints on any
 * server; drawing needs no display (Spring Boot runs AWT headless). Pictures are drawn at twice their size so that
 * they print sharp.
 */
@Component
class ReportCharts {

    /** The font {@link org.bangfu.shared.PdfDocuments} embeds, unpacked into the classpath at build time. */
    private static final String FONT = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    /** The width every chart is laid out in, in points of the picture (it is drawn at {@link #SCALE} times that). */
    static final int WIDTH = 760;
    private static final int SCALE = 2;
    private static final int MAX_LABEL_WIDTH = 230;
    private static final Color[] PALETTE = { new Color(0xa0001e), new Color(0x2f6fad), new Color(0xd9822b),
            new Color(0x5b8c3a), new Color(0x7a5ea8), new Color(0x3aa6a0), new Color(0xc9a227), new Color(0x8c8c8c) };
    private static final Color INK = new Color(0x222222);
    private static final Color GRID = new Color(0xdddddd);

    private final Font font;

    ReportCharts() {
        try (InputStream in = new ClassPathResource(FONT).getInputStream()) {
            this.font = Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException("the CJK font " + FONT + " is missing from the build", e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("the CJK font " + FONT + " cannot be read", e);
        }
    }

    /**
     * What a chart shows: for each series (legend) a value per category; amounts in yuan when {@code money}, else
     * counts.
     */
    record Figures(List<String> categories, List<String> series, double[][] values, boolean money) {

        double max() {
            double max = 0;
            for (double[] line : values) {
                for (double v : line) {
                    max = Math.max(max, v);
                }
            }
            return max;
        }
    }

    /** A chart as PNG, and its size in the chart's points (the picture has {@link #SCALE} times as many pixels). */
    record Picture(byte[] png, int width, int height) {
    }

    /** A bar per category and series, side by side, left to right; each bar's value at its end. */
    Picture bars(Figures f) {
        int series = f.series().size();
        int barHeight = series == 1 ? 16 : Math.max(11, 28 / series);
        int rowHeight = series * barHeight + 10;
        int top = legendHeight(f);
        int labelWidth = Math.min(MAX_LABEL_WIDTH, maxWidth(f.categories(), labelFont())) + 12;
        int left = labelWidth;
        int plotWidth = WIDTH - left - 80;
        int height = top + f.categories().size() * rowHeight + 26;
        return draw(height, g -> {
            legend(g, f);
            Scale scale = Scale.of(f.max(), f.money());
            int bottom = top + f.categories().size() * rowHeight;
            g.setFont(tickFont());
            for (double tick = 0; tick <= scale.top + scale.step / 2; tick += scale.step) {
                int x = left + (int) Math.round(tick / scale.top * plotWidth);
                g.setColor(GRID);
                g.drawLine(x, top, x, bottom);
                g.setColor(INK);
                String label = scale.format(tick);
                g.drawString(label, x - g.getFontMetrics().stringWidth(label) / 2, bottom + 16);
            }
            for (int c = 0; c < f.categories().size(); c++) {
                int y = top + c * rowHeight + 5;
                g.setFont(labelFont());
                g.setColor(INK);
                String label = fit(f.categories().get(c), MAX_LABEL_WIDTH, g.getFontMetrics());
                FontMetrics metrics = g.getFontMetrics();
                g.drawString(label, left - 8 - metrics.stringWidth(label),
                        y + (series * barHeight + metrics.getAscent() - metrics.getDescent()) / 2);
                g.setFont(series == 1 ? tickFont() : smallFont());
                for (int s = 0; s < series; s++) {
                    double value = f.values()[s][c];
                    int width = (int) Math.round(value / scale.top * plotWidth);
                    g.setColor(PALETTE[s % PALETTE.length]);
                    g.fillRect(left, y + s * barHeight, Math.max(width, value > 0 ? 1 : 0), barHeight - 1);
                    // side by side, a bar of nothing says enough without its zero
                    if (series == 1 || value > 0) {
                        g.setColor(INK);
                        g.drawString(scale.label(value), left + width + 4,
                                y + s * barHeight + (barHeight + g.getFontMetrics().getAscent()) / 2 - 2);
                    }
                }
            }
            g.setColor(INK);
            g.drawLine(left, top, left, bottom);
        });
    }

    /** A group of columns per category (a month), one per series. */
    Picture columns(Figures f) {
        return monthly(f, false);
    }

    /** A line per series across the categories (months), each value marked. */
    Picture lines(Figures f) {
        return monthly(f, true);
    }

    private Picture monthly(Figures f, boolean lines) {
        int top = legendHeight(f) + 6;
        int height = 300;
        int bottom = height - 30;
        Scale scale = Scale.of(f.max(), f.money());
        FontMetrics ticks = metrics(tickFont());
        int left = 12 + ticks.stringWidth(scale.format(scale.top));
        int plotWidth = WIDTH - left - 12;
        int categories = f.categories().size();
        double group = (double) plotWidth / Math.max(1, categories);
        int series = f.series().size();
        return draw(height, g -> {
            legend(g, f);
            g.setFont(tickFont());
            for (double tick = 0; tick <= scale.top + scale.step / 2; tick += scale.step) {
                int y = bottom - (int) Math.round(tick / scale.top * (bottom - top));
                g.setColor(GRID);
                g.drawLine(left, y, left + plotWidth, y);
                g.setColor(INK);
                String label = scale.format(tick);
                g.drawString(label, left - 6 - g.getFontMetrics().stringWidth(label), y + 4);
            }
            for (int c = 0; c < categories; c++) {
                String label = f.categories().get(c);
                int centre = left + (int) Math.round(group * (c + 0.5));
                g.setColor(INK);
                g.drawString(label, centre - g.getFontMetrics().stringWidth(label) / 2, bottom + 18);
            }
            if (lines) {
                g.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                for (int s = 0; s < series; s++) {
                    g.setColor(PALETTE[s % PALETTE.length]);
                    Path2D path = new Path2D.Double();
                    for (int c = 0; c < categories; c++) {
                        double x = left + group * (c + 0.5);
                        double y = bottom - f.values()[s][c] / scale.top * (bottom - top);
                        if (c == 0) {
                            path.moveTo(x, y);
                        } else {
                            path.lineTo(x, y);
                        }
                        g.fill(new Ellipse2D.Double(x - 3.5, y - 3.5, 7, 7));
                    }
                    g.draw(path);
                }
                g.setStroke(new BasicStroke(1));
            } else {
                double barWidth = Math.min(26, group * 0.78 / series);
                for (int c = 0; c < categories; c++) {
                    double start = left + group * c + (group - barWidth * series) / 2;
                    for (int s = 0; s < series; s++) {
                        double h = f.values()[s][c] / scale.top * (bottom - top);
                        g.setColor(PALETTE[s % PALETTE.length]);
                        g.fill(new Rectangle2D.Double(start + s * barWidth, bottom - h, barWidth - 1, h));
                    }
                }
            }
            g.setColor(INK);
            g.drawLine(left, bottom, left + plotWidth, bottom);
        });
    }

    /** The first series as slices of a circle, the categories' labels, counts and shares beside it. */
    Picture pie(Figures f) {
        double[] values = f.values()[0];
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double all = sum;
        int diameter = 190;
        int height = Math.max(diameter + 24, f.categories().size() * 24 + 24);
        return draw(height, g -> {
            double angle = 90;
            for (int c = 0; c < values.length; c++) {
                double extent = all == 0 ? 0 : -360 * values[c] / all;
                g.setColor(PALETTE[c % PALETTE.length]);
                g.fill(new Arc2D.Double(40, 12, diameter, diameter, angle, extent, Arc2D.PIE));
                angle += extent;
            }
            g.setFont(labelFont());
            for (int c = 0; c < values.length; c++) {
                int y = 20 + c * 24;
                g.setColor(PALETTE[c % PALETTE.length]);
                g.fillRect(290, y, 14, 14);
                g.setColor(INK);
                g.drawString(String.format(Locale.ROOT, "%s  %s (%.1f%%)", fit(f.categories().get(c), 300,
                        g.getFontMetrics()), Scale.of(all, f.money()).label(values[c]),
                        all == 0 ? 0 : 100 * values[c] / all), 312, y + 12);
            }
        });
    }

    // ---- drawing ---------------------------------------------------------------------------------------------

    private interface Painter {
        void paint(Graphics2D g);
    }

    private Picture draw(int height, Painter painter) {
        BufferedImage image = new BufferedImage(WIDTH * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(SCALE, SCALE);
            painter.paint(g);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Picture(out.toByteArray(), WIDTH, height);
    }

    /** The series' colours and names along the top, when there is more than one series. */
    private void legend(Graphics2D g, Figures f) {
        if (f.series().size() < 2) {
            return;
        }
        g.setFont(labelFont());
        int x = 8;
        for (int s = 0; s < f.series().size(); s++) {
            g.setColor(PALETTE[s % PALETTE.length]);
            g.fillRect(x, 6, 12, 12);
            g.setColor(INK);
            String name = f.series().get(s);
            g.drawString(name, x + 16, 17);
            x += 16 + g.getFontMetrics().stringWidth(name) + 18;
        }
    }

    private static int legendHeight(Figures f) {
        return f.series().size() < 2 ? 6 : 28;
    }

    private Font labelFont() {
        return font.deriveFont(12f);
    }

    private Font tickFont() {
        return font.deriveFont(10.5f);
    }

    private Font smallFont() {
        return font.deriveFont(9f);
    }

    private static FontMetrics metrics(Font font) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            return g.getFontMetrics(font);
        } finally {
            g.dispose();
        }
    }

    private static int maxWidth(List<String> texts, Font font) {
        FontMetrics metrics = metrics(font);
        return texts.stream().mapToInt(metrics::stringWidth).max().orElse(0);
    }

    /** The text, cut with an ellipsis where it is wider than {@code width}. */
    private static String fit(String text, int width, FontMetrics metrics) {
        if (metrics.stringWidth(text) <= width) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && metrics.stringWidth(cut + "…") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    /** An axis from zero to a round number above the largest value, in round steps. */
    private record Scale(double top, double step, boolean money) {

        static Scale of(double max, boolean money) {
            if (max <= 0) {
                return new Scale(1, 1, money);
            }
            double raw = max / 5;
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double n = raw / magnitude;
            double step = (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * magnitude;
            if (!money) {
                step = Math.max(1, Math.ceil(step));
            }
            return new Scale(Math.ceil(max / step) * step, step, money);
        }

        /** An axis mark: whole numbers, grouped. */
        String format(double value) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }

        /** A value at a bar: amounts with their fen. */
        String label(double value) {
            return String.format(Locale.ROOT, money ? "%,.2f" : "%,.0f", value);
        }
    }
}
