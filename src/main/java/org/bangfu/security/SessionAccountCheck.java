package org.bangfu.security;

import java.io.IOException;

import org.bangfu.audit.AuditAction;
import org.bangfu.audit.AuditEntry.Outcome;
import org.bangfu.audit.AuditLog;
import org.bangfu.organisation.UserAccounts;
import org.bangfu.shared.SignedInUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Ends a session whose account was locked, had its password reset or was disabled after the session signed in.
 * Every request of a session compares the account's session epoch with the one it signed in with (one indexed
 * read), so this holds at once, on every path behind the session (the UI, Camunda's webapps) and on every node
 * that shares the database; the request goes on as anonymous and is sent to the login page.
 */
class SessionAccountCheck extends OncePerRequestFilter {

    private final UserAccounts accounts;
    private final AuditLog auditLog;

    SessionAccountCheck(UserAccounts accounts, AuditLog auditLog) {
        this.accounts = accounts;
        this.auditLog = auditLog;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user
                && !accounts.sessionStillValid(user)) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            auditLog.record("system", AuditAction.SESSION_ENDED, user.getUsername(), request.getRemoteAddr(),
                    Outcome.SUCCESS, "the account was locked, disabled or its password reset after it signed in");
        }
        chain.doFilter(request, response);
    }
}
