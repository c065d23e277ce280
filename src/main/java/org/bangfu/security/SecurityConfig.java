package org.bangfu.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import org.bangfu.audit.AuditLog;
import org.bangfu.organisation.UserAccounts;
import org.bangfu.security.ui.LoginView;
import org.bangfu.shared.Role;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

import jakarta.servlet.DispatcherType;

/**
 * One login for everything: the Vaadin UI (form login, session), Bangfu's REST API and Camunda's REST API
 * (HTTP Basic, stateless, 401 with a challenge, never a redirect), and Camunda's webapps (the UI session,
 * administrators only). Who may sign in is decided in one place for all of them ({@code AccountAuthentication});
 * a session ends as soon as its account is locked, reset or disabled ({@link SessionAccountCheck}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfig {

    static final String REALM = "Bangfu";

    /** Vaadin Flow needs inline scripts, eval (executeJs) and inline styles; nothing from elsewhere. */
    static final String APP_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

    /** Camunda's REST API: administrators only. Served by Jersey, so only a path-pattern matcher sees it. */
    @Bean
    @Order(1)
    SecurityFilterChain engineRestChain(HttpSecurity http, MessageSource messages, LocaleResolver localeResolver,
            ObjectMapper json) throws Exception {
        return statelessBasic(http, withDefaults().matcher("/engine-rest/**"))
                .authorizeHttpRequests(a -> a.anyRequest().hasRole(Role.Names.ADMIN))
                .addFilterAfter(passwordChangeFirst(messages, localeResolver, json), AuthorizationFilter.class)
                .build();
    }

    /**
     * Bangfu's REST API for integrations (mobile, WeChat) and its OpenAPI description: any account, scopes
     * are checked by the facades.
     */
    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, MessageSource messages, LocaleResolver localeResolver,
            ObjectMapper json) throws Exception {
        return statelessBasic(http, new OrRequestMatcher(withDefaults().matcher("/api/**"),
                withDefaults().matcher("/v3/api-docs"), withDefaults().matcher("/v3/api-docs/**")))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .addFilterAfter(passwordChangeFirst(messages, localeResolver, json), AuthorizationFilter.class)
                .build();
    }

    /**
     * Until an account changes the password the security administrator set, its API and Camunda REST calls answer
     * 403; reading who one is and changing one's password stay open.
     */
    private static PasswordChangeFirst passwordChangeFirst(MessageSource messages, LocaleResolver localeResolver,
            ObjectMapper json) {
        RequestMatcher allowed = new OrRequestMatcher(withDefaults().matcher(HttpMethod.GET, "/api/me"),
                withDefaults().matcher(HttpMethod.POST, "/api/me/password"));
        return new PasswordChangeFirst(AnyRequestMatcher.INSTANCE, allowed, messages, localeResolver, json);
    }

    /** The firewall Spring Security applies; also applied before anything else reads a request ({@link RefusedRequests}). */
    @Bean
    HttpFirewall httpFirewall() {
        return new StrictHttpFirewall();
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler(MessageSource messages, LocaleResolver localeResolver,
            ObjectMapper json) {
        return new RefusedRequests(messages, localeResolver, json);
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> firewallFirst(HttpFirewall firewall, RequestRejectedHandler refused) {
        var registration = new FilterRegistrationBean<>(RefusedRequests.firstOfAll(firewall, refused));
        registration.setName("firewall-first");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    private static HttpSecurity statelessBasic(HttpSecurity http, RequestMatcher paths) throws Exception {
        BasicAuthenticationEntryPoint challenge = new BasicAuthenticationEntryPoint();
        challenge.setRealmName(REALM);
        return http.securityMatcher(paths)
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(challenge)
                        .authenticationDetailsSource(BasicClientDetails::new))
                .exceptionHandling(e -> e.authenticationEntryPoint(challenge))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // no session and no cookie authentication here, so no CSRF token is needed
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(API_CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .cacheControl(c -> c.disable())
                        .addHeaderWriter(new NeverStored()));
    }

    /** Everything else: the Vaadin UI and the Camunda webapps behind the same session. */
    @Bean
    @Order(3)
    SecurityFilterChain appChain(HttpSecurity http, LoginAudit loginAudit, UserAccounts accounts, AuditLog auditLog,
            MessageSource messages, LocaleResolver localeResolver, ObjectMapper json) throws Exception {
        RequestMatcher camunda = withDefaults().matcher("/camunda/**");
        http.authorizeHttpRequests(a -> a
                        // error pages carry the status of the original request (401, 403): never redirect them
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(withDefaults().matcher("/actuator/health"),
                                withDefaults().matcher("/actuator/health/**")).permitAll()
                        .requestMatchers(camunda).hasRole(Role.Names.ADMIN))
                // Camunda's webapps protect themselves with their own XSRF cookie
                .csrf(csrf -> csrf.ignoringRequestMatchers(camunda))
                .headers(h -> h
                        .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                        // the webapps send their own CSP (with nonces); two policies would both apply
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(camunda),
                                new ContentSecurityPolicyHeaderWriter(APP_CSP))))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .addFilterAfter(new SessionAccountCheck(accounts, auditLog), SecurityContextHolderFilter.class)
                // the UI sends such a person to the password page; Camunda's webapps stay closed until then
                .addFilterAfter(new PasswordChangeFirst(camunda, request -> false, messages, localeResolver, json),
                        AuthorizationFilter.class)
                .with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin
                        .loginView(LoginView.class)
                        .addLogoutHandler(loginAudit));
        return http.build();
    }
}
