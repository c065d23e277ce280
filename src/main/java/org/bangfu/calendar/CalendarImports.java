package org.bangfu.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bangfu.audit.AuditAction;
import org.bangfu.audit.AuditEntry.Outcome;
import org.bangfu.audit.AuditLog;
import org.bangfu.audit.AuditText;
import org.bangfu.calendar.CalendarDay.Kind;
import org.bangfu.calendar.CalendarImport.DayChange;
import org.bangfu.calendar.CalendarImport.YearChange;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.Role;
import org.bangfu.shared.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the State Council's yearly holiday arrangement from a file (see {@link HolidayFile}) for administrators:
 * first a preview of what it would change, then the import, which replaces all entries of the years the file
 * covers, all lines or none. Typing days in ({@link WorkingDays#set}) stays the other way.
 */
@Service
public class CalendarImports {

    /** The largest file taken: a year's arrangement is some 40 lines. */
    public static final int MAX_BYTES = 256 * 1024;

    private final JdbcClient jdbc;
    private final WorkingDays workingDays;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CalendarImports(JdbcClient jdbc, WorkingDays workingDays, AuditLog auditLog, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.workingDays = workingDays;
        this.auditLog = auditLog;
        this.events = events;
        this.clock = clock;
    }

    /** What importing {@code content} would change, or its problems by line; changes nothing. */
    @Transactional(readOnly = true)
    public CalendarImport preview(byte[] content) {
        CurrentUser.requireRole(Role.ADMIN);
        HolidayFile file = read(content);
        return report(file);
    }

    /**
     * Replaces the entries of the years {@code content} covers with its days. {@code basis}, when given, is the
     * preview's: the import is refused ({@link StaleCalendar}) when those years changed since. A file with a
     * problem is refused ({@link CalendarImportRefused}); either way nothing changes.
     */
    @Transactional
    public CalendarImport apply(byte[] content, String basis) {
        SignedInUser user = CurrentUser.requireRole(Role.ADMIN);
        HolidayFile file = read(content);
        if (!file.problems().isEmpty()) {
            throw new CalendarImportRefused(report(file));
        }
        List<Integer> years = years(file);
        // holds the rows of those years until the import commits, so that a concurrent edit waits and is seen
        for (int year : years) {
            jdbc.sql("select calendar_date from bf_calendar_day where calendar_date >= ? and calendar_date <= ? for update")
                    .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).query(LocalDate.class).list();
        }
        CalendarImport before = report(file);
        if (basis != null && !basis.isBlank() && !basis.equals(before.basis())) {
            throw new StaleCalendar();
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (int year : years) {
            jdbc.sql("delete from bf_calendar_day where calendar_date >= ? and calendar_date <= ?")
                    .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).update();
        }
        for (HolidayFile.Line line : file.lines()) {
            jdbc.sql("insert into bf_calendar_day (calendar_date, kind, name, updated_at, updated_by) values (?, ?, ?, ?, ?)")
                    .params(line.day(), line.kind().name(), line.name(), now, user.getUsername()).update();
        }
        workingDays.reloadAfterCommit();
        for (YearChange change : before.years()) {
            auditLog.recordWithChange(user.getUsername(), AuditAction.CALENDAR_IMPORTED, String.valueOf(change.year()),
                    Outcome.SUCCESS, AuditText.of("audit.detail.calendarImported", change.before(), change.after(),
                            change.holidays(), change.workdays(), change.added().size(), change.removed().size(),
                            change.changed().size(), file.charset()));
            events.publishEvent(new CalendarYearEntered(change.year()));
        }
        return new CalendarImport(before.charset(), before.years(), List.of(), before.basis(), true);
    }

    private static HolidayFile read(byte[] content) {
        if (content == null || content.length == 0) {
            return new HolidayFile(null, List.of(), List.of(new CalendarImport.Problem(0, "calendar.import.empty")));
        }
        if (content.length > MAX_BYTES) {
            return new HolidayFile(null, List.of(),
                    List.of(new CalendarImport.Problem(0, "calendar.import.tooLarge", MAX_BYTES / 1024)));
        }
        return HolidayFile.read(content);
    }

    private static List<Integer> years(HolidayFile file) {
        return file.lines().stream().map(l -> l.day().getYear()).distinct().sorted().toList();
    }

    private CalendarImport report(HolidayFile file) {
        if (!file.problems().isEmpty()) {
            return new CalendarImport(file.charset(), List.of(), file.problems(), null, false);
        }
        List<YearChange> changes = new ArrayList<>();
        StringBuilder state = new StringBuilder();
        Map<Integer, List<HolidayFile.Line>> byYear = file.lines().stream()
                .collect(Collectors.groupingBy(l -> l.day().getYear(), TreeMap::new, Collectors.toList()));
        byYear.forEach((year, lines) -> {
            Map<LocalDate, CalendarDay> now = workingDays.year(year).stream()
                    .collect(Collectors.toMap(CalendarDay::day, Function.identity(), (a, b) -> a, TreeMap::new));
            now.values().forEach(d -> state.append(d.day()).append(d.kind()).append(d.name()).append('\n'));
            state.append(year).append('|');
            Map<LocalDate, CalendarDay> next = lines.stream()
                    .map(l -> new CalendarDay(l.day(), l.kind(), l.name(), null, null))
                    .collect(Collectors.toMap(CalendarDay::day, Function.identity(), (a, b) -> a, TreeMap::new));
            List<CalendarDay> added = next.values().stream().filter(d -> !now.containsKey(d.day())).toList();
            List<CalendarDay> removed = now.values().stream().filter(d -> !next.containsKey(d.day())).toList();
            List<DayChange> changed = next.values().stream()
                    .filter(d -> now.containsKey(d.day()) && (now.get(d.day()).kind() != d.kind()
                            || !now.get(d.day()).name().equals(d.name())))
                    .map(d -> new DayChange(now.get(d.day()), d)).toList();
            int holidays = (int) next.values().stream().filter(d -> d.kind() == Kind.HOLIDAY).count();
            changes.add(new YearChange(year, now.size(), next.size(), holidays, next.size() - holidays, added, removed,
                    changed));
        });
        return new CalendarImport(file.charset(), changes, List.of(), digest(state.toString()), false);
    }

    private static String digest(String state) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
