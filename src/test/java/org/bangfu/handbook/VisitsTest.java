package org.bangfu.handbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.bangfu.household.Attachments;
import org.bangfu.household.HouseholdNotFound;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
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
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Visit records as a team keeps them: dated honestly, confirmed by the household, every version kept. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
class VisitsTest {

    @LocalServerPort
    int port;

    @Autowired
    Visits visits;

    @Autowired
    Attachments attachments;

    @Autowired
    DueVisits dueVisits;

    @Autowired
    FieldWorkFeed feed;

    @Autowired
    TransactionTemplate tx;

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

    private VisitDraft home(LocalDate on, String findings, List<Long> photos) {
        return new VisitDraft(on, Visit.Kind.HOME, "team04、村委会主任", findings, "低保金按月到账，无变化", null, null,
                "孙子张浩然在读小学", "希望解决孙女入学交通", "送去冬季棉被两床", "希望孩子好好读书", photos, null, null);
    }

    private int visitCount() {
        return jdbc.sql("select count(*) from bf_visit where household_id = ?").param(household).query(Integer.class)
                .single();
    }

    private int signatureCount() {
        return jdbc.sql("select count(*) from bf_attachment where household_id = ? and kind = 'SIGNATURE'")
                .param(household).query(Integer.class).single();
    }

    @Test
    void aHomeVisitWithPhotoAndSignatureIsKeptAndEachSaveIsANewVersion() {
        long photo = as.call("team04", () -> attachments.add(household, Attachments.Kind.VISIT_PHOTO, "走访.jpg",
                HandbookImages.photo()).id());
        Visit first = as.call("team04", () -> visits.record(household, home(today.minusDays(2), "家中整洁，老人精神尚可",
                List.of(photo)), HandbookImages.signature()));

        assertThat(first.version()).isEqualTo(1);
        assertThat(first.confirmation()).isEqualTo(Confirmation.SIGNATURE);
        assertThat(first.photoIds()).containsExactly(photo);
        assertThat(first.savedBy()).isEqualTo("team04");
        assertThat(as.call("team04", () -> attachments.list(household))).anySatisfy(a -> {
            assertThat(a.id()).isEqualTo(first.confirmationId());
            assertThat(a.kind()).isEqualTo(Attachments.Kind.SIGNATURE);
            assertThat(a.contentType()).isEqualTo("image/png");
        });

        VisitDraft corrected = new VisitDraft(first.visitedOn(), Visit.Kind.HOME, first.visitors(), "家中整洁，老人腿脚不便",
                first.incomeChange(), "腿疾加重，需复查", null, first.schoolingChange(), first.needs(),
                first.measuresDelivered(), first.wishes(), first.photoIds(), Confirmation.SIGNATURE, first.confirmationId());
        Visit second = as.call("lead04", () -> visits.revise(household, first.id(), 1, corrected));

        assertThat(second.version()).isEqualTo(2);
        assertThat(second.findings()).isEqualTo("家中整洁，老人腿脚不便");
        assertThat(second.savedBy()).isEqualTo("lead04");
        assertThat(as.call("district", () -> visits.versions(household, first.id())))
                .extracting(Visit::version, Visit::findings, Visit::savedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "家中整洁，老人腿脚不便", "lead04"),
                        org.assertj.core.groups.Tuple.tuple(1, "家中整洁，老人精神尚可", "team04"));

