package org.bangfu.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.bangfu.testsupport.AppProcess;
import org.bangfu.testsupport.TestPostgres;
import org.bangfu.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/**
 * The production profile: no demo account, no default password, the first administrator and the first security
 * administrator from the environment.
 */
class ProductionStartTest {

    private static final String[] FIRST_SECURITY_ADMINISTRATOR = { "--bangfu.security-admin.username=guard",
            "--bangfu.security-admin.password=Keep#Watch9" };

    private final TestPostgres.Database db = TestPostgres.newDatabase();

    @Test
    void refusesToStartWithoutTheFirstAdministrator() throws Exception {
        try (AppProcess app = start()) {
            assertThat(app.exitCode()).isNotZero();
            assertThat(app.output()).contains("BANGFU_ADMIN_USERNAME");
        }
    }

    @Test
    void refusesToStartWithoutTheFirstSecurityAdministrator() throws Exception {
        try (AppProcess app = start("--bangfu.admin.username=chief", "--bangfu.admin.password=Str0ng#Pass")) {
            assertThat(app.exitCode()).isNotZero();
            assertThat(app.output()).contains("No security administrator exists", "BANGFU_SECURITY_USERNAME");
        }
        // neither is created without the other
        assertThat(rows("select username from bf_user_account")).isEmpty();
    }

    @Test
    void refusesAWeakFirstPassword() throws Exception {
        try (AppProcess app = start("--bangfu.admin.username=chief", "--bangfu.admin.password=password",
                FIRST_SECURITY_ADMINISTRATOR[0], FIRST_SECURITY_ADMINISTRATOR[1])) {
            assertThat(app.exitCode()).isNotZero();
            assertThat(app.output()).contains("BANGFU_ADMIN_PASSWORD breaks the password policy");
        }
        try (AppProcess app = start("--bangfu.admin.username=chief", "--bangfu.admin.password=Str0ng#Pass",
                "--bangfu.security-admin.username=guard", "--bangfu.security-admin.password=guard123")) {
            assertThat(app.exitCode()).isNotZero();
            assertThat(app.output()).contains("BANGFU_SECURITY_PASSWORD breaks the password policy");
        }
    }

    @Test
    void refusesTheDemoProfileAlongside() throws Exception {
        try (AppProcess app = start("--spring.profiles.active=prod,demo")) {
            assertThat(app.exitCode()).isNotZero();
            assertThat(app.output()).contains("cannot be active together");
        }
    }

    @Test
    void createsOnlyTheAdministratorAndTheSecurityAdministratorFromTheEnvironmentThenNeedsThemNoMore()
            throws Exception {
        try (AppProcess app = start("--bangfu.admin.username=chief", "--bangfu.admin.password=Str0ng#Pass",
                FIRST_SECURITY_ADMINISTRATOR[0], FIRST_SECURITY_ADMINISTRATOR[1],
                "--bangfu.security-admin.display-name=陈安全")) {
            assertThat(app.isRunning()).as(app.output()).isTrue();
            WebSession web = new WebSession(app.port());
            assertThat(web.get("/api/me", "Authorization", WebSession.basic("chief", "Str0ng#Pass")).statusCode())
                    .isEqualTo(200);
            assertThat(web.get("/api/me", "Authorization", WebSession.basic("admin", "Demo@2019")).statusCode())
                    .isEqualTo(401);
            // the operator set these passwords: no change is forced, the security administrator manages accounts at once
            HttpResponse<String> accounts = web.get("/api/accounts", "Authorization",
                    WebSession.basic("guard", "Keep#Watch9"));
            assertThat(accounts.statusCode()).isEqualTo(200);
            assertThat(accounts.body()).contains("\"displayName\":\"陈安全\"", "\"status\":\"ACTIVE\"");
        }
        assertThat(rows("select username || ':' || role from bf_user_account order by id"))
                .containsExactly("chief:ADMIN", "guard:SECURITY");
        assertThat(rows("select code from bf_street")).isEmpty();
        assertThat(rows("select action from bf_audit_log where action in ('ADMIN_BOOTSTRAPPED', "
                + "'SECURITY_ADMIN_BOOTSTRAPPED') order by action"))
                .containsExactly("ADMIN_BOOTSTRAPPED", "SECURITY_ADMIN_BOOTSTRAPPED");

        try (AppProcess app = start()) {
            assertThat(app.isRunning()).as(app.output()).isTrue();
        }
        // an operator who leaves them set is told they do nothing any more
        try (AppProcess app = start(FIRST_SECURITY_ADMINISTRATOR)) {
            assertThat(app.isRunning()).as(app.output()).isTrue();
            assertThat(app.output()).contains("BANGFU_SECURITY_USERNAME is ignored", "BANGFU_SECURITY_PASSWORD is ignored");
        }
        assertThat(rows("select username from bf_user_account")).hasSize(2);
    }

