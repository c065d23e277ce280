package org.bangfu.calendar;

import java.util.List;

/**
 * What importing a holiday file would do, or did: per year of the file, how many entries it has now and will have,
 * and which days are added, removed or changed (the import replaces those years' entries); or, when a line is
 * wrong, every problem by line and nothing else. {@code basis} names the state of those years the preview was made
 * on: applying with it refuses when someone changed them in between.
 */
public record CalendarImport(String charset, List<YearChange> years, List<Problem> problems, String basis,
        boolean applied) {

    public boolean valid() {
        return problems.isEmpty();
    }

    /** One year the file covers: its entries before and after, and the differences. */
    public record YearChange(int year, int before, int after, int holidays, int workdays, List<CalendarDay> added,
            List<CalendarDay> removed, List<DayChange> changed) {

        public boolean unchanged() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }
    }

    /** A day the file keeps but names or arranges differently. */
    public record DayChange(CalendarDay before, CalendarDay after) {
    }

    /** A line of the file that cannot be taken (line 1 is the file's first line, comments included). */
    public record Problem(int line, String messageKey, Object... arguments) {

        @Override
        public String toString() {
            return line + ": " + messageKey;
        }
    }
}
