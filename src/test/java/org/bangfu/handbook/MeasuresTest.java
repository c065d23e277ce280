package org.bangfu.handbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import org.bangfu.handbook.Measure.Status;
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
import org.springframework.security.core.userdetails.UserDetailsService;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The plan's measures through their lifecycle, and the results the household confirms. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
class MeasuresTest {

    @LocalServerPort
    int port;

    @Autowired
    Measures measures;

    @Autowired
    Results results;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    ObjectMapper json;

    @Autowired
    Clock clock;

    RunAs as;
    long household;
    LocalDate today;

    @BeforeEach
    void setUp() {
        as = new RunAs(users);
        household = jdbc.sql("select id from bf_household where head_name = '张玉珍'").query(Long.class).single();
        today = LocalDate.now(clock);
    }

    private MeasureDraft schooling(Long fundRequest) {
        return new MeasureDraft("EDUCATION", "弋江区教育局", "李老师", "为两名孙辈申请教育资助并落实营养餐", today.plusDays(10),
                Money.parse("2,400"), fundRequest);
    }

    @Test
    void aMeasureIsPlannedStartedAndDoneAndEachStepIsKept() {
        Measure planned = as.call("team04", () -> measures.plan(household, schooling(null)));
        assertThat(planned.status()).isEqualTo(Status.PLANNED);
        assertThat(planned.cost()).isEqualTo(Money.ofYuan(2400));

        Measure changed = as.call("lead04", () -> measures.change(household, planned.id(), 0,
                new MeasureDraft("EDUCATION", "弋江区教育局", null, "教育资助（两名孙辈）", today, Money.ofYuan(3000), null)));
        assertThat(changed.version()).isEqualTo(1);
        assertThat(changed.partyPerson()).isNull();
        Measure started = as.call("team04", () -> measures.move(household, planned.id(), 1, Status.IN_PROGRESS, null, null));
        Measure done = as.call("team04", () -> measures.move(household, planned.id(), 2, Status.DONE, today, null));
        assertThat(done.status()).isEqualTo(Status.DONE);
        assertThat(done.doneOn()).isEqualTo(today);
        assertThat(started.version()).isEqualTo(2);

        assertThat(as.call("district", () -> measures.events(household, planned.id())))
                .extracting(Measure.Event::status, Measure.Event::actor)
                .containsExactly(tuple(Status.PLANNED, "team04"), tuple(Status.IN_PROGRESS, "team04"),
                        tuple(Status.DONE, "team04"));

        // a done measure stays as it was
        assertThatThrownBy(() -> as.run("team04", () -> measures.move(household, planned.id(), 3, Status.DROPPED, null,
                "误录")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).extracting(FieldError::messageKey)
                        .containsExactly("handbook.measure.transition"));
        assertThatThrownBy(() -> as.run("team04", () -> measures.change(household, planned.id(), 3, schooling(null))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).extracting(FieldError::messageKey)
                        .containsExactly("handbook.measure.closed"));
    }

    @Test
    void droppingNeedsAReasonAndAStaleStepChangesNothing() {
        Measure planned = as.call("team04", () -> measures.plan(household, schooling(null)));
        assertThatThrownBy(() -> as.run("team04", () -> measures.move(household, planned.id(), 0, Status.DROPPED, null,
                " ")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::messageKey).containsExactly(tuple("reason", "form.required")));
        assertThatThrownBy(() -> as.run("team04", () -> measures.move(household, planned.id(), 0, Status.DONE,
                today.plusDays(1), null)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).extracting(FieldError::messageKey)
                        .containsExactly("handbook.date.future"));

        as.run("lead04", () -> measures.move(household, planned.id(), 0, Status.IN_PROGRESS, null, null));
        assertThatThrownBy(() -> as.run("team04", () -> measures.move(household, planned.id(), 0, Status.DROPPED, null,
                "家庭已获其他资助")))
                .isInstanceOfSatisfying(StaleHandbookEntry.class, e -> assertThat(e.currentVersion()).isEqualTo(1));

        Measure dropped = as.call("team04", () -> measures.move(household, planned.id(), 1, Status.DROPPED, null,
                "家庭已获其他资助"));
        assertThat(dropped.status()).isEqualTo(Status.DROPPED);
        assertThat(dropped.statusReason()).isEqualTo("家庭已获其他资助");
    }

