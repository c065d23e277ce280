package org.bangfu.organisation;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The production profile: no demo account, no default password, the first administrator from the environment. */
class ProductionStartTest {

    private final TestPostgres.Database db = TestPostgres.newDatabase();

    @Test
    void refusesToStartWithoutTheFirstAdministrator() throws Exception {
        try (AppProcess app = start()) {
            assertThat(app.exitCode()).isNotZero();
            assertThat(app.output()).contains("BANGFU_ADMIN_USERNAME");
        }
    }

    @Test
    void refusesAWeakFirstPassword() throws Exception {
        try (AppProcess app = start("--bangfu.admin.username=chief", "--bangfu.admin.password=password")) {
            assertThat(app.exitCode()).isNotZero();
            assertThat(app.output()).contains("password policy");
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
    void createsOnlyTheAdministratorFromTheEnvironmentThenNeedsItNoMore() throws Exception {
        try (AppProcess app = start("--bangfu.admin.username=chief", "--bangfu.admin.password=Str0ng#Pass")) {
            assertThat(app.isRunning()).as(app.output()).isTrue();
            WebSession web = new WebSession(app.port());
            assertThat(web.get("/api/me", "Authorization", WebSession.basic("chief", "Str0ng#Pass")).statusCode())
                    .isEqualTo(200);
            assertThat(web.get("/api/me", "Authorization", WebSession.basic("admin", "Demo@2019")).statusCode())
                    .isEqualTo(401);
        }
        assertThat(rows("select username || ':' || role from bf_user_account")).containsExactly("chief:ADMIN");
        assertThat(rows("select code from bf_street")).isEmpty();
        assertThat(rows("select action from bf_audit_log where action = 'ADMIN_BOOTSTRAPPED'")).hasSize(1);

        try (AppProcess app = start()) {
            assertThat(app.isRunning()).as(app.output()).isTrue();
        }
    }

    private AppProcess start(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--spring.profiles.active=prod",
                "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                // the tests run without the compiled production front end; plain HTTP here
                "--vaadin.productionMode=false", "--server.servlet.session.cookie.secure=false"));
        all.addAll(List.of(args));
        return AppProcess.start(all.toArray(String[]::new));
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
