package org.bangfu.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bangfu.household.Attachments;
import org.bangfu.household.Households;
import org.bangfu.pairing.PairingFixture.Family;
import org.bangfu.pairing.TaskFilter.View;
import org.bangfu.shared.BureauTime;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.bangfu.testsupport.ApiClient;
import org.bangfu.testsupport.RunAs;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The task service and its REST API as people and integrations use them: lists, scopes, forms, conflicts. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
class PairingTasksTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Households households;

    @Autowired
    Pairing pairing;

    @Autowired
    PairingTasks tasks;

    @Autowired
    Notifications notifications;

    @Autowired
    Attachments attachments;

    @Autowired
    ManagementService management;

    @Autowired
    UserDetailsService users;

    @Autowired
    ObjectMapper json;

    PairingFixture fx;
    ApiClient api;

    @AfterEach
    void resetClock() {
        PairingFixture.resetClock();
    }

    @BeforeEach
    void setUp() {
        fx = new PairingFixture(new RunAs(users), jdbc, households, pairing, tasks, management);
        api = new ApiClient(port);
    }

    HttpResponse<String> post(String user, String path, String body, String language) {
        return api.send(user, "POST", path, body == null ? null : "application/json",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), language);
    }

    JsonNode read(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body());
    }

    @Nested
    class Starting {

        @Test
        void aStreetOfficerStartsACaseOverTheApiAndTheHomeCheckGoesToTheStreet() throws Exception {
            Family family = fx.family();
            HttpResponse<String> started = post("street01", "/api/households/" + family.id() + "/pairing", null, null);
            assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
            long caseId = read(started).get("id").asLong();
            HttpResponse<String> again = post("district", "/api/households/" + family.id() + "/pairing", null, null);
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(read(again).get("caseId").asLong()).isEqualTo(caseId);
            assertThat(read(again).get("detail").asText()).contains("已有进行中");

            HttpResponse<String> list = api.get("street01", "/api/tasks?view=UNCLAIMED&taskKey=Task_HomeCheck&head="
                    + java.net.URLEncoder.encode("结对户", StandardCharsets.UTF_8));
            JsonNode page = read(list);
            assertThat(page.get("total").asInt()).isPositive();
            JsonNode row = null;
            for (JsonNode item : page.get("items")) {
                if (item.get("householdId").asLong() == family.id()) {
                    row = item;
                }
            }
            assertThat(row).isNotNull();
            assertThat(row.get("name").asText()).isEqualTo("入户核查");
            assertThat(row.get("villageName").asText()).isNotBlank();
            assertThat(row.get("candidateGroup").asText()).startsWith("street-");
            assertThat(LocalDate.parse(row.get("dueOn").asText())).isAfter(BureauTime.today());

            // where the case stands, for a BPMN viewer: the home check current, the start event passed
            JsonNode diagram = read(api.get("street01", "/api/tasks/" + row.get("taskId").asText() + "/diagram")).get(0);
            assertThat(diagram.get("processKey").asText()).isEqualTo("AssistancePairingProcess");
            assertThat(diagram.get("bpmnXml").asText()).contains("bpmndi:BPMNDiagram");
            assertThat(diagram.get("current").toString()).isEqualTo("[\"Task_HomeCheck\"]");
            assertThat(diagram.get("done").toString()).contains("StartEvent_HouseholdNominated");
        }

        @Test
        void onlyTheStreetAndTheDistrictStartCasesAndOnlyForHouseholdsWithMembers() {
            Family family = fx.family();
            assertThat(post("team01", "/api/households/" + family.id() + "/pairing", null, null).statusCode())
                    .isEqualTo(403);
            assertThat(post("street02", "/api/households/" + family.id() + "/pairing", null, null).statusCode())
                    .isEqualTo(404);
            assertThat(jdbc.sql("select count(*) from bf_pairing_case where household_id = ?").param(family.id())
                    .query(Integer.class).single()).isZero();
        }
    }

    @Nested
    class Scopes {

        @Test
        void nobodySeesClaimsOrCompletesATaskOutsideTheirScope() {
            Family family = fx.family();
            PairingCase c = fx.start(family);
            String taskId = fx.task(c).id();
            // another street: as if the task did not exist, on every path
            assertThat(fx.as.call("street02", () -> tasks.find(taskId))).isEmpty();
            assertThat(fx.as.call("street02", () -> tasks.list(TaskFilter.of(View.ALL), null, 0, 500)))
                    .noneMatch(t -> t.taskId().equals(taskId));
            assertThatThrownBy(() -> fx.as.run("street02", () -> tasks.claim(taskId)))
                    .isInstanceOf(PairingNotFound.class);
            assertThatThrownBy(() -> fx.as.run("street02",
                    () -> tasks.complete(taskId, PairingFixture.validForm(PairingVariables.HOME_CHECK))))
                    .isInstanceOf(PairingNotFound.class);
            assertThat(api.get("street02", "/api/tasks/" + taskId).statusCode()).isEqualTo(404);
            assertThat(api.get("team02", "/api/tasks/" + taskId).statusCode()).isEqualTo(404);
            assertThat(api.get("street02", "/api/tasks/" + taskId + "/diagram").statusCode()).isEqualTo(404);
            // the district sees it but the home check is the street's to do
            assertThat(fx.as.call("district", () -> tasks.find(taskId)).orElseThrow().actionable()).isFalse();
            assertThatThrownBy(() -> fx.as.run("district", () -> tasks.claim(taskId)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(post("district", "/api/tasks/" + taskId + "/claim", null, null).statusCode()).isEqualTo(403);
            assertThat(fx.task(c).key()).isEqualTo(PairingVariables.HOME_CHECK);
        }

        @Test
        void teamsSeeOnlyTheirOwnHouseholdsTasks() {
            Family family = fx.family();
            PairingCase c = fx.start(family);
            fx.walkTo(c, PairingVariables.FIRST_VISIT_PLAN);
            String taskId = fx.task(c).id();
            String owner = fx.worker(fx.task(c));
            String other = owner.equals("team01") ? "team02" : "team01";
            assertThat(fx.as.call(owner, () -> tasks.list(TaskFilter.of(View.GROUP), null, 0, 50)))
                    .anyMatch(t -> t.taskId().equals(taskId));
            assertThat(fx.as.call(other, () -> tasks.list(TaskFilter.of(View.GROUP), null, 0, 50)))
                    .noneMatch(t -> t.taskId().equals(taskId));
            assertThat(api.get(other, "/api/tasks/" + taskId).statusCode()).isEqualTo(404);
            assertThat(api.get(owner, "/api/tasks/" + taskId).statusCode()).isEqualTo(200);
        }
    }

    @Nested
    class Forms {

        @Test
        void theAssemblyRefusesTooSmallAQuorumAndSaysWhy() throws Exception {
            Family family = fx.family();
            PairingCase c = fx.start(family);
            fx.walkTo(c, PairingVariables.SECOND_REVIEW);
            String taskId = fx.task(c).id();
            String body = """
                    {"decision":"PASS","meetingDate":"%s","place":"村委会","members":30,"present":19,"votesFor":15,
                     "votesAgainst":2,"votesAbstain":2,"attendees":"代表19人"}""".formatted(BureauTime.today());
            HttpResponse<String> refused = post("street01", "/api/tasks/" + taskId + "/complete", body, null);
            assertThat(refused.statusCode()).isEqualTo(400);
            JsonNode errors = read(refused).get("errors");
            assertThat(errors.get(0).get("field").asText()).isEqualTo("present");
            assertThat(errors.get(0).get("message").asText()).isEqualTo("实到人数不足：应到 30 人，至少 20 人（2/3）出席方可评议");
            HttpResponse<String> english = post("street01", "/api/tasks/" + taskId + "/complete", body, "en");
            assertThat(read(english).get("errors").get(0).get("message").asText()).startsWith("Too few present");
            assertThat(jdbc.sql("select count(*) from bf_review where case_id = ? and kind = 'SECOND'").param(c.id())
                    .query(Integer.class).single()).isZero();
            assertThat(fx.task(c).key()).isEqualTo(PairingVariables.SECOND_REVIEW);

            String valid = body.replace("\"present\":19,\"votesFor\":15", "\"present\":20,\"votesFor\":16");
            assertThat(post("street01", "/api/tasks/" + taskId + "/complete", valid, null).statusCode()).isEqualTo(204);
            assertThat(jdbc.sql("select count(*) from bf_review where case_id = ? and kind = 'SECOND'").param(c.id())
                    .query(Integer.class).single()).isEqualTo(1);
        }

        @Test
        void moreVotesThanPeoplePresentAreRefusedOverTheApiInChineseAndChangeNothing() throws Exception {
            Family family = fx.family();
            PairingCase c = fx.start(family);
            fx.complete(c, PairingVariables.HOME_CHECK);
            String taskId = fx.task(c).id();
            String body = """
                    {"decision":"PASS","meetingDate":"%s","place":"村委会","members":10,"present":8,"votesFor":9,
                     "votesAgainst":0,"votesAbstain":0,"attendees":"8人"}""".formatted(BureauTime.today());
            HttpResponse<String> refused = post("street01", "/api/tasks/" + taskId + "/complete", body, null);
            assertThat(refused.statusCode()).isEqualTo(400);
            JsonNode errors = read(refused).get("errors");
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).get("field").asText()).isEqualTo("votesFor");
            assertThat(errors.get(0).get("message").asText()).isEqualTo("赞成、反对、弃权票合计 9 票，应等于实到人数 8");
            assertThat(jdbc.sql("select count(*) from bf_review where case_id = ?").param(c.id())
                    .query(Integer.class).single()).isZero();
            assertThat(fx.task(c).key()).isEqualTo(PairingVariables.FIRST_REVIEW);
        }

        @Test
        void theProcessEngineRefusesAStepCompletedWithoutItsFormSoNoVoteEscapesTheRules() {
            Family family = fx.family();
            PairingCase c = fx.start(family);
            fx.complete(c, PairingVariables.HOME_CHECK);
            String taskId = fx.task(c).id();
            String body = """
                    {"variables":{"decision":{"value":"PASS","type":"String"},"present":{"value":8,"type":"Integer"},
                     "votesFor":{"value":9,"type":"Integer"}}}""";
            HttpResponse<String> refused = post("admin", "/engine-rest/task/" + taskId + "/complete", body, null);
            assertThat(refused.statusCode()).isNotEqualTo(204);
            assertThat(refused.body()).contains("task.formRequired");
            assertThat(fx.task(c).key()).isEqualTo(PairingVariables.FIRST_REVIEW);
            assertThat(jdbc.sql("select count(*) from bf_review where case_id = ?").param(c.id())
                    .query(Integer.class).single()).isZero();
        }

        @Test
        void aFormNamesEveryBrokenRuleAtOnceAndChangesNothing() {
            Family family = fx.family();
            PairingCase c = fx.start(family);
            String taskId = fx.task(c).id();
            Map<String, Object> form = Map.of("visitDate", BureauTime.today().plusDays(1).toString(), "visitors", "张明",
                    "decision", "FAIL", "findings", "x");
            assertThatThrownBy(() -> fx.as.run("street01", () -> tasks.complete(taskId, form)))
                    .isInstanceOf(InvalidInput.class)
                    .satisfies(e -> assertThat(((InvalidInput) e).errors()).extracting(FieldError::field)
                            .containsExactlyInAnyOrder("visitDate", "visitors", "reason"));
            // the votes must add up and the decision follow them
            fx.complete(c, PairingVariables.HOME_CHECK);
            String review = fx.task(c).id();
            assertThatThrownBy(() -> fx.as.run("street01", () -> tasks.complete(review, Map.of("decision", "PASS",
                    "meetingDate", BureauTime.today().toString(), "place", "村委会", "members", 10, "present", 8,
                    "votesFor", 3, "votesAgainst", 4, "votesAbstain", 1, "attendees", "8人"))))
                    .isInstanceOf(InvalidInput.class)
                    .satisfies(e -> assertThat(((InvalidInput) e).errors()).extracting(FieldError::messageKey)
                            .containsExactly("review.decision.notCarried"));
            assertThat(fx.task(c).key()).isEqualTo(PairingVariables.FIRST_REVIEW);
            assertThat(jdbc.sql("select count(*) from bf_case_step where case_id = ?").param(c.id())
                    .query(Integer.class).single()).isEqualTo(1);
        }

        @Test
        void expressionsInFormDataStayDataAndNeverReachTheEngine() {
            Family family = fx.family();
            PairingCase c = fx.start(family);
            String taskId = fx.task(c).id();
            String probe = "${''.getClass().forName('java.lang.Runtime')}";
            assertThatThrownBy(() -> fx.as.run("street01", () -> tasks.complete(taskId, Map.of("visitDate",
                    BureauTime.today().toString(), "visitors", "张明、李华", "findings", "正常", "decision", "${true}"))))
                    .isInstanceOf(InvalidInput.class);
            fx.complete(c, PairingVariables.HOME_CHECK, Map.of("findings", probe));
            assertThat(jdbc.sql("select form_data from bf_case_step where case_id = ?").param(c.id()).query(String.class)
                    .single()).contains("getClass");
            // the engine got the decision only, not what people wrote
            assertThat(fx.task(c).key()).isEqualTo(PairingVariables.FIRST_REVIEW);
            assertThat(jdbc.sql("select count(*) from ACT_HI_VARINST where PROC_INST_ID_ = ? and TEXT_ like '%getClass%'")
                    .param(c.processInstanceId()).query(Integer.class).single()).isZero();
        }

        @Test
        void theHomeCheckKeepsItsPhotosWhenTheyAreTheHouseholdsOwn() {
            Family family = fx.family();
            Family other = fx.family();
            PairingCase c = fx.start(family);
            byte[] png = png();
            long own = fx.as.call("street01", () -> attachments.add(family.id(), Attachments.Kind.VISIT_PHOTO,
                    "house.png", png).id());
            long foreign = fx.as.call("street01", () -> attachments.add(other.id(), Attachments.Kind.VISIT_PHOTO,
                    "other.png", png).id());
            String taskId = fx.task(c).id();
            Map<String, Object> form = new java.util.HashMap<>(PairingFixture.validForm(PairingVariables.HOME_CHECK));
            form.put("photos", List.of(String.valueOf(own), String.valueOf(foreign)));
            assertThatThrownBy(() -> fx.as.run("street01", () -> tasks.complete(taskId, form)))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).singleElement()
                            .satisfies(error -> {
                                assertThat(error.field()).isEqualTo("photos");
                                assertThat(error.messageKey()).isEqualTo("pairing.photo.unknown");
                                assertThat(error.arguments()).containsExactly(String.valueOf(foreign));
                            }));
            assertThat(fx.task(c).key()).isEqualTo(PairingVariables.HOME_CHECK);

            form.put("photos", List.of(own));
            fx.as.run("street01", () -> tasks.complete(taskId, form));
            assertThat(jdbc.sql("select form_data from bf_case_step where case_id = ?").param(c.id()).query(String.class)
                    .single()).contains("\"photos\":[\"" + own + "\"]");
        }

        @Test
        void theTaskPageCarriesItsFormAndTheHouseholdMasked() throws Exception {
            Family family = fx.family();
            PairingCase c = fx.start(family);
            JsonNode task = read(api.get("street01", "/api/tasks/" + fx.task(c).id()));
            assertThat(task.get("task").get("taskKey").asText()).isEqualTo(PairingVariables.HOME_CHECK);
            List<String> fields = new ArrayList<>();
            task.get("fields").forEach(f -> fields.add(f.get("name").asText()));
            assertThat(fields).containsExactly("visitDate", "visitors", "findings", "photos", "decision", "reason");
            assertThat(task.get("household").get("phone").asText()).doesNotContain("55301234");
            assertThat(task.get("household").get("members").get(0).get("idNumber").asText())
                    .doesNotContain(family.headId());
            assertThat(task.get("actionable").asBoolean()).isTrue();
        }
    }

    @Nested
    class Conflicts {

        @Test
        void twoPeopleCompletingOneTaskAtOnceGiveOneResultAndOneConflict() throws Exception {
            Family family = fx.family();
            PairingCase c = fx.start(family);
            String taskId = fx.task(c).id();
            String body = json.writeValueAsString(PairingFixture.validForm(PairingVariables.HOME_CHECK));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return post("street01", "/api/tasks/" + taskId + "/complete", body, null).statusCode();
                }));
            }
            go.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                codes.add(answer.get());
            }
            pool.shutdown();
            assertThat(codes).containsOnly(204, 409).filteredOn(code -> code == 204).hasSize(1);
            assertThat(jdbc.sql("select count(*) from bf_case_step where case_id = ?").param(c.id())
                    .query(Integer.class).single()).isEqualTo(1);
            assertThat(fx.task(c).key()).isEqualTo(PairingVariables.FIRST_REVIEW);
            HttpResponse<String> late = post("street01", "/api/tasks/" + taskId + "/complete", body, null);
            assertThat(late.statusCode()).isEqualTo(409);
            assertThat(read(late).get("detail").asText()).contains("已由他人办理完毕");
        }

        @Test
        void aClaimedTaskIsTheHoldersUntilTheyGiveItBack() throws Exception {
            Family family = fx.family();
            PairingCase c = fx.start(family);
            String taskId = fx.task(c).id();
            // a colleague in the same street (an account like street01's, same password)
            String colleague = "street01b";
            if (jdbc.sql("select count(*) from bf_user_account where username = ?").param(colleague)
                    .query(Integer.class).single() == 0) {
                jdbc.sql("""
                        insert into bf_user_account (username, display_name, password_hash, role, street_id,
                            password_changed_at, created_at)
                        select ?, display_name, password_hash, role, street_id, password_changed_at, created_at
                          from bf_user_account where username = 'street01'""").param(colleague).update();
            }
            assertThat(post("street01", "/api/tasks/" + taskId + "/claim", null, null).statusCode()).isEqualTo(204);
            assertThat(fx.as.call("street01", () -> tasks.list(TaskFilter.of(View.MINE), null, 0, 50)))
                    .anyMatch(t -> t.taskId().equals(taskId) && "street01".equals(t.assignee()));
            assertThat(fx.as.call("street01", () -> tasks.list(TaskFilter.of(View.UNCLAIMED), null, 0, 500)))
                    .noneMatch(t -> t.taskId().equals(taskId));
            HttpResponse<String> taken = post(colleague, "/api/tasks/" + taskId + "/claim", null, null);
            assertThat(taken.statusCode()).isEqualTo(409);
            assertThat(read(taken).get("detail").asText()).contains("street01");
            assertThat(post(colleague, "/api/tasks/" + taskId + "/complete",
                    json.writeValueAsString(PairingFixture.validForm(PairingVariables.HOME_CHECK)), null).statusCode())
                    .isEqualTo(409);
            assertThat(post("street01", "/api/tasks/" + taskId + "/unclaim", null, null).statusCode()).isEqualTo(204);
            assertThat(jdbc.sql("select count(*) from bf_task where task_id = ? and assignee is null").param(taskId)
                    .query(Integer.class).single()).isOne();
            assertThat(post(colleague, "/api/tasks/" + taskId + "/claim", null, null).statusCode()).isEqualTo(204);
        }
    }

    @Nested
    class HandingOver {

        @Test
        void aTaskHandedOverReachesTheColleagueWhoIsToldAndOnlyColleaguesCanTakeIt() throws Exception {
            assertThat(fx.as.call("street01", () -> tasks.colleagues())).extracting(Colleague::username)
                    .containsExactly("street01b");
            assertThat(fx.as.call("team01", () -> tasks.colleagues())).extracting(Colleague::username)
                    .containsExactly("lead01");
            Family family = fx.family();
            PairingCase c = fx.start(family);
            String taskId = fx.task(c).id();
            fx.as.run("street01", () -> tasks.claim(taskId));

            // an officer of another street, or a team member, is no colleague: refused with a message, nothing changes
            HttpResponse<String> refused = post("street01", "/api/tasks/" + taskId + "/hand-over",
                    "{\"assignee\":\"street02\"}", null);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(read(refused).get("errors").get(0).get("message").asText()).isEqualTo("只能转交给本组其他在岗人员");
            assertThatThrownBy(() -> fx.as.run("street01", () -> tasks.handOver(taskId, "team01")))
                    .isInstanceOf(InvalidInput.class);
            assertThat(assignee(taskId)).isEqualTo("street01");

            assertThat(post("street01", "/api/tasks/" + taskId + "/hand-over", "{\"assignee\":\"street01b\"}", null)
                    .statusCode()).isEqualTo(204);
            assertThat(assignee(taskId)).isEqualTo("street01b");
            assertThat(fx.as.call("street01b", () -> tasks.list(TaskFilter.of(View.MINE), null, 0, 50)))
                    .anyMatch(t -> t.taskId().equals(taskId));
            assertThat(fx.as.call("street01b", () -> notifications.mine(true, 50)))
                    .anyMatch(n -> taskId.equals(n.taskId()) && n.kind() == Notification.Kind.HANDED_OVER);
            assertThat(fx.as.call("street01", () -> notifications.mine(true, 50)))
                    .noneMatch(n -> n.kind() == Notification.Kind.HANDED_OVER && taskId.equals(n.taskId()));
            // now street01b holds it: street01 can no longer pass it on
            assertThatThrownBy(() -> fx.as.run("street01", () -> tasks.handOver(taskId, "street01b")))
                    .isInstanceOf(TaskConflict.class);
        }

        @Test
        void aBulkClaimTakesWhatIsFreeAndSaysWhatOthersTookMeanwhile() throws Exception {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ids.add(fx.task(fx.start(fx.family())).id());
            }
            fx.as.run("street01b", () -> tasks.claim(ids.get(1)));

            HttpResponse<String> claimed = post("street01", "/api/tasks/claim",
                    json.writeValueAsString(Map.of("taskIds", ids)), null);
            assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(200);
            JsonNode result = read(claimed);
            assertThat(result.get("done").asInt()).isEqualTo(2);
            assertThat(result.get("failed").get(0).get("taskId").asText()).isEqualTo(ids.get(1));
            assertThat(result.get("failed").get(0).get("message").asText()).contains("street01b");
            assertThat(assignee(ids.get(0))).isEqualTo("street01");
            assertThat(assignee(ids.get(1))).isEqualTo("street01b");

            BulkResult handed = fx.as.call("street01", () -> tasks.handOverAll(ids, "street01b"));
            assertThat(handed.done()).isEqualTo(2);
            assertThat(handed.failed()).extracting(BulkResult.Failure::taskId).containsExactly(ids.get(1));
            assertThat(ids).allSatisfy(id -> assertThat(assignee(id)).isEqualTo("street01b"));
            assertThat(post("street01", "/api/tasks/hand-over",
                    json.writeValueAsString(Map.of("taskIds", ids, "assignee", "nobody")), null).statusCode())
                    .isEqualTo(400);
        }

        private String assignee(String taskId) {
            return jdbc.sql("select assignee from bf_task where task_id = ?").param(taskId).query(String.class).single();
        }
    }

    @Nested
    class Bell {

        @Test
        void nobodyIsToldOfTheStepTheyFinishedThemselvesTheirColleaguesAre() {
            PairingCase c = fx.start(fx.family());
            fx.complete(c, PairingVariables.HOME_CHECK);
            String firstReview = fx.task(c).id();
            assertThat(fx.worker(fx.task(c))).isEqualTo("street01");

            assertThat(fx.as.call("street01", () -> notifications.mine(false, 200)))
                    .noneMatch(n -> firstReview.equals(n.taskId()));
            assertThat(fx.as.call("street01b", () -> notifications.mine(true, 200)))
                    .anyMatch(n -> firstReview.equals(n.taskId()) && n.kind() == Notification.Kind.NEW_TASK);
        }

        @Test
        void markingAllReadEmptiesTheBellAndLeavesOtherGroupsUnread() throws Exception {
            fx.start(fx.family());
            fx.start(fx.family());
            assertThat(fx.as.call("street01b", () -> notifications.unreadCount())).isGreaterThanOrEqualTo(2);
            int otherStreet = fx.as.call("street02", () -> notifications.unreadCount());

            assertThat(fx.as.call("street01b", () -> notifications.markAllRead())).isGreaterThanOrEqualTo(2);
            assertThat(fx.as.call("street01b", () -> notifications.unreadCount())).isZero();
            assertThat(fx.as.call("street01b", () -> notifications.mine(true, 200))).isEmpty();
            assertThat(fx.as.call("street02", () -> notifications.unreadCount())).isEqualTo(otherStreet);

            // over the API as well
            fx.start(fx.family());
            assertThat(post("street01b", "/api/notifications/read", null, null).statusCode()).isEqualTo(204);
            assertThat(fx.as.call("street01b", () -> notifications.unreadCount())).isZero();
        }
    }

    @Test
    void overdueTasksAreEscalatedToTheDistrictOnce() {
        Family family = fx.family();
        PairingCase c = fx.start(family);
        String taskId = fx.task(c).id();
        jdbc.sql("update bf_task set due_on = ? where task_id = ?").params(BureauTime.today().minusDays(3), taskId).update();
        notifications.watchDueDates();
        notifications.watchDueDates();
        List<Notification> district = fx.as.call("district", () -> notifications.mine(true, 200));
        assertThat(district).filteredOn(n -> taskId.equals(n.taskId()) && n.kind() == Notification.Kind.ESCALATED)
                .hasSize(1);
        // street01 started the case: told the task is overdue, not that it is new; the colleague is told both
        List<Notification> street = fx.as.call("street01", () -> notifications.mine(true, 200));
        assertThat(street).filteredOn(n -> taskId.equals(n.taskId())).extracting(Notification::kind)
                .containsExactly(Notification.Kind.OVERDUE);
        assertThat(fx.as.call("street01b", () -> notifications.mine(true, 200)))
                .filteredOn(n -> taskId.equals(n.taskId())).extracting(Notification::kind)
                .containsExactlyInAnyOrder(Notification.Kind.NEW_TASK, Notification.Kind.OVERDUE);
        assertThat(fx.as.call("street02", () -> notifications.mine(false, 200)))
                .noneMatch(n -> taskId.equals(n.taskId()));
        // the bell over the API: read once, then no longer unread
        long escalation = district.stream().filter(n -> taskId.equals(n.taskId())).findFirst().orElseThrow().id();
        assertThat(api.get("district", "/api/notifications?unread=true").body()).contains("\"ESCALATED\"");
        assertThat(post("district", "/api/notifications/" + escalation + "/read", null, null).statusCode()).isEqualTo(204);
        assertThat(fx.as.call("district", () -> notifications.mine(true, 200))).noneMatch(n -> n.id() == escalation);
    }

    /** A small picture that opens, as a phone's camera sends one. */
    static byte[] png() {
        try {
            var out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(16, 12,
                    java.awt.image.BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
