package org.bangfu.tasks;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Money;

/**
 * Reads a submitted form (JSON from the REST API, or the UI's values) field by field, collecting every broken
 * rule with its field, so that the person sees all of them at once; {@link #values()} is what was accepted.
 */
public final class FormInput {

    private final Map<String, Object> raw;
    private final LocalDate today;
    private final List<FieldError> errors = new ArrayList<>();
    private final Map<String, Object> values = new LinkedHashMap<>();

    public FormInput(Map<String, Object> raw, LocalDate today) {
        this.raw = raw == null ? Map.of() : raw;
        this.today = today;
    }

    public String text(String name, boolean required, int maxLength) {
        Object value = raw.get(name);
        String text = value == null ? null : value.toString().trim();
        if (text == null || text.isEmpty()) {
            if (required) {
                error(name, "form.required");
            }
            return null;
        }
        if (text.length() > maxLength) {
            error(name, "form.tooLong", maxLength);
            return null;
        }
        values.put(name, text);
        return text;
    }

    /** A date not in the future. */
    public LocalDate pastDate(String name, boolean required) {
        String text = text(name, required, 10);
        if (text == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.isAfter(today)) {
                error(name, "form.date.future");
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            error(name, "form.date.invalid");
            return null;
        }
    }

    public Integer integer(String name, boolean required, int min, int max) {
        Object value = raw.get(name);
        if (value == null || value.toString().isBlank()) {
            if (required) {
                error(name, "form.required");
            }
            return null;
        }
        try {
            long number = value instanceof Number n && !(value instanceof Double || value instanceof Float)
                    ? n.longValue() : Long.parseLong(value.toString().trim());
            if (number < min || number > max) {
                error(name, "form.integer.range", min, max);
                return null;
            }
            values.put(name, (int) number);
            return (int) number;
        } catch (NumberFormatException e) {
            error(name, "form.integer.invalid");
            return null;
        }
    }

    public String choice(String name, Collection<String> allowed) {
        String text = text(name, true, 32);
        if (text != null && !allowed.contains(text)) {
            values.remove(name);
            error(name, "form.choice.invalid");
            return null;
        }
        return text;
    }

    /** A list of codes, given as a JSON array or as one comma-separated string. */
    public List<String> codes(String name, boolean required) {
        Object value = raw.get(name);
        List<String> codes = new ArrayList<>();
        if (value instanceof Collection<?> many) {
            many.forEach(item -> codes.add(String.valueOf(item).trim()));
        } else if (value != null && !value.toString().isBlank()) {
            for (String part : value.toString().split(",")) {
                codes.add(part.trim());
            }
        }
        codes.removeIf(String::isEmpty);
        List<String> distinct = codes.stream().distinct().toList();
        codes.clear();
        codes.addAll(distinct);
        if (codes.size() > 50) {
            error(name, "form.tooMany", 50);
            return List.of();
        }
        if (codes.isEmpty()) {
            if (required) {
                error(name, "form.required");
            }
            return List.of();
        }
        values.put(name, List.copyOf(codes));
        return codes;
    }

    /**
     * An amount in yuan, more than zero and at most {@code max}, as the API takes it: a string of plain digits with at
     * most two decimals ({@code "1200.50"}), never a JSON number, a grouped or padded amount or a currency sign. The
     * UI's form reads what people type and sends that form (see {@code StepForm}).
     */
    public Money money(String name, boolean required, Money max) {
        Object value = raw.get(name);
        if (value != null && !(value instanceof String)) {
            error(name, "money.strict");
            return null;
        }
        String text = (String) value;
        if (text == null || text.isEmpty()) {
            if (required) {
                error(name, "form.required");
            }
            return null;
        }
        var problem = Money.strictProblem(text);
        if (problem.isPresent()) {
            error(name, problem.get());
            return null;
        }
        Money amount = Money.parseStrict(text);
        if (amount.isZero()) {
            error(name, "money.positive");
            return null;
        }
        if (max.isLessThan(amount)) {
            error(name, "money.tooLarge", max.format());
            return null;
        }
        values.put(name, amount.toString());
        return amount;
    }

    public void error(String field, String messageKey, Object... arguments) {
        errors.add(new FieldError(field, messageKey, arguments));
    }

    public boolean hasError(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    public Map<String, Object> values() {
        return values;
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }
}
