package org.bangfu.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

import org.bangfu.calendar.CalendarDay.Kind;
import org.bangfu.calendar.CalendarImport.YearChange;
import org.bangfu.household.Households;
import org.bangfu.organisation.UserAccounts;
import org.bangfu.pairing.Notification;
import org.bangfu.pairing.Notifications;
import org.bangfu.pairing.Pairing;
import org.bangfu.pairing.PairingCase;
import org.bangfu.pairing.PairingFixture;
import org.bangfu.pairing.PairingTasks;
import org.bangfu.pairing.PairingVariables;
import org.bangfu.pairing.TaskDetail;
import org.bangfu.shared.Role;
import org.bangfu.testsupport.ApiClient;
import org.bangfu.testsupport.Multipart;
import org.bangfu.testsupport.MutableClock;
import org.bangfu.testsupport.MutableClockConfig;
import org.bangfu.testsupport.RunAs;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The holiday calendar a bureau keeps itself: the State Council's arrangement imported from a file (all lines or
 * none, replacing the years it covers), the reminder from 1 November while next year is missing, and tasks whose
 * due dates were counted across a year without entries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
@Import(MutableClockConfig.class)
class HolidayCalendarTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    CalendarImports imports;

    @Autowired
    CalendarReminders reminders;

    @Autowired
    Notifications notifications;

    @Autowired
    UserAccounts accounts;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    ObjectMapper json;

    @Autowired
    Households households;

    @Autowired
    Pairing pairing;

    @Autowired
    PairingTasks tasks;

    @Autowired
    ManagementService management;

    @Autowired
    MessageSource messages;

    RunAs as;
    ApiClient api;

    @BeforeEach
    void setUp() {
        as = new RunAs(users);
        api = new ApiClient(port);
    }

    @AfterEach
    void resetEngineClock() {
        PairingFixture.resetClock();
    }

    /** Puts the application's clock at a moment of Bangfu's day. */
    void at(LocalDateTime shanghai) {
        clock.advance(Duration.between(clock.instant(), shanghai.atZone(SHANGHAI).toInstant()));
    }

    static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] official2026() throws IOException {
        try (InputStream in = HolidayCalendarTest.class.getResourceAsStream("/calendar/cn-public-holidays-2026.csv")) {
            return in.readAllBytes();
        }
    }

    CalendarImport importAs(String user, byte[] file) {
        return as.call(user, () -> imports.apply(file, null));
    }

    List<CalendarDay> year(int year) {
        return as.call("district", () -> workingDays.year(year));
    }

    HttpResponse<String> upload(String user, String query, byte[] file) {
        return api.send(user, "POST", "/api/calendar/import" + query, Multipart.CONTENT_TYPE,
                Multipart.body("holidays.csv", file, Map.of()), null);
    }

    @Nested
    class Importing {

        @Test
        void theOfficialFileOf2026ReplacesTheSeededYearAndIsAudited() throws IOException {
            List<CalendarDay> before = year(2026);
            CalendarImport preview = as.call("admin", () -> imports.preview(official2026()));
            assertThat(preview.valid()).as(preview.problems().toString()).isTrue();
            assertThat(preview.charset()).isEqualTo("UTF-8");
            YearChange change = preview.years().get(0);
            assertThat(preview.years()).hasSize(1);
            assertThat(change.year()).isEqualTo(2026);
            assertThat(change.before()).isEqualTo(39);
            assertThat(change.after()).isEqualTo(39);
            assertThat(change.holidays()).isEqualTo(33);
            assertThat(change.workdays()).isEqualTo(6);
            // the seed calls the make-up days 元旦调休上班, the file 元旦调休: the same days, renamed
            assertThat(change.added()).isEmpty();
            assertThat(change.removed()).isEmpty();
            assertThat(change.changed()).hasSize(6)
                    .allSatisfy(c -> assertThat(c.after().kind()).isEqualTo(Kind.WORKDAY));
            assertThat(year(2026)).as("a preview changes nothing").isEqualTo(before);

            CalendarImport done = importAs("admin", official2026());
            assertThat(done.applied()).isTrue();
            assertThat(year(2026)).hasSize(39).extracting(CalendarDay::name).contains("元旦调休", "国庆节")
                    .doesNotContain("元旦调休上班");
            assertThat(year(2026)).allSatisfy(d -> assertThat(d.updatedBy()).isEqualTo("admin"));
            assertThat(workingDays.plus(LocalDate.of(2026, 9, 30), 3)).isEqualTo(LocalDate.of(2026, 10, 10));
            assertThat(jdbc.sql("select count(*) from bf_audit_log where action = 'CALENDAR_IMPORTED' and target = '2026'"
                    + " and actor = 'admin'").query(Integer.class).single()).isEqualTo(1);
        }

        @Test
        void aFileWithProblemsChangesNothingAndNamesEveryBadLine() {
            byte[] bad = csv("""
                    # 2029 arrangement, typed by hand
                    date,kind,name
                    2029-01-01,holiday,元旦
                    2029-02-30,holiday,春节
                    2029-02-10,vacation,春节
                    2029-01-08,workday,调休
                    2029-01-01,holiday,元旦
                    2029-05-01,holiday,
                    """);
            CalendarImport preview = as.call("admin", () -> imports.preview(bad));
            assertThat(preview.problems()).extracting(CalendarImport.Problem::line, CalendarImport.Problem::messageKey)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(4, "calendar.import.badDate"),
                            org.assertj.core.groups.Tuple.tuple(5, "calendar.import.badKind"),
                            org.assertj.core.groups.Tuple.tuple(6, "calendar.import.workdayOnWeekday"),
                            org.assertj.core.groups.Tuple.tuple(7, "calendar.import.duplicate"),
                            org.assertj.core.groups.Tuple.tuple(8, "calendar.import.badName"));
            assertThatThrownBy(() -> importAs("admin", bad)).isInstanceOf(CalendarImportRefused.class);
            assertThat(year(2029)).isEmpty();

            HttpResponse<String> answer = upload("admin", "", bad);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
            assertThat(answer.body()).contains("\"line\":4", "日期“2029-02-30”无效", "类型“vacation”无效",
                    "2029-01-08 不是周六或周日", "与第 3 行重复", "未导入任何内容");
            assertThat(year(2029)).isEmpty();
        }

        @Test
        void reImportingAYearReplacesAllItsEntries() {
            importAs("admin", csv("""
                    date,kind,name
                    2030-01-01,holiday,元旦
                    2030-02-02,holiday,春节
                    2030-02-09,workday,春节调休
                    """));
            assertThat(year(2030)).extracting(CalendarDay::day).containsExactly(LocalDate.of(2030, 1, 1),
                    LocalDate.of(2030, 2, 2), LocalDate.of(2030, 2, 9));
            byte[] corrected = csv("""
                    date,kind,name
                    2030-01-01,holiday,元旦节
                    2030-02-04,holiday,春节
                    """);
            YearChange change = as.call("admin", () -> imports.preview(corrected)).years().get(0);
            assertThat(change.added()).extracting(CalendarDay::day).containsExactly(LocalDate.of(2030, 2, 4));
            assertThat(change.removed()).extracting(CalendarDay::day).containsExactly(LocalDate.of(2030, 2, 2),
                    LocalDate.of(2030, 2, 9));
            assertThat(change.changed()).extracting(c -> c.after().name()).containsExactly("元旦节");
            importAs("admin", corrected);
            assertThat(year(2030)).extracting(CalendarDay::day, CalendarDay::name).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(LocalDate.of(2030, 1, 1), "元旦节"),
                    org.assertj.core.groups.Tuple.tuple(LocalDate.of(2030, 2, 4), "春节"));
            assertThat(workingDays.isWorkingDay(LocalDate.of(2030, 2, 9))).as("the old make-up Saturday").isFalse();
        }

        @Test
        void gbkAsExcelSavesItAndAByteOrderMarkAreBothRead() {
            String text = "# 说明\r\n日期,类型,名称\r\n2031/1/1,放假,元旦\r\n2031/1/4,上班,元旦调休\r\n";
            CalendarImport gbk = importAs("admin", text.getBytes(Charset.forName("GBK")));
            assertThat(gbk.charset()).isEqualTo("GBK");
            assertThat(year(2031)).extracting(CalendarDay::name).containsExactly("元旦", "元旦调休");
            byte[] bom = ("\uFEFF# comment\ndate,kind,name\n2031-01-01,holiday,元旦\n").getBytes(StandardCharsets.UTF_8);
            assertThat(importAs("admin", bom).charset()).isEqualTo("UTF-8");
            assertThat(year(2031)).extracting(CalendarDay::name).containsExactly("元旦");
        }

        @Test
        void aChangeAfterThePreviewStopsTheImport() {
            byte[] file = csv("date,kind,name\n2032-01-01,holiday,元旦\n");
            CalendarImport preview = as.call("admin", () -> imports.preview(file));
            as.call("admin", () -> workingDays.set(LocalDate.of(2032, 2, 11), Kind.HOLIDAY, "春节"));
            assertThatThrownBy(() -> as.call("admin", () -> imports.apply(file, preview.basis())))
                    .isInstanceOf(StaleCalendar.class);
            assertThat(year(2032)).extracting(CalendarDay::name).containsExactly("春节");
            CalendarImport again = as.call("admin", () -> imports.preview(file));
            as.call("admin", () -> imports.apply(file, again.basis()));
            assertThat(year(2032)).extracting(CalendarDay::name).containsExactly("元旦");
        }

        @Test
        void onlyAdministratorsImportAndTheApiPreviewsWithoutChanging() throws Exception {
            byte[] file = csv("date,kind,name\n2033-01-01,holiday,元旦\n");
            assertThatThrownBy(() -> as.call("district", () -> imports.preview(file)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(upload("district", "", file).statusCode()).isEqualTo(403);

            HttpResponse<String> preview = upload("admin", "?preview=true", file);
            assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
            JsonNode body = json.readTree(preview.body());
            assertThat(body.get("applied").asBoolean()).isFalse();
            assertThat(body.at("/years/0/year").asInt()).isEqualTo(2033);
            assertThat(body.at("/years/0/added/0/name").asText()).isEqualTo("元旦");
            assertThat(year(2033)).isEmpty();

            HttpResponse<String> applied = upload("admin", "?basis=" + body.get("basis").asText(), file);
            assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
            assertThat(json.readTree(applied.body()).get("applied").asBoolean()).isTrue();
            HttpResponse<String> read = api.get("street01", "/api/calendar?year=2033");
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            assertThat(json.readTree(read.body()).at("/days/0/day").asText()).isEqualTo("2033-01-01");
            assertThat(json.readTree(read.body()).get("entered").asBoolean()).isTrue();
        }
    }

    @Nested
    class Reminding {

        List<Notification> calendarNotifications(String admin, int year) {
            return as.call(admin, () -> notifications.mine(false, 200)).stream()
                    .filter(n -> n.kind() == Notification.Kind.CALENDAR_MISSING
                            && n.dueOn().equals(LocalDate.of(year, 1, 1)))
                    .toList();
        }

        @Test
        void fromTheFirstOfNovemberEachAdministratorIsToldOnceUntilTheYearIsImported() throws Exception {
            int admins = accounts.withRole(Role.ADMIN).size();
            assertThat(admins).isGreaterThanOrEqualTo(2);
            at(LocalDateTime.of(2027, 10, 31, 23, 50));
            assertThat(reminders.missingNextYear()).isEmpty();
            assertThat(reminders.remind()).isZero();
            assertThat(calendarNotifications("admin", 2028)).isEmpty();

            at(LocalDateTime.of(2027, 11, 1, 0, 10));
            assertThat(reminders.missingNextYear()).isEqualTo(OptionalInt.of(2028));
            assertThat(reminders.remind()).isEqualTo(admins);
            assertThat(reminders.remind()).as("the second run the same night").isZero();
            at(LocalDateTime.of(2027, 11, 2, 0, 10));
            assertThat(reminders.remind()).as("the next night").isZero();
            assertThat(calendarNotifications("admin", 2028)).hasSize(1).allSatisfy(n -> assertThat(n.read()).isFalse());
            assertThat(calendarNotifications("admin2", 2028)).hasSize(1);
            assertThat(as.call("admin", () -> notifications.unreadCount())).isPositive();
            HttpResponse<String> status = api.get("admin", "/api/calendar?year=2027");
            assertThat(json.readTree(status.body()).get("nextYearMissing").asInt()).isEqualTo(2028);

            importAs("admin", csv("date,kind,name\n2028-01-01,holiday,元旦\n"));
            assertThat(reminders.missingNextYear()).isEmpty();
            assertThat(calendarNotifications("admin", 2028)).allSatisfy(n -> assertThat(n.read()).isTrue());
            assertThat(json.readTree(api.get("admin", "/api/calendar?year=2027").body()).get("nextYearMissing").isNull())
                    .isTrue();
        }
    }

    @Nested
    class FlaggingTasks {

        PairingFixture fx;

        @BeforeEach
        void fixture() {
            fx = new PairingFixture(as, jdbc, households, pairing, tasks, management);
        }

        TaskDetail detail(String taskId) {
            return as.call("district", () -> tasks.find(taskId)).orElseThrow();
        }

        @Test
        void aDueDateOrNoticeCountedIntoAYearWithoutEntriesIsFlaggedUntilTheYearIsImported() throws Exception {
            // the test's years: 2034 has entries, 2035 none
            importAs("admin", csv("date,kind,name\n2034-10-01,holiday,国庆节\n"));
            at(LocalDateTime.of(2034, 12, 4, 10, 0));
            PairingCase early = fx.start(fx.family());
            String earlyTask = fx.task(early).id();
            assertThat(detail(earlyTask).task().calendarMissing()).as("due 2034-12-18").isEmpty();

            at(LocalDateTime.of(2034, 12, 25, 10, 0));
            PairingCase late = fx.start(fx.family());
            String lateTask = fx.task(late).id();
            assertThat(detail(lateTask).task().dueOn()).isAfter(LocalDate.of(2034, 12, 31));
            assertThat(detail(lateTask).task().calendarMissing()).containsExactly(2035);
            long household = detail(lateTask).task().householdId();
            assertThat(as.call("district", () -> tasks.ofHousehold(household)))
                    .allSatisfy(row -> assertThat(row.calendarMissing()).containsExactly(2035));
            HttpResponse<String> answer = api.get("district", "/api/tasks/" + lateTask);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(json.readTree(answer.body()).at("/task/calendarMissing/0").asInt()).isEqualTo(2035);
            assertThat(messages.getMessage("task.calendarMissing", new Object[] { "2035" }, Locale.SIMPLIFIED_CHINESE))
                    .isEqualTo("2035年节假日安排尚未录入，期限可能不准");

            // a notice to be posted on 28 December runs five working days: into 2035
            at(LocalDateTime.of(2034, 12, 28, 9, 0));
            PairingCase noticed = fx.start(fx.family());
            fx.walkTo(noticed, PairingVariables.POST_NOTICE);
            String postTask = fx.task(noticed).id();
            TaskDetail posting = detail(postTask);
            assertThat(posting.context()).containsKey("notice");
            assertThat(posting.task().calendarMissing()).containsExactly(2035);

            importAs("admin", csv("date,kind,name\n2035-01-01,holiday,元旦\n"));
            assertThat(detail(lateTask).task().calendarMissing()).isEmpty();
            assertThat(detail(postTask).task().calendarMissing()).isEmpty();
            assertThat(json.readTree(api.get("district", "/api/tasks/" + lateTask).body()).at("/task/calendarMissing")
                    .size()).isZero();
        }
    }
}