    @Test
    void aMeasureIsCheckedWholeAndMayOnlyNameThisHouseholdsFundRequests() {
        int before = jdbc.sql("select count(*) from bf_measure where household_id = ?").param(household)
                .query(Integer.class).single();
        assertThatThrownBy(() -> as.run("team04", () -> measures.plan(household,
                new MeasureDraft("NO_SUCH", " ", null, "", null, null, null))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("category", "partyUnit", "content", "plannedOn"));
        long foreignRequest = jdbc.sql("""
                select r.id from bf_fund_request r join bf_household h on h.id = r.household_id
                 where h.head_name = '刘德明' fetch first 1 rows only""").query(Long.class).single();
        assertThatThrownBy(() -> as.run("team04", () -> measures.plan(household, schooling(foreignRequest))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).extracting(FieldError::messageKey)
                        .containsExactly("handbook.measure.fundRequest"));
        assertThat(jdbc.sql("select count(*) from bf_measure where household_id = ?").param(household)
                .query(Integer.class).single()).isEqualTo(before);

        Long ownRequest = jdbc.sql("select id from bf_fund_request where household_id = ? fetch first 1 rows only")
                .param(household).query(Long.class).optional().orElse(null);
        if (ownRequest != null) {
            assertThat(as.call("team04", () -> measures.plan(household, schooling(ownRequest))).fundRequestId())
                    .isEqualTo(ownRequest);
        }
    }

    @Test
    void aResultIsConfirmedByTheHouseholdAndMayNameItsMeasure() {
        Measure measure = as.call("team04", () -> measures.plan(household, schooling(null)));
        assertThatThrownBy(() -> as.run("team04", () -> results.record(household, today, "两名孙辈按时入学", measure.id(),
                Confirmation.NONE, null, null)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).extracting(FieldError::messageKey)
                        .containsExactly("handbook.result.confirmationRequired"));
        assertThatThrownBy(() -> as.run("team04", () -> results.record(household, today.plusDays(1), "x", null,
                Confirmation.PAPER, null, null)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).extracting(FieldError::messageKey)
                        .containsExactly("handbook.date.future", "handbook.confirmation.missing.PAPER"));

        Result result = as.call("team04", () -> results.record(household, today, "两名孙辈按时入学，获教育资助 3,000 元",
                measure.id(), null, null, HandbookImages.signature()));
        assertThat(result.confirmation()).isEqualTo(Confirmation.SIGNATURE);
        assertThat(result.measureId()).isEqualTo(measure.id());
        assertThat(as.call("leader", () -> results.ofHousehold(household))).extracting(Result::id).contains(result.id());
    }

    @Test
    void overRestACostIsTypedInYuanAndAStepNamesItsVersion() throws Exception {
        ApiClient api = new ApiClient(port);
        String path = "/api/households/" + household + "/measures";
        var refused = api.send("team04", "POST", path, "application/json", """
                {"category": "HEALTH", "partyUnit": "镇卫生院", "content": "家庭医生签约", "plannedOn": "%s", "cost": "12.345"}"""
                .formatted(today).getBytes(StandardCharsets.UTF_8), null);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).get("errors").get(0).get("message").asText())
                .isEqualTo("金额最多精确到分（两位小数）");
        int before = jdbc.sql("select count(*) from bf_measure where household_id = ?").param(household)
                .query(Integer.class).single();
        for (String loose : new String[] { "\"1,000.00\"", "\" 1.00\"", "1.5" }) {
            String sent = ("{\"category\": \"HEALTH\", \"partyUnit\": \"镇卫生院\", \"content\": \"家庭医生签约\", "
                    + "\"plannedOn\": \"%s\", \"cost\": %s}").formatted(today, loose);
            var loosely = api.send("team04", "POST", path, "application/json", sent.getBytes(StandardCharsets.UTF_8), null);
            assertThat(loosely.statusCode()).as(loose).isEqualTo(400);
            assertThat(json.readTree(loosely.body()).get("errors").findValuesAsText("field")).as(loose)
                    .containsExactly("cost");
        }
        var person = api.send("team04", "POST", path, "application/json", """
                {"category": "HEALTH", "partyUnit": "镇卫生院", "partyPerson": "=1+2", "content": "家庭医生签约",
                 "plannedOn": "%s"}""".formatted(today).getBytes(StandardCharsets.UTF_8), "en");
        assertThat(person.statusCode()).isEqualTo(400);
        assertThat(json.readTree(person.body()).get("errors").findValuesAsText("field")).containsExactly("partyPerson");
        assertThat(jdbc.sql("select count(*) from bf_measure where household_id = ?").param(household)
                .query(Integer.class).single()).isEqualTo(before);
        var created = api.send("team04", "POST", path, "application/json", """
                {"category": "HEALTH", "partyUnit": "镇卫生院", "content": "家庭医生签约", "plannedOn": "%s", "cost": "120.50"}"""
                .formatted(today).getBytes(StandardCharsets.UTF_8), null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json.readTree(created.body()).get("cost").asText()).isEqualTo("120.50");
        long id = json.readTree(created.body()).get("id").asLong();
        var started = api.send("team04", "POST", path + "/" + id + "/status?version=0", "application/json",
                "{\"status\": \"IN_PROGRESS\"}".getBytes(StandardCharsets.UTF_8), null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        assertThat(api.send("team04", "POST", path + "/" + id + "/status?version=0", "application/json",
                "{\"status\": \"DONE\", \"doneOn\": \"%s\"}".formatted(today).getBytes(StandardCharsets.UTF_8), null)
                .statusCode()).isEqualTo(409);
        assertThat(json.readTree(api.get("team04", path + "/" + id + "/events").body())).hasSize(2);
    }
}
