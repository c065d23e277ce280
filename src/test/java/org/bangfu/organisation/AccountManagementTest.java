package org.bangfu.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.household.Households;
import org.bangfu.organisation.AccountAdministration.AccountChange;
import org.bangfu.organisation.AccountAdministration.NewAccount;
import org.bangfu.pairing.Pairing;
import org.bangfu.pairing.PairingCase;
import org.bangfu.pairing.PairingFixture;
import org.bangfu.pairing.PairingTasks;
import org.bangfu.shared.Role;
import org.bangfu.testsupport.RunAs;
import org.bangfu.testsupport.WebSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.bangfu.audit.AuditText;
import org.springframework.context.MessageSource;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The security administrator manages accounts (三员分立), as callers see it over HTTP and through the facade, with the
 * demo accounts on a fresh PostgreSQL database: who may, what they may not do to themselves or to the separated roles,
 * the one-time initial password, deactivation, stale edits, a move that hands the open tasks over, and Camunda's
 * identity that nobody can add to.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
class AccountManagementTest {

    static final String DEMO = "Demo@2019";
    static final String INITIAL = "Start#2026x";
    static final String OWN = "Mine#2026yz";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    @Autowired
    ObjectMapper json;

    @Autowired
    AccountAdministration administration;

    @Autowired
    UserDetailsService users;

