package org.bangfu.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bangfu.testsupport.ApiClient;
import org.bangfu.testsupport.AppProcess;
import org.bangfu.testsupport.Multipart;
import org.bangfu.testsupport.TestIds;
import org.bangfu.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

/**
 * A batch re-check survives the application being killed in the middle (kill -9: no graceful shutdown, the
 * chunk in flight lost): started again, Bangfu resumes it by itself, and it ends with what an uninterrupted
 * batch on the same data finds, nothing counted twice.
 */
class BatchRestartTest {

    private static final int HOUSEHOLDS = 1500;

    @Test
    void aBatchKilledHalfWayResumesAtTheNextStartAndCountsNothingTwice() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase();
        // one household per chunk and one worker: the batch takes long enough to be killed in the middle
        String[] args = { "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(), "--bangfu.comparison.batch-chunk-size=1",
                "--bangfu.comparison.batch-workers=1" };
        long batch;
        try (AppProcess app = AppProcess.start(args)) {
            assertThat(app.isRunning()).as(app.output()).isTrue();
            await(db, "select count(*) from bf_comparison_batch where status = 'RUNNING'", 0);
            byte[] employees = generate(db);
            HttpResponse<String> imported = send(app, "POST", "/api/agency-data/PUBLIC_EMPLOYEE/imports",
                    Multipart.CONTENT_TYPE, Multipart.body("财政供养.csv", employees, Map.of()));
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
            batch = startBatch(app);
            long chunks = query(db, "select count(*) from bf_comparison_batch_chunk where batch_id = " + batch);
            assertThat(chunks).isGreaterThan(HOUSEHOLDS);
            awaitAtLeast(db, "select count(*) from bf_comparison_batch_chunk where done and batch_id = " + batch, chunks / 5);
            app.kill();
        }
        long doneAtKill = query(db, "select count(*) from bf_comparison_batch_chunk where done and batch_id = " + batch);
        assertThat(query(db, "select count(*) from bf_comparison_batch where status = 'RUNNING' and id = " + batch))
                .as("killed while running (%d chunks done)", doneAtKill).isEqualTo(1);

        long uninterrupted;
        try (AppProcess app = AppProcess.start(args)) {
            assertThat(app.isRunning()).as(app.output()).isTrue();
            await(db, "select count(*) from bf_comparison_batch where status = 'RUNNING'", 0);
            assertThat(app.output()).contains("Resuming comparison batch " + batch);
            uninterrupted = startBatch(app);
            await(db, "select count(*) from bf_comparison_batch where status = 'RUNNING'", 0);
        }
        assertThat(query(db, "select count(*) from bf_comparison_batch where status = 'DONE' and id = " + batch))
                .isEqualTo(1);
        for (String figure : new String[] {
                "select count(*) from bf_comparison_report where batch_id = %d",
                "select count(*) from bf_comparison_warning where batch_id = %d",
                "select coalesce(sum(warnings), 0) from bf_comparison_batch_chunk where batch_id = %d",
                "select coalesce(sum(households), 0) from bf_comparison_batch_street where batch_id = %d",
                "select coalesce(sum(people), 0) from bf_comparison_batch_street where batch_id = %d" }) {
            assertThat(query(db, figure.formatted(batch))).as(figure).isEqualTo(query(db, figure.formatted(uninterrupted)))
                    .isPositive();
        }
        assertThat(query(db, "select count(*) from bf_comparison_warning where batch_id = " + batch))
                .isGreaterThanOrEqualTo(HOUSEHOLDS / 3);
        assertThat(query(db, """
                select count(*) from (select household_id from bf_comparison_report where batch_id = %d
                                       group by household_id having count(*) > 1) twice""".formatted(batch))).isZero();
    }

    /** Households of two in street S01, the head of every third a public-funded employee: the agency's file. */
    private static byte[] generate(TestPostgres.Database db) throws SQLException {
        StringBuilder csv = new StringBuilder("身份证号,工作单位\n");
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            c.setAutoCommit(false);
            long team = single(c, "select id from bf_team where code = 'T01'");
            long street = single(c, "select street_id from bf_team where code = 'T01'");
            long village = single(c, "select min(id) from bf_village where street_id = " + street);
            try (PreparedStatement household = c.prepareStatement("""
                    insert into bf_household (head_name, street_id, village_id, attribute, stage, team_id, created_at,
                                              updated_at)
                    values (?, ?, ?, 'GENERAL', 'PAIRED', ?, current_timestamp, current_timestamp)""",
                    Statement.RETURN_GENERATED_KEYS);
                    PreparedStatement member = c.prepareStatement("""
                            insert into bf_member (household_id, name, relation, gender, birth_date, id_number,
                                                   active_id_number, created_at)
                            values (?, ?, ?, 'MALE', ?, ?, ?, current_timestamp)""")) {
                for (int i = 0; i < HOUSEHOLDS; i++) {
                    household.setString(1, "重启户" + i);
                    household.setLong(2, street);
                    household.setLong(3, village);
                    household.setLong(4, team);
                    household.executeUpdate();
                    long id;
                    try (ResultSet keys = household.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                    for (int k = 0; k < 2; k++) {
                        LocalDate birth = LocalDate.of(1955, 1, 1).plusDays(i * 2L + k);
                        String idNumber = TestIds.id(birth, 300 + k);
                        member.setLong(1, id);
                        member.setString(2, "重启成员" + i + "-" + k);
                        member.setString(3, k == 0 ? "HEAD" : "OTHER");
                        member.setObject(4, birth);
                        member.setString(5, idNumber);
                        member.setString(6, idNumber);
                        member.addBatch();
                        if (k == 0 && i % 3 == 0) {
                            csv.append(idNumber).append(",区直单位\n");
                        }
                    }
                }
                member.executeBatch();
            }
            c.commit();
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private long startBatch(AppProcess app) throws Exception {
        HttpResponse<String> started = send(app, "POST", "/api/comparison/batches", null, null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(started.body());
        assertThat(id.find()).isTrue();
        return Long.parseLong(id.group(1));
    }

    private static HttpResponse<String> send(AppProcess app, String method, String path, String contentType, byte[] body) {
        return new ApiClient(app.port()).send("district", method, path, contentType, body, null);
    }

    private static void await(TestPostgres.Database db, String sql, long expected) throws Exception {
        for (int i = 0; i < 1200 && query(db, sql) != expected; i++) {
            Thread.sleep(100);
        }
        assertThat(query(db, sql)).as(sql).isEqualTo(expected);
    }

    private static void awaitAtLeast(TestPostgres.Database db, String sql, long least) throws Exception {
        for (int i = 0; i < 1200 && query(db, sql) < least; i++) {
            Thread.sleep(20);
        }
    }

    private static long query(TestPostgres.Database db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            return single(c, sql);
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
