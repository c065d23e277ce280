package org.bangfu.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bangfu.shared.BureauTime;
import org.bangfu.shared.InvalidInput;
import org.bangfu.testsupport.RunAs;
import org.bangfu.testsupport.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/** The dashboard's workbooks and monthly report on the demo data, read back as a reader would. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardReportsTest {

    private static final List<String> STREETS = List.of("中山南路街道", "澛港街道", "白马街道", "马塘街道", "火龙街道",
            "南瑞街道");
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    DashboardReports reports;

    @Autowired
    Dashboard dashboard;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    Clock clock;

    @LocalServerPort
    int port;

    RunAs as;

    @BeforeEach
    void signIn() {
        as = new RunAs(users);
    }

    private XSSFWorkbook workbook(String who, DashboardSection section, Locale locale) throws IOException {
        byte[] xlsx = as.call(who, () -> reports.xlsx(dashboard.defaultFilter(), section, locale));
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    }

    /** The month of the demo's money (it is never ahead of Beijing's). */
    private YearMonth thisMonth() {
        return YearMonth.now(clock);
    }

    /** A month still to come in Beijing, where the reports are dated. */
    private static YearMonth nextMonth() {
        return YearMonth.now(BureauTime.zone()).plusMonths(1);
    }

    @Nested
    class Workbooks {

        @Test
        void moneyHasTheDemosArrangedAndPaidFundsAsAmountsInYuan() throws IOException {
            try (XSSFWorkbook book = workbook("leader", DashboardSection.MONEY, Locale.SIMPLIFIED_CHINESE)) {
                Sheet total = book.getSheetAt(0);
                assertThat(text(total, 0, 0)).isEqualTo("帮扶资金 · " + LocalDate.now(clock).getYear() + " 年度合计");
                assertThat(text(total, 1, 0)).contains("统计期间", "统计范围：全区", "资金年度", "制表日期");
                assertThat(row(total, ReportWorkbook.HEAD_ROW)).containsExactly("已安排（元）", "已申请（元）",
                        "已审批（元）", "已发放（元）", "剩余可申请（元）");
                Cell arranged = total.getRow(ReportWorkbook.HEAD_ROW + 1).getCell(0);
                assertThat(arranged.getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(arranged.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
                assertThat(yuan(arranged)).isEqualTo("780000.00");
                assertThat(yuan(total.getRow(ReportWorkbook.HEAD_ROW + 1).getCell(3))).isEqualTo("280000.00");

                Sheet streets = book.getSheet("按街道");
                Row streetTotal = streets.getRow(streets.getLastRowNum());
                assertThat(streetTotal.getCell(0).getStringCellValue()).isEqualTo("合计");
                assertThat(yuan(streetTotal.getCell(1))).isEqualTo("780000.00");
                assertThat(yuan(streetTotal.getCell(4))).isEqualTo("280000.00");
                assertThat(book.getSheet("按帮扶小组")).isNotNull();
                Sheet months = book.getSheet("按月");
                assertThat(text(months, ReportWorkbook.HEAD_ROW + 1, 0)).isEqualTo(LocalDate.now(clock).getYear() + "-01");
            }
        }

        @Test
        void theFunnelCountsTheElevenHouseholds() throws IOException {
            try (XSSFWorkbook book = workbook("district", DashboardSection.FUNNEL, Locale.SIMPLIFIED_CHINESE)) {
                Sheet funnel = book.getSheetAt(0);
                assertThat(text(funnel, 0, 0)).isEqualTo("各阶段户数");
                assertThat(row(funnel, ReportWorkbook.HEAD_ROW)).containsExactly("阶段", "当前户数", "期间进入", "期间离开");
                List<Row> stages = dataRows(funnel);
                assertThat(stages).hasSize(15);
                assertThat(stages.get(0).getCell(0).getStringCellValue()).isEqualTo("识别");
                assertThat(stages.subList(0, 14).stream().mapToDouble(r -> r.getCell(1).getNumericCellValue()).sum())
                        .isEqualTo(11);
                assertThat(stages.get(14).getCell(0).getStringCellValue()).isEqualTo("合计");
                assertThat(stages.get(14).getCell(1).getNumericCellValue()).isEqualTo(11);
                assertThat(book.getFontAt(stages.get(14).getCell(1).getCellStyle().getFontIndex()).getBold()).isTrue();
            }
        }

        @Test
        void theStreetsAreTheSixStreetsAndTheirTotal() throws IOException {
            try (XSSFWorkbook book = workbook("leader", DashboardSection.STREETS, Locale.SIMPLIFIED_CHINESE)) {
                Sheet sheet = book.getSheetAt(0);
                List<String> head = row(sheet, ReportWorkbook.HEAD_ROW);
                assertThat(head).hasSize(16).startsWith("街道", "识别").endsWith("结对完成", "不予通过", "已退出", "合计");
                List<Row> rows = dataRows(sheet);
                assertThat(rows).extracting(r -> r.getCell(0).getStringCellValue())
                        .containsExactlyInAnyOrderElementsOf(concat(STREETS, "合计"));
                rows.forEach(r -> assertThat(r.getCell(0).getCellType()).isEqualTo(CellType.STRING));
                Row total = rows.get(rows.size() - 1);
                assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
                assertThat(total.getCell(15).getNumericCellValue()).isEqualTo(11);
                assertThat(rows.subList(0, 6).stream().mapToDouble(r -> r.getCell(15).getNumericCellValue()).sum())
                        .isEqualTo(11);
            }
        }

        @Test
        void anEnglishReaderGetsEnglishTitlesAndHeads() throws IOException {
            try (XSSFWorkbook book = workbook("leader", DashboardSection.STREETS, Locale.ENGLISH)) {
                Sheet sheet = book.getSheetAt(0);
                assertThat(text(sheet, 0, 0)).isEqualTo("Stages by street");
                assertThat(text(sheet, 1, 0)).contains("Period: ", "Scope: Whole district", "Made on: ");
                assertThat(row(sheet, ReportWorkbook.HEAD_ROW)).startsWith("Street").endsWith("Total");
                assertThat(text(sheet, sheet.getLastRowNum(), 0)).isEqualTo("Total");
            }
            try (XSSFWorkbook book = workbook("leader", DashboardSection.MONEY, Locale.ENGLISH)) {
                assertThat(row(book.getSheetAt(0), ReportWorkbook.HEAD_ROW)).containsExactly("Arranged (yuan)",
                        "Requested (yuan)", "Approved (yuan)", "Paid (yuan)", "Remaining (yuan)");
            }
        }

        @Test
        void everySectionHasTitledSheetsOfFiguresWithoutFormulas() throws IOException {
            for (DashboardSection section : DashboardSection.values()) {
                try (XSSFWorkbook book = workbook("district", section, Locale.SIMPLIFIED_CHINESE)) {
                    assertThat(book.getNumberOfSheets()).as(section.name()).isPositive();
                    for (Sheet sheet : book) {
                        assertThat(text(sheet, 0, 0)).as(sheet.getSheetName()).isNotBlank();
                        assertThat(text(sheet, 1, 0)).contains("统计期间");
                        assertThat(row(sheet, ReportWorkbook.HEAD_ROW)).doesNotContain("");
                        for (Row row : sheet) {
                            for (Cell cell : row) {
                                assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                            }
                        }
                    }
                }
            }
        }

        @Test
        void theCasesWaitingLongestAreNamedInTextCells() throws IOException {
            try (XSSFWorkbook book = workbook("district", DashboardSection.OVERDUE, Locale.SIMPLIFIED_CHINESE)) {
                assertThat(List.of(book.getSheetName(0), book.getSheetName(1), book.getSheetName(2),
                        book.getSheetName(3))).containsExactly("按办理环节", "按街道", "按帮扶小组", "等待最久的案件");
                Sheet steps = book.getSheet("按办理环节");
                Row total = steps.getRow(steps.getLastRowNum());
                assertThat((long) total.getCell(2).getNumericCellValue()).isEqualTo(
                        jdbc.sql("select count(*) from bf_task").query(Long.class).single());
                List<Row> longest = dataRows(book.getSheet("等待最久的案件"));
                assertThat(longest).isNotEmpty();
                String head = longest.get(0).getCell(0).getStringCellValue();
                assertThat(jdbc.sql("select count(*) from bf_household where head_name = ?").param(head)
                        .query(Long.class).single()).isPositive();
                assertThat(longest.get(0).getCell(3).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
            }
        }

        @Test
        void aStreetOfficersWorkbookIsOfTheirStreet() throws IOException {
            try (XSSFWorkbook book = workbook("street01", DashboardSection.STREETS, Locale.SIMPLIFIED_CHINESE)) {
                Sheet sheet = book.getSheetAt(0);
                assertThat(text(sheet, 1, 0)).contains("统计范围：中山南路街道");
                assertThat(dataRows(sheet)).extracting(r -> r.getCell(0).getStringCellValue())
                        .containsExactly("中山南路街道", "合计");
            }
        }

        @Test
        void theAuditorAndTheSecurityAdministratorGetNone() {
            assertThatThrownBy(() -> workbook("auditor", DashboardSection.MONEY, Locale.SIMPLIFIED_CHINESE))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> workbook("security", DashboardSection.FUNNEL, Locale.SIMPLIFIED_CHINESE))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Nested
    class MonthlyReport {

        @Test
        void thisMonthsReportHasEverySectionTheDemosMoneyAndItsCharts() throws IOException {
            YearMonth month = thisMonth();
            byte[] pdf = as.call("leader", () -> reports.monthlyReport(month, null, null, Locale.SIMPLIFIED_CHINESE));

            PdfReader reader = new PdfReader(pdf);
            String text = text(reader);
            assertThat(text).contains("统计月报", month.getYear() + "年" + month.getMonthValue() + "月", "统计范围",
                    "全区", "统计期间" + month.atDay(1));
            assertThat(text).contains("一、各阶段户数", "二、各街道阶段分布", "三、各帮扶小组阶段分布", "四、在办与逾期",
                    "五、走访与复核", "六、帮扶资金", "七、户属性与致贫原因", "八、逐月趋势");
            assertThat(text).contains("已安排（元）", "780,000.00", "280,000.00");
            assertThat(text).containsSubsequence("帮扶资金", "合计780,000.00", "280,000.00");
            STREETS.forEach(street -> assertThat(text).contains(street));
            assertThat(text).contains("第1页/共" + reader.getNumberOfPages() + "页");
            assertThat(images(reader)).isGreaterThanOrEqualTo(6);
        }

        @Test
        void anEnglishReaderGetsTheReportInEnglish() throws IOException {
            YearMonth month = thisMonth();
            byte[] pdf = as.call("district", () -> reports.monthlyReport(month, null, null, Locale.ENGLISH));
            String text = text(new PdfReader(pdf));
            String monthName = month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            assertThat(text).contains("Monthlystatisticsreport", monthName + month.getYear(), "Wholedistrict",
                    "1.Householdsperstage", "6.Assistancefunds", "780,000.00", "280,000.00");
        }

        @Test
        void aStreetOfficersReportNamesOnlyTheirStreet() throws IOException {
            byte[] pdf = as.call("street01",
                    () -> reports.monthlyReport(thisMonth(), streetId("S02"), null, Locale.SIMPLIFIED_CHINESE));
            String text = text(new PdfReader(pdf));
            assertThat(text).contains("统计范围中山南路街道");
            STREETS.subList(1, 6).forEach(street -> assertThat(text).doesNotContain(street));
        }

        @Test
        void aPastMonthRunsToItsLastDayThisMonthToToday() {
            LocalDate today = LocalDate.of(2026, 12, 7);
            DashboardFilter february = DashboardReports.period(YearMonth.of(2026, 2), today, 3L, null);
            assertThat(february.from()).isEqualTo(LocalDate.of(2026, 2, 1));
            assertThat(february.to()).isEqualTo(LocalDate.of(2026, 2, 28));
            assertThat(february.streetId()).isEqualTo(3L);
            DashboardFilter december = DashboardReports.period(YearMonth.of(2026, 12), today, null, 5L);
            assertThat(december.from()).isEqualTo(LocalDate.of(2026, 12, 1));
            assertThat(december.to()).isEqualTo(today);
            assertThat(december.teamId()).isEqualTo(5L);
        }

        @Test
        void aMonthStillToComeIsRefused() {
            assertThatThrownBy(() -> as.call("leader",
                    () -> reports.monthlyReport(nextMonth(), null, null, Locale.SIMPLIFIED_CHINESE)))
                    .isInstanceOf(InvalidInput.class);
        }
    }

    @Nested
    class Api {

        @Test
        void theDistrictAndTheLeadershipDownloadWorkbooksAndReports() {
            for (String who : List.of("district", "leader")) {
                HttpResponse<byte[]> workbook = download(who, "/api/dashboard/overview/field-work.xlsx?from="
                        + LocalDate.now(clock).withDayOfYear(1) + "&to=" + LocalDate.now(clock), null);
                assertThat(workbook.statusCode()).as(who).isEqualTo(200);
                assertThat(workbook.headers().firstValue("Content-Type")).hasValue(XLSX);
                assertThat(workbook.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                        .startsWith("attachment").contains("filename*=UTF-8''" + utf8("驾驶舱-走访与复核-")));
                assertThat(new String(workbook.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");

                HttpResponse<byte[]> report = download(who, "/api/dashboard/report.pdf?month=" + thisMonth(), null);
                assertThat(report.statusCode()).as(who).isEqualTo(200);
                assertThat(report.headers().firstValue("Content-Type")).hasValue("application/pdf");
                assertThat(report.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                        .startsWith("inline").contains("filename*=UTF-8''" + utf8("统计月报-" + thisMonth() + ".pdf")));
                assertThat(new String(report.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
            }
            HttpResponse<byte[]> english = download("leader", "/api/dashboard/overview/money.xlsx", "en");
            assertThat(english.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                    .contains("dashboard-Assistance%20funds-"));
        }

        @Test
        void theAuditorAndTheSecurityAdministratorAreRefused() {
            for (String who : List.of("auditor", "security")) {
                assertThat(download(who, "/api/dashboard/overview/money.xlsx", null).statusCode()).isEqualTo(403);
                assertThat(download(who, "/api/dashboard/report.pdf?month=" + thisMonth(), null).statusCode())
                        .isEqualTo(403);
            }
        }

        @Test
        void aMonthThatIsNoneOrStillToComeIsABadRequestInTheCallersLanguage() {
            for (String month : List.of("2026-13", "november", "2026-1", "", nextMonth().toString())) {
                HttpResponse<byte[]> chinese = download("leader", "/api/dashboard/report.pdf?month=" + month, null);
                assertThat(chinese.statusCode()).as(month).isEqualTo(400);
                assertThat(new String(chinese.body(), StandardCharsets.UTF_8)).as(month).contains("month", "月份应写作");
            }
            HttpResponse<byte[]> english = download("leader", "/api/dashboard/report.pdf?month=2026-13", "en");
            assertThat(english.statusCode()).isEqualTo(400);
            assertThat(new String(english.body(), StandardCharsets.UTF_8)).contains("Write the month as year-month");
            assertThat(download("leader", "/api/dashboard/report.pdf", null).statusCode()).isEqualTo(400);
        }

        @Test
        void aSectionTheDashboardHasNotIsNotFound() {
            HttpResponse<byte[]> unknown = download("leader", "/api/dashboard/overview/salaries.xlsx", null);
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(new String(unknown.body(), StandardCharsets.UTF_8)).contains("驾驶舱没有这一板块");
            assertThat(download("leader", "/api/dashboard/overview/FIELD_WORK.xlsx", null).statusCode()).isEqualTo(404);
        }

        @Test
        void openApiDescribesTheDownloadsAndWhatTheyAre() {
            String docs = new String(download("district", "/v3/api-docs", null).body(), StandardCharsets.UTF_8);
            assertThat(docs).contains("\"/api/dashboard/overview/{section}.xlsx\"", "\"/api/dashboard/report.pdf\"",
                    "\"" + XLSX + "\"", "\"application/pdf\"");
        }

        private HttpResponse<byte[]> download(String user, String path, String language) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", WebSession.basic(user, "Demo@2019")).GET();
            if (language != null) {
                request.header("Accept-Language", language);
            }
            try {
                return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String utf8(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }

    // ---- reading back --------------------------------------------------------------------------------------------

    private long streetId(String code) {
        return jdbc.sql("select id from bf_street where code = ?").param(code).query(Long.class).single();
    }

    private static String text(Sheet sheet, int row, int column) {
        return sheet.getRow(row).getCell(column).getStringCellValue();
    }

    private static List<String> row(Sheet sheet, int index) {
        Row row = sheet.getRow(index);
        return IntStream.range(0, row.getLastCellNum()).mapToObj(c -> row.getCell(c).getStringCellValue()).toList();
    }

    private static List<Row> dataRows(Sheet sheet) {
        List<Row> rows = new ArrayList<>();
        for (int r = ReportWorkbook.HEAD_ROW + 1; r <= sheet.getLastRowNum(); r++) {
            rows.add(sheet.getRow(r));
        }
        return rows;
    }

    private static String yuan(Cell cell) {
        return BigDecimal.valueOf(cell.getNumericCellValue()).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static List<String> concat(List<String> names, String last) {
        List<String> all = new ArrayList<>(names);
        all.add(last);
        return all;
    }

    /** The text of every page, without the spaces the extractor puts between characters. */
    private static String text(PdfReader reader) throws IOException {
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder all = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            all.append(extractor.getTextFromPage(page)).append('\n');
        }
        return all.toString().replace(" ", "");
    }

    private static int images(PdfReader reader) {
        int images = 0;
        for (int i = 1; i < reader.getXrefSize(); i++) {
            PdfObject object = reader.getPdfObject(i);
            if (object instanceof PRStream stream && PdfName.IMAGE.equals(stream.get(PdfName.SUBTYPE))) {
                images++;
            }
        }
        return images;
    }
}
