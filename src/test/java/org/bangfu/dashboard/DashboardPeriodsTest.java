package org.bangfu.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bangfu.household.Attribute;
import org.bangfu.household.HouseholdChanged;
import org.bangfu.household.HouseholdFacts;
import org.bangfu.household.HouseholdStage;
import org.bangfu.household.HouseholdStageChanged;
import org.bangfu.pairing.StepClosed;
import org.bangfu.pairing.StepOpened;
import org.bangfu.testsupport.RunAs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the read model keeps for speed gives the figures it gave before: a period's stage flows and milestones, read
 * from whole months and the days around them, equal the sums of its days; a household's waiting steps, counted by
 * due day, move with the household and leave no row behind once closed. The events are published as the modules
 * publish them, for households and days the demo does not have.
 */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
class DashboardPeriodsTest {

    private static final String PROCESS = "PeriodsTestProcess";

    @Autowired
    Dashboard dashboard;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    Clock clock;

    @Test
    void stageFlowsAndMilestonesOfAnyPeriodEqualTheSumsOfItsDays() {
        LocalDate today = LocalDate.now(clock);
        long s01 = id("bf_street", "S01");
        long s02 = id("bf_street", "S02");
        long t01 = id("bf_team", "T01");
        HouseholdStage[][] moves = { { HouseholdStage.IDENTIFICATION, HouseholdStage.HOME_CHECK },
                { HouseholdStage.FILING, HouseholdStage.TEAM_ASSIGNMENT },
                { HouseholdStage.PLANNING, HouseholdStage.PAIRED }, { HouseholdStage.PAIRED, HouseholdStage.EXITED } };
        List<LocalDate> days = new ArrayList<>();
        for (int k = 0; k < 70; k++) {
            days.add(today.minusDays(6L * k + k % 5));
        }
        // the edges of a month
        days.add(today.minusMonths(2).withDayOfMonth(1));
        days.add(today.minusMonths(2).withDayOfMonth(1).plusMonths(1).minusDays(1));
        tx.executeWithoutResult(status -> {
            for (int k = 0; k < days.size(); k++) {
                HouseholdStage[] move = moves[k % moves.length];
                Instant at = days.get(k).atTime(9 + k % 12, 30).atZone(clock.getZone()).toInstant();
                events.publishEvent(new HouseholdStageChanged(900_000 + k, k % 2 == 0 ? s01 : s02, k % 3 == 0 ? t01 : null,
                        move[0], move[1], at));
            }
        });

        LocalDate twoMonthsAgo = today.minusMonths(2).withDayOfMonth(1);
        List<DashboardFilter> filters = List.of(DashboardFilter.thisYear(today),
                new DashboardFilter(today.minusMonths(5).withDayOfMonth(10), today.minusMonths(1).withDayOfMonth(20),
                        null, null),
                new DashboardFilter(twoMonthsAgo, twoMonthsAgo.plusMonths(1).minusDays(1), null, null),
                new DashboardFilter(twoMonthsAgo, twoMonthsAgo, s01, null),
                new DashboardFilter(today.minusMonths(3).withDayOfMonth(3), today.minusMonths(3).withDayOfMonth(25), null,
                        t01),
                new DashboardFilter(today.minusMonths(14), today, s02, null),
                new DashboardFilter(today.minusMonths(14).withDayOfMonth(1), today, s01, t01));
        for (DashboardFilter filter : filters) {
            Overview overview = new RunAs(users).call("district", () -> dashboard.overview(filter));
            Map<String, List<Long>> flows = new TreeMap<>();
            overview.stages().stream().filter(s -> s.entered() + s.departed() > 0)
                    .forEach(s -> flows.put(s.stage().name(), List.of(s.entered(), s.departed())));
            Map<YearMonth, List<Long>> milestones = new TreeMap<>();
            overview.trends().stream().filter(t -> t.casesStarted() + t.filed() + t.paired() + t.exited() > 0)
                    .forEach(t -> milestones.put(t.month(), List.of(t.casesStarted(), t.filed(), t.paired(), t.exited())));

            assertThat(flows).as("flows " + filter).isEqualTo(flowsByDays(filter));
            assertThat(milestones).as("milestones " + filter).isEqualTo(milestonesByDays(filter));
            assertThat(overview.fieldWork().exitsCompleted()).as("exits " + filter)
                    .isEqualTo(milestones.values().stream().mapToLong(m -> m.get(3)).sum());
        }
        // whole months and days around them were read
        assertThat(milestonesByDays(filters.get(1))).hasSizeGreaterThan(2);
        assertThat(flowsByDays(filters.get(2))).isNotEmpty();
        assertThat(jdbc.sql("""
                select count(*) from bf_dash_flow_month m
                 where m.entered <> (select coalesce(sum(d.entered), 0) from bf_dash_flow d
                                      where date_trunc('month', d.flow_day) = m.flow_month and d.street_id = m.street_id
                                        and d.team_id = m.team_id and d.stage = m.stage)""")
                .query(Long.class).single()).as("months that are not the sums of their days").isZero();
    }

