package org.bangfu.calendar;

/** A holiday file with problems (or none that was current): nothing was imported. */
public class CalendarImportRefused extends RuntimeException {

    private final transient CalendarImport report;

    CalendarImportRefused(CalendarImport report) {
        super("calendar import refused: " + report.problems());
        this.report = report;
    }

    public CalendarImport report() {
        return report;
    }
}
