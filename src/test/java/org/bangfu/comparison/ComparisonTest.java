package org.bangfu.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bangfu.audit.AuditAction;
import org.bangfu.audit.AuditLog.AuditQuery;
import org.bangfu.audit.AuditLog;
import org.bangfu.comparison.AgencyData.ImportReport;
import org.bangfu.comparison.AgencyData.Mode;
import org.bangfu.comparison.AgencyData.RowProblem;
import org.bangfu.comparison.AgencyData.Status;
import org.bangfu.comparison.Comparisons.ReportFilter;
import org.bangfu.comparison.Warning.Consequence;
import org.bangfu.household.Attribute;
import org.bangfu.household.HouseholdDraft;
import org.bangfu.household.HouseholdFile;
import org.bangfu.household.Households;
import org.bangfu.household.MemberDraft;
import org.bangfu.shared.BureauTime;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.bangfu.testsupport.ApiClient;
import org.bangfu.testsupport.Multipart;
import org.bangfu.testsupport.RunAs;
import org.bangfu.testsupport.TestIds;
import org.bangfu.testsupport.TestNames;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The comparison on the demo organisation: agency files in every form they come in, each rule on hand-made
 * data, the household report and its resolution, scopes, and the REST API. Every test makes its own household
 * (street S01, team T01) and its own files, so tests do not depend on each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ComparisonTest {

    private static final AtomicInteger SERIAL = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    AgencyData agencyData;

    @Autowired
    Comparisons comparisons;

    @Autowired
    ComparisonRules rules;

    @Autowired
    Households households;

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @LocalServerPort
    int port;

    RunAs as;

    @BeforeEach
    void signIn() {
        as = new RunAs(users);
    }

    /** A household of three in street S01, team T01: A the head, B the spouse, C a son whose ID ends in X. */
    record Family(long id, String a, String b, String c, String outsider) {
    }

    Family family() {
        int n = SERIAL.incrementAndGet();
        LocalDate birth = LocalDate.of(1961, 1, 1).plusDays(n * 3L);
        String a = TestIds.id(birth, 101);
        String b = TestIds.id(birth.plusDays(1), 102);
        String c = TestIds.endingInX(birth.plusDays(2), 103);
        String outsider = TestIds.id(birth, 601);
        long village = jdbc.sql("select id from bf_village where code = 'S01-V1'").query(Long.class).single();
        long street = jdbc.sql("select id from bf_street where code = 'S01'").query(Long.class).single();
        long team = jdbc.sql("select id from bf_team where code = 'T01'").query(Long.class).single();
        String name = TestNames.numbered("比对户", n);
        return as.call("district", () -> {
            HouseholdFile file = households.create(new HouseholdDraft(name, street, village, "测试路" + n + "号",
                    null, null, Attribute.GENERAL, new BigDecimal("45"), "BRICK_CONCRETE", "NONE", null, "ILLNESS",
                    List.of(), null, team));
            households.addMember(file.id(), member(name, "HEAD", a));
            households.addMember(file.id(), member(TestNames.numbered("配偶", n), "SPOUSE", b));
            households.addMember(file.id(), member(TestNames.numbered("儿子", n), "SON", c));
            return new Family(file.id(), a, b, c, outsider);
        });
    }

    private static MemberDraft member(String name, String relation, String idNumber) {
        return new MemberDraft(name, relation, null, null, idNumber, "JUNIOR", "NOT_IN_SCHOOL", "ORDINARY", "HEALTHY",
                null, null, true, false);
    }

    static byte[] csv(Charset charset, String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(charset);
    }

    static byte[] csv(String... lines) {
        return csv(StandardCharsets.UTF_8, lines);
    }

    ImportReport importAs(String user, AgencyKind kind, byte[] content, Mode mode) {
        return as.call(user, () -> agencyData.importFile(kind, "data.csv", content, Map.of(), null, mode));
    }

    static List<String> keys(InvalidInput e) {
        return e.errors().stream().map(FieldError::messageKey).toList();
    }

    static LocalDate today() {
        return BureauTime.today();
    }

    @Nested
    class AgencyFiles {

        @Test
        void readsUtf8WithAndWithoutByteOrderMarkAndGbkAlike() {
            Family f = family();
            String[] lines = { "身份证号,姓名,工作单位", f.a() + ",比对户,弋江区财政局（市场监督管理局）" };
            byte[] bom = new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
            byte[] utf8 = csv(lines);
            byte[] withBom = new byte[bom.length + utf8.length];
            System.arraycopy(bom, 0, withBom, 0, bom.length);
            System.arraycopy(utf8, 0, withBom, bom.length, utf8.length);
            for (var file : List.of(Map.entry("UTF-8", utf8), Map.entry("UTF-8", withBom),
                    Map.entry("GBK", csv(Charset.forName("GBK"), lines)))) {
                ImportReport report = importAs("district", AgencyKind.PUBLIC_EMPLOYEE, file.getValue(), Mode.CHECK);
                assertThat(report.status()).isEqualTo(Status.CHECKED);
                assertThat(report.charset()).isEqualTo(file.getKey());
                assertThat(report.headers()).containsExactly("身份证号", "姓名", "工作单位");
                assertThat(report.mapping()).containsEntry("employer", "工作单位").containsEntry("idNumber", "身份证号");
                assertThat(report.readableRows()).isEqualTo(1);
            }
            ImportReport gbk = importAs("district", AgencyKind.PUBLIC_EMPLOYEE, csv(Charset.forName("GBK"), lines),
                    Mode.ALL_OR_NOTHING);
            assertThat(gbk.status()).isEqualTo(Status.IMPORTED);
            assertThat(as.call("district", () -> agencyData.records(gbk.dataset().id(), 0, 10)))
                    .singleElement().satisfies(r -> {
                        assertThat(r.values()).containsEntry("employer", "弋江区财政局（市场监督管理局）")
                                .containsEntry("name", "比对户");
                        assertThat(r.idNumber()).contains("****").doesNotContain(f.a());
                    });
        }

        @Test
        void readsAWorkbookWithTextNumbersAndDates() throws Exception {
            Family f = family();
            byte[] workbook;
            try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                Sheet sheet = book.createSheet("拆迁补偿");
                Row header = sheet.createRow(0);
                header.createCell(0).setCellValue("证件号码");
                header.createCell(1).setCellValue("补偿金额");
                header.createCell(2).setCellValue("补偿日期");
                Row row = sheet.createRow(1);
                row.createCell(0).setCellValue(f.a());
                row.createCell(1).setCellValue(125000.5);
                CellStyle date = book.createCellStyle();
                date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
                row.createCell(2).setCellValue(LocalDate.of(2025, 3, 15));
                row.getCell(2).setCellStyle(date);
                book.write(out);
                workbook = out.toByteArray();
            }
            ImportReport report = as.call("admin",
                    () -> agencyData.importFile(AgencyKind.DEMOLITION, "拆迁.xlsx", workbook, Map.of(), null, Mode.ALL_OR_NOTHING));
            assertThat(report.status()).isEqualTo(Status.IMPORTED);
            assertThat(report.charset()).isNull();
            assertThat(as.call("admin", () -> agencyData.records(report.dataset().id(), 0, 10))).singleElement()
                    .satisfies(r -> assertThat(r.values()).containsEntry("amount", "125000.50")
                            .containsEntry("date", "2025-03-15"));
        }

        @Test
        void reportsEveryUnreadableRowAndStoresNothingUnlessTheUserAcceptsSkippingThem() {
            Family f = family();
            String wrongCheck = f.a().substring(0, 17) + (f.a().endsWith("0") ? "1" : "0");
            String future = today().plusDays(3).toString();
            byte[] file = csv("身份证号,姓名,死亡日期",
                    f.a() + ",甲,2024-01-05",
                    ",乙,2024-01-05",
                    wrongCheck + ",丙,2024-01-05",
                    f.c().toLowerCase() + ",丁,2024/2/1",
                    f.b() + ",戊,去年",
                    f.b() + ",己," + future,
                    ",,",
                    f.b() + ",庚,");
            int before = datasetCount(AgencyKind.DEATH);

            ImportReport refused = importAs("district", AgencyKind.DEATH, file, Mode.ALL_OR_NOTHING);
            assertThat(refused.status()).isEqualTo(Status.REFUSED);
            assertThat(refused.rows()).isEqualTo(7);
            assertThat(refused.readableRows()).isEqualTo(2);
            assertThat(refused.problems()).extracting(RowProblem::rowNo, RowProblem::field, RowProblem::messageKey)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(3, "idNumber", "agency.row.idMissing"),
                            org.assertj.core.groups.Tuple.tuple(4, "idNumber", "agency.row.idInvalid"),
                            org.assertj.core.groups.Tuple.tuple(6, "deathDate", "agency.row.notDate"),
                            org.assertj.core.groups.Tuple.tuple(7, "deathDate", "agency.row.futureDate"),
                            org.assertj.core.groups.Tuple.tuple(9, "deathDate", "agency.row.required"));
            assertThat(datasetCount(AgencyKind.DEATH)).isEqualTo(before);

            ImportReport accepted = importAs("district", AgencyKind.DEATH, file, Mode.SKIP_UNREADABLE_ROWS);
            assertThat(accepted.status()).isEqualTo(Status.IMPORTED);
            assertThat(accepted.dataset().rowCount()).isEqualTo(2);
            assertThat(accepted.dataset().skippedCount()).isEqualTo(5);
            assertThat(as.call("district", () -> agencyData.skippedRows(accepted.dataset().id())))
                    .extracting(RowProblem::rowNo).containsExactly(3, 4, 6, 7, 9);
            assertThat(as.call("district", () -> agencyData.records(accepted.dataset().id(), 0, 10)))
                    .extracting(r -> r.values().get("deathDate")).containsExactly("2024-01-05", "2024-02-01");
        }

        @Test
        void theSameFileImportedAgainChangesNothingAndANewFileIsANewVersionBesideTheOld() {
            Family f = family();
            byte[] first = csv("身份证号,月养老金", f.a() + ",1800");
            ImportReport once = importAs("district", AgencyKind.PENSION, first, Mode.ALL_OR_NOTHING);
            int datasets = datasetCount(AgencyKind.PENSION);
            int records = jdbc.sql("select count(*) from bf_agency_record").query(Integer.class).single();

            ImportReport again = importAs("admin", AgencyKind.PENSION, first, Mode.ALL_OR_NOTHING);
            assertThat(again.status()).isEqualTo(Status.ALREADY_IMPORTED);
            assertThat(again.dataset().id()).isEqualTo(once.dataset().id());
            assertThat(datasetCount(AgencyKind.PENSION)).isEqualTo(datasets);
            assertThat(jdbc.sql("select count(*) from bf_agency_record").query(Integer.class).single()).isEqualTo(records);

            ImportReport next = importAs("district", AgencyKind.PENSION, csv("身份证号,月养老金", f.a() + ",1900"),
                    Mode.ALL_OR_NOTHING);
            assertThat(next.dataset().versionNo()).isEqualTo(once.dataset().versionNo() + 1);
            assertThat(as.call("district", () -> agencyData.records(once.dataset().id(), 0, 10)))
                    .extracting(r -> r.values().get("monthlyAmount")).containsExactly("1800.00");
            assertThat(as.call("district", agencyData::latest).get(AgencyKind.PENSION).id()).isEqualTo(next.dataset().id());
        }

        @Test
        void aFileThatIsNotATableOrLacksARequiredColumnIsRefusedWithAReason() {
            byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D };
            assertThatThrownBy(() -> importAs("district", AgencyKind.VEHICLE, png, Mode.CHECK))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(keys(e)).containsExactly("agency.file.unreadable"));
            assertThatThrownBy(() -> importAs("district", AgencyKind.VEHICLE, new byte[0], Mode.CHECK))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(keys(e)).containsExactly("agency.file.unreadable"));
            assertThatThrownBy(() -> importAs("district", AgencyKind.VEHICLE, csv("身份证号,号牌号码", "x,y"), Mode.CHECK))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field, FieldError::messageKey)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple("productive", "agency.mapping.missing")));
        }

        @Test
        void theUserMapsColumnsWithUnusualHeaders() {
            Family f = family();
            byte[] file = csv("人员代码,所在单位", f.a() + ",区教育局");
            assertThatThrownBy(() -> importAs("district", AgencyKind.PUBLIC_EMPLOYEE, file, Mode.CHECK))
                    .isInstanceOf(InvalidInput.class);
            ImportReport report = as.call("district", () -> agencyData.importFile(AgencyKind.PUBLIC_EMPLOYEE, "x.csv",
                    file, Map.of("idNumber", "人员代码", "employer", "所在单位"), LocalDate.of(2026, 10, 1), Mode.ALL_OR_NOTHING));
            assertThat(report.status()).isEqualTo(Status.IMPORTED);
            assertThat(report.dataset().asOf()).isEqualTo(LocalDate.of(2026, 10, 1));
            assertThatThrownBy(() -> as.call("district", () -> agencyData.importFile(AgencyKind.PUBLIC_EMPLOYEE, "x.csv",
                    file, Map.of("idNumber", "没有这列"), null, Mode.CHECK)))
                    .isInstanceOfSatisfying(InvalidInput.class,
                            e -> assertThat(keys(e)).contains("agency.mapping.noSuchColumn"));
        }

        @Test
        void onlyTheDistrictAndAdministratorsImportOrSeeAgencyData() {
            byte[] file = csv("身份证号,工作单位", TestIds.id(LocalDate.of(1970, 1, 1), 9) + ",某单位");
            for (String user : List.of("street01", "team01", "leader", "auditor")) {
                assertThatThrownBy(() -> importAs(user, AgencyKind.PUBLIC_EMPLOYEE, file, Mode.CHECK))
                        .as(user).isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> as.call(user, agencyData::datasets)).as(user)
                        .isInstanceOf(AccessDeniedException.class);
            }
        }
    }

    int datasetCount(AgencyKind kind) {
        return jdbc.sql("select count(*) from bf_agency_dataset where kind = ?").param(kind.name())
                .query(Integer.class).single();
    }

    /**
     * One rule on hand-made data: a hit for A, a hit for C written with a lower-case x, a near miss (B, or a
     * person outside the household), and a row without an ID number, which is skipped and reported.
     */
    record RuleCase(String rule, AgencyKind kind, String header, RowMaker hit, RowMaker nearMiss, boolean nearMissIsB) {

        @Override
        public String toString() {
            return rule;
        }
    }

    interface RowMaker {
        String row(String idNumber);
    }

    static Stream<RuleCase> rules() {
        String yesterday = today().minusDays(1).toString();
        return Stream.of(
                new RuleCase("VEHICLE_NON_PRODUCTIVE", AgencyKind.VEHICLE, "身份证号,姓名,号牌号码,车辆类型,使用性质",
                        id -> id + ",某,皖B12345,小型轿车,非营运", id -> id + ",某,皖B54321,轻型货车,营运", true),
                new RuleCase("PUBLIC_EMPLOYEE", AgencyKind.PUBLIC_EMPLOYEE, "身份证号,姓名,工作单位",
                        id -> id + ",某,区财政局", id -> id + ",某,区财政局", false),
                new RuleCase("BUSINESS_REGISTERED", AgencyKind.BUSINESS, "身份证号,姓名,企业名称,职务",
                        id -> id + ",某,某某商贸有限公司,法定代表人", id -> id + ",某,某某商贸有限公司,股东", false),
                new RuleCase("PENSION_ABOVE", AgencyKind.PENSION, "身份证号,姓名,月养老金",
                        id -> id + ",某,2000.01", id -> id + ",某,2000.00", true),
                new RuleCase("DECEASED", AgencyKind.DEATH, "身份证号,姓名,死亡日期",
                        id -> id + ",某," + yesterday, id -> id + ",某," + yesterday, false),
                new RuleCase("COMMERCIAL_HOUSING", AgencyKind.REAL_ESTATE, "身份证号,姓名,房屋坐落,建筑面积",
                        id -> id + ",某,弋江区某小区1栋101,89.5", id -> id + ",某,弋江区某小区1栋102,89.5", false),
                new RuleCase("DEMOLITION_RECENT", AgencyKind.DEMOLITION, "身份证号,姓名,补偿金额,补偿日期",
                        id -> id + ",某,200000," + today().minusMonths(24).plusDays(1),
                        id -> id + ",某,200000," + today().minusMonths(24), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleWarnsOnAHitAndNotOnANearMiss(RuleCase rule) {
        Family f = family();
        String nearMiss = rule.nearMissIsB() ? f.b() : f.outsider();
        byte[] file = csv(rule.header(), rule.hit().row(f.a()), rule.hit().row(f.c().toLowerCase()),
                rule.nearMiss().row(nearMiss), rule.hit().row(""));
        ImportReport imported = importAs("district", rule.kind(), file, Mode.SKIP_UNREADABLE_ROWS);
        assertThat(imported.status()).isEqualTo(Status.IMPORTED);
        assertThat(imported.problems()).extracting(RowProblem::rowNo, RowProblem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5, "agency.row.idMissing"));

        ComparisonReport report = as.call("district", () -> comparisons.compare(f.id()));
        List<Warning> hits = report.warnings().stream().filter(w -> w.ruleCode().equals(rule.rule())).toList();
        assertThat(hits).extracting(Warning::memberName).containsExactlyInAnyOrder(
                memberName(f, f.a()), memberName(f, f.c()));
        assertThat(hits).allSatisfy(w -> {
            assertThat(w.status()).isEqualTo(Warning.Status.OPEN);
            assertThat(w.kind()).isEqualTo(rule.kind());
            assertThat(w.datasetVersion()).isEqualTo(imported.dataset().versionNo());
            assertThat(w.fields()).first().satisfies(p -> assertThat(p.field()).isEqualTo("idNumber"));
            assertThat(w.fields().get(0).declared()).isEqualTo(w.fields().get(0).agency()).contains("****");
            assertThat(w.textZh()).doesNotContain("{0}");
        });
        assertThat(report.rules()).extracting(AppliedRule::code).contains(rule.rule());
    }

    private String memberName(Family f, String idNumber) {
        return jdbc.sql("select name from bf_member where household_id = ? and id_number = ?").params(f.id(), idNumber)
                .query(String.class).single();
    }

    /** A family with a public-funded employee (A) and a non-productive vehicle (C): two warnings. */
    Family familyWithTwoWarnings() {
        Family f = family();
        importAs("district", AgencyKind.PUBLIC_EMPLOYEE, csv("身份证号,工作单位", f.a() + ",区城管局"), Mode.ALL_OR_NOTHING);
        importAs("district", AgencyKind.VEHICLE, csv("身份证号,号牌号码,使用性质", f.c() + ",皖B8888" + f.id() % 10 + ",非营运"),
                Mode.ALL_OR_NOTHING);
        return f;
    }

    List<Warning> warningsOf(ComparisonReport report, Family f) {
        return report.warnings().stream().filter(w -> w.ruleCode().equals("PUBLIC_EMPLOYEE")
                || w.ruleCode().equals("VEHICLE_NON_PRODUCTIVE")).toList();
    }

    @Nested
    class HouseholdComparison {

        @Test
        void repeatingTheComparisonGivesTheSameReportAndNewDataGivesANewOne() {
            Family f = familyWithTwoWarnings();
            ComparisonReport first = as.call("street01", () -> comparisons.compare(f.id()));
            ComparisonReport second = as.call("district", () -> comparisons.compare(f.id()));
            assertThat(second.id()).isEqualTo(first.id());
            assertThat(second.warnings()).hasSameSizeAs(first.warnings()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(reportsOf(f)).isEqualTo(1);
            assertThat(first.membersChecked()).isEqualTo(3);
            assertThat(first.createdBy()).isEqualTo("street01");

            importAs("district", AgencyKind.VEHICLE, csv("身份证号,号牌号码,使用性质", f.c() + ",皖B7777" + f.id() % 10 + ",营运"),
                    Mode.ALL_OR_NOTHING);
            ComparisonReport third = as.call("district", () -> comparisons.compare(f.id()));
            assertThat(third.id()).isNotEqualTo(first.id());
            assertThat(third.warnings()).extracting(Warning::ruleCode).doesNotContain("VEHICLE_NON_PRODUCTIVE");
            assertThat(reportsOf(f)).isEqualTo(2);
            assertThat(as.call("district", () -> comparisons.report(first.id())).orElseThrow().warnings())
                    .extracting(Warning::ruleCode).contains("VEHICLE_NON_PRODUCTIVE");
            assertThat(as.call("district", () -> comparisons.latest(f.id())).orElseThrow().id()).isEqualTo(third.id());
        }

        @Test
        void anAdministratorsThresholdChangeAppliesAtOnceAndIsRecordedWithTheResult() {
            Family f = family();
            importAs("district", AgencyKind.REAL_ESTATE, csv("身份证号,房屋坐落,建筑面积", f.b() + ",某小区" + f.id() + "号,89.5"),
                    Mode.ALL_OR_NOTHING);
            ComparisonReport before = as.call("district", () -> comparisons.compare(f.id()));
            assertThat(before.warnings()).extracting(Warning::ruleCode).contains("COMMERCIAL_HOUSING");

            ComparisonRule rule = as.call("admin", () -> rules.list()).stream()
                    .filter(r -> r.code().equals("COMMERCIAL_HOUSING")).findFirst().orElseThrow();
            assertThatThrownBy(() -> as.call("district", () -> rules.update(rule.code(), rule.version(),
                    rule.severity(), new BigDecimal("100"), true, rule.textZh(), rule.textEn())))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as.call("admin", () -> rules.update("PENSION_ABOVE", 0, Severity.HIGH,
                    new BigDecimal("-1"), true, "x", "x")))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(keys(e)).contains("comparison.rule.amount"));
            ComparisonRule changed = as.call("admin", () -> rules.update(rule.code(), rule.version(), Severity.LOW,
                    new BigDecimal("100"), true, rule.textZh(), rule.textEn()));
            try {
                assertThatThrownBy(() -> as.call("admin", () -> rules.update(rule.code(), rule.version(), Severity.LOW,
                        null, true, rule.textZh(), rule.textEn()))).isInstanceOf(StaleComparison.class);
                ComparisonReport after = as.call("district", () -> comparisons.compare(f.id()));
                assertThat(after.id()).isNotEqualTo(before.id());
                assertThat(after.warnings()).extracting(Warning::ruleCode).doesNotContain("COMMERCIAL_HOUSING");
                assertThat(after.rules()).filteredOn(r -> r.code().equals("COMMERCIAL_HOUSING")).singleElement()
                        .satisfies(r -> {
                            assertThat(r.threshold()).isEqualByComparingTo("100");
                            assertThat(r.version()).isEqualTo(changed.version());
                            assertThat(r.severity()).isEqualTo(Severity.LOW);
                        });
                assertThat(as.call("district", () -> comparisons.report(before.id())).orElseThrow().rules())
                        .filteredOn(r -> r.code().equals("COMMERCIAL_HOUSING")).singleElement()
                        .satisfies(r -> assertThat(r.threshold()).isNull());
                assertThat(as.call("auditor", () -> auditLog.count(new AuditQuery("admin", AuditAction.COMPARISON_RULE_CHANGED))))
                        .isGreaterThanOrEqualTo(1);
            } finally {
                as.call("admin", () -> rules.update(rule.code(), changed.version(), rule.severity(), null, true,
                        rule.textZh(), rule.textEn()));
            }
        }

        @Test
        void withoutAnyRuleThatHasDataNothingIsComparedAndNothingPasses() {
            Family f = family();
            List<ComparisonRule> all = as.call("admin", () -> rules.list());
            List<ComparisonRule> off = all.stream().map(r -> as.call("admin", () -> rules.update(r.code(), r.version(),
                    r.severity(), r.threshold(), false, r.textZh(), r.textEn()))).toList();
            try {
                assertThatThrownBy(() -> as.call("district", () -> comparisons.compare(f.id())))
                        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(keys(e)).containsExactly("comparison.noData"));
                assertThat(reportsOf(f)).isZero();
            } finally {
                off.forEach(r -> as.call("admin", () -> rules.update(r.code(), r.version(), r.severity(), r.threshold(),
                        true, r.textZh(), r.textEn())));
            }
        }

        @Test
        void reportsAndTheirEvidenceFollowTheHouseholdScope() {
            Family f = familyWithTwoWarnings();
            ComparisonReport report = as.call("street01", () -> comparisons.compare(f.id()));
            assertThat(report.resolvable()).isTrue();
            assertThat(as.call("team01", () -> comparisons.report(report.id()))).get()
                    .satisfies(r -> assertThat(r.resolvable()).isFalse());
            assertThat(as.call("leader", () -> comparisons.report(report.id()))).isPresent();
            for (String outsider : List.of("street02", "team02", "auditor", "security")) {
                assertThat(as.call(outsider, () -> comparisons.report(report.id()))).as(outsider).isEmpty();
                assertThat(as.call(outsider, () -> comparisons.latest(f.id()))).as(outsider).isEmpty();
                assertThat(as.call(outsider, () -> comparisons.reports(ReportFilter.OPEN, 0, 500)))
                        .as(outsider).noneMatch(s -> s.householdId() == f.id());
            }
            assertThatThrownBy(() -> as.call("street02", () -> comparisons.compare(f.id())))
                    .isInstanceOf(ComparisonNotFound.class);
            assertThatThrownBy(() -> as.call("team01", () -> comparisons.compare(f.id())))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(as.call("street01", () -> comparisons.reports(ReportFilter.OPEN, 0, 500)))
                    .filteredOn(s -> s.householdId() == f.id()).singleElement()
                    .satisfies(s -> assertThat(s.open()).isEqualTo(s.warnings()).isGreaterThanOrEqualTo(2));
        }
    }

    int reportsOf(Family f) {
        return jdbc.sql("select count(*) from bf_comparison_report where household_id = ?").param(f.id())
                .query(Integer.class).single();
    }

    @Nested
    class Resolving {

        @Test
        void aResolutionWithoutReasonNoteOrConsequenceIsRefusedAndChangesNothing() {
            Family f = familyWithTwoWarnings();
            Warning warning = warningsOf(as.call("street01", () -> comparisons.compare(f.id())), f).get(0);
            assertThatThrownBy(() -> as.call("street01", () -> comparisons.resolve(warning.id(), warning.version(),
                    new Resolution(Warning.Status.CONFIRMED, null, "NO_SUCH_REASON", "  "))))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(keys(e)).containsExactly(
                            "comparison.resolve.consequenceRequired", "comparison.resolve.reasonRequired",
                            "comparison.resolve.noteRequired"));
            assertThatThrownBy(() -> as.call("street01", () -> comparisons.resolve(warning.id(), warning.version(),
                    new Resolution(null, null, "VERIFIED", "已核实"))))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(keys(e))
                            .containsExactly("comparison.resolve.decisionRequired"));
            assertThat(jdbc.sql("select status || ':' || version from bf_comparison_warning where id = ?")
                    .param(warning.id()).query(String.class).single()).isEqualTo("OPEN:0");
        }

        @Test
        void resolvingEveryWarningCompletesTheComparisonAudited() {
            Family f = familyWithTwoWarnings();
            ComparisonReport report = as.call("street01", () -> comparisons.compare(f.id()));
            List<Warning> open = report.warnings();
            int audited = as.call("auditor", () -> auditLog.count(new AuditQuery("street01", AuditAction.COMPARISON_WARNING_RESOLVED)));
            for (int i = 0; i < open.size(); i++) {
                Warning w = open.get(i);
                boolean last = i == open.size() - 1;
                Resolution resolution = last
                        ? new Resolution(Warning.Status.CONFIRMED, Consequence.EXCLUDE, "VERIFIED", "入户核实，车辆为家庭自用")
                        : new Resolution(Warning.Status.DISMISSED, Consequence.EXCLUDE, "WRONG_MATCH", "同名不同人");
                Warning resolved = as.call("street01", () -> comparisons.resolve(w.id(), w.version(), resolution));
                assertThat(resolved.status()).isEqualTo(resolution.decision());
                assertThat(resolved.resolvedBy()).isEqualTo("street01");
                assertThat(resolved.version()).isEqualTo(w.version() + 1);
                if (!last) {
                    assertThat(resolved.consequence()).as("a dismissed warning has no consequence").isNull();
                    assertThat(as.call("district", () -> comparisons.report(report.id())).orElseThrow().complete())
                            .as("a warning is still open").isFalse();
                }
            }
            ComparisonReport done = as.call("district", () -> comparisons.report(report.id())).orElseThrow();
            assertThat(done.complete()).isTrue();
            assertThat(done.excludesHousehold()).isTrue();
            assertThat(done.householdId()).isEqualTo(f.id());
            assertThat(as.call("auditor", () -> auditLog.count(new AuditQuery("street01", AuditAction.COMPARISON_WARNING_RESOLVED))))
                    .isEqualTo(audited + open.size());
            assertThat(as.call("street01", () -> comparisons.reports(ReportFilter.OPEN, 0, 500)))
                    .noneMatch(s -> s.reportId() == report.id());
            assertThat(as.call("street01", () -> comparisons.reports(new ReportFilter(false, null, null, null, null), 0, 500)))
                    .filteredOn(s -> s.reportId() == report.id()).singleElement()
                    .satisfies(s -> assertThat(s.exclusion()).isTrue());
        }

        @Test
        void aLaterComparisonTakesOverTheResolutionOfTheSameEvidenceAndAsksOnlyAboutWhatIsNew() {
            Family f = familyWithTwoWarnings();
            ComparisonReport first = as.call("street01", () -> comparisons.compare(f.id()));
            List<Warning> resolved = new java.util.ArrayList<>();
            for (Warning w : warningsOf(first, f)) {
                resolved.add(as.call("street01", () -> comparisons.resolve(w.id(), w.version(),
                        new Resolution(Warning.Status.DISMISSED, null, "WRONG_MATCH", "同名不同人：" + w.ruleCode()))));
            }
            // a new pension data set: the household is compared again, the old evidence is still the newest
            importAs("district", AgencyKind.PENSION, csv("身份证号,月养老金", f.b() + ",2600", f.a() + ",3000"),
                    Mode.ALL_OR_NOTHING);
            ComparisonReport second = as.call("district", () -> comparisons.compare(f.id()));
            assertThat(second.id()).isNotEqualTo(first.id());
            for (Warning earlier : resolved) {
                assertThat(second.warnings()).filteredOn(w -> w.ruleCode().equals(earlier.ruleCode())).singleElement()
                        .satisfies(w -> {
                            assertThat(w.status()).isEqualTo(Warning.Status.DISMISSED);
                            assertThat(w.carriedFrom()).isEqualTo(earlier.id());
                            assertThat(w.note()).isEqualTo(earlier.note());
                            assertThat(w.resolvedBy()).isEqualTo("street01");
                        });
            }
            assertThat(second.warnings()).filteredOn(w -> w.ruleCode().equals("PENSION_ABOVE"))
                    .hasSize(2).allSatisfy(w -> {
                        assertThat(w.status()).isEqualTo(Warning.Status.OPEN);
                        assertThat(w.carriedFrom()).isNull();
                    });
            assertThat(second.complete()).isFalse();
        }

        @Test
        void oneDecisionResolvesTheSameEvidenceWhereverItIsStillOpen() {
            Family f = familyWithTwoWarnings();
            ComparisonReport first = as.call("street01", () -> comparisons.compare(f.id()));
            importAs("district", AgencyKind.DEMOLITION, csv("身份证号,补偿金额,补偿日期", f.outsider() + ",1,2025-01-01"),
                    Mode.ALL_OR_NOTHING);
            ComparisonReport second = as.call("street01", () -> comparisons.compare(f.id()));
            assertThat(second.id()).isNotEqualTo(first.id());
            assertThat(warningsOf(second, f)).hasSize(2).allMatch(w -> w.status() == Warning.Status.OPEN);

            for (Warning w : warningsOf(first, f)) {
                as.call("street01", () -> comparisons.resolve(w.id(), w.version(),
                        new Resolution(Warning.Status.CONFIRMED, Consequence.ADJUST, "DATA_CORRECTED", "已更正档案")));
            }
            ComparisonReport after = as.call("street01", () -> comparisons.report(second.id())).orElseThrow();
            assertThat(warningsOf(after, f)).allSatisfy(w -> {
                assertThat(w.status()).isEqualTo(Warning.Status.CONFIRMED);
                assertThat(w.carriedFrom()).isIn(warningsOf(first, f).stream().map(Warning::id).toList());
            });
            assertThat(Stream.of(first.id(), second.id())
                    .map(id -> as.call("street01", () -> comparisons.report(id)).orElseThrow()))
                    .as("both reports completed by the one decision").allMatch(ComparisonReport::complete);
        }

        @Test
        void aWarningResolvedByAColleagueMeanwhileIsNotOverwritten() {
            Family f = familyWithTwoWarnings();
            Warning warning = warningsOf(as.call("street01", () -> comparisons.compare(f.id())), f).get(0);
            as.call("district", () -> comparisons.resolve(warning.id(), warning.version(),
                    new Resolution(Warning.Status.DISMISSED, null, "AGENCY_DATA_OUTDATED", "车辆已于去年注销")));
            assertThatThrownBy(() -> as.call("street01", () -> comparisons.resolve(warning.id(), warning.version(),
                    new Resolution(Warning.Status.CONFIRMED, Consequence.ADJUST, "VERIFIED", "属实"))))
                    .isInstanceOf(StaleComparison.class);
            assertThat(jdbc.sql("select resolved_by || ':' || status from bf_comparison_warning where id = ?")
                    .param(warning.id()).query(String.class).single()).isEqualTo("district:DISMISSED");
        }

        @Test
        void teamsAndLeadershipReadButDoNotResolve() {
            Family f = familyWithTwoWarnings();
            Warning warning = warningsOf(as.call("street01", () -> comparisons.compare(f.id())), f).get(0);
            Resolution resolution = new Resolution(Warning.Status.DISMISSED, null, "WRONG_MATCH", "误匹配");
            for (String user : List.of("team01", "lead01", "leader")) {
                assertThatThrownBy(() -> as.call(user, () -> comparisons.resolve(warning.id(), 0, resolution)))
                        .as(user).isInstanceOf(AccessDeniedException.class);
            }
            assertThatThrownBy(() -> as.call("street02", () -> comparisons.resolve(warning.id(), 0, resolution)))
                    .isInstanceOf(ComparisonNotFound.class);
        }
    }

    @Nested
    class Api {

        HttpResponse<String> send(String user, String method, String path, String contentType, byte[] body,
                String language) {
            return new ApiClient(port).send(user, method, path, contentType, body, language);
        }

        HttpResponse<String> upload(String user, AgencyKind kind, byte[] file, String mode) throws Exception {
            return send(user, "POST", "/api/agency-data/" + kind + "/imports", Multipart.CONTENT_TYPE,
                    Multipart.body("养老金.csv", file, Map.of("mode", mode)), null);
        }

        @Test
        void importsAreCheckedRefusedOrStoredAndOnlyForTheDistrict() throws Exception {
            Family f = family();
            byte[] bad = csv("身份证号,月养老金", f.a() + ",2500", f.b() + ",很多");
            HttpResponse<String> checked = upload("district", AgencyKind.PENSION, bad, "CHECK");
            assertThat(checked.statusCode()).isEqualTo(200);
            JsonNode report = JSON.readTree(checked.body());
            assertThat(report.path("status").asText()).isEqualTo("CHECKED");
            assertThat(report.path("problems").get(0).path("row").asInt()).isEqualTo(3);
            assertThat(report.path("problems").get(0).path("message").asText()).isEqualTo("不是有效的金额或数字（最多两位小数）");

            HttpResponse<String> refused = upload("district", AgencyKind.PENSION, bad, "ALL_OR_NOTHING");
            assertThat(refused.statusCode()).isEqualTo(422);
            HttpResponse<String> stored = upload("district", AgencyKind.PENSION, bad, "SKIP_UNREADABLE_ROWS");
            assertThat(stored.statusCode()).isEqualTo(201);
            assertThat(JSON.readTree(stored.body()).path("dataset").path("rowCount").asInt()).isEqualTo(1);
            assertThat(upload("district", AgencyKind.PENSION, bad, "SKIP_UNREADABLE_ROWS").body())
                    .contains("ALREADY_IMPORTED");
            assertThat(upload("street01", AgencyKind.PENSION, bad, "CHECK").statusCode()).isEqualTo(403);
            assertThat(send("street01", "GET", "/api/agency-data", null, null, null).statusCode()).isEqualTo(403);
            assertThat(send("district", "GET", "/api/agency-data", null, null, null).body()).contains("PENSION");
        }

        @Test
        void aHouseholdsReportIsComparedReadAndResolvedOverHttp() throws Exception {
            Family f = familyWithTwoWarnings();
            assertThat(send("street01", "GET", "/api/households/" + f.id() + "/comparison", null, null, null)
                    .statusCode()).isEqualTo(404);
            HttpResponse<String> compared = send("street01", "POST", "/api/households/" + f.id() + "/comparison", null,
                    null, null);
            assertThat(compared.statusCode()).isEqualTo(200);
            JsonNode report = JSON.readTree(compared.body());
            assertThat(send("street01", "POST", "/api/households/" + f.id() + "/comparison", null, null, null).body())
                    .contains("\"id\":" + report.path("id").asLong() + ",");
            assertThat(send("street02", "POST", "/api/households/" + f.id() + "/comparison", null, null, null)
                    .statusCode()).isEqualTo(404);
            assertThat(send("team01", "GET", "/api/households/" + f.id() + "/comparison", null, null, null)
                    .statusCode()).isEqualTo(200);

            long warning = report.path("warnings").get(0).path("id").asLong();
            String path = "/api/comparison/warnings/" + warning + "/resolution";
            HttpResponse<String> invalid = send("street01", "POST", path, "application/json",
                    "{\"decision\":\"DISMISSED\",\"reasonCode\":\"WRONG_MATCH\",\"version\":0}".getBytes(), "en");
            assertThat(invalid.statusCode()).isEqualTo(400);
            assertThat(invalid.body()).contains("Enter a note on what was checked");
            String body = "{\"decision\":\"DISMISSED\",\"reasonCode\":\"WRONG_MATCH\",\"note\":\"同名不同人\",\"version\":0}";
            assertThat(send("street01", "POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8), null)
                    .statusCode()).isEqualTo(200);
            HttpResponse<String> stale = send("district", "POST", path, "application/json",
                    body.getBytes(StandardCharsets.UTF_8), null);
            assertThat(stale.statusCode()).isEqualTo(409);
            assertThat(JSON.readTree(stale.body()).path("detail").asText()).contains("已被他人处理");
            assertThat(send("team01", "POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8), null)
                    .statusCode()).isEqualTo(403);
        }

        @Test
        void rulesAreReadByAllAndChangedByAdministratorsOnly() throws Exception {
            assertThat(send("street01", "GET", "/api/comparison/rules", null, null, null).body())
                    .contains("PENSION_ABOVE").contains("家庭成员养老金超过每月{0}元");
            String change = "{\"version\":0,\"severity\":\"HIGH\",\"threshold\":2000,\"active\":true,"
                    + "\"textZh\":\"x\",\"textEn\":\"x\"}";
            assertThat(send("district", "PUT", "/api/comparison/rules/PENSION_ABOVE", "application/json",
                    change.getBytes(), null).statusCode()).isEqualTo(403);
            HttpResponse<String> wrong = send("admin", "PUT", "/api/comparison/rules/PENSION_ABOVE", "application/json",
                    change.replace("2000", "-5").getBytes(), null);
            assertThat(wrong.statusCode()).isEqualTo(400);
            assertThat(wrong.body()).contains("阈值须为不小于 0 的数");
        }
    }
}
