package org.bangfu.shared;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The templates people fill in and import (households, the organisation): sheets with a bold, frozen header row of
 * {@code columns} ({@code columns[c][0]} is the header people read), their rows written and read back as text.
 */
public final class Workbooks {

    private static final DataFormatter FORMAT = new DataFormatter(Locale.ROOT);

    private Workbooks() {
    }

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

    /** A row of values: numbers as numbers, anything else as its text (null as empty). */
    public static void row(Sheet sheet, int index, Object... values) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < values.length; c++) {
            Object value = values[c];
            if (value instanceof Number n) {
                row.createCell(c).setCellValue(n.doubleValue());
            } else {
                row.createCell(c).setCellValue(value == null ? "" : value.toString());
            }
        }
    }

    public static CellStyle headerStyle(Workbook book) {
        CellStyle style = book.createCellStyle();
        Font bold = book.createFont();
        bold.setBold(true);
        style.setFont(bold);
        return style;
    }
}