    RunAs runAs;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        runAs = new RunAs(users);
    }

    HttpResponse<String> call(String user, String password, String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", WebSession.basic(user, password))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> security(String method, String path, Object body) {
        return call("security", DEMO, method, path, body);
    }

    JsonNode read(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError(response.body(), e);
        }
    }

    long idOf(String username) {
        return jdbc.sql("select id from bf_user_account where username = ?").param(username).query(Long.class).single();
    }

    long teamId(String code) {
        return jdbc.sql("select id from bf_team where code = ?").param(code).query(Long.class).single();
    }

    int versionOf(String username) {
        return jdbc.sql("select version from bf_user_account where username = ?").param(username)
                .query(Integer.class).single();
    }

    int audited(String target, String action) {
        return jdbc.sql("select count(*) from bf_audit_log where target = ? and action = ?").params(target, action)
                .query(Integer.class).single();
    }

    Map<String, Object> newAccount(String username, String role, Long teamId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("displayName", "王小明");
        body.put("phone", "13912345678");
        body.put("role", role);
        body.put("teamId", teamId);
        body.put("initialPassword", INITIAL);
        return body;
    }

    Map<String, Object> change(String username, String displayName, String phone, String role, Long teamId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("displayName", displayName);
        body.put("phone", phone);
        body.put("role", role);
        body.put("teamId", teamId);
        body.put("version", versionOf(username));
        return body;
    }

    @Nested
    class SeparationOfDuties {

        @ParameterizedTest
        @ValueSource(strings = { "admin", "auditor", "district", "leader", "team01" })
        void onlyTheSecurityAdministratorCreatesOrManagesAccounts(String user) {
            HttpResponse<String> create = call(user, DEMO, "POST", "/api/accounts",
                    newAccount("byother-" + user, "TEAM_MEMBER", teamId("T01")));
            assertThat(create.statusCode()).isEqualTo(403);
            assertThat(read(create).get("detail").asText()).contains("只有安全管理员");
            assertThat(call(user, DEMO, "GET", "/api/accounts", null).statusCode()).isEqualTo(403);
            assertThat(call(user, DEMO, "POST", "/api/accounts/" + idOf("team02") + "/deactivate", null).statusCode())
                    .isEqualTo(403);
            assertThat(jdbc.sql("select count(*) from bf_user_account where username = ?").param("byother-" + user)
                    .query(Integer.class).single()).isZero();
            // the facade refuses too, whatever path reaches it
            assertThatThrownBy(() -> runAs.run(user, () -> administration.create(new NewAccount("x" + user, "王五",
                    "13912345678", Role.DISTRICT, null, null, INITIAL)))).isInstanceOf(AccessDeniedException.class);
        }

        @Test
        void theSecurityAdministratorCannotEditDeactivateOrResetTheirOwnAccount() {
            long me = idOf("security");
            int version = versionOf("security");
            HttpResponse<String> edit = security("PUT", "/api/accounts/" + me,
                    change("security", "安全管理员", "13912345678", "SECURITY", null));
            assertThat(edit.statusCode()).isEqualTo(403);
            assertThat(read(edit).get("detail").asText()).contains("不能管理自己的账户");
            assertThat(security("POST", "/api/accounts/" + me + "/deactivate", null).statusCode()).isEqualTo(403);
            assertThat(security("POST", "/api/accounts/" + me + "/password-reset", Map.of("newPassword", "Other#2026x"))
                    .statusCode()).isEqualTo(403);
            assertThat(security("POST", "/api/accounts/" + me + "/unlock", null).statusCode()).isEqualTo(403);
            assertThat(versionOf("security")).isEqualTo(version);
            assertThatThrownBy(() -> runAs.run("security", () -> administration.update(me,
                    new AccountChange("安全管理员", "13912345678", Role.DISTRICT, null, null, version, null))))
                    .isInstanceOf(AccountRefused.class);
        }

        @Test
        void noAccountChangesIntoOrOutOfAdministratorSecurityAdministratorOrAuditor() {
            for (String role : List.of("ADMIN", "SECURITY", "AUDITOR")) {
                HttpResponse<String> into = security("PUT", "/api/accounts/" + idOf("district2"),
                        change("district2", "李四", "13912345678", role, null));
                assertThat(into.statusCode()).as(role).isEqualTo(400);
                assertThat(into.body()).contains("\"field\":\"role\"", "另建一个账户");
            }
            HttpResponse<String> outOf = security("PUT", "/api/accounts/" + idOf("auditor"),
                    change("auditor", "赵六", "13912345678", "DISTRICT", null));
            assertThat(outOf.statusCode()).isEqualTo(400);
            assertThat(outOf.body()).contains("\"field\":\"role\"");
            assertThat(security("PUT", "/api/accounts/" + idOf("admin2"),
                    change("admin2", "钱七", "13912345678", "AUDITOR", null)).statusCode()).isEqualTo(400);
            assertThat(jdbc.sql("select role from bf_user_account where username in ('district2', 'auditor', 'admin2')"
                    + " order by username").query(String.class).list()).containsExactly("ADMIN", "AUDITOR", "DISTRICT");
        }

        @Test
        void operationalRolesMayChangeAndTheNameAndPhoneAreSaved() {
            HttpResponse<String> saved = security("PUT", "/api/accounts/" + idOf("leader"),
                    change("leader", "阿卜杜·热合曼", "0553-4820001", "DISTRICT", null));
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
            JsonNode account = read(saved);
            assertThat(account.get("role").asText()).isEqualTo("DISTRICT");
            assertThat(account.get("displayName").asText()).isEqualTo("阿卜杜·热合曼");
            assertThat(account.get("phone").asText()).isEqualTo("0553-4820001");
            assertThat(audited("leader", "ACCOUNT_CHANGED")).isEqualTo(1);
        }
    }

    @Nested
    class Creating {

        @Test
        void aNewAccountMustChangeItsInitialPasswordBeforeAnythingElse() {
            HttpResponse<String> created = security("POST", "/api/accounts",
                    newAccount("wangxm", "TEAM_MEMBER", teamId("T03")));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode account = read(created);
            assertThat(account.get("team").asText()).isEqualTo("第三帮扶小组");
            assertThat(account.get("status").asText()).isEqualTo("MUST_CHANGE_PASSWORD");
            assertThat(created.headers().firstValue("Location")).hasValue("/api/accounts/" + account.get("id").asLong());
            assertThat(audited("wangxm", "ACCOUNT_CREATED")).isEqualTo(1);

            HttpResponse<String> me = call("wangxm", INITIAL, "GET", "/api/me", null);
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(read(me).get("passwordChangeRequired").asBoolean()).isTrue();
            HttpResponse<String> tasks = call("wangxm", INITIAL, "GET", "/api/tasks", null);
            assertThat(tasks.statusCode()).isEqualTo(403);
            assertThat(tasks.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(read(tasks).get("detail").asText()).contains("请先修改密码", "POST /api/me/password");

            HttpResponse<String> wrong = call("wangxm", INITIAL, "POST", "/api/me/password",
                    Map.of("currentPassword", "nope", "newPassword", OWN));
            assertThat(wrong.statusCode()).isEqualTo(400);
            assertThat(wrong.body()).contains("\"field\":\"currentPassword\"");
            assertThat(call("wangxm", INITIAL, "POST", "/api/me/password",
                    Map.of("currentPassword", INITIAL, "newPassword", INITIAL)).statusCode()).isEqualTo(400);
            assertThat(call("wangxm", INITIAL, "POST", "/api/me/password",
                    Map.of("currentPassword", INITIAL, "newPassword", OWN)).statusCode()).isEqualTo(204);

            assertThat(call("wangxm", INITIAL, "GET", "/api/me", null).statusCode()).isEqualTo(401);
            assertThat(call("wangxm", OWN, "GET", "/api/tasks", null).statusCode()).isEqualTo(200);
            assertThat(read(call("wangxm", OWN, "GET", "/api/me", null)).get("passwordChangeRequired").asBoolean())
                    .isFalse();
        }

        @Test
        void aResetPasswordMustBeChangedAtTheNextSignInToo() {
            HttpResponse<String> reset = security("POST", "/api/accounts/" + idOf("lead04") + "/password-reset",
                    Map.of("newPassword", "Reset#2026x"));
            assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
            assertThat(read(reset).get("mustChangePassword").asBoolean()).isTrue();
            assertThat(call("lead04", "Reset#2026x", "GET", "/api/households", null).statusCode()).isEqualTo(403);
            assertThat(audited("lead04", "PASSWORD_RESET")).isEqualTo(1);
        }

        @Test
        void aNewAdministratorCannotReachCamundaBeforeChangingTheInitialPassword() {
            assertThat(security("POST", "/api/accounts", newAccount("chief2", "ADMIN", null)).statusCode())
                    .isEqualTo(201);
            assertThat(call("chief2", INITIAL, "GET", "/engine-rest/process-definition", null).statusCode())
                    .isEqualTo(403);
        }

        @Test
        void badInputIsRefusedFieldByFieldAndNothingIsCreated() {
            Map<String, Object> bad = new LinkedHashMap<>();
            bad.put("username", "Bad Name");
            bad.put("displayName", "王2");
            bad.put("phone", "12345");
            bad.put("role", "STREET");
            bad.put("initialPassword", "weak");
            HttpResponse<String> refused = security("POST", "/api/accounts", bad);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("\"field\":\"username\"", "\"field\":\"displayName\"",
                    "\"field\":\"phone\"", "\"field\":\"streetId\"", "\"field\":\"initialPassword\"");

            HttpResponse<String> taken = security("POST", "/api/accounts", newAccount("team01", "DISTRICT", null));
            assertThat(taken.statusCode()).isEqualTo(400);
            assertThat(taken.body()).contains("\"field\":\"username\"", "已被使用");

            Map<String, Object> noName = newAccount("noname", "DISTRICT", null);
            noName.put("displayName", " ");
            assertThat(security("POST", "/api/accounts", noName).body()).contains("\"field\":\"displayName\"");
            assertThat(jdbc.sql("select count(*) from bf_user_account where username in ('Bad Name', 'noname')")
                    .query(Integer.class).single()).isZero();
        }

        @Test
        void aDeactivatedTeamTakesNoNewAccount(@Autowired Organisation organisation) {
            long street = jdbc.sql("select min(id) from bf_street").query(Long.class).single();
            Team closed = runAs.call("admin", () -> {
                Team created = organisation.createTeam("AM-CLOSED", "已撤并小组", List.of(street));
                return organisation.deactivateTeam(created.id(), created.version());
            });
            HttpResponse<String> refused = security("POST", "/api/accounts",
                    newAccount("closedteam", "TEAM_MEMBER", closed.id()));
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("\"field\":\"teamId\"", "已停用");
            assertThat(jdbc.sql("select count(*) from bf_user_account where username = 'closedteam'")
                    .query(Integer.class).single()).isZero();
        }

        @Test
        void theListFiltersByRoleStatusAndText() {
            JsonNode teamLeaders = read(security("GET", "/api/accounts?role=TEAM_LEADER&limit=100", null));
            assertThat(teamLeaders.get("total").asInt()).isEqualTo(11);
            assertThat(teamLeaders.get("items").get(0).get("team").asText()).endsWith("帮扶小组");
            JsonNode byText = read(security("GET", "/api/accounts?q=" + java.net.URLEncoder.encode("第五帮扶小组组长",
                    StandardCharsets.UTF_8), null));
            assertThat(byText.get("items").findValuesAsText("username")).containsExactly("lead05");
            jdbc.sql("update bf_user_account set enabled = false where username = 'team11'").update();
            JsonNode disabled = read(security("GET", "/api/accounts?status=DISABLED", null));
            assertThat(disabled.get("items").findValuesAsText("username")).contains("team11");
            assertThat(security("GET", "/api/accounts?status=NOPE", null).statusCode()).isEqualTo(400);
        }
    }

    @Nested
    class DeactivatingAndEditing {

        @Test
        void deactivationEndsSessionsAndSignInAndReactivationRestoresSignIn() {
            WebSession browser = new WebSession(port);
            browser.login("team05", DEMO);
            assertThat(browser.get("/tasks").statusCode()).isEqualTo(200);

            HttpResponse<String> off = security("POST", "/api/accounts/" + idOf("team05") + "/deactivate", null);
            assertThat(off.statusCode()).isEqualTo(200);
            assertThat(read(off).get("status").asText()).isEqualTo("DISABLED");
            assertThat(browser.get("/tasks").headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
            assertThat(call("team05", DEMO, "GET", "/api/me", null).statusCode()).isEqualTo(401);
            assertThat(audited("team05", "ACCOUNT_DISABLED")).isEqualTo(1);

            HttpResponse<String> on = security("POST", "/api/accounts/" + idOf("team05") + "/reactivate", null);
            assertThat(read(on).get("status").asText()).isEqualTo("ACTIVE");
            assertThat(call("team05", DEMO, "GET", "/api/me", null).statusCode()).isEqualTo(200);
            assertThat(audited("team05", "ACCOUNT_ENABLED")).isEqualTo(1);
        }

        @Test
        void aStaleEditIsRefusedAndChangesNothing() {
            Map<String, Object> first = change("team06", "孙一", "13900000001", "TEAM_MEMBER", teamId("T06"));
            Map<String, Object> second = change("team06", "孙二", "13900000002", "TEAM_MEMBER", teamId("T06"));
            assertThat(security("PUT", "/api/accounts/" + idOf("team06"), first).statusCode()).isEqualTo(200);
            HttpResponse<String> stale = security("PUT", "/api/accounts/" + idOf("team06"), second);
            assertThat(stale.statusCode()).isEqualTo(409);
            assertThat(read(stale).get("detail").asText()).contains("已被他人修改");
            assertThat(jdbc.sql("select display_name from bf_user_account where username = 'team06'")
                    .query(String.class).single()).isEqualTo("孙一");
        }

        @Test
        void unknownAccountsAreNotFound() {
            assertThat(security("GET", "/api/accounts/987654", null).statusCode()).isEqualTo(404);
            assertThat(security("POST", "/api/accounts/987654/deactivate", null).statusCode()).isEqualTo(404);
        }
    }

    @Nested
    class MovingAMemberToAnotherTeam {

        @Autowired
        Households households;

        @Autowired
        Pairing pairing;

        @Autowired
        PairingTasks tasks;

        @Autowired
        ManagementService management;

        @AfterEach
        void resetClock() {
            PairingFixture.resetClock();
        }

        @Test
        void handsTheOpenTasksOverToAColleagueOfTheOldTeamOrMovesNothing() {
            PairingFixture fx = new PairingFixture(runAs, jdbc, households, pairing, tasks, management);
            PairingCase c = fx.start(fx.family());
            fx.walkTo(c, "Task_FirstVisitPlan");
            String taskId = fx.task(c).id();
            long oldTeam = Long.parseLong(jdbc.sql("select candidate_group from bf_task where task_id = ?")
                    .param(taskId).query(String.class).single().substring("team-".length()));
            String member = jdbc.sql("select username from bf_user_account where team_id = ? and role = 'TEAM_MEMBER'")
                    .param(oldTeam).query(String.class).single();
            String leader = jdbc.sql("select username from bf_user_account where team_id = ? and role = 'TEAM_LEADER'")
                    .param(oldTeam).query(String.class).single();
            runAs.run(member, () -> tasks.claim(taskId));
            long newTeam = teamId("T09") == oldTeam ? teamId("T10") : teamId("T09");

            JsonNode open = read(security("GET", "/api/accounts/" + idOf(member) + "/open-tasks", null));
            assertThat(open.get("tasks")).hasSize(1);
            assertThat(open.get("colleagues").findValuesAsText("username")).containsExactly(leader);

            Map<String, Object> move = change(member, "周八", "13900000008", "TEAM_MEMBER", newTeam);
            HttpResponse<String> withoutColleague = security("PUT", "/api/accounts/" + idOf(member), move);
            assertThat(withoutColleague.statusCode()).isEqualTo(400);
            assertThat(withoutColleague.body()).contains("\"field\":\"handOverTo\"", "1 项待办任务");
            move.put("handOverTo", "team10");
            assertThat(security("PUT", "/api/accounts/" + idOf(member), move).body()).contains("\"field\":\"handOverTo\"");
            assertThat(jdbc.sql("select team_id from bf_user_account where username = ?").param(member)
                    .query(Long.class).single()).isEqualTo(oldTeam);
            assertThat(assignee(taskId)).isEqualTo(member);

            move.put("handOverTo", leader);
            HttpResponse<String> moved = security("PUT", "/api/accounts/" + idOf(member), move);
            assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
            assertThat(read(moved).get("teamId").asLong()).isEqualTo(newTeam);
            assertThat(assignee(taskId)).isEqualTo(leader);
            assertThat(jdbc.sql("select count(*) from bf_notification where recipient = ? and task_id = ?"
                    + " and kind = 'HANDED_OVER'").params("user:" + leader, taskId).query(Integer.class).single())
                    .isEqualTo(1);
            String leaderName = jdbc.sql("select display_name from bf_user_account where username = ?").param(leader)
                    .query(String.class).single();
            assertThat(AuditText.render(jdbc.sql("select detail from bf_audit_log where target = ? and action = 'ACCOUNT_CHANGED'")
                    .param(member).query(String.class).single(),
                    (key, args) -> messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE)))
                    .contains("1 项待办任务移交给 " + leaderName).doesNotContain(leader);
        }

        private String assignee(String taskId) {
            return jdbc.sql("select ASSIGNEE_ from ACT_RU_TASK where ID_ = ?").param(taskId).query(String.class).single();
        }
    }

    @Nested
    class CamundaIdentity {

        @Test
        void camundaCannotCreateUsersGroupsOrTenantsBesideBangfusAccounts(@Autowired IdentityService identity) {
            HttpResponse<String> user = call("admin", DEMO, "POST", "/engine-rest/user/create",
                    Map.of("profile", Map.of("id", "intruder", "firstName", "In", "lastName", "Truder"),
                            "credentials", Map.of("password", "Intruder#2026")));
            assertThat(user.statusCode()).isEqualTo(403);
            assertThat(call("admin", DEMO, "POST", "/engine-rest/group/create",
                    Map.of("id", "rogues", "name", "Rogues", "type", "WORKFLOW")).statusCode()).isEqualTo(403);
            assertThat(call("admin", DEMO, "POST", "/engine-rest/tenant/create",
                    Map.of("id", "elsewhere", "name", "Elsewhere")).statusCode()).isEqualTo(403);
            assertThat(identity.isReadOnly()).isTrue();
            assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
            assertThatThrownBy(identity::createNativeUserQuery)
                    .isInstanceOf(org.camunda.bpm.engine.BadUserRequestException.class);
            assertThat(call("admin", DEMO, "GET", "/engine-rest/user/intruder/profile", null).statusCode())
                    .isEqualTo(404);
            assertThat(call("admin", DEMO, "POST", "/api/me", null).statusCode()).isNotEqualTo(500);
        }

        @Test
        void camundasUsersAreBangfusAccountsAndItsGroupsTheirRoles(@Autowired IdentityService identity) {
            assertThat(identity.createUserQuery().userId("lead03").singleResult().getFirstName())
                    .isEqualTo("第三帮扶小组组长（演示）");
            assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").list())
                    .extracting(u -> u.getId()).contains("admin", "admin2").doesNotContain("security");
            assertThat(identity.createGroupQuery().groupMember("auditor").singleResult().getId()).isEqualTo("auditor");
            assertThat(call("admin", DEMO, "GET", "/engine-rest/user?id=security", null).body())
                    .contains("\"id\":\"security\"");
        }
    }
}
