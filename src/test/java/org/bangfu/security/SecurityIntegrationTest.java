package org.bangfu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.testsupport.WebSession.basic;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.bangfu.audit.AuditAction;
import org.bangfu.organisation.UserAccounts;
import org.bangfu.shared.CurrentUser;
import org.bangfu.testsupport.MutableClock;
import org.bangfu.testsupport.MutableClockConfig;
import org.bangfu.testsupport.RunAs;
import org.bangfu.testsupport.Timings;
import org.bangfu.testsupport.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * One login for the UI, Bangfu's API, Camunda's webapps and Camunda's REST API, as callers see it over HTTP,
 * with the demo accounts on a fresh PostgreSQL database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MutableClockConfig.class)
class SecurityIntegrationTest {

    static final String PASSWORD = "Demo@2019";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    UserAccounts accounts;

    RunAs runAs;

    WebSession web;

    @BeforeEach
    void newSession(@Autowired UserDetailsService users) {
        web = new WebSession(port);
        runAs = new RunAs(users);
    }

    @Nested
    class Anonymous {

        @Test
        void apiAnswers401WithBasicChallengeNotRedirect() {
            HttpResponse<String> response = web.get("/api/me");
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Bangfu\"");
            assertThat(response.headers().firstValue("Location")).isEmpty();
        }

