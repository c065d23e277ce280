package org.bangfu.calendar;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bangfu.calendar.CalendarDay.Kind;
import org.bangfu.calendar.CalendarImport.Problem;
import org.bangfu.shared.TableFile;

/**
 * The State Council's arrangement for a year as a file: {@code date,kind,name} with {@code kind} holiday or workday
 * (also 放假 / 上班), lines starting with {@code #} are comments. UTF-8 with or without a byte-order mark, or GBK as
 * Excel saves a CSV in China (then also dates like 2026/1/1). Every line is checked; the days are only usable when
 * no line has a problem.
 */
record HolidayFile(String charset, List<Line> lines, List<Problem> problems) {

    /** A day of the file, with the line it came from. */
    record Line(int line, LocalDate day, Kind kind, String name) {
    }

    private static final Pattern DATE = Pattern
            .compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2099;

    static HolidayFile read(byte[] content) {
        List<Problem> problems = new ArrayList<>();
        int headerLine = headerLine(content);
        TableFile table;
        try {
            table = TableFile.read(withoutComments(content));
        } catch (TableFile.Unreadable unreadable) {
            return new HolidayFile(null, List.of(), List.of(new Problem(0, "calendar.import.unreadable")));
        }
        List<String> headers = table.headers().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        int date = column(headers, "date", "日期");
        int kind = column(headers, "kind", "类型");
        int name = column(headers, "name", "名称");
        if (date < 0 || kind < 0 || name < 0) {
            return new HolidayFile(table.charset(), List.of(),
                    List.of(new Problem(headerLine, "calendar.import.header", String.join(",", table.headers()))));
        }
        List<Line> lines = new ArrayList<>();
        Map<LocalDate, Integer> seen = new HashMap<>();
        for (TableFile.Line row : table.lines()) {
            int at = row.rowNo();
            LocalDate day = date(row.cell(date));
            Kind arrangement = kind(row.cell(kind));
            String text = row.cell(name).trim();
            if (day == null) {
                problems.add(new Problem(at, "calendar.import.badDate", row.cell(date)));
            } else if (day.getYear() < FIRST_YEAR || day.getYear() > LAST_YEAR) {
                problems.add(new Problem(at, "calendar.import.yearRange", day.toString(),
                        String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR)));
                day = null;
            } else if (seen.containsKey(day)) {
                problems.add(new Problem(at, "calendar.import.duplicate", day.toString(),
                        String.valueOf(seen.get(day))));
            } else {
                seen.put(day, at);
            }
            if (arrangement == null) {
                problems.add(new Problem(at, "calendar.import.badKind", row.cell(kind)));
            } else if (arrangement == Kind.WORKDAY && day != null && !weekend(day)) {
                problems.add(new Problem(at, "calendar.import.workdayOnWeekday", day.toString()));
            }
            if (text.isEmpty() || text.length() > 50) {
                problems.add(new Problem(at, "calendar.import.badName"));
            }
            if (day != null && arrangement != null) {
                lines.add(new Line(at, day, arrangement, text));
            }
        }
        if (table.lines().isEmpty()) {
            problems.add(new Problem(headerLine, "calendar.import.empty"));
        }
        // a year of make-up days only would wipe that year's holidays: a cut-off file, not an arrangement
        Map<Integer, Line> firstOfYear = new LinkedHashMap<>();
        Map<Integer, Boolean> hasHoliday = new HashMap<>();
        for (Line line : lines) {
            firstOfYear.putIfAbsent(line.day().getYear(), line);
            hasHoliday.merge(line.day().getYear(), line.kind() == Kind.HOLIDAY, Boolean::logicalOr);
        }
        firstOfYear.forEach((year, line) -> {
            if (!hasHoliday.get(year)) {
                problems.add(new Problem(line.line(), "calendar.import.noHoliday", String.valueOf(year)));
            }
        });
        problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new HolidayFile(table.charset(), lines, problems);
    }

    private static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static int column(List<String> headers, String english, String chinese) {
        int index = headers.indexOf(english);
        return index >= 0 ? index : headers.indexOf(chinese);
    }

    static LocalDate date(String text) {
        Matcher matcher = DATE.matcher(text.trim());
        if (!matcher.matches()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    static Kind kind(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "holiday", "放假", "休" -> Kind.HOLIDAY;
            case "workday", "上班", "班", "调休上班" -> Kind.WORKDAY;
            default -> null;
        };
    }

    /**
     * The file with its comment lines blanked, byte for byte, so that the table reader's line numbers stay the
     * file's. {@code #}, CR and LF are single bytes in UTF-8 and GBK alike and never part of another character.
     */
    static byte[] withoutComments(byte[] content) {
        byte[] copy = content.clone();
        int start = bom(copy) ? 3 : 0;
        boolean lineStart = true;
        boolean comment = false;
        for (int i = start; i < copy.length; i++) {
            byte b = copy[i];
            if (b == '\n' || b == '\r') {
                lineStart = true;
                comment = false;
                continue;
            }
            if (lineStart) {
                comment = b == '#';
                lineStart = false;
            }
            if (comment) {
                copy[i] = ' ';
            }
        }
        return copy;
    }

    /** The number of the first line that is neither blank nor a comment: the header. */
    private static int headerLine(byte[] content) {
        int line = 1;
        int i = bom(content) ? 3 : 0;
        while (i < content.length) {
            int end = i;
            while (end < content.length && content[end] != '\n') {
                end++;
            }
            String text = new String(content, i, end - i, StandardCharsets.ISO_8859_1).trim();
            if (!text.isEmpty() && !text.startsWith("#")) {
                return line;
            }
            line++;
            i = end + 1;
        }
        return 1;
    }

    private static boolean bom(byte[] content) {
        return content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF;
    }
}
