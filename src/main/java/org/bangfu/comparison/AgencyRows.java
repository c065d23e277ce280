package org.bangfu.comparison;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bangfu.comparison.AgencyData.RowProblem;
import org.bangfu.comparison.AgencyField.Column;
import org.bangfu.shared.IdNumber;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.TableFile;

/**
 * Reading an agency file's rows by its kind's fields: which column each field is in, and each row's values checked
 * (ID numbers, yes/no in the agencies' words, amounts, dates in their usual formats) or the row's problems.
 */
final class AgencyRows {

    private static final int MAX_TEXT = 200;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999");
    private static final Set<String> YES = Set.of("是", "y", "yes", "true", "1", "营运", "生产", "生产经营", "生产经营性",
            "生产性", "productive");
    private static final Set<String> NO = Set.of("否", "n", "no", "false", "0", "非营运", "非生产", "非生产经营",
            "非生产经营性", "非生产性", "non-productive");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy-M-d"),
            DateTimeFormatter.ofPattern("yyyy.M.d"), DateTimeFormatter.ofPattern("yyyyMMdd"),
            DateTimeFormatter.ofPattern("yyyy年M月d日"));

    private AgencyRows() {
    }

    /** The field → column mapping: the caller's choice first, then the usual headers. */
    static Map<AgencyField, Integer> columns(AgencyKind kind, List<String> headers, Map<String, String> mapping,
            List<FieldError> errors) {
        Map<AgencyField, Integer> columns = new LinkedHashMap<>();
        for (String key : mapping.keySet()) {
            if (kind.fields().stream().noneMatch(f -> f.key().equals(key))) {
                errors.add(new FieldError(key, "agency.mapping.unknownField", key));
            }
        }
        for (AgencyField field : kind.fields()) {
            String chosen = mapping.get(field.key());
            int column = -1;
            if (chosen != null && !chosen.isBlank()) {
                for (int c = 0; c < headers.size() && column < 0; c++) {
                    if (AgencyField.normalise(headers.get(c)).equals(AgencyField.normalise(chosen))) {
                        column = c;
                    }
                }
                if (column < 0) {
                    errors.add(new FieldError(field.key(), "agency.mapping.noSuchColumn", chosen));
                    continue;
                }
            } else {
                for (int c = 0; c < headers.size() && column < 0; c++) {
                    if (field.recognises(headers.get(c))) {
                        column = c;
                    }
                }
            }
            if (column >= 0) {
                columns.put(field, column);
            } else if (field.required()) {
                errors.add(new FieldError(field.key(), "agency.mapping.missing"));
            }
        }
        return columns;
    }

    /** A readable row: its values by column. */
    record Parsed(int rowNo, EnumMap<Column, Object> values) {
    }

    static Optional<Parsed> parse(TableFile.Line line, Map<AgencyField, Integer> columns, LocalDate today,
            List<RowProblem> problems) {
        EnumMap<Column, Object> values = new EnumMap<>(Column.class);
        int before = problems.size();
        columns.forEach((field, column) -> {
            String text = line.cell(column).trim();
            if (text.isEmpty()) {
                if (field.required()) {
                    problems.add(new RowProblem(line.rowNo(), field.key(),
                            field.column() == Column.ID_NUMBER ? "agency.row.idMissing" : "agency.row.required", ""));
                }
                return;
            }
            String problem = null;
            switch (field.type()) {
                case ID_NUMBER -> {
                    String id = text.replace(" ", "").toUpperCase(Locale.ROOT);
                    if (IdNumber.problem(id, today).isPresent()) {
                        problem = "agency.row.idInvalid";
                    } else {
                        values.put(field.column(), id);
                    }
                }
                case TEXT -> {
                    if (text.length() > MAX_TEXT) {
                        problem = "agency.row.tooLong";
                    } else {
                        values.put(field.column(), text);
                    }
                }
                case BOOLEAN -> {
                    String answer = text.toLowerCase(Locale.ROOT);
                    if (YES.contains(answer)) {
                        values.put(field.column(), Boolean.TRUE);
                    } else if (NO.contains(answer)) {
                        values.put(field.column(), Boolean.FALSE);
                    } else {
                        problem = "agency.row.notYesNo";
                    }
                }
                case DECIMAL -> {
                    try {
                        BigDecimal amount = new BigDecimal(text.replaceAll("[,，\\s元㎡]|平方米", ""));
                        if (amount.signum() < 0) {
                            problem = "agency.row.negative";
                        } else if (amount.compareTo(MAX_AMOUNT) > 0 || amount.scale() > 2) {
                            problem = "agency.row.notNumber";
                        } else {
                            values.put(field.column(), amount);
                        }
                    } catch (NumberFormatException e) {
                        problem = "agency.row.notNumber";
                    }
                }
                case DATE -> {
                    LocalDate date = date(text);
                    if (date == null) {
                        problem = "agency.row.notDate";
                    } else if (date.isAfter(today)) {
                        problem = "agency.row.futureDate";
                    } else {
                        values.put(field.column(), date);
                    }
                }
            }
            if (problem != null) {
                problems.add(new RowProblem(line.rowNo(), field.key(), problem, truncate(text, 200)));
            }
        });
        return problems.size() == before ? Optional.of(new Parsed(line.rowNo(), values)) : Optional.empty();
    }

    private static LocalDate date(String text) {
        String value = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) : text;
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(value, format);
            } catch (DateTimeParseException next) {
                // try the next format
            }
        }
        return null;
    }

    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
