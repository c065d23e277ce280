package org.bangfu.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.LocalDate;

import org.bangfu.household.HouseholdStage;
import org.bangfu.shared.BureauTime;
import org.bangfu.shared.Money;
import org.bangfu.testsupport.ApiClient;
import org.bangfu.testsupport.RunAs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The dashboard on the demo data, as each role sees it, over the facade and the REST API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardTest {

    @Autowired
    Dashboard dashboard;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @LocalServerPort
    int port;

    RunAs as;

    @BeforeEach
    void signIn() {
        as = new RunAs(users);
    }

    private Overview overview(String who) {
        return as.call(who, () -> dashboard.overview(dashboard.defaultFilter()));
    }

    private long streetId(String code) {
        return jdbc.sql("select id from bf_street where code = ?").param(code).query(Long.class).single();
    }

    @Nested
    class TheDemoDistrict {

        @Test
        void leadershipSeesElevenHouseholdsAndTheDemosMoney() {
            Overview overview = overview("leader");
            assertThat(overview.households()).isEqualTo(11);
            assertThat(overview.funds().total().arranged()).isEqualTo(Money.ofYuan(780_000));
            assertThat(overview.funds().total().paid()).isEqualTo(Money.ofYuan(280_000));
            assertThat(overview.byStreet().rows()).hasSize(6);
            assertThat(overview.byStreet().total().total()).isEqualTo(11);
            assertThat(overview.byTeam().rows()).hasSize(11);
            assertThat(overview.stages()).filteredOn(s -> s.stage() == HouseholdStage.PAIRED)
                    .singleElement().satisfies(s -> assertThat(s.households()).isEqualTo(3));
            assertThat(overview.overdue().waiting()).isPositive();
            assertThat(overview.attributes()).isNotEmpty();
        }

        @Test
        void theFiguresOfNowMatchTheFilesAndTheTaskList() {
            Overview overview = overview("district");
            for (var stage : overview.stages()) {
                assertThat(stage.households()).as(stage.stage().name()).isEqualTo(jdbc.sql(
                        "select count(*) from bf_household where stage = ?").param(stage.stage().name())
                        .query(Long.class).single());
            }
            assertThat(overview.overdue().waiting())
                    .isEqualTo(jdbc.sql("select count(*) from bf_task").query(Long.class).single());
        }

        @Test
        void aRebuildGivesTheSameFigures() {
            Overview before = overview("district");
            as.run("admin", () -> dashboard.rebuild());
            assertThat(overview("district")).usingRecursiveComparison()
                    .ignoringFieldsMatchingRegexes(".*waitingDays", ".*medianDays").isEqualTo(before);
        }
    }

    @Nested
    class Scopes {

        @Test
        void aStreetOfficerSeesTheirStreetWhateverTheyAskFor() {
            long s01 = streetId("S01");
            long s02 = streetId("S02");
            Overview overview = as.call("street01",
                    () -> dashboard.overview(dashboard.defaultFilter().scopedTo(s02, null)));
            assertThat(overview.filter().streetId()).isEqualTo(s01);
            assertThat(overview.byStreet().rows()).extracting(Overview.StageRow::id).containsOnly(s01);
            assertThat(overview.households()).isEqualTo(jdbc.sql("select count(*) from bf_household where street_id = ?")
                    .param(s01).query(Long.class).single());
        }

        @Test
        void aTeamSeesItsOwnHouseholds() {
            long team = jdbc.sql("select team_id from bf_user_account where username = 'team03'").query(Long.class).single();
            Overview overview = overview("team03");
            assertThat(overview.filter().teamId()).isEqualTo(team);
            assertThat(overview.byTeam().rows()).extracting(Overview.StageRow::id).containsOnly(team);
        }

        @Test
        void theAuditorAndTheSecurityAdministratorSeeNothing() {
            assertThatThrownBy(() -> overview("auditor")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> overview("security")).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Nested
    class Api {

        @Test
        void theOverviewAndTheProcessMapOverRest() {
            ApiClient api = new ApiClient(port);
            HttpResponse<String> overview = api.get("leader", "/api/dashboard/overview");
            assertThat(overview.statusCode()).isEqualTo(200);
            assertThat(overview.body()).contains("\"households\":11", "\"arranged\":\"780000.00\"",
                    "\"paid\":\"280000.00\"");
            HttpResponse<String> map = api.get("leader", "/api/dashboard/processes/AssistancePairingProcess");
            assertThat(map.statusCode()).isEqualTo(200);
            assertThat(map.body()).contains("\"taskKey\":\"Task_");
            assertThat(api.get("leader", "/api/dashboard/processes/AssistancePairingProcess/diagram").body())
                    .contains("bpmn:process id=\"AssistancePairingProcess\"");
            assertThat(api.get("leader", "/api/dashboard/processes/NoSuchProcess").statusCode()).isEqualTo(404);
            assertThat(api.get("auditor", "/api/dashboard/overview").statusCode()).isEqualTo(403);
            assertThat(api.get("leader", "/api/dashboard/overview?from=2026-12-01&to=2026-01-01").statusCode())
                    .isEqualTo(400);
        }

        @Test
        void theOpenApiDescriptionDescribesTheDashboard() {
            String docs = new ApiClient(port).get("leader", "/v3/api-docs").body();
            assertThat(docs).contains("\"/api/dashboard/overview\"", "\"/api/dashboard/overview/{section}.xlsx\"",
                    "\"/api/dashboard/report.pdf\"", "\"/api/dashboard/processes\"",
                    "\"/api/dashboard/processes/{key}\"", "\"/api/dashboard/processes/{key}/diagram\"",
                    "\"/api/dashboard/rebuild\"", "Every figure of the overview", "\"Overview\"", "\"StepHeat\"");
        }

        @Test
        void onlyTheDistrictAndTheAdministratorRebuild() {
            ApiClient api = new ApiClient(port);
            assertThat(api.send("leader", "POST", "/api/dashboard/rebuild", null, null, null).statusCode()).isEqualTo(403);
            assertThat(api.send("admin", "POST", "/api/dashboard/rebuild", null, null, null).statusCode()).isEqualTo(200);
        }
    }

    static LocalDate today() {
        return BureauTime.today();
    }
}
