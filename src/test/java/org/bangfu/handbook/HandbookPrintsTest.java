package org.bangfu.handbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import javax.imageio.ImageIO;

import org.bangfu.household.Attachments;
import org.bangfu.settings.Settings;
import org.bangfu.shared.Money;
import org.bangfu.testsupport.RunAs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/** The printed handbook read back: its sections, the household's entries, masked IDs, the QR code, the audit line. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
class HandbookPrintsTest {

    @Autowired
    HandbookPrints prints;

    @Autowired
    Visits visits;

    @Autowired
    Measures measures;

    @Autowired
    Results results;

    @Autowired
    Attachments attachments;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    Clock clock;

    @Autowired
    Settings settings;

    RunAs as;
    long household;

    @BeforeEach
    void setUp() {
        as = new RunAs(users);
        household = jdbc.sql("select id from bf_household where head_name = '马建军'").query(Long.class).single();
    }

    @Test
    void theHandbookHasEverySectionTheHouseholdsEntriesAndMaskedIds() throws Exception {
        LocalDate today = LocalDate.now(clock);
        long photo = as.call("team11", () -> attachments.add(household, Attachments.Kind.VISIT_PHOTO, "入户.jpg",
                HandbookImages.photo()).id());
        as.run("team11", () -> visits.record(household, new VisitDraft(today, Visit.Kind.HOME, "team11、村医王芳",
                "马建军术后恢复良好，可从事轻体力劳动", "妻子何丽在村公益岗位就业，月收入 1,800 元", "术后复查正常", null, null,
                "希望学习电商技能", "协调公益岗位一个", "想开网店卖土特产", List.of(photo), null, null),
                HandbookImages.signature()));
        Measure measure = as.call("team11", () -> measures.plan(household, new MeasureDraft("EMPLOYMENT", "弋江区人社局",
                "刘科长", "推荐何丽到村公益岗位就业", today.minusDays(30), Money.ofYuan(0), null)));
        as.run("team11", () -> results.record(household, today, "何丽公益岗位就业，家庭月增收 1,800 元", measure.id(),
                null, null, HandbookImages.signature()));
        String idNumber = jdbc.sql("select id_number from bf_member where household_id = ? and relation = 'HEAD'")
                .param(household).query(String.class).single();
        int printsBefore = printed();

        byte[] pdf = as.call("team11", () -> prints.print(household).pdf());

        PdfReader reader = new PdfReader(pdf);
        int pages = reader.getNumberOfPages();
        StringBuilder all = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= pages; page++) {
            all.append(extractor.getTextFromPage(page)).append('\n');
        }
        String text = all.toString().replace(" ", "");
        String cover = extractor.getTextFromPage(1).replace(" ", "");
        assertThat(cover).contains("帮扶手册", "困难家庭帮扶记录", "马建军", "弋江区民政局", "扫码查看电子档案");
        assertThat(text).contains("一、家庭基本情况", "二、家庭成员情况", "三、生产生活条件", "四、致贫原因与帮扶需求",
                "五、帮扶责任人", "六、帮扶计划与措施", "七、走访记录", "八、帮扶成效", "九、帮扶资金", "签字确认");
        assertThat(text).contains("何丽", "推荐何丽到村公益岗位就业", "弋江区人社局", "马建军术后恢复良好", "想开网店卖土特产",
                "何丽公益岗位就业", "户主签名", "户主签字", "帮扶小组组长签字");
        assertThat(text).contains(idNumber.substring(0, 6)).doesNotContain(idNumber);
        assertThat(text).contains("第" + pages + "页/共" + pages + "页");
        assertThat(pages).isBetween(3, 8);
        assertThat(printed()).isEqualTo(printsBefore + 1);
        // 记录人 is the person, not the login
        String recorder = jdbc.sql("select display_name from bf_user_account where username = 'team11'")
                .query(String.class).single();
        assertThat(text).contains("记录人" + recorder.replace(" ", "")).doesNotContain("记录人team11");
        assertThat(jdbc.sql("""
                select detail from bf_audit_log where action = 'HANDBOOK_PRINTED' and actor = 'team11'
                 order by id desc fetch first 1 rows only""").query(String.class).single())
                .doesNotContain("bytes").contains("audit.detail.handbookPrinted");
    }

    @Test
    void theQrCodeOpensTheHouseholdsPage() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodes.png("http://localhost:8080/households/"
                + household)));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
        assertThat(decoded).isEqualTo("http://localhost:8080/households/" + household);
    }

    @Test
    void aHandbookPrintedAfterTheSettingsChangeShowsTheNewIssuerAndItsQrCodeLeadsToTheNewAddress() throws Exception {
        as.run("admin", () -> settings.change("public-url", "https://bangfu.yjq.example.gov.cn/", "正式域名启用",
                settings.find("public-url").version()));
        as.run("admin", () -> settings.change("handbook.issuer", "芜湖市弋江区民政局帮扶工作办公室", "以全称印发",
                settings.find("handbook.issuer").version()));

        byte[] pdf = as.call("team11", () -> prints.print(household).pdf());

        PdfReader reader = new PdfReader(pdf);
        assertThat(new PdfTextExtractor(reader).getTextFromPage(1).replace(" ", ""))
                .contains("芜湖市弋江区民政局帮扶工作办公室");
        assertThat(qrCodeIn(reader)).isEqualTo("https://bangfu.yjq.example.gov.cn/households/" + household);
    }

    /** The text of the handbook's QR code, read back from the PDF (its only losslessly compressed image). */
    private static String qrCodeIn(PdfReader reader) throws Exception {
        for (int i = 0; i < reader.getXrefSize(); i++) {
            PdfObject object = reader.getPdfObject(i);
            if (object instanceof PRStream stream && PdfName.IMAGE.equals(stream.get(PdfName.SUBTYPE))
                    && String.valueOf(stream.get(PdfName.FILTER)).contains("FlateDecode")) {
                int width = stream.getAsNumber(PdfName.WIDTH).intValue();
                int height = stream.getAsNumber(PdfName.HEIGHT).intValue();
                int bits = stream.getAsNumber(PdfName.BITSPERCOMPONENT).intValue();
                byte[] raw = PdfReader.getStreamBytes(stream);
                int[] pixels = new int[width * height];
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        boolean light = bits == 1
                                ? ((raw[y * ((width + 7) / 8) + x / 8] >> (7 - x % 8)) & 1) == 1
                                : (raw[(y * width + x) * (raw.length / (width * height))] & 0xFF) > 127;
                        pixels[y * width + x] = light ? 0xFFFFFFFF : 0xFF000000;
                    }
                }
                return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                        new RGBLuminanceSource(width, height, pixels)))).getText();
            }
        }
        throw new AssertionError("no QR code in the handbook");
    }

    private int printed() {
        return jdbc.sql("select count(*) from bf_audit_log where action = 'HANDBOOK_PRINTED' and actor = 'team11'")
                .query(Integer.class).single();
    }
}
