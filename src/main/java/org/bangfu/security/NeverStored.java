package org.bangfu.security;

import org.springframework.security.web.header.HeaderWriter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * API answers hold personal data: no browser or proxy may keep them. Unlike Spring Security's own writer, this one
 * replaces a Cache-Control already set by what answered: Camunda's REST sets {@code no-cache} on every GET before
 * Spring Security runs, and Spring's writer then left it as the only, weaker, instruction.
 */
class NeverStored implements HeaderWriter {

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        write(response);
    }

    static void write(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("Expires", "0");
    }
}
