package org.bangfu.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;

import org.bangfu.shared.ProcessExpressionBean;
import org.springframework.stereotype.Component;

/**
 * Working-day deadlines for BPMN timers and due dates, e.g. {@code ${workingDayDeadlines.afterToday(5)}}: the
 * moment a period of working days is over, that is midnight after its last working day, in Bangfu's time zone.
 */
@Component("workingDayDeadlines")
@ProcessExpressionBean
public class WorkingDayDeadlines {

    private final WorkingDays workingDays;
    private final Clock clock;

    WorkingDayDeadlines(WorkingDays workingDays, Clock clock) {
        this.workingDays = workingDays;
        this.clock = clock;
    }

    /** The end of a period of {@code days} working days that starts today. */
    public Date afterToday(int days) {
        return after(LocalDate.now(clock).toString(), days);
    }

    /** The end of a period of {@code days} working days that starts on {@code isoDate} (yyyy-MM-dd). */
    public Date after(String isoDate, int days) {
        LocalDate last = workingDays.plus(LocalDate.parse(isoDate), days);
        return Date.from(last.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
    }
}
