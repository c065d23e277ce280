package org.bangfu.handbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.bangfu.testsupport.RunAs;
import org.bangfu.testsupport.Timings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.lowagie.text.pdf.PdfReader;

/**
 * How long a demo household's handbook takes to print on demand (every section, photos and signatures as
 * thumbnails, QR code, audit row), against the baseline of the one-page public notice printed by the same renderer
 * and font in the same run.
 */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
class HandbookPrintBenchmark {

    private static final int WARM_UP = 10;
    private static final int ROUNDS = 50;

    @Autowired
    HandbookPrints prints;

    @Autowired
    org.bangfu.pairing.Notices notices;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Test
    void aDemoHouseholdsHandbookAgainstAOnePageNotice() throws Exception {
        RunAs as = new RunAs(users);
        long household = jdbc.sql("select id from bf_household where head_name = '刘德明'").query(Long.class).single();
        long notice = jdbc.sql("select min(id) from bf_notice").query(Long.class).single();
        byte[][] last = new byte[1][];
        for (int i = 0; i < WARM_UP; i++) {
            as.run("district", () -> notices.pdf(notice));
            last[0] = as.call("team03", () -> prints.print(household).pdf());
        }
        Timings baseline = new Timings("baseline: public notice PDF (1 page)", ROUNDS);
        Timings handbook = new Timings("handbook PDF of 刘德明 (demo household)", ROUNDS);
        for (int i = 0; i < ROUNDS; i++) {
            baseline.time(() -> as.run("district", () -> notices.pdf(notice)));
            handbook.time(() -> last[0] = as.call("team03", () -> prints.print(household).pdf()));
        }
        int pages = new PdfReader(last[0]).getNumberOfPages();
        assertThat(pages).isGreaterThan(1);
        System.out.println();
        System.out.println("== Benchmark: printing a handbook on " + Runtime.getRuntime().availableProcessors() + " cores");
        System.out.println(baseline.row());
        System.out.println(handbook.row());
        System.out.println(String.format(Locale.ROOT, "handbook: %d pages, %d KB; ratio p50 handbook/notice: %.1fx",
                pages, last[0].length / 1024, handbook.percentileMillis(50) / baseline.percentileMillis(50)));
    }
}
