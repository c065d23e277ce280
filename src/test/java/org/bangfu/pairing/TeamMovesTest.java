package org.bangfu.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.bangfu.shared.BureauTime;
import org.bangfu.dashboard.Dashboard;
import org.bangfu.dashboard.Overview;
import org.bangfu.funds.FundBudgets;
import org.bangfu.funds.FundLedger.Balance;
import org.bangfu.funds.FundLedger;
import org.bangfu.funds.FundPayments;
import org.bangfu.funds.FundReleases;
import org.bangfu.funds.FundVariables;
import org.bangfu.funds.FundsFixture;
import org.bangfu.handbook.DueVisits;
import org.bangfu.handbook.Reviews;
import org.bangfu.household.Attribute;
import org.bangfu.household.HouseholdChange;
import org.bangfu.household.HouseholdDraft;
import org.bangfu.household.Households;
import org.bangfu.household.StaleHousehold;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Money;
import org.bangfu.testsupport.ApiClient;
import org.bangfu.testsupport.RunAs;
import org.bangfu.testsupport.TestNames;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Moving a paired household to another team (调整帮扶小组): its open task, its next review, its money and the
 * dashboard's figures follow it at once; the history names both teams; what the district may not do is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
class TeamMovesTest {

    static final int YEAR = FundsFixture.YEAR;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Households households;

    @Autowired
    FundBudgets budgets;

    @Autowired
    FundReleases releases;

    @Autowired
    FundPayments payments;

    @Autowired
    FundLedger ledger;

    @Autowired
    PairingTasks tasks;

    @Autowired
    TeamMoves moves;

    @Autowired
    org.bangfu.organisation.Organisation organisation;

    @Autowired
    Reviews reviews;

    @Autowired
    DueVisits dueVisits;

    @Autowired
    Dashboard dashboard;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService taskService;

    @Autowired
    UserDetailsService users;

    RunAs as;
    FundsFixture fx;
    long teamA;
    long teamB;
    String teamAName;
    String teamBName;

    @BeforeEach
    void setUp() {
        as = new RunAs(users);
        fx = new FundsFixture(as, jdbc, households, budgets, releases, tasks, payments, management);
        teamA = teamOf("team01");
        teamB = teamOf("team02");
        teamAName = teamName(teamA);
        teamBName = teamName(teamB);
    }

    long teamOf(String user) {
        return jdbc.sql("select team_id from bf_user_account where username = ?").param(user).query(Long.class).single();
    }

    String teamName(long team) {
        return jdbc.sql("select name from bf_team where id = ?").param(team).query(String.class).single();
    }

    static LocalDate today() {
        return LocalDate.now(BureauTime.zone());
    }

    /** A household of team01's team, paired, with 10,000 yuan arranged and its periodic review running. */
    long pairedHousehold() {
        long id = fx.pairedHousehold(10_000);
        as.run("district", () -> households.paired(id));
        long caseId = jdbc.sql("select max(id) from bf_pairing_case where household_id = ?").param(id)
                .query(Long.class).single();
        as.run("district", () -> reviews.start(id, caseId, teamA));
        return id;
    }

    TeamMove move(long household, long team) {
        return as.call("district", () -> moves.move(household, team, "原帮扶小组人员调整，改由就近小组帮扶", today(), null));
    }

