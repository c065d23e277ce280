package org.bangfu.organisation;

import org.bangfu.shared.Role;
import org.bangfu.audit.AuditAction;
import org.bangfu.audit.AuditEntry.Outcome;
import org.bangfu.audit.AuditLog;
import org.bangfu.organisation.UserAccounts.NewAccount;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Production profile: no demo account and no default password. The first administrator comes from
 * BANGFU_ADMIN_USERNAME and BANGFU_ADMIN_PASSWORD; without them (or with a weak password) the application
 * refuses to start while no administrator exists. Runs before the web server accepts requests.
 */
@Component
@Profile("prod")
class AdminBootstrap implements SmartInitializingSingleton {

    private final UserAccounts accounts;
    private final AuditLog auditLog;
    private final Environment environment;
    private final String username;
    private final String password;
    private final String displayName;

    AdminBootstrap(UserAccounts accounts, AuditLog auditLog, Environment environment,
            @Value("${bangfu.admin.username:}") String username, @Value("${bangfu.admin.password:}") String password,
            @Value("${bangfu.admin.display-name:系统管理员}") String displayName) {
        this.accounts = accounts;
        this.auditLog = auditLog;
        this.environment = environment;
        this.username = username;
        this.password = password;
        this.displayName = displayName;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            throw new IllegalStateException("The profiles 'prod' and 'demo' cannot be active together: "
                    + "demo accounts have a published password.");
        }
        if (accounts.anyWithRole(Role.ADMIN)) {
            return;
        }
        if (username.isBlank() || password.isBlank()) {
            throw new IllegalStateException("No administrator exists. Set BANGFU_ADMIN_USERNAME and "
                    + "BANGFU_ADMIN_PASSWORD to create the first one (Bangfu has no default password).");
        }
        PasswordPolicy.violation(username, password).ifPresent(key -> {
            throw new IllegalStateException("BANGFU_ADMIN_PASSWORD breaks the password policy (" + key
                    + "): at least " + PasswordPolicy.MIN_LENGTH + " characters from at least "
                    + PasswordPolicy.MIN_CLASSES + " of upper case, lower case, digits and symbols.");
        });
        accounts.create(new NewAccount(username.trim(), displayName, Role.ADMIN, null, null, password));
        auditLog.record("system", AuditAction.ADMIN_BOOTSTRAPPED, username.trim(), null, Outcome.SUCCESS, null);
    }
}
