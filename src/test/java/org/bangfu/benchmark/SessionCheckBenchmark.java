package org.bangfu.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.bangfu.organisation.UserAccounts;
import org.bangfu.shared.SignedInUser;
import org.bangfu.testsupport.Timings;
import org.bangfu.testsupport.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * What the check that ends the sessions of locked, reset and disabled accounts costs each request of a session:
 * the check alone (one indexed read), and a signed-in request against the baseline of the same request made
 * anonymously, measured side by side.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionCheckBenchmark {

    private static final int WARM_UP = 200;
    private static final int ROUNDS = 2000;
    private static final int HTTP_ROUNDS = 300;

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    UserDetailsService users;

    @Test
    void sessionCheckAgainstAnonymousBaseline() {
        SignedInUser district = (SignedInUser) users.loadUserByUsername("district");
        for (int i = 0; i < WARM_UP; i++) {
            accounts.sessionStillValid(district);
        }
        Timings check = new Timings("session check alone (UserAccounts.sessionStillValid)", ROUNDS);
        for (int i = 0; i < ROUNDS; i++) {
            check.time(() -> assertThat(accounts.sessionStillValid(district)).isTrue());
        }

        WebSession anonymous = new WebSession(port);
        WebSession signedIn = new WebSession(port);
        signedIn.login("district", "Demo@2019");
        for (int i = 0; i < WARM_UP / 4; i++) {
            anonymous.get("/actuator/health");
            signedIn.get("/actuator/health");
        }
        Timings baseline = new Timings("baseline: GET /actuator/health (anonymous)", HTTP_ROUNDS);
        Timings session = new Timings("GET /actuator/health (signed-in session)", HTTP_ROUNDS);
        for (int i = 0; i < HTTP_ROUNDS; i++) {
            baseline.time(() -> assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(200));
            session.time(() -> assertThat(signedIn.get("/actuator/health").statusCode()).isEqualTo(200));
        }
        assertThat(signedIn.sessionId()).isNotNull();

        System.out.println();
        System.out.println("== Benchmark: session check on " + Runtime.getRuntime().availableProcessors() + " cores");
        System.out.println(check.row());
        System.out.println(baseline.row());
        System.out.println(session.row());
        System.out.println(String.format(Locale.ROOT, "signed-in minus anonymous p50: %.2f ms",
                session.percentileMillis(50) - baseline.percentileMillis(50)));
    }
}
