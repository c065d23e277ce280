package org.bangfu.pairing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.bangfu.calendar.CalendarYearEntered;
import org.bangfu.calendar.NextYearFoundMissing;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The calendar's reminder in the bell: an administrator is told when next year's holidays are missing (in the
 * calendar's transaction, with its marker), and the notification counts as read once the year is entered.
 */
@Component
class CalendarNotifications {

    private final JdbcClient jdbc;
    private final Clock clock;

    CalendarNotifications(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void on(NextYearFoundMissing missing) {
        jdbc.sql("insert into bf_notification (recipient, kind, due_on, created_at) values (?, 'CALENDAR_MISSING', ?, ?)")
                .params(Notifications.person(missing.username()), LocalDate.of(missing.year(), 1, 1), now()).update();
    }

    @EventListener
    void on(CalendarYearEntered entered) {
        jdbc.sql("update bf_notification set read_at = ? where kind = 'CALENDAR_MISSING' and due_on = ? and read_at is null")
                .params(now(), LocalDate.of(entered.year(), 1, 1)).update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
