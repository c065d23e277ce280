package org.bangfu.dashboard;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.bangfu.dashboard.ReportTable.Ratio;
import org.bangfu.shared.Money;
import org.bangfu.shared.Workbooks;

/**
 * A section's tables as one workbook, a sheet per table: a title row, a row naming the period, scope and date, the
 * head row, then the figures, totals in bold. Names are string cells (never formulas, whatever they begin with);
 * counts, amounts in yuan (two decimals), days and shares are numbers, days are dates, so that they add up in Excel.
 */
final class ReportWorkbook {

    /** The row of the column heads; the figures start below it. */
    static final int HEAD_ROW = 2;

    private static final int MAX_SHEET_NAME = 31;

    private final Workbook book;
    private final Map<String, CellStyle> styles = new HashMap<>();
    private final Set<String> sheetNames = new HashSet<>();

    private ReportWorkbook(Workbook book) {
        this.book = book;
    }

    /** The workbook: {@code title} (the section) heads every sheet, above the {@code subtitle} (period, scope, date). */
    static byte[] write(String title, String subtitle, List<ReportTable> tables) {
        return Workbooks.write(book -> {
            ReportWorkbook workbook = new ReportWorkbook(book);
            for (ReportTable table : tables) {
                workbook.sheet(title, subtitle, table);
            }
        });
    }

    private void sheet(String title, String subtitle, ReportTable table) {
        Sheet sheet = book.createSheet(sheetName(table.caption()));
        int columns = table.headers().size();
        text(sheet.createRow(0), 0, title.equals(table.caption()) ? title : title + " · " + table.caption(),
                style("title", false));
        text(sheet.createRow(1), 0, subtitle, style("@", false));
        if (columns > 1) {
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, columns - 1));
        }
        Row head = sheet.createRow(HEAD_ROW);
        for (int c = 0; c < columns; c++) {
            text(head, c, table.headers().get(c), style("head", true));
            sheet.setColumnWidth(c, (c == 0 ? 22 : 14) * 256);
        }
        int r = HEAD_ROW + 1;
        for (ReportTable.Row line : table.rows()) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < line.cells().size(); c++) {
                cell(row, c, line.cells().get(c), line.total());
            }
        }
        sheet.createFreezePane(0, HEAD_ROW + 1);
    }

    private void cell(Row row, int column, Object value, boolean total) {
        if (value == null) {
            row.createCell(column).setCellStyle(style("@", total));
            return;
        }
        Cell cell = row.createCell(column);
        if (value instanceof Money m) {
            cell.setCellValue(m.yuan().doubleValue());
            cell.setCellStyle(style("#,##0.00", total));
        } else if (value instanceof Long n) {
            cell.setCellValue(n);
            cell.setCellStyle(style("#,##0", total));
        } else if (value instanceof Double d) {
            cell.setCellValue(d);
            cell.setCellStyle(style("0.0", total));
        } else if (value instanceof Ratio ratio) {
            cell.setCellValue(ratio.value());
            cell.setCellStyle(style("0.0%", total));
        } else if (value instanceof LocalDate day) {
            cell.setCellValue(day);
            cell.setCellStyle(style("yyyy-mm-dd", total));
        } else {
            cell.setCellValue(value.toString());
            cell.setCellStyle(style("@", total));
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    /** A style by its number format ({@code title} and {@code head} for those rows), bold or not. */
    private CellStyle style(String format, boolean bold) {
        return styles.computeIfAbsent(format + "|" + bold, key -> {
            CellStyle style = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(bold || format.equals("title"));
            if (format.equals("title")) {
                font.setFontHeightInPoints((short) 14);
            }
            style.setFont(font);
            if (format.equals("head")) {
                style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
                style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                style.setWrapText(true);
            } else if (!format.equals("title")) {
                style.setDataFormat(book.createDataFormat().getFormat(format));
            }
            return style;
        });
    }

    /** A sheet name Excel takes: without the characters it refuses, at most 31 long, unique in the workbook. */
    private String sheetName(String caption) {
        String base = WorkbookUtil.createSafeSheetName(caption);
        String name = base;
        for (int n = 2; !sheetNames.add(name.toLowerCase(Locale.ROOT)); n++) {
            String suffix = " (" + n + ")";
            name = base.substring(0, Math.min(base.length(), MAX_SHEET_NAME - suffix.length())) + suffix;
        }
        return name;
    }
}
