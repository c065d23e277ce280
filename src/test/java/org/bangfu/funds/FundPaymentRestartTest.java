package org.bangfu.funds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bangfu.testsupport.ApiClient;
import org.bangfu.testsupport.AppProcess;
import org.bangfu.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Bangfu killed between the payment instruction and the payment (kill -9, the job not yet run) and started
 * again: the job runs once, by itself, and there is exactly one payment.
 */
class FundPaymentRestartTest {

    @Test
    void aReleaseApprovedBeforeACrashIsPaidOnceAfterTheRestart() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase();
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(db.url(), db.user(), db.password()));
        String[] connection = { "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password() };
        String release;
        try (AppProcess app = AppProcess.start(with(connection, "--camunda.bpm.job-execution.enabled=false"))) {
            assertThat(app.isRunning()).as(app.output()).isTrue();
            // the demo data is loaded after the server answers
            for (int i = 0; i < 1800 && !app.output().contains("yuan released"); i++) {
                Thread.sleep(100);
            }
            ApiClient api = new ApiClient(app.port());
            long household = jdbc.sql("select id from bf_household where head_name = '马建军'").query(Long.class).single();
            String member = jdbc.sql("""
                    select min(u.username) from bf_user_account u join bf_household h on h.team_id = u.team_id
                     where h.id = ? and u.role = 'TEAM_MEMBER'""").param(household).query(String.class).single();
            String leader = member.replace("team", "lead");
            HttpResponse<String> started = api.send(member, "POST", "/api/households/" + household + "/funds/releases",
                    null, null, null);
            assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
            Matcher id = Pattern.compile("\"processInstanceId\":\"([^\"]+)\"").matcher(started.body());
            assertThat(id.find()).isTrue();
            release = id.group(1);
            complete(api, jdbc, release, member, """
                    {"decision":"SUBMIT","programme":"GENERAL","amount":"6000","measure":"HEALTH","purpose":"门诊费用"}""");
            complete(api, jdbc, release, leader, "{\"decision\":\"APPROVE\"}");
            complete(api, jdbc, release, "district", "{\"decision\":\"APPROVE\"}");
            assertThat(payments(jdbc, release)).isEqualTo("INSTRUCTED");
            assertThat(jdbc.sql("select count(*) from ACT_RU_JOB where PROCESS_INSTANCE_ID_ = ?").param(release)
                    .query(Integer.class).single()).isEqualTo(1);
            app.kill();
        }
        assertThat(payments(jdbc, release)).as("nothing paid before the crash").isEqualTo("INSTRUCTED");

        try (AppProcess app = AppProcess.start(connection)) {
            assertThat(app.isRunning()).as(app.output()).isTrue();
            for (int i = 0; i < 600 && !payments(jdbc, release).equals("QUEUED"); i++) {
                Thread.sleep(100);
            }
            assertThat(payments(jdbc, release)).as("paid once by the job after the restart").isEqualTo("QUEUED");
            assertThat(jdbc.sql("select count(*) from ACT_RU_JOB where PROCESS_INSTANCE_ID_ = ?").param(release)
                    .query(Integer.class).single()).isZero();
            assertThat(jdbc.sql("""
                    select count(*) from ACT_RU_EVENT_SUBSCR where PROC_INST_ID_ = ? and EVENT_NAME_ = 'PaymentSettled'""")
                    .param(release).query(Integer.class).single()).isEqualTo(1);
        }
        assertThat(payments(jdbc, release)).isEqualTo("QUEUED");
    }

    private static String[] with(String[] args, String more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = more;
        return all;
    }

    /** The statuses of the release's payments, comma-separated: exactly one is expected. */
    private static String payments(JdbcClient jdbc, String release) {
        return String.join(",", jdbc.sql("""
                select p.status from bf_payment p join bf_fund_request r on r.id = p.request_id
                 where r.process_instance_id = ? order by p.id""").param(release).query(String.class).list());
    }

    private static void complete(ApiClient api, JdbcClient jdbc, String release, String user, String form) {
        String task = jdbc.sql("""
                select t.task_id from bf_task t join ACT_RU_TASK r on r.ID_ = t.task_id where r.PROC_INST_ID_ = ?""")
                .param(release).query(String.class).single();
        HttpResponse<String> done = api.send(user, "POST", "/api/tasks/" + task + "/complete", "application/json",
                form.getBytes(StandardCharsets.UTF_8), null);
        assertThat(done.statusCode()).as(user + " " + done.body()).isEqualTo(204);
    }
}
