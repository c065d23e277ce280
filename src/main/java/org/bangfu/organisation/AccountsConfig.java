package org.bangfu.organisation;

import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How passwords are hashed (bcrypt, upgradable by prefix) and how people sign in: every login path goes through
 * {@link AccountAuthentication}. The {@link UserDetailsService} serves the demo data and tests that act as a
 * person without their password; Spring Security does not sign in with it.
 */
@Configuration(proxyBeanMethods = false)
class AccountsConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationProvider accountAuthentication(UserAccounts accounts, PasswordEncoder passwordEncoder) {
        return new AccountAuthentication(accounts, passwordEncoder);
    }

    @Bean
    UserDetailsService userDetailsService(UserAccounts accounts) {
        return username -> Optional.ofNullable(accounts.loginCandidate(username).account())
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }
}
