package org.bangfu.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An uploaded file as a table of text (an agency's data, a bank's confirmation): the header row and the data rows with their row numbers as the user
 * sees them (the header is row 1). Reads .xlsx (first sheet) and .csv, the latter in UTF-8 (with or without
 * a byte-order mark) or, when it is not valid UTF-8, GBK (read as GB18030, its superset).
 */
public record TableFile(List<String> headers, List<Line> lines, String charset) {

    public record Line(int rowNo, String[] cells) {

        public String cell(int column) {
            return column >= 0 && column < cells.length ? cells[column] : "";
        }
    }

    /** A file that is neither a workbook nor a delimited text file, or has no header row. */
    public static class Unreadable extends Exception {

        Unreadable(String message) {
            super(message);
        }
    }

    public static TableFile read(byte[] content) throws Unreadable {
        if (content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
            return workbook(content);
        }
        if (content.length >= 8 && (content[0] & 0xFF) == 0xD0 && (content[1] & 0xFF) == 0xCF) {
            throw new Unreadable("legacy .xls");
        }
        return csv(content);
    }

    private static TableFile workbook(byte[] content) throws Unreadable {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            if (book.getNumberOfSheets() == 0) {
                throw new Unreadable("no sheet");
            }
            Sheet sheet = book.getSheetAt(0);
            List<String> headers = null;
            List<Line> lines = new ArrayList<>();
            for (Row row : sheet) {
                String[] cells = new String[Math.max(0, row.getLastCellNum())];
                for (int c = 0; c < cells.length; c++) {
                    cells[c] = text(row.getCell(c));
                }
                if (blank(cells)) {
                    continue;
                }
                if (headers == null) {
                    headers = Arrays.asList(cells);
                } else {
                    lines.add(new Line(row.getRowNum() + 1, cells));
                }
            }
            if (headers == null) {
                throw new Unreadable("empty");
            }
            return new TableFile(headers, lines, null);
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("not a workbook: " + e.getMessage());
        }
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue().trim();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN -> cell.getBooleanCellValue() ? "是" : "否";
            default -> "";
        };
    }

    private static TableFile csv(byte[] content) throws Unreadable {
        String charset;
        String text;
        if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF) {
            charset = "UTF-8";
            text = new String(content, 3, content.length - 3, StandardCharsets.UTF_8);
        } else {
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
                charset = "UTF-8";
            } catch (CharacterCodingException notUtf8) {
                text = new String(content, Charset.forName("GB18030"));
                charset = "GBK";
            }
        }
        if (text.indexOf('\0') >= 0) {
            throw new Unreadable("binary");
        }
        int firstLineEnd = text.indexOf('\n');
        String firstLine = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
        char delimiter = firstLine.indexOf('\t') >= 0 && firstLine.indexOf(',') < 0 ? '\t' : ',';
        List<Line> lines = new ArrayList<>();
        List<String> headers = null;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int row = 1;
        int rowStart = 1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        row++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                cell.setLength(0);
                quoted = true;
            } else if (c == delimiter) {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString().trim());
                cell.setLength(0);
                String[] values = cells.toArray(String[]::new);
                if (!blank(values)) {
                    if (headers == null) {
                        headers = Arrays.asList(values);
                    } else {
                        lines.add(new Line(rowStart, values));
                    }
                }
                cells.clear();
                row++;
                rowStart = row;
            } else {
                cell.append(c);
            }
        }
        if (headers == null) {
            throw new Unreadable("empty");
        }
        return new TableFile(headers, lines, charset);
    }

    private static boolean blank(String[] cells) {
        return Arrays.stream(cells).allMatch(c -> c == null || c.isBlank());
    }
}
