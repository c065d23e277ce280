package org.bangfu.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.calendar.WorkingDays;
import org.bangfu.funds.FundBudgets;
import org.bangfu.funds.FundPayments;
import org.bangfu.funds.FundReleases;
import org.bangfu.funds.FundsFixture;
import org.bangfu.household.Households;
import org.bangfu.pairing.Pairing;
import org.bangfu.pairing.PairingCase;
import org.bangfu.pairing.PairingFixture;
import org.bangfu.pairing.PairingTasks;
import org.bangfu.pairing.PairingVariables;
import org.bangfu.shared.InvalidInput;
import org.bangfu.testsupport.ApiClient;
import org.bangfu.testsupport.RunAs;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * System settings through the facade and the API: a change is in force at once where it is used (the next notice,
 * the next task, the next fund request), bad values and stale edits change nothing, only administrators change, and
 * the history says who, when and why.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
class SettingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    Settings settings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    Households households;

    @Autowired
    Pairing pairing;

    @Autowired
    PairingTasks tasks;

    @Autowired
    ManagementService management;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    Clock clock;

    @Autowired
    FundBudgets budgets;

    @Autowired
    FundReleases releases;

    @Autowired
    FundPayments payments;

    RunAs as;
    ApiClient api;

    @BeforeEach
    void setUp() {
        as = new RunAs(users);
        api = new ApiClient(port);
    }

    HttpResponse<String> put(String user, String key, String value, String reason, int version) {
        Map<String, Object> body = new HashMap<>();
        body.put("value", value);
        body.put("reason", reason);
        body.put("version", version);
        try {
            return api.send(user, "PUT", "/api/settings/" + key, "application/json",
                    JSON.writeValueAsBytes(body), null);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode listed(String user, String key) {
        for (JsonNode setting : json(api.get(user, "/api/settings"))) {
            if (setting.get("key").asText().equals(key)) {
                return setting;
            }
        }
        throw new AssertionError("no setting " + key);
    }

    int version(String key) {
        return as.call("admin", () -> settings.find(key).version());
    }

    int changes(String key) {
        return jdbc.sql("select count(*) from bf_setting_change where setting_key = ?").param(key)
                .query(Integer.class).single();
    }

    @Nested
    class InForceAtOnce {

        @Test
        void aNoticePreparedAfterTheChangeShowsTheNewPhoneOfficeAndPeriod() {
            PairingFixture fx = new PairingFixture(as, jdbc, households, pairing, tasks, management);
            assertThat(put("admin", "pairing.objection-phone", "0553-5551234", "科室电话变更", version(
                    "pairing.objection-phone")).statusCode()).isEqualTo(200);
            assertThat(put("admin", "pairing.objection-office", "弋江区民政局社会救助与福利科", "科室更名",
                    version("pairing.objection-office")).statusCode()).isEqualTo(200);
            assertThat(put("admin", "pairing.notice-days.VILLAGE", "7", "县级文件要求公示七个工作日",
                    version("pairing.notice-days.VILLAGE")).statusCode()).isEqualTo(200);

            PairingCase c = fx.start(fx.family());
            fx.walkTo(c, PairingVariables.POST_NOTICE);
            long noticeId = jdbc.sql("select max(id) from bf_notice where case_id = ?").param(c.id())
                    .query(Long.class).single();
            HttpResponse<String> document = api.get("street01", "/api/notices/" + noticeId + "/document");
            assertThat(document.statusCode()).isEqualTo(200);
            assertThat(document.body()).contains("0553-5551234", "弋江区民政局社会救助与福利科")
                    .doesNotContain("0553-4820000");
            assertThat(jdbc.sql("select period_days from bf_notice where id = ?").param(noticeId)
                    .query(Integer.class).single()).isEqualTo(7);
        }

        @Test
        void aTaskCreatedAfterTheChangeIsDueByTheNewNumberOfWorkingDays() {
            PairingFixture fx = new PairingFixture(as, jdbc, households, pairing, tasks, management);
            PairingCase before = fx.start(fx.family());
            assertThat(put("admin", "pairing.due-days.Task_HomeCheck", "20", "入户核查工作量大，延长时限",
                    version("pairing.due-days.Task_HomeCheck")).statusCode()).isEqualTo(200);
            PairingCase after = fx.start(fx.family());

            LocalDate today = LocalDate.now(clock);
            assertThat(dueOn(fx, before)).isEqualTo(workingDays.plus(today, 10));
            assertThat(dueOn(fx, after)).isEqualTo(workingDays.plus(today, 20));
        }

        LocalDate dueOn(PairingFixture fx, PairingCase c) {
            return jdbc.sql("select due_on from bf_task where task_id = ?").param(fx.task(c).id())
                    .query(LocalDate.class).single();
        }

        @Test
        void aFundRequestAboveTheNewLimitIsRefused() {
            FundsFixture fx = new FundsFixture(as, jdbc, households, budgets, releases, tasks, payments, management);
            long household = fx.pairedHousehold(50_000);
            String release = fx.start(household);
            assertThat(put("admin", "funds.max-request", "2000", "单次申请上限下调", version("funds.max-request"))
                    .statusCode()).isEqualTo(200);

            assertThatThrownBy(() -> fx.request(release, "2500"))
                    .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.errors())
                            .anySatisfy(e -> assertThat(e.field() + ":" + e.messageKey())
                                    .isEqualTo("amount:money.tooLarge")));
            fx.request(release, "2000");
            assertThat(jdbc.sql("select count(*) from bf_fund_request where household_id = ?").param(household)
                    .query(Integer.class).single()).isEqualTo(1);
        }

        @Test
        void readsAnswerTheDefaultUntilChangedThenTheStoredValue() {
            assertThat(settings.text("handbook.issuer")).isEqualTo("弋江区民政局");
            as.run("admin", () -> settings.change("handbook.issuer", "芜湖市弋江区民政局", "全称", 0));
            assertThat(settings.text("handbook.issuer")).isEqualTo("芜湖市弋江区民政局");
            assertThat(settings.money("funds.max-arrangement").toString()).isEqualTo("1000000.00");
            assertThat(settings.fraction("pairing.reviews.SECOND.quorum")).isEqualTo(new Fraction(2, 3));
        }
    }

    @Nested
    class Refusals {

        @Test
        void badValuesAndMissingReasonsAreRefusedInChineseAndChangeNothing() {
            String[][] refused = { { "pairing.notice-days.STREET", "0", "请填写 1 到 30 之间的整数" },
                    { "pairing.notice-days.STREET", "五", "请填写 1 到 30 之间的整数" },
                    { "pairing.objection-phone", "打电话给我", "电话号码只能包含数字和连字符" },
                    { "public-url", "ftp://bangfu.example.gov.cn", "请填写以 http:// 或 https:// 开头的完整网址" },
                    { "pairing.reviews.FIRST.quorum", "3/2", "请填写分数" },
                    { "funds.max-arrangement", "12.345", "金额最多精确到分" },
                    { "funds.max-arrangement", "200000000", "金额应在 1 元到 100,000,000 元之间" },
                    { "handbook.issuer", "  ", "请填写设置值" } };
            for (String[] bad : refused) {
                HttpResponse<String> answer = put("admin", bad[0], bad[1], "试一试", 0);
                assertThat(answer.statusCode()).as(bad[0] + "=" + bad[1]).isEqualTo(400);
                JsonNode error = json(answer).get("errors").get(0);
                assertThat(error.get("field").asText()).isEqualTo("value");
                assertThat(error.get("message").asText()).contains(bad[2]);
            }
            HttpResponse<String> noReason = put("admin", "pairing.notice-days.STREET", "6", " ", 0);
            assertThat(noReason.statusCode()).isEqualTo(400);
            assertThat(json(noReason).get("errors").get(0).get("field").asText()).isEqualTo("reason");
            assertThat(json(noReason).get("errors").get(0).get("message").asText()).contains("请填写修改原因");

            for (String key : List.of("pairing.notice-days.STREET", "pairing.objection-phone", "public-url",
                    "pairing.reviews.FIRST.quorum", "funds.max-arrangement")) {
                assertThat(changes(key)).as(key).isZero();
                assertThat(version(key)).as(key).isZero();
            }
            assertThat(settings.integer("pairing.notice-days.STREET")).isEqualTo(5);
            // English callers read English
            HttpResponse<String> english = api.send("admin", "PUT", "/api/settings/pairing.notice-days.STREET",
                    "application/json", "{\"value\":\"99\",\"reason\":\"x\",\"version\":0}"
                            .getBytes(StandardCharsets.UTF_8), "en");
            assertThat(json(english).get("errors").get(0).get("message").asText())
                    .isEqualTo("Enter a whole number from 1 to 30");
        }

        @Test
        void aStaleVersionIsRefusedAndTheOtherChangeStands() {
            String key = "pairing.due-days.Task_Filing";
            assertThat(put("admin", key, "8", "备案材料较多", 0).statusCode()).isEqualTo(200);
            HttpResponse<String> stale = put("admin2", key, "3", "备案应当从速", 0);
            assertThat(stale.statusCode()).isEqualTo(409);
            assertThat(json(stale).get("currentVersion").asInt()).isEqualTo(1);
            assertThat(json(stale).get("detail").asText()).contains("已被其他管理员修改");
            assertThat(settings.integer(key)).isEqualTo(8);
            assertThat(changes(key)).isEqualTo(1);

            HttpResponse<String> unchanged = put("admin2", key, "8", "同上", 1);
            assertThat(unchanged.statusCode()).isEqualTo(400);
            assertThat(changes(key)).isEqualTo(1);
        }

        @Test
        void onlyAnAdministratorChangesAndSecurityAdministratorsAndTeamsDoNotRead() {
            String key = "funds.max-arrangement";
            for (String user : List.of("district", "leader", "auditor", "security", "team01", "street01")) {
                assertThat(put(user, key, "900000", "越权尝试", 0).statusCode()).as(user).isEqualTo(403);
            }
            assertThat(changes(key)).isZero();
            for (String user : List.of("district", "leader", "auditor")) {
                assertThat(api.get(user, "/api/settings").statusCode()).as(user).isEqualTo(200);
                assertThat(api.get(user, "/api/settings/" + key + "/history").statusCode()).as(user).isEqualTo(200);
            }
            for (String user : List.of("security", "team01", "street01")) {
                assertThat(api.get(user, "/api/settings").statusCode()).as(user).isEqualTo(403);
                assertThat(api.get(user, "/api/settings/" + key + "/history").statusCode()).as(user).isEqualTo(403);
            }
            assertThat(api.get("admin", "/api/settings/no.such-setting").statusCode()).isEqualTo(404);
            assertThat(put("admin", "no.such-setting", "1", "x", 0).statusCode()).isEqualTo(404);
        }
    }

    @Nested
    class History {

        @Test
        void listsEverySettingWithItsDefaultAndTheLastChangeByName() {
            JsonNode phone = listed("district", "pairing.objection-office");
            assertThat(phone.get("group").asText()).isEqualTo("NOTICES");
            assertThat(phone.get("type").asText()).isEqualTo("TEXT");
            assertThat(phone.get("printedOnPaper").asBoolean()).isTrue();
            assertThat(phone.get("label").asText()).isEqualTo("异议受理单位");
            JsonNode limit = listed("leader", "funds.second-approval-above");
            assertThat(limit.get("value").asText()).isEqualTo("50000");
            assertThat(limit.get("default").asText()).isEqualTo("50000");
            assertThat(limit.get("version").asInt()).isZero();
            assertThat(limit.get("changedBy").isNull()).isTrue();

            HttpResponse<String> changed = put("admin", "funds.second-approval-above", "30000.00", "加强大额审批", 0);
            assertThat(changed.statusCode()).isEqualTo(200);
            assertThat(json(changed).get("value").asText()).isEqualTo("30000");
            assertThat(json(changed).get("version").asInt()).isEqualTo(1);
            assertThat(json(changed).get("changedBy").asText()).isEqualTo("系统管理员（演示）");
            limit = listed("leader", "funds.second-approval-above");
            assertThat(limit.get("value").asText()).isEqualTo("30000");
            assertThat(limit.get("default").asText()).isEqualTo("50000");
            assertThat(limit.get("changedBy").asText()).isEqualTo("系统管理员（演示）");
            assertThat(limit.get("changedAt").isNull()).isFalse();
        }

        @Test
        void recordsWhoWhenAndWhyNewestFirstAndAuditsEachChange() {
            String key = "handbook.visit-backdate-days";
            assertThat(put("admin", key, "14", "山区走访录入不便", 0).statusCode()).isEqualTo(200);
            assertThat(put("admin2", key, "10", "折中", 1).statusCode()).isEqualTo(200);

            HttpResponse<String> history = api.get("auditor", "/api/settings/" + key + "/history");
            assertThat(history.statusCode()).isEqualTo(200);
            JsonNode changes = json(history);
            assertThat(changes).hasSize(2);
            assertThat(changes.get(0).get("oldValue").asText()).isEqualTo("14");
            assertThat(changes.get(0).get("newValue").asText()).isEqualTo("10");
            assertThat(changes.get(0).get("changedBy").asText()).isEqualTo("系统管理员二（演示）");
            assertThat(changes.get(0).get("reason").asText()).isEqualTo("折中");
            assertThat(changes.get(1).get("oldValue").asText()).isEqualTo("7");
            assertThat(changes.get(1).get("changedBy").asText()).isEqualTo("系统管理员（演示）");
            assertThat(changes.get(1).get("reason").asText()).isEqualTo("山区走访录入不便");
            assertThat(changes.get(1).get("changedAt").asText()).isNotBlank();
            assertThat(jdbc.sql("select actor from bf_audit_log where action = 'SETTING_CHANGED' and target = ? "
                    + "order by id").param(key).query(String.class).list()).containsExactly("admin", "admin2");
            assertThat(settings.integer(key)).isEqualTo(10);
        }
    }
}
