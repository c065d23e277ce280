package org.bangfu.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bangfu.shared.SignedInUser;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An account whose password was set by the security administrator (a new account's initial password, a reset) may
 * do nothing but change it: every request on the guarded paths answers 403 with a problem detail that says so, in the
 * caller's language, except those {@code allowed} (reading who one is, changing one's password). The UI sends such a
 * person to the password page instead (organisation.ui).
 */
class PasswordChangeFirst extends OncePerRequestFilter {

    private final RequestMatcher guarded;
    private final RequestMatcher allowed;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final ObjectMapper json;

    PasswordChangeFirst(RequestMatcher guarded, RequestMatcher allowed, MessageSource messages, LocaleResolver locales,
            ObjectMapper json) {
        this.guarded = guarded;
        this.allowed = allowed;
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user
                && user.passwordChangeRequired() && guarded.matches(request) && !allowed.matches(request)) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", HttpStatus.FORBIDDEN.getReasonPhrase());
            problem.put("status", HttpStatus.FORBIDDEN.value());
            problem.put("detail", messages.getMessage("api.passwordChangeRequired", null,
                    locales.resolveLocale(request)));
            problem.put("passwordChangeRequired", true);
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        chain.doFilter(request, response);
    }
}
