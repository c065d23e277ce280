package org.bangfu.organisation;

import java.util.List;

import org.bangfu.audit.AuditAction;
import org.bangfu.audit.AuditEntry.Outcome;
import org.bangfu.audit.AuditLog;
import org.bangfu.organisation.UserAccounts.NewAccount;
import org.bangfu.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Production profile: no demo account and no default password. Refuses to start while an enabled account is a
 * demo account or has the published demo password (a database the demo profile seeded): BANGFU_RETIRE_DEMO_ACCOUNTS
 * retires them. The first administrator comes from BANGFU_ADMIN_USERNAME and BANGFU_ADMIN_PASSWORD; without them
 * (or with a weak password) the application refuses to start while no administrator exists. Runs before the web
 * server accepts requests.
 */
@Component
@Profile("prod")
class AdminBootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserAccounts accounts;
    private final AuditLog auditLog;
    private final Environment environment;
    private final TransactionTemplate tx;
    private final String username;
    private final String password;
    private final String displayName;
    private final boolean retireDemoAccounts;

    AdminBootstrap(UserAccounts accounts, AuditLog auditLog, Environment environment, TransactionTemplate tx,
            @Value("${bangfu.admin.username:}") String username, @Value("${bangfu.admin.password:}") String password,
            @Value("${bangfu.admin.display-name:系统管理员}") String displayName,
            @Value("${bangfu.retire-demo-accounts:false}") boolean retireDemoAccounts) {
        this.accounts = accounts;
        this.auditLog = auditLog;
        this.environment = environment;
        this.tx = tx;
        this.username = username.trim();
        this.password = password;
        this.displayName = displayName;
        this.retireDemoAccounts = retireDemoAccounts;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            throw new IllegalStateException("The profiles 'prod' and 'demo' cannot be active together: "
                    + "demo accounts have a published password.");
        }
        int checked = accounts.vetPasswordsAgainst(DemoData.DEMO_PASSWORD);
        if (checked > 0) {
            log.info("Checked the passwords of {} accounts against the published demo password (once per password)",
                    checked);
        }
        // one transaction: a retirement that would leave Bangfu without an administrator does not happen
        List<String> retired = tx.execute(status -> retireDemoAccountsAndCreateTheFirstAdministrator());
        if (!retired.isEmpty()) {
            log.warn("Retired {} demo accounts (disabled, passwords unusable, kept in the history): {}",
                    retired.size(), String.join(", ", retired));
        } else if (retireDemoAccounts) {
            log.warn("BANGFU_RETIRE_DEMO_ACCOUNTS is set but no enabled demo account was left to retire; remove it "
                    + "from the environment.");
        }
    }

    /** Answers the demo accounts it retired. */
    private List<String> retireDemoAccountsAndCreateTheFirstAdministrator() {
        List<String> retired = retireDemoAccounts ? accounts.retireDemoAccounts() : List.of();
        List<String> demoAccounts = accounts.enabledDemoAccounts();
        if (!demoAccounts.isEmpty()) {
            throw new IllegalStateException("This database has " + demoAccounts.size() + " enabled demo accounts "
                    + "(seeded by the demo profile, or with its published password " + DemoData.DEMO_PASSWORD + "): "
                    + String.join(", ", demoAccounts) + ". Bangfu does not start in production with them. Retire them "
                    + "by starting once with BANGFU_RETIRE_DEMO_ACCOUNTS=true (--bangfu.retire-demo-accounts=true): "
                    + "they are disabled and their passwords made unusable, their names stay in the history, and "
                    + "BANGFU_ADMIN_USERNAME and BANGFU_ADMIN_PASSWORD then create the first real administrator.");
        }
        if (accounts.anyWithRole(Role.ADMIN)) {
            String administrators = String.join(", ",
                    accounts.withRole(Role.ADMIN).stream().map(UserAccount::username).toList());
            if (!username.isBlank()) {
                log.warn("BANGFU_ADMIN_USERNAME is ignored: an administrator exists ({}) and it names the first one "
                        + "only. Remove it from the environment.", administrators);
            }
            if (!password.isBlank()) {
                log.warn("BANGFU_ADMIN_PASSWORD is ignored: an administrator exists ({}) and it sets the first one's "
                        + "password only. Remove it from the environment.", administrators);
            }
            return retired;
        }
        if (username.isBlank() || password.isBlank()) {
            throw new IllegalStateException("No administrator exists. Set BANGFU_ADMIN_USERNAME and "
                    + "BANGFU_ADMIN_PASSWORD to create the first one (Bangfu has no default password).");
        }
        PasswordPolicy.violation(username, password).ifPresent(key -> {
            throw new IllegalStateException("BANGFU_ADMIN_PASSWORD breaks the password policy (" + key
                    + "): at least " + PasswordPolicy.MIN_LENGTH + " characters from at least "
                    + PasswordPolicy.MIN_CLASSES + " of upper case, lower case, digits and symbols, not the "
                    + "account name, not the published demo password.");
        });
        if (accounts.find(username).isPresent()) {
            throw new IllegalStateException("BANGFU_ADMIN_USERNAME names the existing account '" + username
                    + "', which is not an enabled administrator (a retired demo account keeps its name): "
                    + "choose another name for the first administrator.");
        }
        accounts.create(new NewAccount(username, displayName, Role.ADMIN, null, null, password));
        auditLog.recordWithChange("system", AuditAction.ADMIN_BOOTSTRAPPED, username, Outcome.SUCCESS, null);
        return retired;
    }
}
