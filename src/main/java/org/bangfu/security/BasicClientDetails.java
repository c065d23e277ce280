package org.bangfu.security;

import org.springframework.security.web.authentication.WebAuthenticationDetails;

import jakarta.servlet.http.HttpServletRequest;

/** The details of a sign-in by HTTP Basic (the APIs), which the audit log records once a day, not every call. */
class BasicClientDetails extends WebAuthenticationDetails {

    private static final long serialVersionUID = 1L;

    BasicClientDetails(HttpServletRequest request) {
        super(request);
    }
}
