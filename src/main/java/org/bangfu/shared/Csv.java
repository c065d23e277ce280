package org.bangfu.shared;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Every CSV file Bangfu writes (the bank's batch file above all: it holds full account numbers). UTF-8 with a
 * byte-order mark so that Excel reads the Chinese, lines ended by CRLF, fields quoted when they hold a comma, a quote
 * or a line break. A cell that begins with {@code = + - @}, a tab or a carriage return would open in a spreadsheet as
 * a formula (a payee named {@code =HYPERLINK(…)} becomes a live link); it is written with a leading single quote and
 * quoted, as OWASP recommends, so that it shows as the text it is. Amounts are never negative, so a column of them
 * stays digits a bank's machine reads.
 */
public final class Csv {

    private Csv() {
    }

    public static byte[] write(List<String> header, List<String[]> lines) {
        StringBuilder text = new StringBuilder("\uFEFF");
        line(text, header.toArray(String[]::new));
        for (String[] line : lines) {
            line(text, line);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder text, String[] cells) {
        for (int i = 0; i < cells.length; i++) {
            text.append(i == 0 ? "" : ",").append(cell(cells[i]));
        }
        text.append("\r\n");
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        boolean formula = "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
        String text = formula ? "'" + value : value;
        if (formula || text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
