package org.bangfu.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.bangfu.calendar.CalendarDay.Kind;
import org.bangfu.shared.BureauTime;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.bangfu.testsupport.RunAs;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Working days on the 2026 calendar as seeded: holidays, make-up working days (调休), and edits. */
@SpringBootTest
class WorkingDaysTest {

    @Autowired
    WorkingDays workingDays;

    @Autowired
    UserDetailsService users;

    @Autowired
    ProcessEngine engine;

    @Autowired
    WorkingDayDeadlines deadlines;

    RunAs as;

    @BeforeEach
    void signIn() {
        as = new RunAs(users);
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            // an ordinary week: Monday + 5 = next Monday
            "2026-11-23, 5, 2026-11-30",
            // over National Day: 10-01..07 off, 10-10 (Saturday) a make-up working day
            "2026-09-30, 1, 2026-10-08",
            "2026-09-30, 3, 2026-10-10",
            "2026-09-30, 5, 2026-10-13",
            // a make-up Sunday before it: 09-20 works
            "2026-09-19, 1, 2026-09-20",
            // Spring Festival: 02-14 (Saturday) works, 02-15..23 off
            "2026-02-13, 1, 2026-02-14",
            "2026-02-13, 2, 2026-02-24",
            // Labour Day: 05-01..05 off, 05-09 (Saturday) works
            "2026-04-30, 5, 2026-05-11",
            "2026-11-28, 0, 2026-11-28" })
    void countsWorkingDaysAcrossHolidaysAndMakeUpDays(LocalDate start, int days, LocalDate expected) {
        assertThat(workingDays.plus(start, days)).isEqualTo(expected);
        assertThat(workingDays.between(start, expected)).isEqualTo(days);
    }

    @Test
    void holidaysAndMakeUpDaysOverrideTheWeek() {
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 10, 1))).as("Thursday, National Day").isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 10, 10))).as("Saturday, make-up day").isTrue();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 11, 28))).as("an ordinary Saturday").isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 11, 27))).as("an ordinary Friday").isTrue();
        assertThat(as.call("district", () -> workingDays.year(2026))).hasSize(39)
                .filteredOn(d -> d.kind() == Kind.WORKDAY).hasSize(6);
    }

    @Test
    void anAdministratorsChangeCountsAtOnceAndOthersCannotChangeIt() {
        LocalDate christmasEve = LocalDate.of(2026, 12, 24);
        assertThat(workingDays.plus(LocalDate.of(2026, 12, 23), 1)).isEqualTo(christmasEve);
        as.call("admin", () -> workingDays.set(christmasEve, Kind.HOLIDAY, "测试放假"));
        try {
            assertThat(workingDays.plus(LocalDate.of(2026, 12, 23), 1)).isEqualTo(LocalDate.of(2026, 12, 25));
            assertThat(as.call("admin", () -> workingDays.set(christmasEve, Kind.HOLIDAY, "改名")).name()).isEqualTo("改名");
        } finally {
            as.run("admin", () -> workingDays.clear(christmasEve));
        }
        assertThat(workingDays.plus(LocalDate.of(2026, 12, 23), 1)).isEqualTo(christmasEve);

        assertThatThrownBy(() -> as.call("district", () -> workingDays.set(christmasEve, Kind.HOLIDAY, "x")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as.call("admin", () -> workingDays.set(LocalDate.of(2026, 12, 23), Kind.WORKDAY, " ")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).extracting(FieldError::messageKey)
                        .containsExactly("calendar.workday.weekend", "calendar.name.required"));
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 12, 23))).isTrue();
    }

    @Test
    void aProcessTimerWaitsForTheEndOfTheLastWorkingDay() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("WorkingDayTimerProcess").camundaHistoryTimeToLive(1)
                .startEvent().intermediateCatchEvent("Timer_NoticePeriod")
                .timerWithDate("${workingDayDeadlines.afterToday(5)}").endEvent().done();
        engine.getRepositoryService().createDeployment().addModelInstance("WorkingDayTimerProcess.bpmn", model).deploy();
        String instance = engine.getRuntimeService().startProcessInstanceByKey("WorkingDayTimerProcess").getId();
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
        // in the future, so that the job executor leaves it alone
        assertThat(timer.getDuedate().toInstant()).isEqualTo(workingDays.plus(BureauTime.today(), 5).plusDays(1)
                .atStartOfDay(BureauTime.zone()).toInstant());
        assertThat(deadlines.after("2026-09-30", 5).toInstant())
                .isEqualTo(LocalDate.of(2026, 10, 14).atStartOfDay(BureauTime.zone()).toInstant());
        engine.getRuntimeService().deleteProcessInstance(instance, "test");
    }

    @Test
    void aPeriodOutOfRangeIsRefused() {
        assertThatThrownBy(() -> workingDays.plus(LocalDate.of(2026, 1, 1), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> workingDays.plus(LocalDate.of(2026, 1, 1), 367)).isInstanceOf(IllegalArgumentException.class);
    }
}
