package org.bangfu.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.bangfu.pairing.PairingSettings;
import org.bangfu.testsupport.RunAs;
import org.bangfu.testsupport.Timings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * What reading a setting through to the database costs on each use (the choice that makes a change in force on
 * every node at once), against the bare round trip of {@code select 1} in the same run: a changed setting (a row)
 * and a never-changed one (no row, the default), and a review rule (two settings).
 */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
class SettingsReadBenchmark {

    private static final int WARM_UP = 2_000;
    private static final int ROUNDS = 10_000;

    @Autowired
    Settings settings;

    @Autowired
    PairingSettings pairingSettings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Test
    void readingThroughToTheDatabaseAgainstABareRoundTrip() {
        new RunAs(users).run("admin", () -> settings.change("pairing.due-days.Task_Filing", "6", "基准测试", 0));
        for (int i = 0; i < WARM_UP; i++) {
            jdbc.sql("select 1").query(Integer.class).single();
            settings.integer("pairing.due-days.Task_Filing");
            settings.integer("pairing.due-days.Task_HomeCheck");
            pairingSettings.review("SECOND");
        }
        Timings baseline = new Timings("baseline: select 1", ROUNDS);
        Timings changed = new Timings("setting changed (stored row)", ROUNDS);
        Timings unchanged = new Timings("setting never changed (default)", ROUNDS);
        Timings review = new Timings("review rule (two settings)", ROUNDS);
        for (int i = 0; i < ROUNDS; i++) {
            baseline.time(() -> jdbc.sql("select 1").query(Integer.class).single());
            changed.time(() -> settings.integer("pairing.due-days.Task_Filing"));
            unchanged.time(() -> settings.integer("pairing.due-days.Task_HomeCheck"));
            review.time(() -> pairingSettings.review("SECOND"));
        }
        assertThat(settings.integer("pairing.due-days.Task_Filing")).isEqualTo(6);
        System.out.println();
        System.out.println("== Benchmark: reading settings on " + Runtime.getRuntime().availableProcessors() + " cores");
        System.out.println(baseline.row());
        System.out.println(changed.row());
        System.out.println(unchanged.row());
        System.out.println(review.row());
        System.out.println(String.format(Locale.ROOT, "ratio p50 setting/select 1: %.1fx",
                changed.percentileMillis(50) / baseline.percentileMillis(50)));
    }
}
