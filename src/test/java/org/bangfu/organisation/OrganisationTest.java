package org.bangfu.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bangfu.household.Attribute;
import org.bangfu.household.HouseholdDraft;
import org.bangfu.household.HouseholdFile;
import org.bangfu.household.Households;
import org.bangfu.organisation.OrganisationExcel.ImportReport;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.bangfu.testsupport.ApiClient;
import org.bangfu.testsupport.Multipart;
import org.bangfu.testsupport.RunAs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The administrator keeps the district's streets, villages and teams; everyone else reads or is refused. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
class OrganisationTest {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final String[] NUMERALS = { "甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸" };

    @LocalServerPort
    int port;

    @Autowired
    Organisation organisation;

    @Autowired
    OrganisationExcel excel;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    UserDetailsService users;

    RunAs as;
    ApiClient api;

    @BeforeEach
    void setUp() {
        as = new RunAs(users);
        api = new ApiClient(port);
    }

    /** A code and a name no other test uses. */
    static String code(String prefix) {
        return prefix + "X" + NEXT.incrementAndGet();
    }

    static String name(String suffix) {
        StringBuilder name = new StringBuilder("测试");
        Integer.toString(NEXT.incrementAndGet()).chars().forEach(d -> name.append(NUMERALS[d - '0']));
        return name.append(suffix).toString();
    }

    Street street() {
        return as.call("admin", () -> organisation.createStreet(code("S"), name("街道")));
    }

    int audited(String action) {
        return jdbc.sql("select count(*) from bf_audit_log where action = ?").param(action).query(Integer.class).single();
    }

    static List<String> fields(Throwable e) {
        return ((InvalidInput) e).errors().stream().map(FieldError::field).toList();
    }

    static List<String> keys(Throwable e) {
        return ((InvalidInput) e).errors().stream().map(FieldError::messageKey).toList();
    }

    @Nested
    class Streets {

        @Test
        void theAdministratorCreatesAndRenamesAStreetWithAnAuditEntryEach() {
            int created = audited("ORGANISATION_CREATED");
            int changed = audited("ORGANISATION_CHANGED");
            String code = code("S");
            Street street = as.call("admin", () -> organisation.createStreet(" " + code + " ", "  新港街道  "));
            assertThat(street).extracting(Street::code, Street::name, Street::active, Street::version)
                    .containsExactly(code, "新港街道", true, 0);

            Street renamed = as.call("admin", () -> organisation.renameStreet(street.id(), 0, "新港镇"));
            assertThat(renamed.name()).isEqualTo("新港镇");
            assertThat(renamed.version()).isEqualTo(1);
            assertThat(organisation.street(street.id())).contains(renamed);
            assertThat(audited("ORGANISATION_CREATED")).isEqualTo(created + 1);
            assertThat(audited("ORGANISATION_CHANGED")).isEqualTo(changed + 1);
        }

        @Test
        void aStaleRenameIsRefusedAndTheNewerNameStays() {
            Street street = street();
            as.call("admin", () -> organisation.renameStreet(street.id(), 0, "先改的街道"));
            assertThatThrownBy(() -> as.call("admin2", () -> organisation.renameStreet(street.id(), 0, "后改的街道")))
                    .isInstanceOfSatisfying(StaleOrganisation.class, e -> assertThat(e.currentVersion()).isEqualTo(1));
            assertThat(organisation.street(street.id()).orElseThrow().name()).isEqualTo("先改的街道");
        }

