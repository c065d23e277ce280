package org.bangfu.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.bangfu.household.HouseholdStage;
import org.bangfu.household.Households;
import org.bangfu.pairing.PairingFixture.Family;
import org.bangfu.shared.BureauTime;
import org.bangfu.testsupport.ApiClient;
import org.bangfu.testsupport.RunAs;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/**
 * Every path of {@code PublicNoticeProcess}: the period ends without objection; an objection (over the API)
 * opens a re-check that upholds it (the case ends) or dismisses it (posted again for a full period). Also
 * what the notice says and does not say, and the period in working days.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
class PublicNoticeProcessTest {

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
    ManagementService management;

    @Autowired
    HistoryService history;

    @Autowired
    Notices notices;

    @Autowired
    PrintedDocuments documents;

    @Autowired
    UserDetailsService users;

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

    /** A case waiting in its village notice, posted today. */
    PairingCase posted(Family family) {
        PairingCase c = fx.start(family);
        fx.walkTo(c, PairingVariables.POST_NOTICE);
        fx.complete(c, PairingVariables.POST_NOTICE);
        return c;
    }

    long noticeOf(PairingCase c) {
        return jdbc.sql("select max(id) from bf_notice where case_id = ?").param(c.id()).query(Long.class).single();
    }

    HttpResponse<String> object(String user, long noticeId, String json, String language) {
        return api.send(user, "POST", "/api/notices/" + noticeId + "/objections", "application/json",
                json.getBytes(StandardCharsets.UTF_8), language);
    }

    String objection() {
        return """
                {"receivedOn":"%s","channel":"VISIT","objector":"村民甲","content":"该户家中有营运货车一辆"}"""
                .formatted(BureauTime.today());
    }

    @Test
    void withoutObjectionTheNoticeEndsWhenItsPeriodIsOver() {
        Family family = fx.family();
        PairingCase c = posted(family);
        long noticeId = noticeOf(c);
        Notice notice = fx.as.call("street01", () -> notices.find(noticeId).orElseThrow());
        assertThat(notice.status()).isEqualTo(Notice.Status.POSTED);
        assertThat(notice.postedPlace()).isEqualTo("村务公开栏");
        assertThat(notice.periodEnd()).isAfterOrEqualTo(notice.postedOn().plusDays(4));
        // the timer waits for midnight after the period's last working day, by the engine's clock
        Job timer = fx.noticeTimer(c);
        assertThat(timer.getDuedate().toInstant()).isEqualTo(
                notice.periodEnd().plusDays(1).atStartOfDay(org.bangfu.shared.BureauTime.zone()).toInstant());
        fx.runJobs(c);
        assertThat(fx.noticeTimer(c)).isNotNull();
        fx.passNoticePeriod(c);
        assertThat(fx.task(c).key()).isEqualTo(PairingVariables.STREET_REVIEW);
        assertThat(fx.as.call("street01", () -> notices.find(noticeId).orElseThrow()).status())
                .isEqualTo(Notice.Status.ENDED);
        // after the period: refused, nothing recorded
        HttpResponse<String> late = object("street01", noticeId, objection(), null);
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.body()).contains("公示期已结束");
        assertThat(jdbc.sql("select count(*) from bf_objection where notice_id = ?").param(noticeId)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void anUpheldObjectionEndsTheCase() {
        Family family = fx.family();
        PairingCase c = posted(family);
        long noticeId = noticeOf(c);
        HttpResponse<String> raised = object("street01", noticeId, objection(), null);
        assertThat(raised.statusCode()).as(raised.body()).isEqualTo(201);
        assertThat(fx.task(c).key()).isEqualTo(PairingVariables.RECHECK);
        // a second objection while the re-check runs joins it
        assertThat(object("district", noticeId, objection().replace("营运货车", "门面房"), null).statusCode())
                .isEqualTo(201);
        assertThat(fx.task(c).key()).isEqualTo(PairingVariables.RECHECK);
        fx.complete(c, PairingVariables.RECHECK, Map.of("decision", "UPHOLD", "reason", "经复核，该户确有营运货车"));
        assertThat(jdbc.sql("select status from bf_objection where notice_id = ?").param(noticeId).query(String.class)
                .list()).containsExactly("UPHELD", "UPHELD");
        assertThat(jdbc.sql("select stage from bf_household where id = ?").param(family.id()).query(String.class)
                .single()).isEqualTo(HouseholdStage.NOT_ELIGIBLE.name());
        assertThat(jdbc.sql("select reason from bf_letter where case_id = ?").param(c.id()).query(String.class).single())
                .isEqualTo("经复核，该户确有营运货车");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(c.processInstanceId()).singleResult()
                .getEndTime()).isNotNull();
    }

    @Test
    void aDismissedObjectionPostsTheNoticeAgainForAFullPeriod() {
        Family family = fx.family();
        PairingCase c = posted(family);
        long first = noticeOf(c);
        assertThat(object("street01", first, objection(), null).statusCode()).isEqualTo(201);
        fx.complete(c, PairingVariables.RECHECK);
        long second = noticeOf(c);
        assertThat(second).isNotEqualTo(first);
        Notice again = fx.as.call("street01", () -> notices.find(second).orElseThrow());
        assertThat(again.round()).isEqualTo(2);
        assertThat(again.status()).isEqualTo(Notice.Status.PREPARED);
        assertThat(fx.as.call("street01", () -> notices.find(first).orElseThrow()).status())
                .isEqualTo(Notice.Status.REPOSTED);
        // not yet posted: objections wait for the posting
        HttpResponse<String> early = object("street01", second, objection(), "en");
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(early.body()).contains("not posted yet");
        fx.complete(c, PairingVariables.POST_NOTICE);
        fx.passNoticePeriod(c);
        assertThat(fx.task(c).key()).isEqualTo(PairingVariables.STREET_REVIEW);
    }

    @Test
    void anObjectionNeedsItsFactsAndTheRightPeople() {
        Family family = fx.family();
        PairingCase c = posted(family);
        long noticeId = noticeOf(c);
        HttpResponse<String> empty = object("street01", noticeId, "{\"channel\":\"PHONE\"}", null);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("receivedOn").contains("content").contains("必填");
        // another street's officer does not see this notice; a team member may not record objections
        assertThat(object("street02", noticeId, objection(), null).statusCode()).isEqualTo(404);
        assertThat(object("team01", noticeId, objection(), null).statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from bf_objection where notice_id = ?").param(noticeId)
                .query(Integer.class).single()).isZero();
        // the notice still runs its period: no re-check was opened
        assertThat(jdbc.sql("select count(*) from bf_task where case_id = ?").param(c.id()).query(Integer.class)
                .single()).isZero();
        assertThat(fx.as.call("street01", () -> notices.find(noticeId).orElseThrow()).status())
                .isEqualTo(Notice.Status.POSTED);
    }

    @Test
    void theNoticeShowsWhatThePublicMayKnowAndNothingMore() throws Exception {
        Family family = fx.family();
        PairingCase c = posted(family);
        long noticeId = noticeOf(c);
        HttpResponse<String> html = api.get("street01", "/api/notices/" + noticeId + "/document");
        assertThat(html.statusCode()).isEqualTo(200);
        String headName = jdbc.sql("select head_name from bf_household where id = ?").param(family.id())
                .query(String.class).single();
        assertThat(html.body()).contains(headName, "2 人", "因病", "低保户", "村务公开栏", "0553-4820000", "个工作日")
                .doesNotContain(family.headId(), "13855301234", "6217001234567001", "HEALTHY", "健康");
        Notice notice = fx.as.call("street01", () -> notices.find(noticeId).orElseThrow());
        byte[] pdf = documents.pdf(documents.noticeXhtml(notice));
        PdfReader reader = new PdfReader(pdf);
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(text.replace(" ", "")).contains(headName, "村级公示", "因病", "低保户", "个工作日");
        assertThat(text).doesNotContain(family.headId(), "13855301234");
    }

    @Test
    void aLetterWrittenLateInTheEveningUtcIsDatedWithTheBureausDay() {
        // 01:30 on 8 December in Beijing, still 7 December on the server's own clock (UTC)
        Letter letter = new Letter(1, 1, 1, "", "材料不全", Instant.parse("2026-12-07T17:30:00Z"));
        assertThat(documents.letterXhtml(letter, "陈桂兰", "中山南路街道")).contains("2026年12月8日")
                .doesNotContain("2026年12月7日");
    }

    @Test
    void thePeriodCountsWorkingDaysOverHolidaysAndMakeUpDays() {
        Family family = fx.family();
        PairingCase c = fx.start(family);
        fx.walkTo(c, PairingVariables.POST_NOTICE);
        long noticeId = noticeOf(c);
        jdbc.sql("update bf_notice set created_at = timestamp '2026-09-01 00:00:00' where id = ?").param(noticeId)
                .update();
        // posted Wednesday 30 September: 10-01..07 off, Saturday 10-10 a make-up working day
        fx.complete(c, PairingVariables.POST_NOTICE, Map.of("postedOn", "2026-09-30"));
        Notice notice = fx.as.call("street01", () -> notices.find(noticeId).orElseThrow());
        // five working days: 09-30, 10-08, 10-09, 10-10, 10-12
        assertThat(notice.periodEnd()).isEqualTo(LocalDate.of(2026, 10, 12));
    }
}
