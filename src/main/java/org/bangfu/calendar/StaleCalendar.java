package org.bangfu.calendar;

import org.bangfu.shared.StaleVersion;

/** The years an import would replace were changed since its preview: nothing was imported. */
public class StaleCalendar extends StaleVersion {

    StaleCalendar() {
        super("the calendar since the preview", "calendar.import.stale", null);
    }
}