        @Test
        void blankTooLongBadAndDuplicateCodesAndNamesAreRefusedAndNothingIsSaved() {
            int before = organisation.streets().size();
            assertThatThrownBy(() -> as.call("admin", () -> organisation.createStreet(" ", "")))
                    .satisfies(e -> assertThat(fields(e)).containsExactly("code", "name"))
                    .satisfies(e -> assertThat(keys(e)).containsOnly("form.required"));
            assertThatThrownBy(() -> as.call("admin", () -> organisation.createStreet("S".repeat(33), "街".repeat(101))))
                    .satisfies(e -> assertThat(keys(e)).containsOnly("organisation.tooLong"));
            assertThatThrownBy(() -> as.call("admin", () -> organisation.createStreet("S 1", name("街道"))))
                    .satisfies(e -> assertThat(keys(e)).containsExactly("organisation.code.invalid"));
            assertThatThrownBy(() -> as.call("admin", () -> organisation.createStreet("S01", "中山南路街道")))
                    .satisfies(e -> assertThat(keys(e)).containsExactly("organisation.code.taken",
                            "organisation.street.nameTaken"));
            Street other = street();
            assertThatThrownBy(() -> as.call("admin", () -> organisation.renameStreet(other.id(), 0, "澛港街道")))
                    .satisfies(e -> assertThat(keys(e)).containsExactly("organisation.street.nameTaken"));
            assertThat(organisation.streets()).hasSize(before + 1);
            assertThat(organisation.street(other.id()).orElseThrow().version()).isZero();
        }

        @Test
        void aStreetWithActiveVillagesOrTeamsServingOnlyItStaysActiveUntilTheyGo() {
            Street street = street();
            Street second = street();
            Village village = as.call("admin", () -> organisation.createVillage(street.id(), code("V"), name("村")));
            Team only = as.call("admin", () -> organisation.createTeam(code("T"), name("小组"), List.of(street.id())));
            Team both = as.call("admin",
                    () -> organisation.createTeam(code("T"), name("小组"), List.of(street.id(), second.id())));

            assertThatThrownBy(() -> as.call("admin", () -> organisation.deactivateStreet(street.id(), 0)))
                    .isInstanceOf(InvalidInput.class)
                    .satisfies(e -> assertThat(keys(e)).containsExactly("organisation.street.hasActiveVillages",
                            "organisation.street.teamsServeOnlyIt"))
                    .satisfies(e -> assertThat(((InvalidInput) e).errors().get(1).arguments())
                            .containsExactly(only.name()));
            assertThat(organisation.street(street.id()).orElseThrow().active()).isTrue();

            as.call("admin", () -> organisation.deactivateVillage(village.id(), 0));
            as.call("admin", () -> organisation.deactivateTeam(only.id(), 0));
            Street deactivated = as.call("admin", () -> organisation.deactivateStreet(street.id(), 0));
            assertThat(deactivated.active()).isFalse();
            assertThat(organisation.activeStreets()).doesNotContain(deactivated);
            assertThat(organisation.streets()).contains(deactivated);
            assertThat(organisation.team(both.id()).orElseThrow().active()).as("it serves another street").isTrue();

            Street again = as.call("admin", () -> organisation.reactivateStreet(street.id(), 1));
            assertThat(again.active()).isTrue();
            assertThat(again.version()).isEqualTo(2);
        }

        @Test
        void deactivatingWhatIsAlreadyInactiveChangesNothing() {
            Street street = street();
            as.call("admin", () -> organisation.deactivateStreet(street.id(), 0));
            int entries = audited("ORGANISATION_DEACTIVATED");
            Street same = as.call("admin", () -> organisation.deactivateStreet(street.id(), 1));
            assertThat(same.version()).isEqualTo(1);
            assertThat(audited("ORGANISATION_DEACTIVATED")).isEqualTo(entries);
        }
    }

    @Nested
    class Villages {

        @Test
        void aVillageIsAddedRenamedAndNamesAreUniqueWithinItsStreet() {
            Street street = street();
            Street other = street();
            Village village = as.call("admin", () -> organisation.createVillage(street.id(), code("V"), "幸福村"));
            assertThat(village.streetId()).isEqualTo(street.id());
            assertThat(as.call("admin", () -> organisation.createVillage(other.id(), code("V"), "幸福村")).name())
                    .as("same name, another street").isEqualTo("幸福村");
            assertThatThrownBy(() -> as.call("admin", () -> organisation.createVillage(street.id(), code("V"), "幸福村")))
                    .satisfies(e -> assertThat(keys(e)).containsExactly("organisation.village.nameTaken"));
            assertThatThrownBy(() -> as.call("admin", () -> organisation.createVillage(null, village.code(), "")))
                    .satisfies(e -> assertThat(fields(e)).containsExactly("streetId", "code", "name"));
            assertThat(as.call("admin", () -> organisation.renameVillage(village.id(), 0, "幸福社区")))
                    .extracting(Village::name, Village::version).containsExactly("幸福社区", 1);
            assertThatThrownBy(() -> as.call("admin", () -> organisation.renameVillage(village.id(), 0, "又一个名字")))
                    .isInstanceOf(StaleOrganisation.class);
        }

