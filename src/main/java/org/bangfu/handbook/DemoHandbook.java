package org.bangfu.handbook;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import javax.imageio.ImageIO;

import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Demo profile: each paired household's handbook as its team would have kept it — a plan of three measures (one
 * done, paid by its fund release), a home visit signed by the head of household some months ago and a phone call
 * since, and a confirmed result. 张玉珍 (低保户, reviewed every half year) was last visited eight months ago, so a
 * leader's 走访 overview has a household overdue. Through the facades as the team members; once.
 */
@Component
@Profile("demo")
@Order(40)
class DemoHandbook implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoHandbook.class);

    private final JdbcClient jdbc;
    private final Visits visits;
    private final FieldWorkFeed fieldWork;
    private final Measures measures;
    private final Results results;
    private final UserDetailsService users;
    private final Clock clock;

    DemoHandbook(JdbcClient jdbc, Visits visits, FieldWorkFeed fieldWork, Measures measures, Results results,
            UserDetailsService users, Clock clock) {
        this.jdbc = jdbc;
        this.visits = visits;
        this.fieldWork = fieldWork;
        this.measures = measures;
        this.results = results;
        this.users = users;
        this.clock = clock;
    }

    private record Household(long id, String head, String member, String memberName) {
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from bf_visit").query(Integer.class).single() > 0) {
            return;
        }
        List<Household> paired = jdbc.sql("""
                select h.id, h.head_name,
                       (select min(username) from bf_user_account where team_id = h.team_id and role = 'TEAM_MEMBER'),
                       (select display_name from bf_user_account where username = (select min(username) from bf_user_account
                         where team_id = h.team_id and role = 'TEAM_MEMBER'))
                  from bf_household h where h.demo = true and h.stage = 'PAIRED' order by h.id""")
                .query((rs, n) -> new Household(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        LocalDate today = LocalDate.now(clock);
        for (Household h : paired) {
            Long request = jdbc.sql("""
                    select min(id) from bf_fund_request where household_id = ? and status = 'PAID'""").param(h.id())
                    .query(Long.class).optional().orElse(null);
            Measure health = as(h.member(), () -> measures.plan(h.id(), new MeasureDraft("HEALTH", "弋江区民政局",
                    "李医生", "（演示）住院医疗费用个人自付部分救助", today.minusMonths(8), Money.ofYuan(50_000),
                    request)));
            as(h.member(), () -> measures.move(h.id(), health.id(), health.version(), Measure.Status.IN_PROGRESS, null,
                    null));
            as(h.member(), () -> measures.move(h.id(), health.id(), health.version() + 1, Measure.Status.DONE,
                    today.minusMonths(7), null));
            Measure job = as(h.member(), () -> measures.plan(h.id(), new MeasureDraft("PUBLIC_JOB", "村民委员会", null,
                    "（演示）为家庭成员安排村公益岗位", today.minusMonths(2), null, null)));
            as(h.member(), () -> measures.move(h.id(), job.id(), job.version(), Measure.Status.IN_PROGRESS, null, null));
            as(h.member(), () -> measures.plan(h.id(), new MeasureDraft("EDUCATION", "弋江区教育局", null,
                    "（演示）落实在校学生教育资助", today.plusMonths(1), Money.ofYuan(2_000), null)));
            Visit home = as(h.member(), () -> visits.record(h.id(), new VisitDraft(today, Visit.Kind.HOME,
                    h.memberName() + "、村委会主任", "（演示）入户走访：家庭成员身体状况好转，住院费用已报销，生活基本稳定",
                    "（演示）公益岗位每月增收 1,500 元", "（演示）户主术后恢复良好", null, null, "（演示）希望继续落实教育资助",
                    "（演示）送去医疗救助金审批结果告知书", "（演示）希望孩子安心读书", List.of(), null, null), signature()));
            Visit call = as(h.member(), () -> visits.record(h.id(), new VisitDraft(today, Visit.Kind.PHONE, h.memberName(),
                    "（演示）电话回访：公益岗位已上岗，收入按月发放", null, null, null, null, null, null, null, List.of(),
                    Confirmation.NONE, null)));
            // the team's earlier visits, dated when they happened
            int monthsAgo = h.head().equals("张玉珍") ? 8 : 3;
            jdbc.sql("update bf_visit set visited_on = ? where id = ?").params(today.minusMonths(monthsAgo + 1), home.id())
                    .update();
            jdbc.sql("update bf_visit set visited_on = ? where id = ?").params(today.minusMonths(monthsAgo), call.id())
                    .update();
            jdbc.sql("update bf_visit_version set visited_on = (select visited_on from bf_visit where id = visit_id)"
                    + " where visit_id in (?, ?)").params(home.id(), call.id()).update();
            fieldWork.changed(h.id());
            as(h.member(), () -> results.record(h.id(), today.minusMonths(7), "（演示）住院医疗费用得到救助，家庭未因病返贫",
                    health.id(), null, null, signature()));
        }
        log.info("Demo: handbooks kept for {} paired households", paired.size());
    }

    private <T> T as(String username, Supplier<T> work) {
        return CurrentUser.runAs(users.loadUserByUsername(username), work);
    }

    /** A head of household's signature as a finger draws it. */
    private static byte[] signature() {
        BufferedImage image = new BufferedImage(600, 200, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(5, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawPolyline(new int[] { 60, 110, 150, 190, 250, 300, 360, 420, 480, 540 },
                new int[] { 140, 70, 130, 60, 150, 80, 120, 50, 140, 100 }, 10);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
