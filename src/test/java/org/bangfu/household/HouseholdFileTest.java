package org.bangfu.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bangfu.household.HouseholdFile.Member;
import org.bangfu.shared.BureauTime;
import org.bangfu.shared.IdNumber;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.bangfu.testsupport.RunAs;
import org.bangfu.testsupport.WebSession;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.bangfu.audit.AuditText;
import org.bangfu.shared.Texts;
import org.springframework.context.MessageSource;
import java.util.Locale;

/**
 * The electronic file through its facade, as each role meets it, on the demo data: team i has the i-th demo
 * household, streets hold the households of their teams.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HouseholdFileTest {

    @Autowired
    Households households;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    long householdOfTeam(int team) {
        return jdbc.sql("select h.id from bf_household h join bf_team t on t.id = h.team_id where t.code = ?")
                .param("T%02d".formatted(team)).query(Long.class).single();
    }

    <T> T as(String username, Callable<T> work) throws Exception {
        return new RunAs(users).call(username, work);
    }

    void asDo(String username, Runnable work) throws Exception {
        new RunAs(users).run(username, work);
    }

    static List<String> keys(InvalidInput e) {
        return e.errors().stream().map(FieldError::messageKey).toList();
    }

    @Nested
    class Scopes {

        @Test
        void teamSeesItsOwnHouseholdOnly() throws Exception {
            List<HouseholdSummary> seen = as("team01", () -> households.list(HouseholdFilter.NONE, HouseholdSort.NAME, 0, 50));
            assertThat(seen).extracting(HouseholdSummary::id).containsExactly(householdOfTeam(1));
            assertThat(as("lead01", () -> households.count(HouseholdFilter.NONE))).isEqualTo(1);
        }

        @Test
        void streetOfficerSeesTheStreetsHouseholds() throws Exception {
            int inStreet = jdbc.sql("select count(*) from bf_household h join bf_street s on s.id = h.street_id where s.code = 'S01'")
                    .query(Integer.class).single();
            List<HouseholdSummary> seen = as("street01", () -> households.list(HouseholdFilter.NONE, HouseholdSort.NAME, 0, 50));
            assertThat(seen).hasSize(inStreet).isNotEmpty().allMatch(h -> h.streetName().equals("中山南路街道"));
        }

        @Test
        void districtAndLeadershipSeeAllAuditorAndSecuritySeeNone() throws Exception {
            int all = jdbc.sql("select count(*) from bf_household").query(Integer.class).single();
            assertThat(as("district", () -> households.count(HouseholdFilter.NONE))).isEqualTo(all).isGreaterThanOrEqualTo(11);
            assertThat(as("leader", () -> households.count(HouseholdFilter.NONE))).isEqualTo(all);
            assertThat(as("admin", () -> households.count(HouseholdFilter.NONE))).isEqualTo(all);
            assertThat(as("auditor", () -> households.count(HouseholdFilter.NONE))).isZero();
            assertThat(as("security", () -> households.list(HouseholdFilter.NONE, HouseholdSort.NAME, 0, 50))).isEmpty();
            assertThat(as("auditor", () -> households.find(householdOfTeam(1)))).isEmpty();
        }

        @Test
        void aForbiddenReadAnswersAsIfTheHouseholdDidNotExist() throws Exception {
            long other = householdOfTeam(2);
            assertThat(as("team01", () -> households.find(other))).isEmpty();
            assertThat(as("team01", () -> households.find(Long.MAX_VALUE))).isEmpty();
            assertThatThrownBy(() -> as("team01", () -> households.history(other))).isInstanceOf(HouseholdNotFound.class);
            HouseholdFile mine = as("district", () -> households.find(other).orElseThrow());
            assertThatThrownBy(() -> as("team01", () -> households.update(other, mine.version(), HouseholdDraft.of(mine))))
                    .isInstanceOf(HouseholdNotFound.class);
        }

        @Test
        void leadershipReadsButNeverWrites() throws Exception {
            long id = householdOfTeam(3);
            HouseholdFile file = as("leader", () -> households.find(id).orElseThrow());
            assertThat(file.editable()).isFalse();
            assertThat(file.revealable()).isFalse();
            assertThatThrownBy(() -> as("leader", () -> households.update(id, file.version(), HouseholdDraft.of(file))))
                    .isInstanceOf(AccessDeniedException.class);
        }

        @Test
        void streetOfficerRegistersOnlyInTheirStreetAndCannotAssignTeams() throws Exception {
            HouseholdFile file = as("district", () -> households.find(householdOfTeam(3)).orElseThrow());
            HouseholdDraft inOtherStreet = new HouseholdDraft("新户", file.streetId(), file.villageId(), null, null, null,
                    Attribute.GENERAL, null, null, null, null, null, null, null, file.teamId());
            InvalidInput refused = (InvalidInput) org.assertj.core.api.Assertions
                    .catchThrowable(() -> as("street01", () -> households.create(inOtherStreet)));
            assertThat(keys(refused)).contains("household.street.outOfScope", "household.team.notAllowed");
        }
    }

    @Nested
    class SensitiveFields {

        @Test
        void leaveTheServerMaskedForEveryone() throws Exception {
            for (String user : List.of("district", "team04", "street02", "leader", "admin")) {
                HouseholdFile file = as(user, () -> households.find(householdOfTeam(4)).orElseThrow());
                assertThat(file.phone()).as(user).matches("138\\*{4}\\d{4}");
                assertThat(file.bankAccount()).as(user).matches("\\*+\\d{4}");
                assertThat(file.members()).as(user).isNotEmpty().allSatisfy(m -> {
                    assertThat(m.idNumber()).matches("340203\\*{8}[0-9X]{4}");
                    assertThat(m.health()).isEqualTo("***");
                });
            }
        }

        @Test
        void showInFullToTheDistrictAndTheOwnTeamAndEveryShowIsAudited() throws Exception {
            long id = householdOfTeam(4);
            Member member = as("district", () -> households.find(id).orElseThrow().members().get(0));
            String full = as("district", () -> households.reveal(id, SensitiveField.ID_NUMBER, member.id()));
            assertThat(IdNumber.problem(full, BureauTime.today())).isEmpty();
            assertThat(IdNumber.mask(full)).isEqualTo(member.idNumber());
            assertThat(as("team04", () -> households.reveal(id, SensitiveField.PHONE, null))).matches("1\\d{10}");

            // the auditor reads the lines in words: whose file, which member, which field
            Texts chinese = (key, args) -> messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
            assertThat(jdbc.sql("""
                    select actor, target, detail from bf_audit_log
                     where action = 'SENSITIVE_FIELD_SHOWN' and target like ? order by id""")
                    .param("%\"" + Households.fileNo(id) + "\"%")
                    .query((rs, n) -> rs.getString(1) + ":" + AuditText.render(rs.getString(2), chinese) + ":"
                            + AuditText.render(rs.getString(3), chinese)).list())
                    .containsSubsequence("district:档案 " + Households.fileNo(id) + " 成员 #" + member.id() + ":身份证号",
                            "team04:档案 " + Households.fileNo(id) + ":联系电话");
        }

        @Test
        void othersCannotShowThem() throws Exception {
            long id = householdOfTeam(4);
            assertThatThrownBy(() -> as("street02", () -> households.reveal(id, SensitiveField.PHONE, null)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as("leader", () -> households.reveal(id, SensitiveField.PHONE, null)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as("team05", () -> households.reveal(id, SensitiveField.PHONE, null)))
                    .isInstanceOf(HouseholdNotFound.class);
        }
    }

    @Nested
    class MembersAndIdNumbers {

        @Test
        void refusesInvalidIdNumbersAndDisagreeingGenderOrBirthDate() throws Exception {
            long id = householdOfTeam(5);
            InvalidInput wrongCheck = (InvalidInput) org.assertj.core.api.Assertions.catchThrowable(() -> as("team05",
                    () -> households.addMember(id, member("李四", "340203198803150013", null))));
            assertThat(keys(wrongCheck)).containsExactly("idNumber.checkCharacter");

            InvalidInput wrongGender = (InvalidInput) org.assertj.core.api.Assertions.catchThrowable(() -> as("team05",
                    () -> households.addMember(id, member("李四", "340203198803150016", IdNumber.Gender.FEMALE))));
            assertThat(keys(wrongGender)).containsExactly("member.gender.mismatch");
        }

        @Test
        void derivesGenderAndBirthDateAndAcceptsLowerCaseX() throws Exception {
            long id = householdOfTeam(5);
            Member added = as("team05", () -> households.addMember(id, member("赵小梅", "34020320100101018x", null)));
            assertThat(added.gender()).isEqualTo(IdNumber.Gender.FEMALE);
            assertThat(added.birthDate()).isEqualTo(java.time.LocalDate.of(2010, 1, 1));
            assertThat(jdbc.sql("select id_number from bf_member where id = ?").param(added.id()).query(String.class).single())
                    .isEqualTo("34020320100101018X");
        }

        @Test
        void onePersonIsAnActiveMemberOfOneHouseholdOnly() throws Exception {
            long first = householdOfTeam(6);
            long second = householdOfTeam(7);
            String idNumber = "340203199001010016";
            Member added = as("district", () -> households.addMember(first, member("钱七", idNumber, null)));

            // the district sees the other household, so the message names it
            InvalidInput visible = (InvalidInput) org.assertj.core.api.Assertions.catchThrowable(
                    () -> as("district", () -> households.addMember(second, member("钱七", idNumber, null))));
            assertThat(keys(visible)).containsExactly("member.idNumber.activeIn");
            assertThat(visible.errors().get(0).arguments()).contains(Households.fileNo(first));

            // team07 may not see team06's household: the message does not name it
            InvalidInput hidden = (InvalidInput) org.assertj.core.api.Assertions.catchThrowable(
                    () -> as("team07", () -> households.addMember(second, member("钱七", idNumber, null))));
            assertThat(keys(hidden)).containsExactly("member.idNumber.activeElsewhere");
            assertThat(hidden.errors().get(0).arguments()).isEmpty();

            // once removed from the first, the person may join the second
            asDo("district", () -> households.removeMember(first, added.id(), added.version()));
            Member moved = as("team07", () -> households.addMember(second, member("钱七", idNumber, null)));
            assertThat(moved.name()).isEqualTo("钱七");
        }

        private MemberDraft member(String name, String idNumber, IdNumber.Gender gender) {
            return new MemberDraft(name, "OTHER", gender, null, idNumber, null, null, null, null, null, null, false, false);
        }
    }

    @Nested
    class HistoryAndConcurrency {

        @Test
        void everyChangeIsRecordedWithWhoWhatBeforeAndAfter() throws Exception {
            long id = householdOfTeam(8);
            HouseholdFile file = as("team08", () -> households.find(id).orElseThrow());
            HouseholdDraft draft = HouseholdDraft.of(file);
            HouseholdDraft changed = new HouseholdDraft(draft.headName(), draft.streetId(), draft.villageId(),
                    "新地址 8 号", "13900001111", null, draft.attribute(), draft.housingArea(), draft.housingStructure(),
                    draft.dilapidation(), draft.landArea(), draft.mainCause(), List.of("NO_SKILLS"), draft.needs(),
                    draft.teamId());
            as("team08", () -> households.update(id, file.version(), changed));

            List<HouseholdChange> history = as("team08", () -> households.history(id));
            assertThat(history).filteredOn(c -> c.kind() == HouseholdChange.Kind.UPDATED && "address".equals(c.field()))
                    .singleElement().satisfies(c -> {
                        assertThat(c.actor()).isEqualTo("team08");
                        assertThat(c.newValue()).isEqualTo("新地址 8 号");
                        assertThat(c.oldValue()).isEqualTo(file.address());
                    });
            // the history never holds a sensitive value in full
            assertThat(history).filteredOn(c -> "phone".equals(c.field())).singleElement()
                    .satisfies(c -> assertThat(c.newValue()).isEqualTo("139****1111"));
            assertThat(history).extracting(HouseholdChange::kind).contains(HouseholdChange.Kind.CREATED,
                    HouseholdChange.Kind.MEMBER_ADDED);
        }

        @Test
        void theSecondOfTwoConcurrentSavesIsRefusedAndNothingIsOverwritten() throws Exception {
            long id = householdOfTeam(9);
            HouseholdFile read = as("district", () -> households.find(id).orElseThrow());
            HouseholdDraft base = HouseholdDraft.of(read);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<String>> results = List.of("甲", "乙").stream().map(tag -> pool.submit(() -> {
                    start.await();
                    try {
                        as(tag.equals("甲") ? "district" : "team09", () -> households.update(id, read.version(),
                                new HouseholdDraft(base.headName(), base.streetId(), base.villageId(), "地址" + tag, null,
                                        null, base.attribute(), base.housingArea(), base.housingStructure(),
                                        base.dilapidation(), base.landArea(), base.mainCause(), base.secondaryCauses(),
                                        base.needs(), base.teamId())));
                        return "saved " + tag;
                    } catch (StaleHousehold stale) {
                        return "stale";
                    }
                })).toList();
                start.countDown();
                List<String> outcomes = results.stream().map(f -> {
                    try {
                        return f.get();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
                assertThat(outcomes).containsOnlyOnce("stale");
                String winner = outcomes.stream().filter(o -> o.startsWith("saved")).findFirst().orElseThrow().substring(6);
                HouseholdFile after = as("district", () -> households.find(id).orElseThrow());
                assertThat(after.address()).isEqualTo("地址" + winner);
                assertThat(after.version()).isEqualTo(read.version() + 1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Nested
    class RestApi {

        WebSession web() {
            return new WebSession(port);
        }

        String auth(String user) {
            return WebSession.basic(user, "Demo@2019");
        }

        @Test
        void listsWithTheSameScopesAsTheFacade() throws Exception {
            JsonNode team = json.readTree(web().get("/api/households", "Authorization", auth("team01")).body());
            assertThat(team.get("total").asInt()).isEqualTo(1);
            assertThat(team.get("items").get(0).get("id").asLong()).isEqualTo(householdOfTeam(1));

            JsonNode auditor = json.readTree(web().get("/api/households", "Authorization", auth("auditor")).body());
            assertThat(auditor.get("total").asInt()).isZero();

            JsonNode filtered = json.readTree(web().get("/api/households?attribute=TEKUN&sort=NAME&size=2",
                    "Authorization", auth("district")).body());
            assertThat(filtered.get("items")).allSatisfy(i -> assertThat(i.get("attribute").asText()).isEqualTo("TEKUN"));
            assertThat(filtered.get("size").asInt()).isEqualTo(2);
        }

        @org.junit.jupiter.params.ParameterizedTest
        @org.junit.jupiter.params.provider.CsvSource({ "team01,T", "lead05,T", "street01,S", "street06,S", "district,ALL",
                "admin,ALL", "leader,ALL", "auditor,NONE", "security,NONE" })
        void everyRoleListsExactlyItsScope(String user, String scope) throws Exception {
            String condition = switch (scope) {
                case "T" -> "h.team_id = (select team_id from bf_user_account where username = '" + user + "')";
                case "S" -> "h.street_id = (select street_id from bf_user_account where username = '" + user + "')";
                case "ALL" -> "1 = 1";
                default -> "1 = 0";
            };
            List<Long> expected = jdbc.sql("select h.id from bf_household h where " + condition + " order by h.id")
                    .query(Long.class).list();
            JsonNode page = json.readTree(web().get("/api/households?size=200", "Authorization", auth(user)).body());
            List<Long> listed = new java.util.ArrayList<>();
            page.get("items").forEach(i -> listed.add(i.get("id").asLong()));
            assertThat(listed).as(user).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(page.get("total").asInt()).isEqualTo(expected.size());
        }

        @Test
        void anotherTeamsHouseholdIsNotFound() {
            var response = web().get("/api/households/" + householdOfTeam(2), "Authorization", auth("team01"));
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).contains("不存在");
        }

        @Test
        void writesNeedTheVersionAndAStaleOneIsAConflict() throws Exception {
            long id = householdOfTeam(10);
            var read = web().get("/api/households/" + id, "Authorization", auth("team10"));
            assertThat(read.statusCode()).isEqualTo(200);
            String etag = read.headers().firstValue("ETag").orElseThrow();
            JsonNode file = json.readTree(read.body());
            ObjectNode draft = json.createObjectNode();
            for (String field : List.of("headName", "streetId", "villageId", "address", "attribute", "housingArea",
                    "housingStructure", "dilapidation", "landArea", "mainCause", "secondaryCauses", "needs", "teamId")) {
                draft.set(field, file.get(field));
            }
            draft.put("needs", "REST 修改");

            assertThat(put("/api/households/" + id, draft, null).statusCode()).isEqualTo(428);
            var saved = put("/api/households/" + id, draft, etag);
            assertThat(saved.statusCode()).isEqualTo(200);
            assertThat(saved.headers().firstValue("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(etag));

            var stale = put("/api/households/" + id, draft, etag);
            assertThat(stale.statusCode()).isEqualTo(409);
            assertThat(stale.body()).contains("已被他人修改");
        }

        @Test
        void badInputIs400WithFieldErrorsInTheCallersLanguageAndSavesNothing() throws Exception {
            int before = jdbc.sql("select count(*) from bf_household").query(Integer.class).single();
            ObjectNode draft = json.createObjectNode();
            draft.put("headName", "");
            draft.put("phone", "12345");
            draft.put("housingArea", -3);

            var chinese = post("/api/households", draft, null);
            assertThat(chinese.statusCode()).isEqualTo(400);
            JsonNode problem = json.readTree(chinese.body());
            assertThat(problem.get("detail").asText()).contains("未作任何保存");
            assertThat(problem.get("errors").findValuesAsText("field")).contains("headName", "streetId", "villageId",
                    "attribute", "phone", "housingArea");
            assertThat(problem.get("errors").findValuesAsText("message")).contains("请填写户主姓名");

            var english = post("/api/households", draft, "en");
            assertThat(json.readTree(english.body()).get("errors").findValuesAsText("message"))
                    .contains("Enter the head of household's name");
            assertThat(jdbc.sql("select count(*) from bf_household").query(Integer.class).single()).isEqualTo(before);
        }

        @Test
        void aNameThatIsNoNameIs400WithItsFieldInTheCallersLanguageAndSavesNothing() throws Exception {
            int before = jdbc.sql("select count(*) from bf_household").query(Integer.class).single();
            HouseholdFile template = as("district", () -> households.find(householdOfTeam(2)).orElseThrow());
            for (String bad : List.of("=HYPERLINK(\"http://evil.example/\",\"点击核对\")", "+1", "@张三", "123456",
                    "张三<b>", "张\"三", "张\u0007三", "张=三")) {
                ObjectNode draft = json.createObjectNode();
                draft.put("headName", bad);
                draft.put("streetId", template.streetId());
                draft.put("villageId", template.villageId());
                draft.put("attribute", "GENERAL");
                var chinese = post("/api/households", draft, null);
                assertThat(chinese.statusCode()).as(bad).isEqualTo(400);
                JsonNode problem = json.readTree(chinese.body());
                assertThat(problem.get("errors").findValuesAsText("field")).as(bad).containsExactly("headName");
                // a control character is refused before the name is judged, as in any text
                assertThat(problem.get("errors").findValuesAsText("message")).singleElement()
                        .satisfies(m -> assertThat(m).containsAnyOf("姓名只能包含文字", "控制字符"));
                var english = post("/api/households", draft, "en");
                assertThat(json.readTree(english.body()).get("errors").findValuesAsText("message")).singleElement()
                        .satisfies(m -> assertThat(m).containsAnyOf("A name holds letters", "control characters"));
            }
            assertThat(jdbc.sql("select count(*) from bf_household").query(Integer.class).single()).isEqualTo(before);

            long id = householdOfTeam(11);
            int members = jdbc.sql("select count(*) from bf_member where household_id = ?").param(id)
                    .query(Integer.class).single();
            ObjectNode member = json.createObjectNode();
            member.put("name", "=1+1");
            member.put("relation", "OTHER");
            member.put("idNumber", org.bangfu.testsupport.TestIds.id(java.time.LocalDate.of(1991, 2, 3), 771));
            var refused = send("POST", "/api/households/" + id + "/members", member, "team11", null, null);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(json.readTree(refused.body()).get("errors").findValuesAsText("field")).containsExactly("name");
            assertThat(jdbc.sql("select count(*) from bf_member where household_id = ?").param(id).query(Integer.class)
                    .single()).isEqualTo(members);
        }

        @Test
        void namesOfEveryScriptAndMinorityNamesWithTheirMiddleDotAreKept() throws Exception {
            HouseholdFile template = as("district", () -> households.find(householdOfTeam(2)).orElseThrow());
            ObjectNode draft = json.createObjectNode();
            draft.put("headName", "阿卜杜·热合曼");
            draft.put("streetId", template.streetId());
            draft.put("villageId", template.villageId());
            draft.put("attribute", "GENERAL");
            var created = post("/api/households", draft, null);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            long id = json.readTree(created.body()).get("id").asLong();
            String idNumber = org.bangfu.testsupport.TestIds.id(java.time.LocalDate.of(1980, 1, 1), 773);
            Member member = as("district", () -> households.addMember(id, new MemberDraft("Mary-Jane O'Neil", "OTHER", null,
                    null, idNumber, null, null, null, null, null, null, false, false)));
            assertThat(member.name()).isEqualTo("Mary-Jane O'Neil");
        }

        @Test
        void membersAreASubResourceAndRevealIsAudited() throws Exception {
            long id = householdOfTeam(11);
            JsonNode members = json.readTree(web().get("/api/households/" + id + "/members", "Authorization",
                    auth("team11")).body());
            long memberId = members.get(0).get("id").asLong();
            ObjectNode reveal = json.createObjectNode();
            reveal.put("field", "ID_NUMBER");
            reveal.put("memberId", memberId);
            var revealed = send("POST", "/api/households/" + id + "/reveal", reveal, "team11", null, null);
            assertThat(json.readTree(revealed.body()).get("value").asText()).matches("340203\\d{11}[0-9X]");
            assertThat(send("POST", "/api/households/" + id + "/reveal", reveal, "street06", null, null).statusCode())
                    .isEqualTo(403);
        }

        @Test
        void openApiDescribesTheHouseholdApi() {
            var docs = web().get("/v3/api-docs", "Authorization", auth("district"));
            assertThat(docs.statusCode()).isEqualTo(200);
            assertThat(docs.body()).contains("/api/households", "/api/households/{id}/members");
            assertThat(web().get("/v3/api-docs").statusCode()).isEqualTo(401);
        }

        private HttpResponse<String> put(String path, JsonNode body, String ifMatch) throws Exception {
            return send("PUT", path, body, "team10", ifMatch, null);
        }

        private HttpResponse<String> post(String path, JsonNode body, String language) throws Exception {
            return send("POST", path, body, "district", null, language);
        }

        private HttpResponse<String> send(String method, String path, JsonNode body, String user, String ifMatch,
                String language) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", auth(user)).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            if (language != null) {
                request.header("Accept-Language", language);
            }
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @Autowired
    Attachments attachments;

    static final byte[] PNG = picture("png");
    static final byte[] JPEG = picture("jpg");
    static final byte[] PDF = "%PDF-1.4 test".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** A small real picture, as a camera or the signature pad makes one. */
    static byte[] picture(String format) {
        try {
            var image = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
            var out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Nested
    class AttachmentRules {

        @Test
        void typeIsJudgedByContentNotByName() throws Exception {
            long id = householdOfTeam(3);
            var photo = as("team03", () -> attachments.add(id, Attachments.Kind.HOUSE_PHOTO, "住房.jpg", PNG));
            assertThat(photo.contentType()).isEqualTo("image/png");
            InvalidInput disguised = (InvalidInput) org.assertj.core.api.Assertions.catchThrowable(() -> as("team03",
                    () -> attachments.add(id, Attachments.Kind.OTHER, "photo.jpg", "<script>".getBytes())));
            assertThat(keys(disguised)).containsExactly("attachment.type");
            assertThat(as("team03", () -> households.history(id))).extracting(HouseholdChange::kind)
                    .contains(HouseholdChange.Kind.ATTACHMENT_ADDED);
        }

        @Test
        void photosAndSignaturesArePicturesThatOpenAndAnythingElseIsRefusedAndNotKept() throws Exception {
            long id = householdOfTeam(3);
            int before = jdbc.sql("select count(*) from bf_attachment where household_id = ?").param(id)
                    .query(Integer.class).single();
            byte[] truncatedPng = java.util.Arrays.copyOf(PNG, 20);
            byte[] truncatedJpeg = java.util.Arrays.copyOf(JPEG, JPEG.length / 2);
            for (Attachments.Kind kind : List.of(Attachments.Kind.VISIT_PHOTO, Attachments.Kind.SIGNATURE,
                    Attachments.Kind.HOUSE_PHOTO)) {
                for (byte[] notAPicture : List.of(PDF, truncatedPng, truncatedJpeg)) {
                    InvalidInput refused = (InvalidInput) org.assertj.core.api.Assertions.catchThrowable(
                            () -> as("team03", () -> attachments.add(id, kind, "照片.png", notAPicture)));
                    assertThat(refused).as(kind.name()).isNotNull();
                    assertThat(keys(refused)).as(kind.name()).containsExactly("attachment.picture");
                }
                assertThat(as("team03", () -> attachments.add(id, kind, "照片.jpg", JPEG)).contentType())
                        .isEqualTo("image/jpeg");
                assertThat(as("team03", () -> attachments.add(id, kind, "签名.png", PNG)).contentType())
                        .isEqualTo("image/png");
            }
            // a picture that says it is one must open, whatever it shows; a scan may still be a PDF
            assertThat(keys((InvalidInput) org.assertj.core.api.Assertions.catchThrowable(() -> as("team03",
                    () -> attachments.add(id, Attachments.Kind.CONSENT, "授权书.png", truncatedPng)))))
                    .containsExactly("attachment.picture");
            assertThat(as("team03", () -> attachments.add(id, Attachments.Kind.CONSENT, "授权书.pdf", PDF)).contentType())
                    .isEqualTo("application/pdf");
            assertThat(jdbc.sql("select count(*) from bf_attachment where household_id = ?").param(id)
                    .query(Integer.class).single()).isEqualTo(before + 7);
        }

        @Test
        void overRestAPdfOrATruncatedPngIsNoPhotoAndNothingIsKept() throws Exception {
            long id = householdOfTeam(3);
            int before = jdbc.sql("select count(*) from bf_attachment where household_id = ?").param(id)
                    .query(Integer.class).single();
            for (String kind : List.of("VISIT_PHOTO", "SIGNATURE")) {
                for (byte[] content : List.of(PDF, java.util.Arrays.copyOf(PNG, 20))) {
                    HttpRequest upload = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/households/"
                            + id + "/attachments?kind=" + kind))
                            .header("Authorization", WebSession.basic("team03", "Demo@2019"))
                            .header("Content-Type", org.bangfu.testsupport.Multipart.CONTENT_TYPE)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(
                                    org.bangfu.testsupport.Multipart.body("photo.png", content, java.util.Map.of())))
                            .build();
                    HttpResponse<String> refused = HttpClient.newHttpClient().send(upload,
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(refused.statusCode()).as(kind).isEqualTo(400);
                    JsonNode problem = json.readTree(refused.body());
                    assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("file");
                    assertThat(problem.get("errors").findValuesAsText("message")).singleElement()
                            .satisfies(m -> assertThat(m).contains("JPEG 或 PNG"));
                }
            }
            assertThat(jdbc.sql("select count(*) from bf_attachment where household_id = ?").param(id)
                    .query(Integer.class).single()).isEqualTo(before);
        }

        @Test
        void sizeIsLimited() throws Exception {
            long id = householdOfTeam(3);
            byte[] big = new byte[(int) attachments.maxSize().toBytes() + 1];
            System.arraycopy(PNG, 0, big, 0, PNG.length);
            InvalidInput tooLarge = (InvalidInput) org.assertj.core.api.Assertions.catchThrowable(
                    () -> as("team03", () -> attachments.add(id, Attachments.Kind.OTHER, "big.png", big)));
            assertThat(keys(tooLarge)).containsExactly("attachment.tooLarge");
        }

        @Test
        void onlyTheHouseholdsScopeCanListOrFetchThem() throws Exception {
            long id = householdOfTeam(3);
            var photo = as("district", () -> attachments.add(id, Attachments.Kind.CONSENT, "授权承诺书.pdf", PDF));
            assertThat(as("team04", () -> attachments.download(id, photo.id()))).isEmpty();
            assertThatThrownBy(() -> as("team04", () -> attachments.list(id))).isInstanceOf(HouseholdNotFound.class);
            assertThat(as("team03", () -> attachments.download(id, photo.id()))).hasValueSatisfying(
                    d -> assertThat(d.originalName()).isEqualTo("授权承诺书.pdf"));
        }

        @Test
        void restUploadAndDownloadKeepTheOriginalName() throws Exception {
            long id = householdOfTeam(3);
            String boundary = "bangfu-test-boundary";
            byte[] body = multipart(boundary, "门头照片.png", PNG);
            HttpRequest upload = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/households/" + id
                    + "/attachments?kind=HOUSE_PHOTO"))
                    .header("Authorization", WebSession.basic("team03", "Demo@2019"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<String> created = HttpClient.newHttpClient().send(upload, HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);
            String location = created.headers().firstValue("Location").orElseThrow();

            var mine = new WebSession(port).get(location, "Authorization", WebSession.basic("team03", "Demo@2019"));
            assertThat(mine.statusCode()).isEqualTo(200);
            assertThat(mine.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                    cd -> assertThat(cd).contains("attachment", "UTF-8''%E9%97%A8%E5%A4%B4%E7%85%A7%E7%89%87.png"));
            assertThat(new WebSession(port).get(location, "Authorization", WebSession.basic("team04", "Demo@2019"))
                    .statusCode()).isEqualTo(404);
        }

        private byte[] multipart(String boundary, String filename, byte[] content) throws java.io.IOException {
            var out = new java.io.ByteArrayOutputStream();
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.write(content);
            out.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return out.toByteArray();
        }
    }

    @Autowired
    HouseholdExcel excel;

    @Nested
    class ExcelImportAndExport {

        @Test
        void aGoodFileImportsEveryHouseholdAndMember() throws Exception {
            byte[] file = workbook(new String[][] {
                    { "X1", "导入户甲", "白马街道", "白马社区", "白马路 1 号", "13955300001", "", "低保户", "55.5", "砖混", "非危房", "",
                            "因病", "缺劳力、缺资金", "医疗救助" },
                    { "X2", "导入户乙", "白马街道", "永丰村", "", "", "", "特困户", "", "", "", "2", "因残", "", "" } },
                    new String[][] {
                            { "X1", "导入户甲", "户主", "340203196001010012", "小学", "非在校生", "弱劳动力", "患有大病", "", "", "是", "否" },
                            { "X1", "导入户甲妻", "配偶", "340203196202020022", "初中", "", "", "", "", "", "是", "是" },
                            { "X2", "导入户乙", "户主", "340203195003030039", "", "", "无劳动力", "残疾", "残疾证001", "1", "否", "否" } });
            HouseholdExcel.ImportReport report = as("street03", () -> excel.importWorkbook(new java.io.ByteArrayInputStream(file), null));
            assertThat(report.problems()).isEmpty();
            assertThat(report.households()).isEqualTo(2);
            assertThat(report.members()).isEqualTo(3);
            List<HouseholdSummary> found = as("street03", () -> households.list(HouseholdFilter.NONE.withSearch("导入户"),
                    HouseholdSort.NAME, 0, 10));
            assertThat(found).extracting(HouseholdSummary::headName).containsExactlyInAnyOrder("导入户甲", "导入户乙");
            assertThat(found).filteredOn(h -> h.headName().equals("导入户甲")).singleElement()
                    .satisfies(h -> assertThat(h.members()).isEqualTo(2));
        }

        @Test
        void aFileWithBadRowsReportsEveryProblemAndImportsNothing() throws Exception {
            int before = jdbc.sql("select count(*) from bf_household").query(Integer.class).single();
            byte[] file = workbook(new String[][] {
                    { "B1", "好户", "白马街道", "白马社区", "", "", "", "一般户", "", "", "", "", "", "", "" },
                    { "B2", "", "白马街道", "白马社区", "", "123", "", "一般户", "abc", "", "", "", "", "", "" },
                    { "B3", "坏户", "不存在街道", "", "", "", "", "富裕户", "", "", "", "", "", "", "" },
                    { "B1", "重复户", "白马街道", "白马社区", "", "", "", "一般户", "", "", "", "", "", "", "" } },
                    new String[][] {
                            { "B1", "好户", "户主", "340203196001010011", "", "", "", "", "", "", "是", "否" },
                            { "B1", "重号", "配偶", "340203196001010011", "", "", "", "", "", "", "是", "否" },
                            { "B9", "无户", "户主", "340203197001010012", "", "", "", "", "", "", "也许", "否" } });
            HouseholdExcel.ImportReport report = as("street03", () -> excel.importWorkbook(new java.io.ByteArrayInputStream(file), null));
            assertThat(report.succeeded()).isFalse();
            assertThat(report.problems()).extracting(p -> p.sheet() + ":" + p.row() + ":" + p.column() + ":" + p.messageKey())
                    .contains("困难户:3:户主姓名:household.headName.required",
                            "困难户:3:联系电话:household.phone.invalid",
                            "困难户:3:住房面积（㎡）:import.notANumber",
                            "困难户:4:街道:import.unknownValue",
                            "困难户:4:户属性:import.unknownValue",
                            "困难户:5:导入编号:import.keyDuplicate",
                            "家庭成员:2:身份证号:idNumber.checkCharacter",
                            "家庭成员:3:身份证号:import.idNumberTwice",
                            "家庭成员:4:导入编号:import.keyUnknown",
                            "家庭成员:4:医疗保险:import.yesNo");
            assertThat(jdbc.sql("select count(*) from bf_household").query(Integer.class).single()).isEqualTo(before);
            assertThat(jdbc.sql("select count(*) from bf_household where head_name = '好户'").query(Integer.class).single()).isZero();
        }

        @Test
        void anImportedNameThatIsNoNameIsAProblemOfItsCell() throws Exception {
            byte[] file = workbook(new String[][] {
                    { "N1", "=HYPERLINK(\"http://evil.example/\",\"点击核对\")", "白马街道", "白马社区", "", "", "", "一般户", "",
                            "", "", "", "", "", "" },
                    { "N2", "古丽·买买提", "白马街道", "白马社区", "", "", "", "一般户", "", "", "", "", "", "", "" } },
                    new String[][] { { "N2", "13800138000", "户主",
                            org.bangfu.testsupport.TestIds.id(java.time.LocalDate.of(1960, 1, 1), 775), "", "", "", "", "",
                            "", "否", "否" } });
            HouseholdExcel.ImportReport report = as("street03",
                    () -> excel.importWorkbook(new java.io.ByteArrayInputStream(file), null));
            assertThat(report.problems()).extracting(p -> p.sheet() + ":" + p.row() + ":" + p.column() + ":" + p.messageKey())
                    .containsExactly("困难户:2:户主姓名:personName.invalid", "家庭成员:2:姓名:personName.invalid");
            assertThat(jdbc.sql("select count(*) from bf_household where head_name = '古丽·买买提'").query(Integer.class)
                    .single()).isZero();
        }

        @Test
        void notATemplateIsSaidSo() throws Exception {
            HouseholdExcel.ImportReport report = as("district", () -> excel.importWorkbook(
                    new java.io.ByteArrayInputStream("not a workbook".getBytes()), null));
            assertThat(report.problems()).extracting(HouseholdExcel.ImportProblem::messageKey).containsExactly("import.notXlsx");
        }

        @Test
        void theTemplateImportsAsIsAfterItsExampleRowIsFilledIn() throws Exception {
            try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(excel.template()))) {
                assertThat(book.getSheet("困难户").getRow(0).getCell(1).getStringCellValue()).isEqualTo("户主姓名");
                assertThat(book.getSheet("家庭成员").getRow(0).getCell(3).getStringCellValue()).isEqualTo("身份证号");
                assertThat(book.getSheet("填写说明")).isNotNull();
            }
        }

        @Test
        void theExportHoldsTheCallersFilteredHouseholds() throws Exception {
            var out = new java.io.ByteArrayOutputStream();
            asDo("team02", () -> {
                try {
                    excel.export(HouseholdFilter.NONE, HouseholdSort.NAME, java.util.Locale.SIMPLIFIED_CHINESE, out);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(out.toByteArray()))) {
                var sheet = book.getSheetAt(0);
                assertThat(sheet.getLastRowNum()).isEqualTo(1);
                assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("户主姓名");
                assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("陈桂兰");
            }
        }

        private byte[] workbook(String[][] householdRows, String[][] memberRows) throws java.io.IOException {
            try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(excel.template()));
                    var out = new java.io.ByteArrayOutputStream()) {
                fill(book.getSheet("困难户"), householdRows);
                fill(book.getSheet("家庭成员"), memberRows);
                book.write(out);
                return out.toByteArray();
            }
        }

        private void fill(org.apache.poi.ss.usermodel.Sheet sheet, String[][] rows) {
            sheet.removeRow(sheet.getRow(1));
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
        }
    }

    @Autowired
    CodeLists codes;

    @Nested
    class CodeListsAreReferenceDataTheAdministratorExtends {

        @Test
        void anAddedCauseIsAcceptedByTheFile() throws Exception {
            asDo("admin", () -> codes.add(CodeLists.CAUSE, "DEBT", "因债", "debt"));
            assertThat(codes.label(CodeLists.CAUSE, "DEBT", java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("因债");
            long id = householdOfTeam(6);
            HouseholdFile file = as("team06", () -> households.find(id).orElseThrow());
            HouseholdDraft d = HouseholdDraft.of(file);
            HouseholdFile saved = as("team06", () -> households.update(id, file.version(), new HouseholdDraft(d.headName(),
                    d.streetId(), d.villageId(), d.address(), null, null, d.attribute(), d.housingArea(),
                    d.housingStructure(), d.dilapidation(), d.landArea(), "DEBT", d.secondaryCauses(), d.needs(),
                    d.teamId())));
            assertThat(saved.mainCause()).isEqualTo("DEBT");
        }

        @Test
        void onlyTheAdministratorExtendsThemAndBadCodesAreRefused() throws Exception {
            assertThatThrownBy(() -> asDo("district", () -> codes.add(CodeLists.CAUSE, "X1", "甲", "a")))
                    .isInstanceOf(AccessDeniedException.class);
            InvalidInput bad = (InvalidInput) org.assertj.core.api.Assertions.catchThrowable(
                    () -> asDo("admin", () -> codes.add(CodeLists.CAUSE, "illness", "", "")));
            assertThat(keys(bad)).contains("codes.code.invalid", "codes.label.required");
            InvalidInput twice = (InvalidInput) org.assertj.core.api.Assertions.catchThrowable(
                    () -> asDo("admin", () -> codes.add(CodeLists.CAUSE, "ILLNESS", "因病", "illness")));
            assertThat(keys(twice)).containsExactly("codes.code.exists");
        }
    }
}