        @Test
        void noVillageIsAddedOrReactivatedUnderADeactivatedStreet() {
            Street street = street();
            Village village = as.call("admin", () -> organisation.createVillage(street.id(), code("V"), name("村")));
            as.call("admin", () -> organisation.deactivateVillage(village.id(), 0));
            as.call("admin", () -> organisation.deactivateStreet(street.id(), 0));
            assertThat(organisation.activeVillages()).extracting(Village::id).doesNotContain(village.id());
            assertThat(organisation.villages()).extracting(Village::id).contains(village.id());

            assertThatThrownBy(() -> as.call("admin", () -> organisation.createVillage(street.id(), code("V"), name("村"))))
                    .satisfies(e -> assertThat(keys(e)).containsExactly("organisation.village.streetInactive"));
            assertThatThrownBy(() -> as.call("admin", () -> organisation.reactivateVillage(village.id(), 1)))
                    .satisfies(e -> assertThat(keys(e)).containsExactly("organisation.village.streetInactive"));

            as.call("admin", () -> organisation.reactivateStreet(street.id(), 1));
            assertThat(as.call("admin", () -> organisation.reactivateVillage(village.id(), 1)).active()).isTrue();
        }
    }

    @Nested
    class Teams {

        @Test
        void aTeamServesSeveralStreetsAndItsFirstIsItsHomeStreet() {
            Street home = street();
            Street second = street();
            Team team = as.call("admin",
                    () -> organisation.createTeam(code("T"), name("小组"), List.of(home.id(), second.id(), home.id())));
            assertThat(team.streetId()).isEqualTo(home.id());
            assertThat(team.streetIds()).containsExactly(home.id(), second.id());

            Team changed = as.call("admin",
                    () -> organisation.updateTeam(team.id(), 0, team.name() + "新", List.of(second.id())));
            assertThat(changed.streetId()).isEqualTo(second.id());
            assertThat(changed.streetIds()).containsExactly(second.id());
            assertThat(changed.version()).isEqualTo(1);
            assertThat(organisation.team(team.id())).contains(changed);
        }

        @Test
        void theDemoTeamsServeTheirHomeStreet() {
            assertThat(organisation.teams()).filteredOn(t -> t.code().matches("T\\d\\d")).hasSize(11)
                    .allSatisfy(t -> assertThat(t.streetIds()).containsExactly(t.streetId()));
        }

        @Test
        void aTeamNeedsAStreetAndNewStreetsMustBeActive() {
            Street street = street();
            Street closed = street();
            as.call("admin", () -> organisation.deactivateStreet(closed.id(), 0));
            assertThatThrownBy(() -> as.call("admin", () -> organisation.createTeam(code("T"), name("小组"), List.of())))
                    .satisfies(e -> assertThat(keys(e)).containsExactly("organisation.team.streetsRequired"));
            assertThatThrownBy(() -> as.call("admin",
                    () -> organisation.createTeam(code("T"), name("小组"), List.of(street.id(), closed.id()))))
                    .satisfies(e -> assertThat(keys(e)).containsExactly("organisation.team.streetInactive"));
            assertThatThrownBy(() -> as.call("admin",
                    () -> organisation.createTeam("T01", "第一帮扶小组", List.of(street.id()))))
                    .satisfies(e -> assertThat(keys(e)).containsExactly("organisation.code.taken",
                            "organisation.team.nameTaken"));
        }

