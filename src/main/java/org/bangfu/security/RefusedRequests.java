package org.bangfu.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Requests whose address the firewall refuses (a path parameter {@code ;x}, {@code //}, an encoded slash, {@code ..}):
 * answered 400 with a problem detail in the caller's language and the headers every answer carries, never passed on.
 * The firewall runs first of all ({@link #firstOfAll}): Spring Security parses the path before its own firewall looks
 * at it, and a path parameter in front of a servlet's prefix ({@code /engine-rest;x/…}) broke that parsing with a 500.
 */
class RefusedRequests implements RequestRejectedHandler {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final ObjectMapper json;

    RefusedRequests(MessageSource messages, LocaleResolver locales, ObjectMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException refused)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        NeverStored.write(response);
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", SecurityConfig.API_CSP);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", HttpStatus.BAD_REQUEST.getReasonPhrase());
        problem.put("status", HttpStatus.BAD_REQUEST.value());
        problem.put("detail", messages.getMessage("api.requestRejected", null, locales.resolveLocale(request)));
        json.writeValue(response.getOutputStream(), problem);
    }

    /** A filter that puts every request through the firewall before anything else reads its path. */
    static OncePerRequestFilter firstOfAll(HttpFirewall firewall, RequestRejectedHandler refused) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                try {
                    firewall.getFirewalledRequest(request);
                } catch (RequestRejectedException e) {
                    refused.handle(request, response, e);
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }
}
