package org.bangfu.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.bangfu.audit.AuditAction;
import org.bangfu.audit.AuditEntry.Outcome;
import org.bangfu.audit.AuditLog;
import org.bangfu.audit.AuditText;
import org.bangfu.calendar.CalendarDay.Kind;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Role;
import org.bangfu.shared.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Working days on the Chinese public-holiday calendar: Monday to Friday, less public holidays, plus make-up
 * working days (调休) on weekends. Notice periods and due dates are counted on it. The calendar is data: an
 * administrator adds and removes days, and every count uses the change at once.
 */
@Service
public class WorkingDays {

    /** The furthest a count may reach, so that a typo in a period cannot loop for years. */
    private static final int MAX_DAYS = 366;

    private final JdbcClient jdbc;
    private final AuditLog auditLog;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private volatile Map<LocalDate, Kind> exceptions;

    WorkingDays(JdbcClient jdbc, AuditLog auditLog, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.clock = clock;
        this.events = events;
    }

    public boolean isWorkingDay(LocalDate day) {
        Kind kind = exceptions().get(day);
        if (kind != null) {
            return kind == Kind.WORKDAY;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * The {@code days}-th working day after {@code start} (start itself not counted): a notice posted on
     * {@code start} for 5 working days runs to the end of {@code plus(start, 5)}. Zero days is {@code start}.
     */
    public LocalDate plus(LocalDate start, int days) {
        if (days < 0 || days > MAX_DAYS) {
            throw new IllegalArgumentException("working days out of range: " + days);
        }
        LocalDate day = start;
        for (int counted = 0; counted < days; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** Working days after {@code from} up to and including {@code to}; negative when {@code to} is earlier. */
    public int between(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -between(to, from);
        }
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /** Whether anyone entered the holidays of {@code year}: without them its counts take every weekday as working. */
    public boolean hasEntries(int year) {
        return exceptions().keySet().stream().anyMatch(day -> day.getYear() == year);
    }

    /**
     * The years from {@code from}'s to {@code to}'s (either order) that have no entries: a period counted across them
     * may end on a holiday or miss a make-up working day. Empty when the calendar covers the whole range.
     */
    public List<Integer> yearsWithoutEntries(LocalDate from, LocalDate to) {
        int first = Math.min(from.getYear(), to.getYear());
        int last = Math.max(from.getYear(), to.getYear());
        Set<Integer> entered = exceptions().keySet().stream().map(LocalDate::getYear).collect(Collectors.toSet());
        List<Integer> missing = new ArrayList<>();
        for (int year = first; year <= last; year++) {
            if (!entered.contains(year)) {
                missing.add(year);
            }
        }
        return missing;
    }

    /** The holidays and make-up working days of a year, in date order. */
    public List<CalendarDay> year(int year) {
        CurrentUser.require();
        return jdbc.sql("""
                select calendar_date, kind, name, updated_at, updated_by from bf_calendar_day
                 where calendar_date >= ? and calendar_date <= ? order by calendar_date""")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .query((rs, n) -> new CalendarDay(rs.getObject(1, LocalDate.class), Kind.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getObject(4, OffsetDateTime.class), rs.getString(5)))
                .list();
    }

    /**
     * Sets a day (administrators): a holiday on any day, a make-up working day only on a Saturday or Sunday.
     * A day already set is changed.
     */
    @Transactional
    public CalendarDay set(LocalDate day, Kind kind, String name) {
        SignedInUser user = CurrentUser.requireRole(Role.ADMIN);
        List<FieldError> errors = new ArrayList<>();
        if (day == null) {
            errors.add(new FieldError("day", "calendar.day.required"));
        }
        if (kind == null) {
            errors.add(new FieldError("kind", "calendar.kind.required"));
        } else if (kind == Kind.WORKDAY && day != null && day.getDayOfWeek() != DayOfWeek.SATURDAY
                && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
            errors.add(new FieldError("kind", "calendar.workday.weekend"));
        }
        String text = name == null ? "" : name.trim();
        if (text.isEmpty() || text.length() > 50) {
            errors.add(new FieldError("name", "calendar.name.required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int updated = jdbc.sql("update bf_calendar_day set kind = ?, name = ?, updated_at = ?, updated_by = ? where calendar_date = ?")
                .params(kind.name(), text, now, user.getUsername(), day).update();
        if (updated == 0) {
            jdbc.sql("insert into bf_calendar_day (calendar_date, kind, name, updated_at, updated_by) values (?, ?, ?, ?, ?)")
                    .params(day, kind.name(), text, now, user.getUsername()).update();
        }
        reloadAfterCommit();
        events.publishEvent(new CalendarYearEntered(day.getYear()));
        auditLog.record(user.getUsername(), AuditAction.CALENDAR_CHANGED, day.toString(), null, Outcome.SUCCESS,
                AuditText.of("audit.detail.calendarDay", AuditText.label("calendar.kind." + kind.name()),
                        text == null ? "" : text));
        return new CalendarDay(day, kind, text, now, user.getUsername());
    }

    /** Makes a day ordinary again (administrators). */
    @Transactional
    public void clear(LocalDate day) {
        SignedInUser user = CurrentUser.requireRole(Role.ADMIN);
        if (jdbc.sql("delete from bf_calendar_day where calendar_date = ?").param(day).update() > 0) {
            reloadAfterCommit();
            auditLog.record(user.getUsername(), AuditAction.CALENDAR_CHANGED, day.toString(), null, Outcome.SUCCESS,
                    AuditText.of("audit.detail.calendarCleared"));
        }
    }

    /** Counts read the change once it is committed (before, another thread could cache the old days again). */
    void reloadAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                exceptions = null;
            }
        });
    }

    private Map<LocalDate, Kind> exceptions() {
        Map<LocalDate, Kind> current = exceptions;
        if (current == null) {
            Map<LocalDate, Kind> loaded = new ConcurrentHashMap<>();
            jdbc.sql("select calendar_date, kind from bf_calendar_day")
                    .query(rs -> {
                        loaded.put(rs.getObject(1, LocalDate.class), Kind.valueOf(rs.getString(2)));
                    });
            exceptions = current = loaded;
        }
        return current;
    }
}
