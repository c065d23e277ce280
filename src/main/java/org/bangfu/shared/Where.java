package org.bangfu.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The WHERE clause of a filtered list: a first condition (usually the caller's scope) and then each filter's
 * condition joined with {@code and}, its parameters in the order of their {@code ?}. A filter left empty adds nothing.
 * Every value reaches the database as a parameter; what a person types into a search box is made safe for
 * {@code like} here and nowhere else.
 */
public final class Where {

    private final StringBuilder sql;
    private final List<Object> params;

    private Where(String condition, Collection<?> params) {
        this.sql = new StringBuilder(condition);
        this.params = new ArrayList<>(params);
    }

    /** Starts with a condition and its parameters, typically a scope's. */
    public static Where of(String condition, Collection<?> params) {
        return new Where(condition, params);
    }

    /** Starts with a condition without parameters. */
    public static Where of(String condition) {
        return new Where(condition, List.of());
    }

    /** Adds a condition, always, with the values of its {@code ?}s. */
    public Where and(String condition, Object... values) {
        sql.append(" and ").append(condition);
        params.addAll(Arrays.asList(values));
        return this;
    }

    /** Adds a condition with one {@code ?} only when the filter has a value for it. */
    public Where andIfGiven(String condition, Object value) {
        return value == null ? this : and(condition, value);
    }

    /** {@code column in (?, …)} over the values; a condition nothing meets when there are none. */
    public Where andIn(String column, Collection<?> values) {
        if (values.isEmpty()) {
            return and("1 = 0");
        }
        return and(column + " in (" + "?, ".repeat(values.size() - 1) + "?)", values.toArray());
    }

    /** The clause, without the word {@code where}. */
    public String sql() {
        return sql.toString();
    }

    /** The parameters of the clause, a copy. */
    public List<Object> params() {
        return new ArrayList<>(params);
    }

    /** The parameters of the clause followed by those of what the statement adds after it (offset, limit). */
    public List<Object> paramsThen(Object... more) {
        List<Object> all = new ArrayList<>(params);
        all.addAll(Arrays.asList(more));
        return all;
    }

    /** A {@code like} pattern for names beginning with the text: its wildcards dropped, so that they match nothing. */
    public static String startingWith(String text) {
        return text.replace("%", "").replace("_", "") + "%";
    }

    /**
     * A {@code like ? escape '\'} pattern for lower-cased text containing the text: its wildcards (and the escape
     * character) taken literally.
     */
    public static String containing(String text) {
        return "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