        @Test
        void aDeactivatedTeamIsNotOfferedAndComesBackWhileAStreetItServesIsActive() {
            Street street = street();
            Team team = as.call("admin", () -> organisation.createTeam(code("T"), name("小组"), List.of(street.id())));
            as.call("admin", () -> organisation.deactivateTeam(team.id(), 0));
            assertThat(organisation.activeTeams()).extracting(Team::id).doesNotContain(team.id());
            assertThat(organisation.teams()).extracting(Team::id).contains(team.id());
            as.call("admin", () -> organisation.deactivateStreet(street.id(), 0));
            assertThatThrownBy(() -> as.call("admin", () -> organisation.reactivateTeam(team.id(), 1)))
                    .satisfies(e -> assertThat(keys(e)).containsExactly("organisation.team.noActiveStreet"));
            as.call("admin", () -> organisation.reactivateStreet(street.id(), 1));
            assertThat(as.call("admin", () -> organisation.reactivateTeam(team.id(), 1)).active()).isTrue();
        }
    }

    @Nested
    class NewHouseholds {

        @Autowired
        Households households;

        HouseholdDraft draft(String head, long street, long village, Long team) {
            return new HouseholdDraft(head, street, village, null, null, null, Attribute.DIBAO, null, null, null, null,
                    "ILLNESS", List.of(), null, team);
        }

