package org.bangfu.security;

import org.bangfu.audit.AuditAction;
import org.bangfu.audit.AuditEntry.Outcome;
import org.bangfu.audit.AuditLog;
import org.bangfu.audit.AuditText;
import org.bangfu.organisation.UserAccounts;
import org.bangfu.organisation.UserAccounts.FailedLogin;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every login path (the UI's form, HTTP Basic on the APIs) ends in one of Spring Security's authentication
 * events: here they count towards the lockout and land in the audit log with time, user, source address
 * and outcome. Form sign-ins are audited each time, an HTTP Basic client's once a day per address and again
 * after a failure (see {@link ApiSignIns}); every failure is. Logouts too.
 */
@Component
class LoginAudit implements LogoutHandler {

    private final UserAccounts accounts;
    private final AuditLog auditLog;
    private final ApiSignIns apiSignIns;

    LoginAudit(UserAccounts accounts, AuditLog auditLog, ApiSignIns apiSignIns) {
        this.accounts = accounts;
        this.auditLog = auditLog;
        this.apiSignIns = apiSignIns;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        // the interactive event repeats the plain one for form logins
        if (event.getClass() != AuthenticationSuccessEvent.class) {
            return;
        }
        Authentication authentication = event.getAuthentication();
        String username = authentication.getName();
        String source = sourceAddress(authentication);
        accounts.recordSuccessfulLogin(username);
        String detail = null;
        if (authentication.getDetails() instanceof BasicClientDetails) {
            if (!apiSignIns.firstToday(username, source)) {
                return;
            }
            detail = AuditText.of("audit.detail.basicSignIn");
        }
        auditLog.record(username, AuditAction.LOGIN, username, source, Outcome.SUCCESS, detail);
    }

    /**
     * Every refusal counts towards the lock of the name tried, whatever its reason and whether an account has the
     * name, so that none of them stands out (see {@code AccountAuthentication}).
     */
    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = event.getAuthentication().getName();
        String source = sourceAddress(event.getAuthentication());
        apiSignIns.forget(username);
        AuditAction action;
        if (event instanceof AuthenticationFailureLockedEvent) {
            action = AuditAction.LOGIN_REJECTED_LOCKED;
        } else if (event instanceof AuthenticationFailureDisabledEvent) {
            action = AuditAction.LOGIN_REJECTED_DISABLED;
        } else if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            action = AuditAction.LOGIN;
        } else {
            // the exception's class name is for developers; the auditor reads that the sign-in failed
            auditLog.record(username, AuditAction.LOGIN, username, source, Outcome.FAILURE,
                    AuditText.of("audit.detail.signInFailed", event.getException().getClass().getSimpleName()));
            return;
        }
        FailedLogin result = accounts.recordFailedLogin(username);
        String detail = !result.accountExists() ? AuditText.of("audit.detail.unknownAccount")
                : action == AuditAction.LOGIN ? AuditText.of("audit.detail.badCredentials") : null;
        auditLog.record(username, action, username, source, Outcome.FAILURE, detail);
        if (result.effect() == FailedLogin.Effect.LOCKED_NOW) {
            auditLog.record("system", AuditAction.ACCOUNT_LOCKED, username, source, Outcome.SUCCESS,
                    AuditText.of(result.accountExists() ? "audit.detail.locked" : "audit.detail.lockedUnknown",
                            accounts.lockDuration().toMinutes()));
        }
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication != null) {
            auditLog.record(authentication.getName(), AuditAction.LOGOUT, authentication.getName(),
                    request.getRemoteAddr(), Outcome.SUCCESS, null);
        }
    }

    private static String sourceAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }
}
