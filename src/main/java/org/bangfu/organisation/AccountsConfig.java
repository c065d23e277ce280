package org.bangfu.organisation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Where Spring Security finds accounts and how passwords are hashed (bcrypt, upgradable by prefix). */
@Configuration(proxyBeanMethods = false)
class AccountsConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(UserAccounts accounts) {
        return username -> accounts.loadForLogin(username)
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }
}
