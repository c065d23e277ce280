package org.bangfu.calendar;

/** The years an import would replace were changed since its preview: nothing was imported. */
public class StaleCalendar extends RuntimeException {

    StaleCalendar() {
        super("the calendar was changed since the preview");
    }
}