    @Test
    void aHouseholdsWaitingStepsMoveWithItAndLeaveNoRowOnceClosed() {
        LocalDate today = LocalDate.now(clock);
        long s01 = id("bf_street", "S01");
        long s02 = id("bf_street", "S02");
        long t01 = id("bf_team", "T01");
        long t03 = id("bf_team", "T03");
        long household = 910_001;
        Instant now = clock.instant();
        tx.executeWithoutResult(status -> {
            events.publishEvent(new HouseholdChanged(facts(household, s01, t01), now));
            events.publishEvent(new StepOpened("periods-1", PROCESS, "Task_Check", household,
                    now.minusSeconds(3 * 86_400), today.minusDays(1)));
            events.publishEvent(new StepOpened("periods-2", PROCESS, "Task_Check", household, now.minusSeconds(3_600),
                    today.plusDays(5)));
        });
        assertThat(steps(s01)).containsExactly(List.of(2L, 1L));
        assertThat(waitingRows()).isEqualTo(2);

        tx.executeWithoutResult(status -> events.publishEvent(new HouseholdChanged(facts(household, s02, t03), now)));
        assertThat(steps(s01)).isEmpty();
        assertThat(steps(s02)).containsExactly(List.of(2L, 1L));
        assertThat(waitingRows()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from bf_dash_step_count where process_key = ? and team_id = ?")
                .params(PROCESS, t03).query(Long.class).single()).isEqualTo(2);

        tx.executeWithoutResult(status -> {
            events.publishEvent(new StepClosed("periods-1"));
            events.publishEvent(new StepClosed("periods-2"));
        });
        assertThat(steps(s02)).isEmpty();
        assertThat(waitingRows()).isZero();
    }

    private static HouseholdFacts facts(long household, long street, long team) {
        return new HouseholdFacts(household, "周测试", street, team, HouseholdStage.HOME_CHECK, Attribute.GENERAL, "ILLNESS");
    }

    /** This test's step as the street's overview shows it: waiting and past due. */
    private List<List<Long>> steps(long street) {
        DashboardFilter filter = DashboardFilter.thisYear(LocalDate.now(clock)).scopedTo(street, null);
        return new RunAs(users).call("district", () -> dashboard.overview(filter)).overdue().steps().stream()
                .filter(s -> s.processKey().equals(PROCESS)).map(s -> List.of(s.waiting(), s.overdue())).toList();
    }

    private long waitingRows() {
        return jdbc.sql("select count(*) from bf_dash_step_count where process_key = ?").param(PROCESS)
                .query(Long.class).single();
    }

    private Map<String, List<Long>> flowsByDays(DashboardFilter f) {
        Map<String, List<Long>> flows = new TreeMap<>();
        jdbc.sql("select stage, sum(entered), sum(departed) from bf_dash_flow where flow_day between ? and ?"
                + place(f) + " group by stage having sum(entered) + sum(departed) > 0").params(params(f))
                .query((rs, n) -> flows.put(rs.getString(1), List.of(rs.getLong(2), rs.getLong(3)))).list();
        return flows;
    }

    private Map<YearMonth, List<Long>> milestonesByDays(DashboardFilter f) {
        Map<YearMonth, long[]> sums = new TreeMap<>();
        List<String> shown = List.of(Milestone.CASE_STARTED.name(), Milestone.FILED.name(), Milestone.PAIRED.name(),
                Milestone.EXITED.name());
        jdbc.sql("select milestone_day, milestone, households from bf_dash_milestone where milestone_day between ? and ?"
                + place(f)).params(params(f))
                .query((rs, n) -> {
                    int column = shown.indexOf(rs.getString(2));
                    if (column >= 0) {
                        sums.computeIfAbsent(YearMonth.from(rs.getObject(1, LocalDate.class)), k -> new long[4])[column] +=
                                rs.getLong(3);
                    }
                    return null;
                }).list();
        Map<YearMonth, List<Long>> months = new TreeMap<>();
        sums.forEach((month, s) -> {
            if (s[0] + s[1] + s[2] + s[3] > 0) {
                months.put(month, List.of(s[0], s[1], s[2], s[3]));
            }
        });
        return months;
    }

    private static String place(DashboardFilter f) {
        return (f.streetId() == null ? "" : " and street_id = ?") + (f.teamId() == null ? "" : " and team_id = ?");
    }

    private static List<Object> params(DashboardFilter f) {
        List<Object> params = new ArrayList<>(List.of(f.from(), f.to()));
        if (f.streetId() != null) {
            params.add(f.streetId());
        }
        if (f.teamId() != null) {
            params.add(f.teamId());
        }
        return params;
    }

    private long id(String table, String code) {
        return jdbc.sql("select id from " + table + " where code = ?").param(code).query(Long.class).single();
    }
}
