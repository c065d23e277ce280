package org.bangfu.dashboard;

import java.util.List;

/**
 * A table of a section as it is exported and printed: a caption, the column heads and the rows, totals last. A cell
 * is text ({@link String}), a count ({@link Long}), an amount ({@link org.bangfu.shared.Money}), days
 * ({@link Double}), a {@link Ratio} or a day ({@link java.time.LocalDate}); null is an empty cell. A table of stages
 * ({@code stageColumns}) has one column per stage between its first and last.
 */
record ReportTable(String caption, List<String> headers, List<Row> rows, boolean stageColumns) {

    record Row(List<Object> cells, boolean total) {
    }

    /** A part of a whole, between 0 and 1. */
    record Ratio(double value) {
    }
}