        @Test
        void engineRestAnswers401WithBasicChallengeNotRedirect() {
            HttpResponse<String> response = web.get("/engine-rest/process-definition");
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Bangfu\"");
            assertThat(response.headers().firstValue("Location")).isEmpty();
        }

        @Test
        void uiAndCamundaWebappsRedirectToLoginPage() {
            assertThat(web.get("/").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
            assertThat(web.get("/camunda/app/cockpit/default/").headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        }

        @Test
        void healthIsOpenWithoutDetails() {
            HttpResponse<String> response = web.get("/actuator/health");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
        }

        @Test
        void theIconEveryPageLinksIsServedWithoutSignIn() {
            HttpResponse<String> icon = web.get("/favicon.ico");
            assertThat(icon.statusCode()).isEqualTo(200);
            assertThat(icon.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/"));
            assertThat(icon.headers().firstValue("Location")).isEmpty();
            assertThat(web.get("/login").body()).containsPattern("<link (?=[^>]*rel=\"icon\")[^>]*href=\"favicon.ico\"");
        }

        @Test
        void loginPageIsChineseWithSecurityHeaders() {
            HttpResponse<String> response = web.get("/login");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("lang=\"zh");
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'",
                            "object-src 'none'"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        }
    }

    @Nested
    class BasicAuthentication {

        @ParameterizedTest
        @CsvSource({ "admin,ADMIN", "security,SECURITY", "auditor,AUDITOR", "district,DISTRICT", "leader,LEADER",
                "street01,STREET", "street06,STREET", "team01,TEAM_MEMBER", "team11,TEAM_MEMBER",
                "lead01,TEAM_LEADER", "lead11,TEAM_LEADER" })
        void everyDemoAccountSignsInToTheApi(String username, String role) {
            HttpResponse<String> response = web.get("/api/me", "Authorization", basic(username, PASSWORD));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"username\":\"" + username + "\"", "\"role\":\"" + role + "\"");
        }

        @Test
        void streetOfficerAndTeamMemberCarryTheirScope() {
            assertThat(web.get("/api/me", "Authorization", basic("street01", PASSWORD)).body())
                    .contains("\"street\":\"中山南路街道\"", "\"team\":null");
            assertThat(web.get("/api/me", "Authorization", basic("team03", PASSWORD)).body())
                    .contains("\"team\":\"第三帮扶小组\"");
        }

        @Test
        void wrongPasswordIs401() {
            assertThat(web.get("/api/me", "Authorization", basic("district", "wrong")).statusCode()).isEqualTo(401);
        }

        @ParameterizedTest
        @CsvSource({ "security", "auditor", "district", "leader", "street01", "team01", "lead01" })
        void engineRestRefusesEveryoneButTheAdministrator(String username) {
            assertThat(web.get("/engine-rest/process-definition", "Authorization", basic(username, PASSWORD))
                    .statusCode()).isEqualTo(403);
        }

        @Test
        void engineRestServesTheAdministrator() {
            HttpResponse<String> response = web.get("/engine-rest/engine/default/user?id=admin", "Authorization",
                    basic("admin", PASSWORD));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"id\":\"admin\"");
        }

        @Test
        void auditLogIsTheAuditorsAlone() {
            assertThat(web.get("/api/audit-log", "Authorization", basic("auditor", PASSWORD)).statusCode())
                    .isEqualTo(200);
            for (String other : List.of("admin", "security", "district", "leader", "team01")) {
                assertThat(web.get("/api/audit-log", "Authorization", basic(other, PASSWORD)).statusCode())
                        .as(other).isEqualTo(403);
            }
        }
    }

    @Nested
    class FormLoginAndSessions {

        @Test
        void successfulLoginRedirectsToTheAppWithANewSessionId() {
            web.get("/login");
            String before = web.sessionId();
            HttpResponse<String> response = web.login("district", PASSWORD);
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
            assertThat(web.sessionId()).isNotNull().isNotEqualTo(before);
        }

        @Test
        void failedLoginGoesBackToTheLoginPage() {
            HttpResponse<String> response = web.login("district", "wrong");
            assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        }

        @Test
        void administratorReachesCamundaWebappsWithTheSameSession() {
            web.login("admin", PASSWORD);
            assertThat(web.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
            HttpResponse<String> me = web.get("/camunda/api/admin/auth/user/default");
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).contains("\"userId\":\"admin\"", "cockpit", "tasklist", "admin");
        }

        @ParameterizedTest
        @CsvSource({ "security", "auditor", "district", "leader", "street01", "team01", "lead01" })
        void camundaWebappsRefuseEveryoneElse(String username) {
            web.login(username, PASSWORD);
            assertThat(web.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(403);
            assertThat(web.get("/camunda/api/engine/engine/default/process-definition/count").statusCode()).isEqualTo(403);
        }

        @Test
        void idleSessionsEndAfterThirtyMinutesEvenWithTheTabOpen(@Autowired ServerProperties server,
                @Autowired Environment environment) {
            assertThat(server.getServlet().getSession().getTimeout()).isEqualTo(Duration.ofMinutes(30));
            // Vaadin's heartbeat would otherwise keep an open tab's session alive for ever
            assertThat(environment.getProperty("vaadin.closeIdleSessions", Boolean.class)).isTrue();
        }

        @Test
        void logoutEndsTheSession() {
            web.login("leader", PASSWORD);
            assertThat(web.get("/").statusCode()).isEqualTo(200);
            HttpResponse<String> logout = web.postForm("/logout", Map.of("_csrf", web.csrfToken("/")));
            assertThat(logout.statusCode()).isEqualTo(302);
            assertThat(web.get("/").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
            assertThat(audited("leader", AuditAction.LOGOUT)).isEqualTo(1);
        }
    }

    @Nested
    class Lockout {

        @Test
        void fiveFailuresOverBothPathsLockForTenMinutesAndEverythingIsAudited() {
            String user = "street02";
            web.login(user, "wrong-1");
            web.login(user, "wrong-2");
            web.get("/api/me", "Authorization", basic(user, "wrong-3"));
            web.get("/engine-rest/process-definition", "Authorization", basic(user, "wrong-4"));
            assertThat(locked(user)).isFalse();
            web.login(user, "wrong-5");
            assertThat(locked(user)).isTrue();

            // the right password no longer works, on any path
            assertThat(web.get("/api/me", "Authorization", basic(user, PASSWORD)).statusCode()).isEqualTo(401);
            HttpResponse<String> form = web.login(user, PASSWORD);
            assertThat(form.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));

            clock.advance(Duration.ofMinutes(9));
            assertThat(web.get("/api/me", "Authorization", basic(user, PASSWORD)).statusCode()).isEqualTo(401);
            clock.advance(Duration.ofMinutes(1).plusSeconds(1));
            assertThat(web.get("/api/me", "Authorization", basic(user, PASSWORD)).statusCode()).isEqualTo(200);

            assertThat(audited(user, AuditAction.ACCOUNT_LOCKED)).isEqualTo(1);
            assertThat(audited(user, AuditAction.LOGIN_REJECTED_LOCKED)).isEqualTo(3);
            assertThat(jdbc.sql("""
                    select count(*) from bf_audit_log
                     where target = ? and action = 'LOGIN' and outcome = 'FAILURE' and source_address is not null""")
                    .param(user).query(Integer.class).single()).isEqualTo(5);
            assertThat(jdbc.sql("select count(*) from bf_audit_log where target = ? and action = 'LOGIN' and outcome = 'SUCCESS'")
                    .param(user).query(Integer.class).single()).isEqualTo(1);
        }

        @Test
        void aSuccessBeforeTheFifthFailureStartsTheCountAgain() {
            String user = "street03";
            for (int i = 0; i < 4; i++) {
                web.get("/api/me", "Authorization", basic(user, "wrong"));
            }
            assertThat(web.get("/api/me", "Authorization", basic(user, PASSWORD)).statusCode()).isEqualTo(200);
            for (int i = 0; i < 4; i++) {
                web.get("/api/me", "Authorization", basic(user, "wrong"));
            }
            assertThat(locked(user)).isFalse();
            assertThat(web.get("/api/me", "Authorization", basic(user, PASSWORD)).statusCode()).isEqualTo(200);
        }

        @Test
        void formLoginOfALockedAccountIsRefusedAndAudited() {
            String user = "street04";
            for (int i = 0; i < 5; i++) {
                web.login(user, "wrong");
            }
            web.login(user, PASSWORD);
            assertThat(jdbc.sql("select count(*) from bf_audit_log where target = ? and action = 'LOGIN_REJECTED_LOCKED'")
                    .param(user).query(Integer.class).single()).isEqualTo(1);
        }

        private boolean locked(String user) {
            return jdbc.sql("select locked_until is not null from bf_user_account where username = ?").param(user)
                    .query(Boolean.class).single();
        }
    }

    @Nested
    class SessionsEndWithTheAccount {

        @Test
        void aLockOverBasicEndsTheAccountsBrowserSession() {
            web.login("lead02", PASSWORD);
            assertThat(web.get("/tasks").statusCode()).isEqualTo(200);
            WebSession attacker = new WebSession(port);
            for (int i = 0; i < 5; i++) {
                attacker.get("/api/me", "Authorization", basic("lead02", "wrong-" + i));
            }
            assertSentToLogin(web.get("/tasks"));
            assertSentToLogin(web.get("/"));
            assertThat(audited("lead02", AuditAction.SESSION_ENDED)).isEqualTo(1);
        }

        @Test
        void aPasswordResetBySecurityEndsTheAccountsSessions() {
            web.login("lead03", PASSWORD);
            assertThat(web.get("/").statusCode()).isEqualTo(200);
            runAs.run("security", () -> accounts.resetPassword("lead03", "Reset#2025x"));
            assertSentToLogin(web.get("/"));
            // the new password opens a new session
            WebSession again = new WebSession(port);
            again.login("lead03", "Reset#2025x");
            assertThat(again.get("/tasks").statusCode()).isEqualTo(200);
        }

        @Test
        void aDisabledAccountsSessionsEnd() {
            web.login("lead06", PASSWORD);
            assertThat(web.get("/tasks").statusCode()).isEqualTo(200);
            jdbc.sql("update bf_user_account set enabled = false where username = 'lead06'").update();
            assertSentToLogin(web.get("/tasks"));
        }

        @Test
        void camundaWebappsEndWithTheAdministratorsSession() {
            web.login("admin", PASSWORD);
            assertThat(web.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
            assertThat(web.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(200);
            WebSession attacker = new WebSession(port);
            try {
                for (int i = 0; i < 5; i++) {
                    attacker.get("/engine-rest/process-definition", "Authorization", basic("admin", "wrong-" + i));
                }
                assertThat(web.get("/camunda/api/admin/auth/user/default").statusCode()).isNotEqualTo(200);
                assertSentToLogin(web.get("/camunda/app/cockpit/default/"));
            } finally {
                runAs.run("security", () -> accounts.unlock("admin"));
            }
        }

        @Test
        void ownPasswordChangeKeepsTheSessionItWasMadeInAndEndsTheOthers() {
            web.login("lead07", PASSWORD);
            WebSession colleague = new WebSession(port);
            colleague.login("lead08", PASSWORD);
            assertThat(web.get("/tasks").statusCode()).isEqualTo(200);

            boolean keptWhereChanged = runAs.call("lead07", () -> {
                accounts.changeOwnPassword(PASSWORD, "Changed#2025x");
                return accounts.sessionStillValid(CurrentUser.require());
            });

            assertThat(keptWhereChanged).isTrue();
            assertSentToLogin(web.get("/tasks"));
            assertThat(colleague.get("/tasks").statusCode()).isEqualTo(200);
        }

        @Test
        void unlockingDoesNotReviveAnEndedSession() {
            web.login("lead09", PASSWORD);
            WebSession attacker = new WebSession(port);
            for (int i = 0; i < 5; i++) {
                attacker.get("/api/me", "Authorization", basic("lead09", "wrong-" + i));
            }
            runAs.run("security", () -> accounts.unlock("lead09"));
            assertSentToLogin(web.get("/tasks"));
        }

        private void assertSentToLogin(HttpResponse<String> response) {
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        }
    }

    @Nested
    class UniformRefusals {

        private static final int ROUNDS = 15;

        @Test
        void refusalsTakeTheSameTimeWhateverTheReason() {
            lock("team06");
            Map<String, Timings> refusals = new LinkedHashMap<>();
            refusals.put("wrong password", new Timings("wrong password (team05)", ROUNDS));
            refusals.put("unknown", new Timings("unknown name", ROUNDS));
            refusals.put("locked", new Timings("locked account (team06)", ROUNDS));
            refusals.put("disabled", new Timings("disabled account (team07)", ROUNDS));
            // the first rounds warm up the paths; rounds interleave the reasons so that load hits them alike
            for (int round = -3; round < ROUNDS; round++) {
                String ghost = "ghost-" + round;
                resetFailures("team05");
                resetFailures("team07");
                jdbc.sql("update bf_user_account set enabled = false where username = 'team07'").update();
                if (round < 0) {
                    refuse("team05", "wrong");
                    refuse(ghost, PASSWORD);
                    refuse("team06", PASSWORD);
                    refuse("team07", PASSWORD);
                    continue;
                }
                refusals.get("wrong password").time(() -> refuse("team05", "wrong"));
                refusals.get("unknown").time(() -> refuse(ghost, PASSWORD));
                refusals.get("locked").time(() -> refuse("team06", PASSWORD));
                refusals.get("disabled").time(() -> refuse("team07", PASSWORD));
            }
            refusals.values().forEach(t -> System.out.println("refusal timing: " + t.row()));
            double wrongPassword = refusals.get("wrong password").percentileMillis(50);
            for (Timings timings : refusals.values()) {
                assertThat(timings.percentileMillis(50)).as(timings.row())
                        .isBetween(wrongPassword * 0.6, wrongPassword * 1.4);
            }
        }

        @Test
        void refusalsAnswerTheSameBytesWhateverTheReason() {
            lock("team08");
            resetFailures("team09");
            jdbc.sql("update bf_user_account set enabled = false where username = 'team09'").update();
            String wrongPassword = comparable(web.get("/api/me", "Authorization", basic("team10", "wrong")));
            assertThat(comparable(web.get("/api/me", "Authorization", basic("nobody-here", PASSWORD))))
                    .isEqualTo(wrongPassword);
            assertThat(comparable(web.get("/api/me", "Authorization", basic("team08", PASSWORD))))
                    .isEqualTo(wrongPassword);
            assertThat(comparable(web.get("/api/me", "Authorization", basic("team09", PASSWORD))))
                    .isEqualTo(wrongPassword);

            String formWrongPassword = comparableRedirect(new WebSession(port).login("team10", "wrong"));
            assertThat(comparableRedirect(new WebSession(port).login("nobody-here", PASSWORD))).isEqualTo(formWrongPassword);
            assertThat(comparableRedirect(new WebSession(port).login("team08", PASSWORD))).isEqualTo(formWrongPassword);
            assertThat(comparableRedirect(new WebSession(port).login("team09", PASSWORD))).isEqualTo(formWrongPassword);
        }

        @Test
        void unknownNamesLockLikeAccounts() {
            for (int i = 0; i < 5; i++) {
                web.get("/api/me", "Authorization", basic("no-such-user", "wrong-" + i));
            }
            web.get("/api/me", "Authorization", basic("no-such-user", "wrong-6"));
            web.login("no-such-user", "wrong-7");
            assertThat(audited("no-such-user", AuditAction.ACCOUNT_LOCKED)).isEqualTo(1);
            assertThat(audited("no-such-user", AuditAction.LOGIN_REJECTED_LOCKED)).isEqualTo(2);

            clock.advance(Duration.ofMinutes(10).plusSeconds(1));
            web.get("/api/me", "Authorization", basic("no-such-user", "wrong-8"));
            assertThat(audited("no-such-user", AuditAction.LOGIN_REJECTED_LOCKED)).isEqualTo(2);
        }

        private void refuse(String username, String password) {
            assertThat(web.get("/api/me", "Authorization", basic(username, password)).statusCode()).isEqualTo(401);
        }

        private void lock(String username) {
            jdbc.sql("update bf_user_account set locked_until = ? where username = ?")
                    .params(OffsetDateTime.ofInstant(clock.instant().plus(Duration.ofDays(1)), ZoneOffset.UTC), username)
                    .update();
        }

        private void resetFailures(String username) {
            jdbc.sql("update bf_user_account set failed_attempts = 0, locked_until = null where username = ?")
                    .param(username).update();
        }

        /** Status, headers and body, without what differs by the time of the answer. */
        private static String comparable(HttpResponse<String> response) {
            return response.statusCode() + "\n" + new TreeMap<>(response.headers().map()).entrySet().stream()
                    .filter(h -> !h.getKey().equalsIgnoreCase("date"))
                    .map(Object::toString).collect(Collectors.joining("\n"))
                    + "\n" + response.body().replaceAll("\"timestamp\":\"[^\"]*\"", "\"timestamp\":\"\"");
        }

        /** A form login's answer: the status and where it leads (the session cookie is new every time). */
        private static String comparableRedirect(HttpResponse<String> response) {
            return response.statusCode() + " " + response.headers().firstValue("Location").orElse("") + " "
                    + response.body();
        }
    }

    @Nested
    class SignInAudit {

        @Test
        void basicCallsAreAuditedOnceAndAgainAfterAFailure() {
            for (int i = 0; i < 10; i++) {
                assertThat(web.get("/api/me", "Authorization", basic("lead10", PASSWORD)).statusCode()).isEqualTo(200);
            }
            assertThat(signIns("lead10", "SUCCESS")).isEqualTo(1);

            web.get("/api/me", "Authorization", basic("lead10", "wrong"));
            assertThat(signIns("lead10", "FAILURE")).isEqualTo(1);

            web.get("/api/me", "Authorization", basic("lead10", PASSWORD));
            web.get("/api/me", "Authorization", basic("lead10", PASSWORD));
            assertThat(signIns("lead10", "SUCCESS")).isEqualTo(2);
        }

        @Test
        void basicCallsAreAuditedAgainOnANewDay() {
            web.get("/api/me", "Authorization", basic("lead11", PASSWORD));
            web.get("/api/me", "Authorization", basic("lead11", PASSWORD));
            clock.advance(Duration.ofDays(1));
            web.get("/api/me", "Authorization", basic("lead11", PASSWORD));
            web.get("/api/me", "Authorization", basic("lead11", PASSWORD));
            assertThat(signIns("lead11", "SUCCESS")).isEqualTo(2);
        }

        @Test
        void formLoginsAreAuditedEveryTime() {
            web.login("district2", PASSWORD);
            new WebSession(port).login("district2", PASSWORD);
            assertThat(signIns("district2", "SUCCESS")).isEqualTo(2);
        }

        private int signIns(String user, String outcome) {
            return jdbc.sql("select count(*) from bf_audit_log where target = ? and action = 'LOGIN' and outcome = ?")
                    .params(user, outcome).query(Integer.class).single();
        }
    }

    private int audited(String target, AuditAction action) {
        return jdbc.sql("select count(*) from bf_audit_log where target = ? and action = ?")
                .params(target, action.name()).query(Integer.class).single();
    }
}
