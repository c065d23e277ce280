package org.bangfu.shared;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the whole application, so that time-dependent rules (lockouts, due dates)
 * can be tested by moving it. It runs in the bureau's zone ({@code bangfu.zone}), not the server's:
 * {@code LocalDate.now(clock)} is the bureau's today on a server set to UTC.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfig {

    @Bean
    Clock clock(@Value("${bangfu.zone:Asia/Shanghai}") ZoneId zone) {
        BureauTime.use(zone);
        return Clock.system(zone);
    }
}