        @Test
        void aNewHouseholdIsFiledInNoDeactivatedVillageOrTeamButAFileKeepsItsOwn() {
            Street street = street();
            Village village = as.call("admin", () -> organisation.createVillage(street.id(), code("V"), name("村")));
            Team team = as.call("admin", () -> organisation.createTeam(code("T"), name("小组"), List.of(street.id())));
            HouseholdFile file = as.call("district",
                    () -> households.create(draft("停用前户", street.id(), village.id(), team.id())));
            as.call("admin", () -> organisation.deactivateVillage(village.id(), 0));
            as.call("admin", () -> organisation.deactivateTeam(team.id(), 0));

            assertThatThrownBy(() -> as.call("district",
                    () -> households.create(draft("停用后户", street.id(), village.id(), team.id()))))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                            .extracting(InvalidInput.FieldError::messageKey)
                            .contains("household.village.inactive", "household.team.inactive"));
            HouseholdFile kept = as.call("district", () -> households.update(file.id(), file.version(),
                    draft("停用前户改", street.id(), village.id(), team.id())));
            assertThat(kept.headName()).isEqualTo("停用前户改");
        }
    }

    @Nested
    class Roles {

        @ParameterizedTest
        @ValueSource(strings = { "security", "auditor", "district", "leader", "street01", "team01" })
        void onlyTheAdministratorChangesTheOrganisation(String user) {
            Street street = organisation.streets().get(0);
            Team team = organisation.teams().get(0);
            int before = organisation.streets().size();
            assertThatThrownBy(() -> as.call(user, () -> organisation.createStreet(code("S"), name("街道"))))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as.call(user, () -> organisation.renameStreet(street.id(), street.version(), "改名")))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as.call(user, () -> organisation.deactivateStreet(street.id(), street.version())))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as.call(user, () -> organisation.createVillage(street.id(), code("V"), name("村"))))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as.call(user, () -> organisation.updateTeam(team.id(), team.version(), "改名",
                    List.of(street.id())))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as.call(user, () -> excel.importWorkbook(new ByteArrayInputStream(new byte[0]))))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(organisation.streets()).hasSize(before);
        }

        @ParameterizedTest
        @ValueSource(strings = { "admin", "district", "leader" })
        void theAdministratorDistrictAndLeadersReadTheWholeOrganisation(String user) {
            assertThat(as.call(user, () -> organisation.overview().streets())).extracting(Street::code).contains("S01");
        }

        @ParameterizedTest
        @ValueSource(strings = { "security", "auditor", "street01" })
        void othersDoNotReadTheOrganisationPage(String user) {
            assertThatThrownBy(() -> as.call(user, () -> organisation.overview()))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Nested
    class Api {

        JsonNode body(HttpResponse<String> response) throws IOException {
            return json.readTree(response.body());
        }

        HttpResponse<String> send(String user, String method, String path, String body, String ifMatch) {
            return ifMatch == null
                    ? api.send(user, method, path, body == null ? null : "application/json",
                            body == null ? null : body.getBytes(StandardCharsets.UTF_8), "zh-CN")
                    : apiWithIfMatch(user, method, path, body, ifMatch);
        }

        HttpResponse<String> apiWithIfMatch(String user, String method, String path, String body, String ifMatch) {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                    .header("Authorization", org.bangfu.testsupport.WebSession.basic(user, "Demo@2019"))
                    .header("Accept-Language", "zh-CN").header("If-Match", ifMatch)
                    .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                            : java.net.http.HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            try {
                return java.net.http.HttpClient.newHttpClient().send(request.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        @Test
        void anAdministratorBuildsAStreetAVillageAndATeamOverRest() throws IOException {
            String streetCode = code("S");
            var street = send("admin", "POST", "/api/organisation/streets",
                    "{\"code\":\"" + streetCode + "\",\"name\":\"接口街道\"}", null);
            assertThat(street.statusCode()).isEqualTo(201);
            long streetId = body(street).get("id").asLong();
            assertThat(street.headers().firstValue("ETag")).contains("\"0\"");

            var village = send("admin", "POST", "/api/organisation/villages",
                    "{\"streetId\":" + streetId + ",\"code\":\"" + code("V") + "\",\"name\":\"接口村\"}", null);
            assertThat(village.statusCode()).isEqualTo(201);
            long villageId = body(village).get("id").asLong();

            var team = send("admin", "POST", "/api/organisation/teams",
                    "{\"code\":\"" + code("T") + "\",\"name\":\"接口小组\",\"streetIds\":[" + streetId + ",1]}", null);
            assertThat(team.statusCode()).isEqualTo(201);
            assertThat(body(team).get("streetIds").toString()).isEqualTo("[" + streetId + ",1]");
            long teamId = body(team).get("id").asLong();

            var renamed = send("admin", "PUT", "/api/organisation/streets/" + streetId, "{\"name\":\"接口街道二\"}", "\"0\"");
            assertThat(renamed.statusCode()).isEqualTo(200);
            assertThat(body(renamed).get("version").asInt()).isEqualTo(1);
            var stale = send("admin", "PUT", "/api/organisation/streets/" + streetId, "{\"name\":\"接口街道三\"}", "\"0\"");
            assertThat(stale.statusCode()).isEqualTo(409);
            assertThat(body(stale).get("detail").asText()).contains("已被他人修改");
            assertThat(body(stale).get("currentVersion").asInt()).isEqualTo(1);
            assertThat(send("admin", "PUT", "/api/organisation/streets/" + streetId, "{\"name\":\"x\"}", null).statusCode())
                    .isEqualTo(428);

            var refused = send("admin", "POST", "/api/organisation/streets/" + streetId + "/deactivate", null, "1");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(body(refused).get("errors").get(0).get("field").asText()).isEqualTo("active");
            assertThat(body(refused).get("errors").get(0).get("message").asText()).contains("接口村");
            assertThat(send("admin", "POST", "/api/organisation/villages/" + villageId + "/deactivate", null, "0")
                    .statusCode()).isEqualTo(200);
            var deactivated = send("admin", "POST", "/api/organisation/streets/" + streetId + "/deactivate", null, "1");
            assertThat(deactivated.statusCode()).isEqualTo(200);
            assertThat(body(deactivated).get("active").asBoolean()).isFalse();
            assertThat(send("admin", "POST", "/api/organisation/streets/" + streetId + "/reactivate", null, "2")
                    .statusCode()).isEqualTo(200);
            assertThat(send("admin", "POST", "/api/organisation/teams/" + teamId + "/deactivate", null, "0")
                    .statusCode()).isEqualTo(200);

            JsonNode all = body(api.get("district", "/api/organisation"));
            JsonNode mine = null;
            for (JsonNode s : all.get("streets")) {
                if (s.get("id").asLong() == streetId) {
                    mine = s;
                }
            }
            assertThat(mine).isNotNull();
            assertThat(mine.get("name").asText()).isEqualTo("接口街道二");
            assertThat(mine.get("active").asBoolean()).isTrue();
            assertThat(mine.get("version").asInt()).isEqualTo(3);
            assertThat(mine.get("villages").get(0).get("active").asBoolean()).isFalse();
            assertThat(all.get("teams").toString()).contains("\"name\":\"接口小组\"");
        }

        @Test
        void badInputAnswersEachFieldInChinese() throws IOException {
            var refused = send("admin", "POST", "/api/organisation/streets", "{\"code\":\"S01\",\"name\":\"\"}", null);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(body(refused).get("errors").toString()).contains("\"field\":\"code\"", "编号“S01”已被使用",
                    "\"field\":\"name\"", "必填");
            assertThat(send("admin", "PUT", "/api/organisation/teams/999999", "{\"name\":\"x\",\"streetIds\":[1]}", "0")
                    .statusCode()).isEqualTo(404);
        }

        @ParameterizedTest
        @ValueSource(strings = { "security", "auditor", "district", "street01" })
        void othersAreRefusedEveryChange(String user) {
            assertThat(send(user, "POST", "/api/organisation/streets", "{\"code\":\"" + code("S") + "\",\"name\":\""
                    + name("街道") + "\"}", null).statusCode()).isEqualTo(403);
            assertThat(send(user, "POST", "/api/organisation/streets/1/deactivate", null, "0").statusCode())
                    .isEqualTo(403);
            assertThat(api.send(user, "POST", "/api/organisation/import", Multipart.CONTENT_TYPE,
                    Multipart.body("o.xlsx", new byte[] { 1 }, Map.of()), null).statusCode()).isEqualTo(403);
        }

        @Test
        void theTemplateDownloadsAsAWorkbookWithItsThreeSheets() throws IOException {
            var response = api.send("admin", "GET", "/api/organisation/template", null, null, null);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(excel.template()))) {
                assertThat(book.getSheet("街道")).isNotNull();
                assertThat(book.getSheet("社区村")).isNotNull();
                assertThat(book.getSheet("帮扶小组")).isNotNull();
            }
        }
    }

    @Nested
    class Import {

        byte[] workbook(String[][] streets, String[][] villages, String[][] teams) throws IOException {
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(excel.template()));
                    ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                fill(book.getSheet("街道"), streets);
                fill(book.getSheet("社区村"), villages);
                fill(book.getSheet("帮扶小组"), teams);
                book.write(out);
                return out.toByteArray();
            }
        }

        void fill(Sheet sheet, String[][] rows) {
            sheet.removeRow(sheet.getRow(1));
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
        }

        ImportReport importAs(String user, byte[] file) {
            return as.call(user, () -> excel.importWorkbook(new ByteArrayInputStream(file)));
        }

        @Test
        void aGoodFileAddsEverythingAndImportingItAgainChangesNothing() throws IOException {
            String s1 = code("IS");
            String s2 = code("IS");
            byte[] file = workbook(new String[][] { { s1, "导入一街道" }, { s2, "导入二街道" } },
                    new String[][] { { s1, s1 + "-V1", "导入一村" }, { s2, s2 + "-V1", "导入二村" } },
                    new String[][] { { s1 + "-T", "导入帮扶小组", s1 + "、" + s2 } });
            ImportReport first = importAs("admin", file);
            assertThat(first.problems()).isEmpty();
            assertThat(first).extracting(ImportReport::created, ImportReport::changed, ImportReport::unchanged)
                    .containsExactly(5, 0, 0);
            Street street = organisation.findStreetByCode(s1).orElseThrow();
            Team team = organisation.findTeamByCode(s1 + "-T").orElseThrow();
            assertThat(team.streetIds()).containsExactly(street.id(), organisation.findStreetByCode(s2).orElseThrow().id());
            assertThat(organisation.findVillageByCode(s2 + "-V1").orElseThrow().name()).isEqualTo("导入二村");
            int audit = audited("ORGANISATION_CREATED") + audited("ORGANISATION_CHANGED");

            ImportReport again = importAs("admin", file);
            assertThat(again).extracting(ImportReport::created, ImportReport::changed, ImportReport::unchanged)
                    .containsExactly(0, 0, 5);
            assertThat(organisation.findStreetByCode(s1).orElseThrow().version()).isZero();
            assertThat(audited("ORGANISATION_CREATED") + audited("ORGANISATION_CHANGED")).isEqualTo(audit);

            byte[] renamed = workbook(new String[][] { { s1, "导入一街道改" } }, new String[0][],
                    new String[][] { { s1 + "-T", "导入帮扶小组", s2 } });
            assertThat(importAs("admin", renamed)).extracting(ImportReport::created, ImportReport::changed)
                    .containsExactly(0, 2);
            assertThat(organisation.findStreetByCode(s1).orElseThrow().name()).isEqualTo("导入一街道改");
            assertThat(organisation.findTeamByCode(s1 + "-T").orElseThrow().streetId())
                    .isEqualTo(organisation.findStreetByCode(s2).orElseThrow().id());
        }

        @Test
        void aFileWithErrorsChangesNothingAndReportsEachRowInChinese() throws IOException {
            String s1 = code("IS");
            int streets = organisation.streets().size();
            int villages = organisation.villages().size();
            int teams = organisation.teams().size();
            byte[] file = workbook(new String[][] { { s1, "错误文件街道" }, { s1, "重复编号街道" }, { "S02", "中山南路街道" } },
                    new String[][] { { "NOPE", s1 + "-V1", "某村" }, { s1, "", "某村" } },
                    new String[][] { { s1 + "-T", "", s1 + "、NOPE" }, { s1 + "-T2", "第一帮扶小组", s1 } });
            ImportReport report = importAs("admin", file);
            assertThat(report.succeeded()).isFalse();
            assertThat(report.problems()).extracting(p -> p.sheet() + p.row() + p.column() + ":" + p.messageKey())
                    .containsExactly(
                            "街道3街道编号:organisation.import.codeTwice",
                            "街道4街道名称:organisation.street.nameTaken",
                            "社区村2街道编号:organisation.import.unknownStreet",
                            "社区村3社区/村编号:form.required",
                            "帮扶小组2服务街道编号:organisation.import.unknownStreet",
                            "帮扶小组3帮扶小组名称:organisation.team.nameTaken");
            assertThat(organisation.streets()).hasSize(streets);
            assertThat(organisation.villages()).hasSize(villages);
            assertThat(organisation.teams()).hasSize(teams);
            assertThat(organisation.findStreetByCode(s1)).isEmpty();
        }

        @Test
        void theRestImportAnswersCountsOrTheRowsAtFault() throws IOException {
            String s1 = code("IS");
            byte[] good = workbook(new String[][] { { s1, "接口导入街道" } }, new String[0][], new String[0][]);
            var applied = api.send("admin", "POST", "/api/organisation/import", Multipart.CONTENT_TYPE,
                    Multipart.body("o.xlsx", good, Map.of()), "zh-CN");
            assertThat(applied.statusCode()).isEqualTo(200);
            assertThat(json.readTree(applied.body()).get("created").asInt()).isEqualTo(1);

            byte[] bad = workbook(new String[][] { { "S 9", "坏编号街道" } }, new String[0][], new String[0][]);
            var refused = api.send("admin", "POST", "/api/organisation/import", Multipart.CONTENT_TYPE,
                    Multipart.body("o.xlsx", bad, Map.of()), "zh-CN");
            assertThat(refused.statusCode()).isEqualTo(400);
            JsonNode problem = json.readTree(refused.body()).get("problems").get(0);
            assertThat(problem.get("sheet").asText()).isEqualTo("街道");
            assertThat(problem.get("row").asInt()).isEqualTo(2);
            assertThat(problem.get("column").asText()).isEqualTo("街道编号");
            assertThat(problem.get("message").asText()).contains("字母、数字");

            var notAWorkbook = api.send("admin", "POST", "/api/organisation/import", Multipart.CONTENT_TYPE,
                    Multipart.body("o.xlsx", "不是表格".getBytes(StandardCharsets.UTF_8), Map.of()), "zh-CN");
            assertThat(notAWorkbook.statusCode()).isEqualTo(400);
        }
    }
}
