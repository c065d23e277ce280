package org.bangfu.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.testsupport.WebSession.basic;

import java.util.Locale;

import org.bangfu.testsupport.Timings;
import org.bangfu.testsupport.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What one HTTP Basic call to Bangfu's API costs (password hash check, lockout bookkeeping, the check whether the
 * client's sign-in is already audited today) against the baseline of an unauthenticated call through the same
 * server, measured side by side.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiAuthenticationBenchmark {

    private static final int WARM_UP = 50;
    private static final int ROUNDS = 300;

    @LocalServerPort
    int port;

    @Test
    void basicAuthenticatedCallAgainstAnonymousBaseline() {
        WebSession web = new WebSession(port);
        String credentials = basic("team01", "Demo@2019");
        for (int i = 0; i < WARM_UP; i++) {
            web.get("/actuator/health");
            web.get("/api/me", "Authorization", credentials);
        }
        Timings baseline = new Timings("baseline: GET /actuator/health (anonymous)", ROUNDS);
        Timings api = new Timings("GET /api/me (HTTP Basic)", ROUNDS);
        for (int i = 0; i < ROUNDS; i++) {
            baseline.time(() -> assertThat(web.get("/actuator/health").statusCode()).isEqualTo(200));
            api.time(() -> assertThat(web.get("/api/me", "Authorization", credentials).statusCode()).isEqualTo(200));
        }
        System.out.println();
        System.out.println("== Benchmark: API authentication on " + Runtime.getRuntime().availableProcessors() + " cores");
        System.out.println(baseline.row());
        System.out.println(api.row());
        System.out.println(String.format(Locale.ROOT, "ratio p50 api/baseline: %.1fx",
                api.percentileMillis(50) / baseline.percentileMillis(50)));
    }
}