    @Test
    void refusesADemoDatabaseUntilItsDemoAccountsAreRetired() throws Exception {
        try (AppProcess demo = startWithProfiles("demo")) {
            assertThat(demo.isRunning()).as(demo.output()).isTrue();
        }
        String[] firstAdministrator = { "--bangfu.admin.username=chief", "--bangfu.admin.password=Str0ng#Pass",
                FIRST_SECURITY_ADMINISTRATOR[0], FIRST_SECURITY_ADMINISTRATOR[1] };

        try (AppProcess app = start(firstAdministrator)) {
            assertThat(app.isRunning()).as("refused to start").isFalse();
            assertThat(app.exitCode()).isNotZero();
            assertThat(app.output()).contains("demo accounts", "admin", "security", "lead11",
                    "BANGFU_RETIRE_DEMO_ACCOUNTS=true");
        }

        // a database seeded before demo accounts were marked: their published password gives them away
        execute("update bf_user_account set demo = false");
        try (AppProcess app = start(firstAdministrator)) {
            assertThat(app.isRunning()).as("refused to start").isFalse();
            assertThat(app.exitCode()).isNotZero();
            assertThat(app.output()).contains("demo accounts", "admin", "lead11");
        }

        String[] retiring = { "--bangfu.retire-demo-accounts=true", firstAdministrator[0], firstAdministrator[1],
                firstAdministrator[2], firstAdministrator[3] };
        try (AppProcess app = start(retiring)) {
            assertThat(app.isRunning()).as(app.output()).isTrue();
            WebSession web = new WebSession(app.port());
            for (String demoAccount : List.of("admin", "security", "district", "team01")) {
                assertThat(web.get("/api/me", "Authorization", WebSession.basic(demoAccount, "Demo@2019")).statusCode())
                        .as(demoAccount).isEqualTo(401);
            }
            assertThat(web.get("/engine-rest/process-definition", "Authorization",
                    WebSession.basic("admin", "Demo@2019")).statusCode()).isEqualTo(401);
            assertThat(web.get("/api/me", "Authorization", WebSession.basic("chief", "Str0ng#Pass")).statusCode())
                    .isEqualTo(200);
            assertThat(web.get("/engine-rest/process-definition", "Authorization",
                    WebSession.basic("chief", "Str0ng#Pass")).statusCode()).isEqualTo(200);
        }
        // the retired accounts stay, disabled, for the history that names them
        assertThat(rows("select username from bf_user_account where enabled order by username"))
                .containsExactly("chief", "guard");
        assertThat(rows("select username from bf_user_account where not enabled")).contains("admin", "lead11");
        assertThat(rows("select target from bf_audit_log where action = 'ACCOUNT_DISABLED'"))
                .containsExactlyInAnyOrderElementsOf(rows("select username from bf_user_account where not enabled"));

        // an operator who leaves the variables set is told what they no longer do
        try (AppProcess app = start(retiring)) {
            assertThat(app.isRunning()).as(app.output()).isTrue();
            assertThat(app.output()).contains("BANGFU_ADMIN_USERNAME is ignored", "BANGFU_SECURITY_USERNAME is ignored",
                    "BANGFU_RETIRE_DEMO_ACCOUNTS");
        }
    }

    @Test
    void refusesToStartWhileWhatIsPrintedOnPaperIsStillTheShippedPlaceholder() throws Exception {
        List<String> twoOfFour = List.of("--spring.profiles.active=prod", "--bangfu.admin.username=chief",
                "--bangfu.admin.password=Str0ng#Pass", FIRST_SECURITY_ADMINISTRATOR[0], FIRST_SECURITY_ADMINISTRATOR[1],
                "--bangfu.pairing.objection-office=芜湖市弋江区民政局社会救助科", "--bangfu.handbook.issuer=芜湖市弋江区民政局");
        try (AppProcess app = startWith(twoOfFour)) {
            assertThat(app.isRunning()).as("refused to start").isFalse();
            assertThat(app.exitCode()).isNotZero();
            assertThat(app.output()).contains("placeholder", "BANGFU_OBJECTION_PHONE", "pairing.objection-phone",
                    "BANGFU_PUBLIC_URL", "public-url").doesNotContain("BANGFU_OBJECTION_OFFICE", "BANGFU_HANDBOOK_ISSUER");
        }

        // a value an administrator changed under 系统设置 counts as set
        execute("""
                insert into bf_setting (setting_key, setting_value, version_no, changed_by, changed_at) values
                ('pairing.objection-phone', '0553-5551234', 1, 'chief', current_timestamp),
                ('public-url', 'https://bangfu.example.gov.cn', 1, 'chief', current_timestamp)""");
        try (AppProcess app = startWith(twoOfFour)) {
            assertThat(app.isRunning()).as(app.output()).isTrue();
        }
    }

    /** A production start with what goes on paper set (else it is refused), and {@code args}. */
    private AppProcess start(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--spring.profiles.active=prod",
                "--bangfu.pairing.objection-office=芜湖市弋江区民政局社会救助科", "--bangfu.pairing.objection-phone=0553-5551234",
                "--bangfu.public-url=https://bangfu.example.gov.cn", "--bangfu.handbook.issuer=芜湖市弋江区民政局"));
        all.addAll(List.of(args));
        return startWith(all);
    }

    private AppProcess startWithProfiles(String profiles) throws Exception {
        return startWith(List.of("--spring.profiles.active=" + profiles));
    }

    private AppProcess startWith(List<String> args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(), "--spring.datasource.password=" + db.password(),
                // the tests run without the compiled production front end; plain HTTP here
                "--vaadin.productionMode=false", "--server.servlet.session.cookie.secure=false"));
        all.addAll(args);
        return AppProcess.start(all.toArray(String[]::new));
    }

    private void execute(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
                Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private List<String> rows(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
