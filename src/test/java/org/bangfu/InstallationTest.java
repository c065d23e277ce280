package org.bangfu;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bangfu.shared.BureauTime;
import org.bangfu.shared.IdNumber;
import org.bangfu.testsupport.AppProcess;
import org.bangfu.testsupport.Multipart;
import org.bangfu.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;

/**
 * A whole production installation, as a district's administrators do it, over HTTP against the production
 * profile on an empty PostgreSQL database: the first administrator and security administrator from the
 * environment; the administrator imports the organisation and sets the bureau's settings; the security
 * administrator creates the staff's accounts, who change their initial passwords; a street officer files the
 * first household and starts its case; the case's first notice prints with the bureau's phone, and the
 * household's handbook carries a QR code with the bureau's address. Nothing is done in SQL.
 */
class InstallationTest {

    private static final String ADMIN = "chief";
    private static final String ADMIN_PASSWORD = "Qw7#Lp2m!x";
    private static final String SECURITY = "guard";
    private static final String SECURITY_PASSWORD = "Rt5$Hk9v!z";
    private static final String BUREAU_PHONE = "0553-5551234";
    private static final String BUREAU_ADDRESS = "https://bangfu.yjmz.example.cn";

    private final TestPostgres.Database db = TestPostgres.newDatabase();
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> passwords = new HashMap<>();
    private int port;

    @Test
    void fromAnEmptyDatabaseToTheFirstCase() throws Exception {
        try (AppProcess app = AppProcess.start("--spring.profiles.active=prod",
                "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--vaadin.productionMode=false", "--server.servlet.session.cookie.secure=false",
                "--bangfu.admin.username=" + ADMIN, "--bangfu.admin.password=" + ADMIN_PASSWORD,
                "--bangfu.admin.display-name=周志远",
                "--bangfu.security-admin.username=" + SECURITY, "--bangfu.security-admin.password=" + SECURITY_PASSWORD,
                "--bangfu.security-admin.display-name=吴敏",
                // what goes on paper, given at the first start (the administrator changes it in the UI later)
                "--bangfu.pairing.objection-office=示范区民政局社会救助科", "--bangfu.pairing.objection-phone=0553-5550000",
                "--bangfu.public-url=https://bangfu.example.cn", "--bangfu.handbook.issuer=示范区民政局")) {
            assertThat(app.isRunning()).as(app.output()).isTrue();
            port = app.port();
            passwords.put(ADMIN, ADMIN_PASSWORD);
            passwords.put(SECURITY, SECURITY_PASSWORD);

            Organisation org = importTheOrganisation();
            setTheSettings();
            Map<String, String> staff = createTheAccounts(org);
            importTheAgenciesData(staff.get("district"));
            long householdId = fileTheFirstHousehold(staff.get("street"), org);
            long noticeId = takeTheCaseToItsFirstNotice(staff.get("street"), householdId);

            HttpResponse<String> notice = get(staff.get("street"), "/api/notices/" + noticeId + "/document");
            assertThat(notice.statusCode()).isEqualTo(200);
            assertThat(notice.body()).contains(BUREAU_PHONE, "示范区民政局社会救助科").doesNotContain("0553-4820000");

            HttpResponse<byte[]> handbook = getBytes(staff.get("street"), "/api/households/" + householdId + "/handbook.pdf");
            assertThat(handbook.statusCode()).isEqualTo(200);
            assertThat(qrCodesOf(handbook.body())).contains(BUREAU_ADDRESS + "/households/" + householdId);
        }
    }

    // ---- the administrator -------------------------------------------------------------------------------

    record Organisation(long streetId, long villageId, long teamId) {
    }

