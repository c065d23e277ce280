package org.bangfu.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.bangfu.testsupport.AppProcess;
import org.bangfu.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

/**
 * Flyway's tables and the engine's live side by side: on a fresh database and after a restart, on PostgreSQL
 * and on the embedded H2 default. A restart keeps the data and deploys nothing again. (Flyway names its
 * history table in quotes, in lower case, on both databases.)
 */
class SchemaOrderTest {

    @Test
    void freshPostgresThenRestart() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase();
        startTwice(db.url(), db.user(), "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(), "--spring.datasource.password=" + db.password());
    }

    @Test
    void freshEmbeddedH2ThenRestart() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "h2-");
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("bangfu");
        startTwice(url, "sa", "--spring.datasource.url=" + url);
    }

    private void startTwice(String url, String user, String... args) throws Exception {
        try (AppProcess app = AppProcess.start(args)) {
            assertThat(app.isRunning()).as(app.output()).isTrue();
        }
        Snapshot first = snapshot(url, user);
        assertThat(first.migrations()).isGreaterThanOrEqualTo(3);
        assertThat(first.failedMigrations()).isZero();
        assertThat(first.engineTables()).isGreaterThan(40);
        assertThat(first.accounts()).isEqualTo(36);
        assertThat(first.streets()).isEqualTo(6);
        assertThat(first.teams()).isEqualTo(11);
        // one deployment per shipped file (processes/: 5 processes, 3 decisions); a restart deploys none again
        assertThat(first.deployments()).isGreaterThanOrEqualTo(8);
        execute(url, user, "update bf_street set name = '测试街道' where code = 'S01'");

        try (AppProcess app = AppProcess.start(args)) {
            assertThat(app.isRunning()).as(app.output()).isTrue();
        }
        assertThat(snapshot(url, user)).isEqualTo(first);
        assertThat(query(url, user, "select count(*) from bf_street where name = '测试街道'")).isEqualTo(1);
    }

    private static Snapshot snapshot(String url, String user) throws SQLException {
        return new Snapshot(
                query(url, user, "select count(*) from \"bf_schema_history\" where \"success\" = true and \"version\" is not null"),
                query(url, user, "select count(*) from \"bf_schema_history\" where \"success\" = false"),
                query(url, user, "select count(*) from information_schema.tables where lower(table_name) like 'act\\_%' escape '\\'"),
                query(url, user, "select count(*) from bf_user_account"),
                query(url, user, "select count(*) from bf_street"),
                query(url, user, "select count(*) from bf_team"),
                query(url, user, "select count(*) from act_re_deployment"));
    }

    private static int query(String url, String user, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void execute(String url, String user, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    record Snapshot(int migrations, int failedMigrations, int engineTables, int accounts, int streets, int teams,
            int deployments) {
    }
}