    String reviewOf(long household) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("PeriodicReviewProcess")
                .processInstanceBusinessKey(Households.fileNo(household)).singleResult().getId();
    }

    List<String> groupsOf(String taskId) {
        return taskService.getIdentityLinksForTask(taskId).stream().map(IdentityLink::getGroupId)
                .filter(g -> g != null).toList();
    }

    boolean inGroupList(String who, String taskId) {
        return as.call(who, () -> tasks.list(new TaskFilter(TaskFilter.View.GROUP, null, null, null, null, null, null),
                null, 0, 500)).stream().anyMatch(t -> t.taskId().equals(taskId));
    }

    int notified(String taskId, String group) {
        return jdbc.sql("select count(*) from bf_notification where task_id = ? and recipient = ?")
                .params(taskId, group).query(Integer.class).single();
    }

    Balance teamBalance(long team) {
        return as.call("district", () -> ledger.teams(YEAR)).stream().filter(t -> t.teamId() != null && t.teamId() == team)
                .findFirst().map(FundLedger.TeamBalance::balance)
                .orElse(new Balance(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO));
    }

    long dashboardHouseholds(long team) {
        Overview overview = as.call("district", () -> dashboard.overview(dashboard.defaultFilter()));
        return overview.byTeam().rows().stream().filter(r -> r.id() != null && r.id() == team).findFirst()
                .map(Overview.StageRow::total).orElse(0L);
    }

    Money dashboardArranged(long team) {
        Overview overview = as.call("district", () -> dashboard.overview(dashboard.defaultFilter()));
        return overview.funds().teams().stream().filter(t -> t.id() != null && t.id() == team).findFirst()
                .map(t -> t.money().arranged()).orElse(Money.ZERO);
    }

    static Money plus(Money a, long yuan) {
        return Money.ofFen(a.fen() + yuan * 100);
    }

    @Nested
    class WhatFollowsTheHousehold {

        @Test
        void itsOpenTaskGoesToTheNewTeamUnclaimedAndTheOldTeamNoLongerSeesIt() {
            long household = pairedHousehold();
            String release = fx.start(household);
            fx.request(release, "1000");
            FundsFixture.OpenTask approval = fx.task(release);
            assertThat(approval.key()).isEqualTo(FundVariables.LEADER_APPROVAL);
            as.run("lead01", () -> tasks.claim(approval.id()));

            move(household, teamB);

            assertThat(groupsOf(approval.id())).containsExactly(PairingVariables.teamLeaderGroup(teamB));
            assertThat(taskService.createTaskQuery().taskId(approval.id()).singleResult().getAssignee()).isNull();
            assertThat(inGroupList("lead02", approval.id())).isTrue();
            assertThat(inGroupList("lead01", approval.id())).isFalse();
            assertThatThrownBy(() -> as.run("lead01", () -> tasks.claim(approval.id())))
                    .isInstanceOf(PairingNotFound.class);
            assertThat(notified(approval.id(), PairingVariables.teamLeaderGroup(teamB))).isEqualTo(1);
            assertThat(notified(approval.id(), PairingVariables.teamLeaderGroup(teamA))).isZero();
            fx.approve(release, FundVariables.LEADER_APPROVAL, "lead02");
            assertThat(fx.task(release).key()).isNotEqualTo(FundVariables.LEADER_APPROVAL);
        }

        @Test
        void itsNextReviewVisitIsTheNewTeamsAndItsDueVisitsListMovesWithIt() {
            long household = pairedHousehold();
            assertThat(as.call("team01", () -> dueVisits.list(false))).anyMatch(d -> d.householdId() == household);

            move(household, teamB);

            String review = reviewOf(household);
            assertThat(runtime.getVariable(review, PairingVariables.TEAM_ID)).isEqualTo(teamB);
            management.executeJob(management.createJobQuery().processInstanceId(review).timers().singleResult().getId());
            String visit = taskService.createTaskQuery().processInstanceId(review).singleResult().getId();
            assertThat(groupsOf(visit)).containsExactly(PairingVariables.teamGroup(teamB));
            assertThat(inGroupList("team02", visit)).isTrue();
            assertThat(inGroupList("team01", visit)).isFalse();
            assertThat(as.call("team02", () -> dueVisits.list(false))).anyMatch(d -> d.householdId() == household);
            assertThat(as.call("team01", () -> dueVisits.list(false))).noneMatch(d -> d.householdId() == household);
        }

        @Test
        void itsMoneyCountsUnderTheNewTeamAtOnceInTheFundsAndOnTheDashboard() {
            long household = pairedHousehold();
            String release = fx.start(household);
            fx.request(release, "1000");
            Balance aBefore = teamBalance(teamA);
            Balance bBefore = teamBalance(teamB);
            Money dashA = dashboardArranged(teamA);
            Money dashB = dashboardArranged(teamB);
            long householdsA = dashboardHouseholds(teamA);
            long householdsB = dashboardHouseholds(teamB);
            Balance own = as.call("district", () -> ledger.totals(household, YEAR)).balance();

            move(household, teamB);

            assertThat(teamBalance(teamB).arranged()).isEqualTo(plus(bBefore.arranged(), 10_000));
            assertThat(teamBalance(teamB).inApproval()).isEqualTo(plus(bBefore.inApproval(), 1_000));
            assertThat(teamBalance(teamA).arranged()).isEqualTo(plus(aBefore.arranged(), -10_000));
            assertThat(teamBalance(teamA).inApproval()).isEqualTo(plus(aBefore.inApproval(), -1_000));
            assertThat(as.call("district", () -> ledger.totals(household, YEAR)).balance()).isEqualTo(own);
            assertThat(as.call("district", () -> ledger.count(
                    new FundLedger.Filter(YEAR, null, teamB, household, null)))).isEqualTo(2);
            assertThat(as.call("district", () -> ledger.count(
                    new FundLedger.Filter(YEAR, null, teamA, household, null)))).isZero();
            assertThat(as.call("lead02", () -> ledger.totals(household, YEAR)).balance()).isEqualTo(own);
            assertThat(jdbc.sql("select team_id from bf_fund_request where process_instance_id = ?").param(release)
                    .query(Long.class).single()).isEqualTo(teamB);

            assertThat(dashboardArranged(teamB)).isEqualTo(plus(dashB, 10_000));
            assertThat(dashboardArranged(teamA)).isEqualTo(plus(dashA, -10_000));
            assertThat(dashboardHouseholds(teamB)).isEqualTo(householdsB + 1);
            assertThat(dashboardHouseholds(teamA)).isEqualTo(householdsA - 1);

            // rebuilt from the modules' records, the dashboard counts the same
            as.run("district", () -> dashboard.rebuild());
            assertThat(dashboardArranged(teamB)).isEqualTo(plus(dashB, 10_000));
            assertThat(dashboardArranged(teamA)).isEqualTo(plus(dashA, -10_000));
            assertThat(dashboardHouseholds(teamB)).isEqualTo(householdsB + 1);
        }

        @Test
        void theMoveIsRecordedAuditedAndInTheHistoryByTheTeamsNames() {
            long household = pairedHousehold();

            TeamMove move = move(household, teamB);

            assertThat(move.fromTeamName()).isEqualTo(teamAName);
            assertThat(move.toTeamName()).isEqualTo(teamBName);
            assertThat(move.decidedOn()).isEqualTo(today());
            assertThat(move.movedByName()).isNotBlank().isNotEqualTo("district");
            assertThat(as.call("district", () -> households.find(household)).orElseThrow().teamId()).isEqualTo(teamB);
            assertThat(as.call("district", () -> moves.ofHousehold(household))).containsExactly(move);
            HouseholdChange line = as.call("district", () -> households.history(household)).get(0);
            assertThat(line.kind()).isEqualTo(HouseholdChange.Kind.TEAM_MOVED);
            assertThat(line.oldValue()).isEqualTo(teamAName);
            assertThat(line.newValue()).isEqualTo(teamBName);
            assertThat(line.subject()).isEqualTo("原帮扶小组人员调整，改由就近小组帮扶");
            assertThat(jdbc.sql("select count(*) from bf_audit_log where action = 'HOUSEHOLD_TEAM_MOVED' and target = ?")
                    .param(Households.fileNo(household)).query(Integer.class).single()).isEqualTo(1);
        }

        @Test
        void overRestTheMoveAnswers201AndIsListed() {
            long household = pairedHousehold();
            ApiClient api = new ApiClient(port);
            String body = "{\"teamId\":" + teamB + ",\"reason\":\"就近帮扶\",\"date\":\"" + today() + "\"}";

            HttpResponse<String> moved = api.send("district", "POST", "/api/households/" + household + "/team-move",
                    "application/json", body.getBytes(StandardCharsets.UTF_8), null);

            assertThat(moved.statusCode()).isEqualTo(201);
            assertThat(moved.body()).contains("\"toTeamName\":\"" + teamBName + "\"");
            HttpResponse<String> listed = api.get("district", "/api/households/" + household + "/team-moves");
            assertThat(listed.statusCode()).isEqualTo(200);
            assertThat(listed.body()).contains("就近帮扶", teamAName);
        }
    }

    @Nested
    class Refusals {

        List<String> refusal(Runnable move) {
            Throwable refused = org.assertj.core.api.Assertions.catchThrowable(move::run);
            assertThat(refused).isInstanceOf(InvalidInput.class);
            return ((InvalidInput) refused).errors().stream().map(e -> e.field() + ":" + e.messageKey()).toList();
        }

        void unchanged(long household, long team) {
            assertThat(as.call("district", () -> households.find(household)).orElseThrow().teamId()).isEqualTo(team);
            assertThat(jdbc.sql("select count(*) from bf_team_move where household_id = ?").param(household)
                    .query(Integer.class).single()).isZero();
        }

        @Test
        void refusesAHouseholdNoTeamAssists() {
            long street = jdbc.sql("select street_id from bf_team where id = ?").param(teamA).query(Long.class).single();
            long village = jdbc.sql("select min(id) from bf_village where street_id = ?").param(street)
                    .query(Long.class).single();
            long household = as.call("district", () -> households.create(new HouseholdDraft(
                    TestNames.numbered("未结对户", 1), street, village, "未结对路1号", null, null, Attribute.DIBAO,
                    new BigDecimal("40"), "BRICK_CONCRETE", "NONE", null, "ILLNESS", List.of(), null, null))).id();
            assertThat(refusal(() -> as.run("district", () -> moves.move(household, teamB, "原因", today(), null))))
                    .containsExactly("teamId:teamMove.notPaired");
        }

        @Test
        void refusesTheSameTeamAnUnknownTeamABlankReasonAndADateAfterToday() {
            long household = pairedHousehold();
            assertThat(refusal(() -> as.run("district", () -> moves.move(household, teamA, "原因", today(), null))))
                    .containsExactly("teamId:teamMove.team.same");
            assertThat(refusal(() -> as.run("district", () -> moves.move(household, 999_999L, " ", today().plusDays(1),
                    null)))).containsExactly("teamId:teamMove.team.unknown", "reason:teamMove.reason.required",
                            "date:teamMove.date.future");
            unchanged(household, teamA);
        }

        @Test
        void refusesADeactivatedTeamAndOffersItNot() {
            long household = pairedHousehold();
            long street = jdbc.sql("select street_id from bf_team where id = ?").param(teamA).query(Long.class).single();
            org.bangfu.organisation.Team closed = as.call("admin", () -> {
                org.bangfu.organisation.Team created = organisation.createTeam("TM-CLOSED", "已撤并帮扶小组",
                        List.of(street));
                return organisation.deactivateTeam(created.id(), created.version());
            });
            assertThat(refusal(() -> as.run("district", () -> moves.move(household, closed.id(), "原因", today(), null))))
                    .containsExactly("teamId:teamMove.team.unknown");
            assertThat(as.call("district", () -> moves.choices(households.find(household).orElseThrow())))
                    .extracting(org.bangfu.organisation.Team::id).doesNotContain(closed.id(), teamA).contains(teamB);
            unchanged(household, teamA);
        }

        @Test
        void refusesAStaleVersionAndASecondMoveFromTheSameView() {
            long household = pairedHousehold();
            int version = as.call("district", () -> households.find(household)).orElseThrow().version();
            as.run("district", () -> moves.move(household, teamB, "第一次调整", today(), version));
            assertThatThrownBy(() -> as.run("district", () -> moves.move(household, teamA, "第二次调整", today(), version)))
                    .isInstanceOf(StaleHousehold.class);
            assertThat(as.call("district", () -> households.find(household)).orElseThrow().teamId()).isEqualTo(teamB);
            assertThat(as.call("district", () -> moves.ofHousehold(household))).hasSize(1);
        }

        @Test
        void editingTheFileDoesNotChangeTheTeamOfAPairedHousehold() {
            long household = pairedHousehold();
            var file = as.call("district", () -> households.find(household)).orElseThrow();
            HouseholdDraft d = HouseholdDraft.of(file);
            HouseholdDraft otherTeam = new HouseholdDraft(d.headName(), d.streetId(), d.villageId(), d.address(), null,
                    null, d.attribute(), d.housingArea(), d.housingStructure(), d.dilapidation(), d.landArea(),
                    d.mainCause(), d.secondaryCauses(), d.needs(), teamB);
            assertThat(refusal(() -> as.run("district", () -> households.update(household, file.version(), otherTeam))))
                    .containsExactly("teamId:household.team.useMove");
            assertThat(as.call("district", () -> households.find(household)).orElseThrow().teamId()).isEqualTo(teamA);
        }

        @Test
        void onlyTheDistrictMoves() {
            long household = pairedHousehold();
            assertThatThrownBy(() -> as.run("team01", () -> moves.move(household, teamB, "原因", today(), null)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as.run("leader", () -> moves.move(household, teamB, "原因", today(), null)))
                    .isInstanceOf(AccessDeniedException.class);
            unchanged(household, teamA);
        }

        @Test
        void overRestARefusalIsAProblemInTheCallersLanguage() {
            long household = pairedHousehold();
            ApiClient api = new ApiClient(port);
            String path = "/api/households/" + household + "/team-move";
            String future = "{\"teamId\":" + teamB + ",\"reason\":\"原因\",\"date\":\"" + today().plusDays(1) + "\"}";
            HttpResponse<String> zh = api.send("district", "POST", path, "application/json",
                    future.getBytes(StandardCharsets.UTF_8), null);
            assertThat(zh.statusCode()).isEqualTo(400);
            assertThat(zh.body()).contains("决定日期不能晚于今天", "\"field\":\"date\"");
            HttpResponse<String> en = api.send("district", "POST", path, "application/json",
                    future.getBytes(StandardCharsets.UTF_8), "en");
            assertThat(en.body()).contains("cannot be after today");
            String stale = "{\"teamId\":" + teamB + ",\"reason\":\"原因\",\"date\":\"" + today() + "\",\"version\":0}";
            HttpResponse<String> conflict = api.send("district", "POST", path, "application/json",
                    stale.getBytes(StandardCharsets.UTF_8), null);
            assertThat(conflict.statusCode()).isEqualTo(409);
            assertThat(api.send("team01", "POST", path, "application/json", stale.getBytes(StandardCharsets.UTF_8), null)
                    .statusCode()).isEqualTo(403);
            unchanged(household, teamA);
        }
    }
}