        // someone still holding version 1 does not overwrite version 2
        assertThatThrownBy(() -> as.run("team04", () -> visits.revise(household, first.id(), 1,
                home(today, "覆盖", List.of(photo)))))
                .isInstanceOfSatisfying(StaleHandbookEntry.class, e -> assertThat(e.currentVersion()).isEqualTo(2));
        assertThat(as.call("team04", () -> visits.ofHousehold(household))).filteredOn(v -> v.id() == first.id())
                .extracting(Visit::findings).containsExactly("家中整洁，老人腿脚不便");
    }

    @Test
    void aVisitTooFarBackInTheFutureOrUnconfirmedIsRefusedAndNothingIsKept() {
        int visitsBefore = visitCount();
        int signaturesBefore = signatureCount();

        assertThatThrownBy(() -> as.run("team04", () -> visits.record(household,
                home(today.plusDays(1), "走访", List.of()), HandbookImages.signature())))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).extracting(FieldError::messageKey)
                        .containsExactly("handbook.visit.future"));
        assertThatThrownBy(() -> as.run("team04", () -> visits.record(household,
                home(today.minusDays(visits.backdateDays() + 1), "补录", List.of()), HandbookImages.signature())))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).extracting(FieldError::messageKey)
                        .containsExactly("handbook.visit.backdated"));
        assertThatThrownBy(() -> as.run("team04", () -> visits.record(household, home(today, "  ", List.of()))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("findings", "form.required"),
                                org.assertj.core.groups.Tuple.tuple("confirmation",
                                        "handbook.visit.confirmationRequired")));
        long otherHousehold = jdbc.sql("select id from bf_household where head_name = '马建军'").query(Long.class).single();
        long foreignPhoto = as.call("team11", () -> attachments.add(otherHousehold, Attachments.Kind.VISIT_PHOTO,
                "别家.jpg", HandbookImages.photo()).id());
        assertThatThrownBy(() -> as.run("team04", () -> visits.record(household,
                home(today, "走访", List.of(foreignPhoto)), HandbookImages.signature())))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).extracting(FieldError::messageKey)
                        .containsExactly("handbook.photos.unknown"));

        assertThat(visitCount()).isEqualTo(visitsBefore);
        assertThat(signatureCount()).as("the refused visits' signatures went with them").isEqualTo(signaturesBefore);

        // a phone call needs no signature, and may be dated the last day allowed
        Visit call = as.call("team04", () -> visits.record(household, new VisitDraft(
                today.minusDays(visits.backdateDays()), Visit.Kind.PHONE, "team04", "电话询问近况，一切正常", null, null,
                null, null, null, null, null, List.of(), Confirmation.NONE, null)));
        assertThat(call.confirmation()).isEqualTo(Confirmation.NONE);
        assertThat(call.needs()).isNull();
    }

    @Test
    void anOldVisitCanBeCorrectedWithoutMovingItsDateButNotMovedFurtherBack() {
        Visit visit = as.call("team04", () -> visits.record(household, new VisitDraft(today, Visit.Kind.PHONE, "team04",
                "电话回访", null, null, null, null, null, null, null, List.of(), Confirmation.NONE, null)));
        LocalDate longAgo = today.minusDays(60);
        jdbc.sql("update bf_visit set visited_on = ? where id = ?").params(longAgo, visit.id()).update();

        Visit corrected = as.call("team04", () -> visits.revise(household, visit.id(), 1, new VisitDraft(longAgo,
                Visit.Kind.PHONE, "team04", "电话回访，补充：药费有所增加", null, null, null, null, null, null, null, List.of(),
                Confirmation.NONE, null)));
        assertThat(corrected.visitedOn()).isEqualTo(longAgo);
        assertThat(corrected.version()).isEqualTo(2);
        assertThatThrownBy(() -> as.run("team04", () -> visits.revise(household, visit.id(), 2, new VisitDraft(
                longAgo.minusDays(1), Visit.Kind.PHONE, "team04", "电话回访", null, null, null, null, null, null, null,
                List.of(), Confirmation.NONE, null))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).extracting(FieldError::messageKey)
                        .containsExactly("handbook.visit.backdated"));
    }

    @Test
    void onlyThoseWhoMayChangeTheFileWriteItsHandbookAndAnExitedHouseholdsHandbookIsReadOnly() {
        VisitDraft call = new VisitDraft(today, Visit.Kind.PHONE, "x", "电话", null, null, null, null, null, null, null,
                List.of(), Confirmation.NONE, null);
        assertThatThrownBy(() -> as.run("team01", () -> visits.ofHousehold(household)))
                .isInstanceOf(HouseholdNotFound.class);
        assertThatThrownBy(() -> as.run("leader", () -> visits.record(household, call)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as.call("leader", () -> visits.ofHousehold(household))).isNotNull();

        long exited = jdbc.sql("select id from bf_household where head_name = '赵长生'").query(Long.class).single();
        String stage = jdbc.sql("select stage from bf_household where id = ?").param(exited).query(String.class).single();
        jdbc.sql("update bf_household set stage = 'EXITED' where id = ?").param(exited).update();
        try {
            assertThatThrownBy(() -> as.run("district", () -> visits.record(exited, call)))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                            .extracting(FieldError::messageKey).containsExactly("handbook.exited"));
        } finally {
            jdbc.sql("update bf_household set stage = ? where id = ?").params(stage, exited).update();
        }
    }

    @Test
    void aHouseholdNotVisitedWithinItsIntervalIsOverdueUntilItsTeamVisitsIt() {
        long household = jdbc.sql("select id from bf_household where head_name = '马建军'").query(Long.class).single();
        VisitDraft call = new VisitDraft(today, Visit.Kind.PHONE, "team11", "电话询问", null, null, null, null, null, null,
                null, List.of(), Confirmation.NONE, null);
        as.run("team11", () -> visits.record(household, call));
        // every visit of the household a good while back, as if nobody had been there since
        jdbc.sql("update bf_visit set visited_on = ? where household_id = ?").params(today.minusDays(400), household)
                .update();

        assertThat(as.call("lead11", () -> dueVisits.list(true))).singleElement().satisfies(due -> {
            assertThat(due.householdId()).isEqualTo(household);
            assertThat(due.lastVisitedOn()).isEqualTo(today.minusDays(400));
            assertThat(due.daysOverdue(today)).isPositive();
        });
        assertThat(as.call("team04", () -> dueVisits.list(false))).extracting(DueVisits.DueVisit::headName)
                .contains("张玉珍").doesNotContain("马建军");

        as.run("team11", () -> visits.record(household, call));
        assertThat(as.call("lead11", () -> dueVisits.list(true))).isEmpty();
        assertThat(as.call("lead11", () -> dueVisits.list(false))).singleElement()
                .satisfies(due -> assertThat(due.visitedOn(today)).isTrue());
    }

    @Test
    void aLowIncomeHouseholdIsDueEveryHalfYearWhetherItsPairingIsCompleteOrNot() {
        // 王建国: 低保户 whose plan is being made, no review scheduled yet; 张玉珍: 低保户 paired and reviewed
        long planning = jdbc.sql("select id from bf_household where head_name = '王建国'").query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from bf_review_schedule where household_id = ?").param(planning)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select review_interval from bf_review_schedule where household_id = ?").param(household)
                .query(String.class).single()).isEqualTo("P6M");
        VisitDraft call = new VisitDraft(today, Visit.Kind.PHONE, "team01", "电话询问", null, null, null, null, null, null,
                null, List.of(), Confirmation.NONE, null);
        Visit visit = as.call("team01", () -> visits.record(planning, call));
        try {
            assertThat(as.call("team01", () -> dueVisits.list(false))).singleElement().satisfies(due -> {
                assertThat(due.householdId()).isEqualTo(planning);
                assertThat(due.dueBy()).isEqualTo(today.plusMonths(6));
                assertThat(due.interval()).isEqualTo("P6M");
            });
        } finally {
            // as it was for the tests that follow, the dashboard's figures included
            tx.executeWithoutResult(status -> {
                jdbc.sql("delete from bf_visit_version where visit_id = ?").param(visit.id()).update();
                jdbc.sql("delete from bf_visit where id = ?").param(visit.id()).update();
                feed.changed(planning);
            });
        }
    }

    @Test
    void overRestMistakesAreNamedInTheCallersLanguageAndAConcurrentSaveIsAConflict() throws Exception {
        ApiClient api = new ApiClient(port);
        String path = "/api/households/" + household + "/visits";
        String body = """
                {"visitedOn": "%s", "kind": "PHONE", "visitors": "team04", "findings": "%s", "confirmation": "NONE"}""";
        var refused = api.send("team04", "POST", path, "application/json",
                body.formatted(today.plusDays(3), "电话").getBytes(StandardCharsets.UTF_8), "en");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).get("errors").get(0).get("message").asText())
                .isEqualTo("A visit cannot be dated after today");

        var created = api.send("team04", "POST", path, "application/json",
                body.formatted(today, "电话询问").getBytes(StandardCharsets.UTF_8), null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode visit = json.readTree(created.body());
        String one = path + "/" + visit.get("id").asLong() + "?version=1";
        assertThat(api.send("lead04", "PUT", one, "application/json",
                body.formatted(today, "电话询问，已登记").getBytes(StandardCharsets.UTF_8), null).statusCode()).isEqualTo(200);
        var conflict = api.send("team04", "PUT", one, "application/json",
                body.formatted(today, "覆盖").getBytes(StandardCharsets.UTF_8), null);
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(json.readTree(conflict.body()).get("detail").asText()).isEqualTo("该记录已被他人修改，请刷新后重新填写");
        JsonNode versions = json.readTree(api.get("team04", path + "/" + visit.get("id").asLong() + "/versions").body());
        assertThat(versions).hasSize(2);
        assertThat(api.get("team01", path).statusCode()).isEqualTo(404);
    }
}
