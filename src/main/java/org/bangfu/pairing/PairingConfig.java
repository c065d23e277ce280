package org.bangfu.pairing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The procedure's settings, and the scheduler that watches due dates. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PairingDefaults.class)
@EnableScheduling
class PairingConfig {
}
