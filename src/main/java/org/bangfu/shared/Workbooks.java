package org.bangfu.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Every workbook Bangfu writes or reads: the file itself ({@link #write}, {@link #stream}), plain tables of text
 * cells ({@link #textTable}), and the templates people fill in and import (households, the organisation): sheets
 * with a bold, frozen header row of {@code columns} ({@code columns[c][0]} is the header people read), their rows
 * written and read back as text.
 */
public final class Workbooks {

    private static final DataFormatter FORMAT = new DataFormatter(Locale.ROOT);
    private static final int STREAMED_ROWS = 200;

    private Workbooks() {
    }

    // ---- writing -------------------------------------------------------------------------------------

    /** A workbook filled by {@code content}, as the bytes of an .xlsx file. */
    public static byte[] write(Consumer<Workbook> content) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            content.accept(book);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A workbook too long to hold in memory, filled by {@code content} row after row (only the last 200 rows of a
     * sheet stay in memory, so rows are written in order and never revisited), written to {@code out}.
     */
    public static void stream(OutputStream out, Consumer<Workbook> content) throws IOException {
        SXSSFWorkbook book = new SXSSFWorkbook(STREAMED_ROWS);
        try (book) {
            content.accept(book);
            book.write(out);
        } finally {
            book.dispose();
        }
    }

    /** As {@link #stream(OutputStream, Consumer)}, as the bytes of an .xlsx file. */
    public static byte[] stream(Consumer<Workbook> content) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            stream(out, content);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One sheet of text cells under a header row, columns 24 characters wide: a value such as a payee's name is a
     * string cell, never a formula, whatever it begins with.
     */
    public static byte[] textTable(String sheetName, List<String> header, List<String[]> lines) {
        return write(book -> {
            Sheet sheet = book.createSheet(sheetName);
            CellStyle text = book.createCellStyle();
            text.setDataFormat(book.createDataFormat().getFormat("@"));
            Row first = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                first.createCell(c).setCellValue(header.get(c));
            }
            for (int r = 0; r < lines.size(); r++) {
                Row row = sheet.createRow(r + 1);
                String[] line = lines.get(r);
                for (int c = 0; c < line.length; c++) {
                    Cell cell = row.createCell(c);
                    cell.setCellStyle(text);
                    cell.setCellValue(line[c] == null ? "" : line[c]);
                }
            }
            for (int c = 0; c < header.size(); c++) {
                sheet.setColumnWidth(c, 24 * 256);
            }
        });
    }

    // ---- reading -------------------------------------------------------------------------------------

    /** A cell as text, stripped; a number typed as one (an ID, a phone, a code) never as 1.2E+17 or 101.0. */
    public static String text(Row row, int column) {
        Cell cell = row == null ? null : row.getCell(column);
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            return new BigDecimal(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        return FORMAT.formatCellValue(cell).strip();
    }

    /** Whether the first {@code columns} cells of the row are all empty (or there is no row). */
    public static boolean blank(Row row, int columns) {
        for (int c = 0; c < columns; c++) {
            if (!text(row, c).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Whether the sheet's first row holds the template's headers. */
    public static boolean headersMatch(Sheet sheet, String[][] columns) {
        Row header = sheet.getRow(0);
        for (int c = 0; c < columns.length; c++) {
            if (!Objects.equals(text(header, c), columns[c][0])) {
                return false;
            }
        }
        return true;
    }

    // ---- templates -----------------------------------------------------------------------------------

    /** A new sheet with the header row, columns {@code width} characters wide. */
    public static Sheet sheet(Workbook book, String name, String[][] columns, CellStyle header, int width) {
        Sheet sheet = book.createSheet(name);
        Row row = sheet.createRow(0);
        for (int c = 0; c < columns.length; c++) {
            Cell cell = row.createCell(c);
            cell.setCellValue(columns[c][0]);
            cell.setCellStyle(header);
            sheet.setColumnWidth(c, width * 256);
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    /** A row of values: numbers as numbers, anything else as its text (null as empty). Returns the next row's index. */
    public static int row(Sheet sheet, int index, Object... values) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < values.length; c++) {
            Object value = values[c];
            if (value instanceof Number n) {
                row.createCell(c).setCellValue(n.doubleValue());
            } else {
                row.createCell(c).setCellValue(value == null ? "" : value.toString());
            }
        }
        return index + 1;
    }

    public static CellStyle headerStyle(Workbook book) {
        CellStyle style = book.createCellStyle();
        Font bold = book.createFont();
        bold.setBold(true);
        style.setFont(bold);
        return style;
    }
}
