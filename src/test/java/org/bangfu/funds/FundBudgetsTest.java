package org.bangfu.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.bangfu.funds.FundLedger.Kind;
import org.bangfu.shared.BureauTime;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Money;
import org.bangfu.testsupport.ApiClient;
import org.bangfu.testsupport.RunAs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Arranged funds as the district changes them: versions with reasons, the ledger's differences, conflicts. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
class FundBudgetsTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    static final int YEAR = BureauTime.today().getYear();

    @Autowired
    FundBudgets budgets;

    @Autowired
    FundLedger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    RunAs as;
    long household;

    @BeforeEach
    void setUp() {
        as = new RunAs(users);
        household = jdbc.sql("select id from bf_household where head_name = '刘德明'").query(Long.class).single();
    }

    private int entries() {
        return jdbc.sql("select count(*) from bf_fund_ledger where household_id = ? and programme = 'MEDICAL'")
                .param(household).query(Integer.class).single();
    }

    @Test
    void eachChangeIsANewVersionWithItsReasonAndTheLedgerGetsTheDifference() {
        Arrangement first = as.call("district", () -> budgets.arrange(household, YEAR, Programme.MEDICAL, 0,
                Money.parse("50,000"), "大病住院自付部分"));
        assertThat(first.version()).isEqualTo(1);
        Arrangement raised = as.call("district", () -> budgets.arrange(household, YEAR, Programme.MEDICAL, 1,
                Money.parse("70000.50"), "追加康复治疗费用"));
        assertThat(raised.version()).isEqualTo(2);
        Arrangement lowered = as.call("district", () -> budgets.arrange(household, YEAR, Programme.MEDICAL, 2,
                Money.parse("60000"), "医保报销后核减"));

        assertThat(as.call("district", () -> budgets.current(household))).filteredOn(a -> a.programme() == Programme.MEDICAL)
                .containsExactly(lowered);
        assertThat(as.call("team03", () -> budgets.history(household))).filteredOn(a -> a.programme() == Programme.MEDICAL)
                .extracting(Arrangement::version, Arrangement::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "医保报销后核减"),
                        org.assertj.core.groups.Tuple.tuple(2, "追加康复治疗费用"),
                        org.assertj.core.groups.Tuple.tuple(1, "大病住院自付部分"));
        assertThat(jdbc.sql("""
                select amount_fen from bf_fund_ledger where household_id = ? and programme = 'MEDICAL' order by id""")
                .param(household).query(Long.class).list()).containsExactly(5_000_000L, 2_000_050L, -1_000_050L);
        assertThat(as.call("district", () -> ledger.totals(household, YEAR)).of(Kind.ARRANGED))
                .isGreaterThanOrEqualTo(Money.ofYuan(60_000));
    }

    @Test
    void twoOfficersChangingTheSameArrangementDoNotOverwriteEachOther() {
        as.run("district", () -> budgets.arrange(household, YEAR, Programme.EDUCATION, 0, Money.ofYuan(8_000), "学费"));
        as.run("district", () -> budgets.arrange(household, YEAR, Programme.EDUCATION, 1, Money.ofYuan(9_000), "加住宿费"));
        int before = jdbc.sql("select count(*) from bf_fund_ledger where household_id = ?").param(household)
                .query(Integer.class).single();
        // district2 read version 1 before district's change: refused, nothing written
        assertThatThrownBy(() -> as.run("district2", () -> budgets.arrange(household, YEAR, Programme.EDUCATION, 1,
                Money.ofYuan(12_000), "加交通费"))).isInstanceOfSatisfying(StaleArrangement.class,
                        stale -> assertThat(stale.currentVersion()).isEqualTo(2));
        assertThat(jdbc.sql("select count(*) from bf_fund_ledger where household_id = ?").param(household)
                .query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void onlyTheDistrictArrangesAndBadInputChangesNothing() {
        int before = entries();
        assertThatThrownBy(() -> as.run("street02", () -> budgets.arrange(household, YEAR, Programme.MEDICAL, 0,
                Money.ofYuan(1), "x"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as.run("district", () -> budgets.arrange(household, YEAR + 5, Programme.MEDICAL, 0,
                Money.ofYuan(2_000_000), " "))).isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("year", "amount", "reason"));
        assertThat(entries()).isEqualTo(before);
        assertThat(List.of(Money.problem("12.345"), Money.problem("-1"))).extracting(o -> o.orElseThrow())
                .containsExactly("money.fen", "money.invalid");
    }

    @Test
    void theDemoArranges780000YuanForItsElevenHouseholdsAndReleases280000() {
        assertThat(jdbc.sql("""
                select count(distinct b.household_id), sum(b.amount_fen) from bf_fund_budget b
                  join bf_household h on h.id = b.household_id
                 where h.demo = true and b.programme = 'GENERAL'""")
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single())
                .containsExactly(11L, Money.ofYuan(780_000).fen());
        FundLedger.TeamBalance district = as.call("leader", () -> ledger.teams(YEAR)).stream()
                .filter(t -> t.teamId() == null).findFirst().orElseThrow();
        assertThat(district.balance().paid()).isEqualTo(Money.ofYuan(280_000));
        assertThat(jdbc.sql("""
                select count(distinct r.household_id) from bf_fund_request r join bf_household h on h.id = r.household_id
                 where h.demo = true and r.status = 'PAID'""").query(Integer.class).single()).isEqualTo(3);
        // work left for the demo's people: the district's approval, a payment for the next bank file
        assertThat(jdbc.sql("select count(*) from bf_task where task_key = 'Task_DistrictApproval'").query(Integer.class)
                .single()).isPositive();
        assertThat(jdbc.sql("select count(*) from bf_payment where status = 'QUEUED'").query(Integer.class).single())
                .isPositive();
    }

    @Test
    void overRestTheDistrictArrangesInYuanAndFenAndConflictsAndMistakesAreNamed() throws Exception {
        ApiClient api = new ApiClient(port);
        String path = "/api/households/" + household + "/funds/arrangements";
        java.util.function.Function<String, String> body = amount -> """
                {"year": %d, "programme": "HOUSING", "expectedVersion": 0, "amount": "%s", "reason": "危房改造"}"""
                .formatted(YEAR, amount);
        var refused = api.send("district", "POST", path, "application/json",
                body.apply("12.345").getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).get("errors").get(0).get("message").asText())
                .isEqualTo("金额最多精确到分（两位小数）");
        // the API takes plain digits in a JSON string: typed forms and JSON numbers are refused, naming the field
        int arrangements = jdbc.sql("select count(*) from bf_fund_budget where household_id = ?").param(household)
                .query(Integer.class).single();
        for (String loose : new String[] { "\"1,000.00\"", "\" 1.00\"", "1.5", "\"¥300\"", "{}" }) {
            String sent = ("{\"year\": %d, \"programme\": \"HOUSING\", \"expectedVersion\": 0, \"amount\": %s, "
                    + "\"reason\": \"危房改造\"}").formatted(YEAR, loose);
            var loosely = api.send("district", "POST", path, "application/json",
                    sent.getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
            assertThat(loosely.statusCode()).as(loose).isEqualTo(400);
            JsonNode problem = json.readTree(loosely.body());
            assertThat(problem.get("errors").findValuesAsText("field")).as(loose).containsExactly("amount");
            assertThat(problem.get("errors").findValuesAsText("message")).as(loose).singleElement()
                    .satisfies(m -> assertThat(m).isNotBlank().doesNotContain("Exception"));
        }
        assertThat(json.readTree(api.send("district", "POST", path, "application/json",
                body.apply("1,000.00").getBytes(java.nio.charset.StandardCharsets.UTF_8), null).body())
                .get("errors").get(0).get("message").asText()).contains("\"1200.50\"");
        assertThat(jdbc.sql("select count(*) from bf_fund_budget where household_id = ?").param(household)
                .query(Integer.class).single()).isEqualTo(arrangements);
        var created = api.send("district", "POST", path, "application/json",
                body.apply("1200.50").getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json.readTree(created.body()).get("amount").asText()).isEqualTo("1200.50");
        var again = api.send("district2", "POST", path, "application/json",
                body.apply("1300").getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json.readTree(again.body()).get("currentVersion").asInt()).isEqualTo(1);

        JsonNode current = json.readTree(api.get("team03", path).body());
        assertThat(current.toString()).contains("\"programme\":\"HOUSING\"", "\"amount\":\"1200.50\"");
        assertThat(api.get("team02", path).statusCode()).isEqualTo(404);
        assertThat(api.send("team03", "POST", path, "application/json",
                body.apply("1").getBytes(java.nio.charset.StandardCharsets.UTF_8), null).statusCode()).isEqualTo(403);
    }
}
