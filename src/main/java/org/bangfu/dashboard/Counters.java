package org.bangfu.dashboard;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Adds to the counting tables, one statement per key that inserts the key or adds to it atomically (PostgreSQL's
 * {@code on conflict}, H2's {@code merge}), so that concurrent changes never lose a count. Keys are written in one
 * order everywhere, so two transactions counting the same keys wait for each other instead of deadlocking.
 */
@Component
class Counters {

    /** One addition: a counter, its key, and what to add to each of its values. */
    record Delta(Counter counter, List<Object> key, long[] amounts) {

        String order() {
            return counter.ordinal() + key.stream().map(String::valueOf).collect(Collectors.joining("|", "|", ""));
        }
    }

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    Counters(JdbcTemplate jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        try (Connection connection = dataSource.getConnection()) {
            this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
    }

    boolean postgres() {
        return postgres;
    }

    /** Applies the deltas, those of one key summed, those that change nothing left out, in the one order. */
    void add(List<Delta> deltas) {
        Map<String, Delta> merged = new TreeMap<>();
        for (Delta d : deltas) {
            merged.merge(d.order(), d, (a, b) -> new Delta(a.counter(), a.key(), sum(a.amounts(), b.amounts())));
        }
        merged.values().stream().filter(d -> Arrays.stream(d.amounts()).anyMatch(a -> a != 0)).forEach(d -> {
            List<Object> params = new ArrayList<>(d.key());
            Arrays.stream(d.amounts()).forEach(params::add);
            jdbc.update(upsert(d.counter()), params.toArray());
            if (d.counter().dropsZeros && Arrays.stream(d.amounts()).anyMatch(a -> a < 0)) {
                jdbc.update(deleteZeros(d.counter()), d.key().toArray());
            }
        });
    }

    /** Sums deltas into the sums of a rebuild, per counter and key. */
    static void sumInto(Map<Counter, Map<List<Object>, long[]>> sums, List<Delta> deltas) {
        for (Delta d : deltas) {
            sums.computeIfAbsent(d.counter(), c -> new HashMap<>()).merge(d.key(), d.amounts().clone(), Counters::sum);
        }
    }

    private static long[] sum(long[] a, long[] b) {
        long[] sum = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            sum[i] = a[i] + b[i];
        }
        return sum;
    }

    /** Writes sums into an empty table (a rebuild), in batches. */
    void insertAll(Counter counter, Map<List<Object>, long[]> sums) {
        String sql = "insert into " + counter.table + " (" + String.join(", ", columns(counter)) + ") values ("
                + "?, ".repeat(counter.keys.size() + counter.values.size() - 1) + "?)";
        List<Object[]> rows = new ArrayList<>(sums.size());
        sums.forEach((key, amounts) -> {
            List<Object> row = new ArrayList<>(key);
            Arrays.stream(amounts).forEach(row::add);
            rows.add(row.toArray());
        });
        for (int i = 0; i < rows.size(); i += 1000) {
            jdbc.batchUpdate(sql, rows.subList(i, Math.min(rows.size(), i + 1000)));
        }
    }

    private String upsert(Counter counter) {
        List<String> columns = columns(counter);
        String placeholders = "?, ".repeat(columns.size() - 1) + "?";
        if (postgres) {
            return "insert into " + counter.table + " as t (" + String.join(", ", columns) + ") values (" + placeholders
                    + ") on conflict (" + String.join(", ", counter.keys) + ") do update set "
                    + counter.values.stream().map(v -> v + " = t." + v + " + excluded." + v).collect(Collectors.joining(", "));
        }
        return "merge into " + counter.table + " t using (values (" + placeholders + ")) s (" + String.join(", ", columns)
                + ") on " + counter.keys.stream().map(k -> "t." + k + " = s." + k).collect(Collectors.joining(" and "))
                + " when matched then update set "
                + counter.values.stream().map(v -> v + " = t." + v + " + s." + v).collect(Collectors.joining(", "))
                + " when not matched then insert (" + String.join(", ", columns) + ") values ("
                + columns.stream().map(c -> "s." + c).collect(Collectors.joining(", ")) + ")";
    }

    /** Removes the key's row if all its values are zero (the upsert before holds its lock). */
    private static String deleteZeros(Counter counter) {
        return "delete from " + counter.table + " where "
                + counter.keys.stream().map(k -> k + " = ?").collect(Collectors.joining(" and ")) + " and "
                + counter.values.stream().map(v -> v + " = 0").collect(Collectors.joining(" and "));
    }

    private static List<String> columns(Counter counter) {
        List<String> columns = new ArrayList<>(counter.keys);
        columns.addAll(counter.values);
        return columns;
    }
}