    private Organisation importTheOrganisation() throws Exception {
        HttpResponse<byte[]> template = getBytes(ADMIN, "/api/organisation/template");
        assertThat(template.statusCode()).isEqualTo(200);
        byte[] filled;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(template.body()));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fill(workbook.getSheetAt(0), List.of("S01", "鲁港街道"), List.of("S02", "白马街道"));
            fill(workbook.getSheetAt(1), List.of("S01", "V0101", "鲁港社区"), List.of("S02", "V0201", "白马村"));
            fill(workbook.getSheetAt(2), List.of("T01", "鲁港帮扶一组", "S01"), List.of("T02", "白马帮扶一组", "S01、S02"));
            workbook.write(out);
            filled = out.toByteArray();
        }
        HttpResponse<String> imported = send(ADMIN, "POST", "/api/organisation/import", Multipart.CONTENT_TYPE,
                Multipart.body("organisation.xlsx", filled, Map.of()));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

        JsonNode organisation = json.readTree(get(ADMIN, "/api/organisation").body());
        JsonNode street = find(organisation.get("streets"), "code", "S01");
        JsonNode village = find(street.get("villages"), "code", "V0101");
        JsonNode team = find(organisation.get("teams"), "code", "T01");
        return new Organisation(street.get("id").asLong(), village.get("id").asLong(), team.get("id").asLong());
    }

    private void setTheSettings() throws Exception {
        changeSetting("pairing.objection-phone", BUREAU_PHONE);
        changeSetting("public-url", BUREAU_ADDRESS);
    }

    private void changeSetting(String key, String value) throws Exception {
        JsonNode settings = json.readTree(get(ADMIN, "/api/settings").body());
        JsonNode setting = find(settings, "key", key);
        Map<String, Object> change = Map.of("value", value, "reason", "本局正式电话与地址",
                "version", setting.get("version").asInt());
        HttpResponse<String> changed = sendJson(ADMIN, "PUT", "/api/settings/" + key, change);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    }

    // ---- the security administrator ------------------------------------------------------------------------

    /** Answers the new accounts' names by what they are for. */
    private Map<String, String> createTheAccounts(Organisation org) throws Exception {
        Map<String, Object> officer = account("luxia", "陆霞", "STREET", org.streetId(), null);
        // three duties, three people: the administrator creates no account
        assertThat(sendJson(ADMIN, "POST", "/api/accounts", officer).statusCode()).isEqualTo(403);

        Map<String, String> staff = new LinkedHashMap<>();
        staff.put("street", create(officer));
        staff.put("district", create(account("qianli", "钱立", "DISTRICT", null, null)));
        staff.put("team", create(account("sunhao", "孙浩", "TEAM_MEMBER", null, org.teamId())));
        staff.put("leader", create(account("zhoujie", "周洁", "TEAM_LEADER", null, org.teamId())));
        staff.put("auditor", create(account("shenjing", "沈静", "AUDITOR", null, null)));
        return staff;
    }

    private Map<String, Object> account(String username, String name, String role, Long streetId, Long teamId) {
        Map<String, Object> account = new HashMap<>();
        account.put("username", username);
        account.put("displayName", name);
        account.put("phone", "13955500" + String.format("%03d", passwords.size()));
        account.put("role", role);
        account.put("streetId", streetId);
        account.put("teamId", teamId);
        account.put("initialPassword", "Start#2026-" + passwords.size());
        return account;
    }

    /** Creates the account; its person changes the initial password before anything else. */
    private String create(Map<String, Object> account) throws Exception {
        HttpResponse<String> created = sendJson(SECURITY, "POST", "/api/accounts", account);
        assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
        String username = (String) account.get("username");
        String initial = (String) account.get("initialPassword");
        passwords.put(username, initial);
        assertThat(get(username, "/api/tasks").statusCode()).as("before the first change").isEqualTo(403);
        String chosen = "Mine#2026-" + passwords.size();
        HttpResponse<String> changed = sendJson(username, "POST", "/api/me/password",
                Map.of("currentPassword", initial, "newPassword", chosen));
        assertThat(changed.statusCode()).as(changed.body()).isIn(200, 204);
        passwords.put(username, chosen);
        assertThat(get(username, "/api/me").statusCode()).isEqualTo(200);
        return username;
    }

    // ---- the district officer ---------------------------------------------------------------------------------

    /** The comparison needs the agencies' data: without any, a case would wait at its comparison. */
    private void importTheAgenciesData(String officer) throws Exception {
        byte[] deaths = "身份证号,姓名,死亡日期\n340203194001010013,张德明,2026-01-05\n".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> imported = send(officer, "POST", "/api/agency-data/DEATH/imports", Multipart.CONTENT_TYPE,
                Multipart.body("deaths.csv", deaths, Map.of()));
        assertThat(imported.statusCode()).as(imported.body()).isIn(200, 201);
    }

    // ---- the street officer ----------------------------------------------------------------------------------

    private long fileTheFirstHousehold(String officer, Organisation org) throws Exception {
        Map<String, Object> draft = new HashMap<>();
        draft.put("headName", "王桂兰");
        draft.put("streetId", org.streetId());
        draft.put("villageId", org.villageId());
        draft.put("address", "鲁港社区 3 栋 2 单元 101");
        draft.put("phone", "13955501111");
        draft.put("attribute", "DIBAO");
        draft.put("housingArea", 42);
        draft.put("mainCause", "ILLNESS");
        draft.put("needs", "医疗费用、稳定收入");
        HttpResponse<String> created = sendJson(officer, "POST", "/api/households", draft);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = json.readTree(created.body()).get("id").asLong();
        String first17 = "34020319650312042";
        Map<String, Object> head = new HashMap<>();
        head.put("name", "王桂兰");
        head.put("relation", "HEAD");
        head.put("idNumber", first17 + IdNumber.checkCharacter(first17));
        head.put("health", "CHRONIC");
        HttpResponse<String> member = sendJson(officer, "POST", "/api/households/" + id + "/members", head);
        assertThat(member.statusCode()).as(member.body()).isIn(200, 201);
        return id;
    }

    private long takeTheCaseToItsFirstNotice(String officer, long householdId) throws Exception {
        HttpResponse<String> started = send(officer, "POST", "/api/households/" + householdId + "/pairing", null, null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        for (int step = 0; step < 12; step++) {
            Optional<Long> notice = firstNotice(officer, householdId);
            if (notice.isPresent()) {
                return notice.get();
            }
            JsonNode task = awaitTask(officer, householdId);
            String id = task.get("taskId").asText();
            HttpResponse<String> done = sendJson(officer, "POST", "/api/tasks/" + id + "/complete",
                    form(task.get("taskKey").asText()));
            assertThat(done.statusCode()).as(task.get("taskKey") + ": " + done.body()).isEqualTo(204);
        }
        throw new AssertionError("the case never reached its first notice");
    }

    private Optional<Long> firstNotice(String officer, long householdId) throws Exception {
        JsonNode cases = json.readTree(get(officer, "/api/households/" + householdId + "/pairing").body());
        for (JsonNode c : cases) {
            for (JsonNode notice : c.path("notices")) {
                return Optional.of(notice.get("id").asLong());
            }
        }
        return Optional.empty();
    }

    /** The household's next task in the officer's street (the comparison runs as a job in between). */
    private JsonNode awaitTask(String officer, long householdId) throws Exception {
        for (int i = 0; i < 120; i++) {
            JsonNode page = json.readTree(get(officer, "/api/tasks?view=GROUP").body());
            for (JsonNode task : page.get("items")) {
                if (task.get("householdId").asLong() == householdId) {
                    return task;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no task for household " + householdId + " in the street's list");
    }

    private static Map<String, Object> form(String taskKey) {
        // the server judges dates in its own zone today (issue 19 moves every date to the bureau's zone)
        String today = BureauTime.today().toString();
        return switch (taskKey) {
            case "Task_HomeCheck" -> Map.of("visitDate", today, "visitors", "陆霞、钱立",
                    "findings", "户主患慢性病，无稳定收入", "decision", "PASS");
            case "Task_FirstReview", "Task_SecondReview" -> Map.of("decision", "PASS", "meetingDate", today,
                    "place", "社区会议室", "members", 30, "present", 24, "votesFor", 20, "votesAgainst", 2,
                    "votesAbstain", 2, "attendees", "居民代表24人（名单附后）");
            case "Task_ResolveWarnings" -> Map.of("note", "逐条核实完毕");
            case "Task_PostNotice" -> Map.of("postedOn", today, "place", "社区公开栏");
            default -> throw new AssertionError("unexpected step " + taskKey);
        };
    }

    // ---- reading the printed handbook ------------------------------------------------------------------------

    /** The QR codes among the PDF's images (gray or RGB, as the PDF renderer embeds a PNG). */
    private static List<String> qrCodesOf(byte[] pdf) throws IOException {
        List<String> codes = new ArrayList<>();
        PdfReader reader = new PdfReader(pdf);
        for (int i = 1; i < reader.getXrefSize(); i++) {
            if (reader.getPdfObject(i) instanceof PRStream stream && PdfName.IMAGE.equals(stream.get(PdfName.SUBTYPE))) {
                image(stream).flatMap(InstallationTest::decode).ifPresent(codes::add);
            }
        }
        reader.close();
        return codes;
    }

    private static Optional<BufferedImage> image(PRStream stream) throws IOException {
        int width = stream.getAsNumber(PdfName.WIDTH).intValue();
        int height = stream.getAsNumber(PdfName.HEIGHT).intValue();
        int bits = stream.getAsNumber(PdfName.BITSPERCOMPONENT).intValue();
        PdfObject colourSpace = stream.get(PdfName.COLORSPACE);
        boolean rgb = PdfName.DEVICERGB.equals(colourSpace);
        if (!(rgb || PdfName.DEVICEGRAY.equals(colourSpace)) || (bits != 1 && bits != 8) || (rgb && bits != 8)) {
            return Optional.empty();
        }
        byte[] data = PdfReader.getStreamBytes(stream);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int rowBytes = rgb ? width * 3 : bits == 8 ? width : (width + 7) / 8;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int at = y * rowBytes;
                int grey;
                if (rgb) {
                    image.setRGB(x, y, ((data[at + 3 * x] & 0xff) << 16) | ((data[at + 3 * x + 1] & 0xff) << 8)
                            | (data[at + 3 * x + 2] & 0xff));
                    continue;
                }
                grey = bits == 8 ? data[at + x] & 0xff : ((data[at + x / 8] >> (7 - x % 8)) & 1) * 255;
                image.setRGB(x, y, (grey << 16) | (grey << 8) | grey);
            }
        }
        return Optional.of(image);
    }

    private static Optional<String> decode(BufferedImage image) {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        try {
            return Optional.of(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText());
        } catch (NotFoundException | com.google.zxing.ChecksumException | com.google.zxing.FormatException notAQrCode) {
            return Optional.empty();
        }
    }

    // ---- HTTP ----------------------------------------------------------------------------------------------------

    /** Writes the rows under the sheet's header, in place of the template's example. */
    @SafeVarargs
    private static void fill(Sheet sheet, List<String>... rows) {
        for (int i = sheet.getLastRowNum(); i >= 1; i--) {
            Optional.ofNullable(sheet.getRow(i)).ifPresent(sheet::removeRow);
        }
        for (int r = 0; r < rows.length; r++) {
            List<String> values = rows[r];
            Row row = sheet.createRow(r + 1);
            for (int i = 0; i < values.size(); i++) {
                row.createCell(i).setCellValue(values.get(i));
            }
        }
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (value.equals(node.path(field).asText())) {
                return node;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    private HttpResponse<String> get(String user, String path) throws Exception {
        return client.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> getBytes(String user, String path) throws Exception {
        return client.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> sendJson(String user, String method, String path, Object body) throws Exception {
        return send(user, method, path, "application/json", json.writeValueAsBytes(body));
    }

    private HttpResponse<String> send(String user, String method, String path, String contentType, byte[] body)
            throws Exception {
        HttpRequest.Builder request = request(user, path).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String user, String path) {
        String credentials = user + ":" + passwords.get(user);
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        credentials.getBytes(StandardCharsets.UTF_8)));
    }
}
