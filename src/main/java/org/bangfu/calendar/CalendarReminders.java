package org.bangfu.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.OptionalInt;

import org.bangfu.organisation.UserAccount;
import org.bangfu.organisation.UserAccounts;
import org.bangfu.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The State Council publishes next year's arrangement in the autumn. From 1 November (in the bureau's time zone)
 * while next year has no entries, the administrators are reminded: the landing page asks for it as long as it is
 * missing, and each administrator is notified once a year ({@link NextYearFoundMissing}), by a check that runs at
 * start-up and every night; a stored marker per year and administrator makes running it again harmless.
 */
@Service
public class CalendarReminders {

    private static final Logger log = LoggerFactory.getLogger(CalendarReminders.class);

    private final WorkingDays workingDays;
    private final UserAccounts accounts;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CalendarReminders(WorkingDays workingDays, UserAccounts accounts, JdbcClient jdbc, ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.workingDays = workingDays;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Next year, when it is 1 November or later and next year has no entries yet; else empty. */
    public OptionalInt missingNextYear() {
        LocalDate today = LocalDate.now(clock);
        int next = today.getYear() + 1;
        if (today.getMonth().compareTo(Month.NOVEMBER) < 0 || workingDays.hasEntries(next)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(next);
    }

    /** Tells each administrator not yet told this year that next year is missing. Answers how many were told. */
    @Scheduled(cron = "${bangfu.calendar.reminder-cron:0 10 0 * * *}", zone = "${bangfu.zone:Asia/Shanghai}")
    public int remind() {
        OptionalInt missing = missingNextYear();
        if (missing.isEmpty()) {
            return 0;
        }
        int year = missing.getAsInt();
        int told = 0;
        for (UserAccount admin : accounts.withRole(Role.ADMIN)) {
            try {
                Boolean sent = transactions.execute(status -> {
                    // the marker and the notification commit together: a second run, here or on another node, finds it
                    int inserted = jdbc.sql("""
                            insert into bf_calendar_reminder (reminder_year, username, sent_at)
                            select ?, ?, ? where not exists (select 1 from bf_calendar_reminder where reminder_year = ? and username = ?)""")
                            .params(year, admin.username(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                                    year, admin.username())
                            .update();
                    if (inserted > 0) {
                        events.publishEvent(new NextYearFoundMissing(year, admin.username()));
                    }
                    return inserted > 0;
                });
                told += Boolean.TRUE.equals(sent) ? 1 : 0;
            } catch (DataIntegrityViolationException concurrentRun) {
                // another run told this administrator a moment ago
            }
        }
        if (told > 0) {
            log.info("The {} holiday arrangement is missing: {} administrators told", year, told);
        }
        return told;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        remind();
    }
}
