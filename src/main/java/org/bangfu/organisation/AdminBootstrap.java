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
 * retires them. The first administrator comes from BANGFU_ADMIN_USERNAME and BANGFU_ADMIN_PASSWORD, the first security
 * administrator (who creates every other account) from BANGFU_SECURITY_USERNAME and BANGFU_SECURITY_PASSWORD; without
 * them (or with a weak password) the application refuses to start while no account of that role exists, and once one
 * exists they are ignored with a warning. Both are created in one transaction, or neither. Their passwords come from
 * the operator, not from another person, so they need not be changed at the first sign-in. Runs before the web
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
    private final FirstAccount admin;
    private final FirstAccount security;
    private final boolean retireDemoAccounts;

    /** The first account of a role, as the environment names it. */
    private record FirstAccount(Role role, String variable, String username, String password, String displayName,
            AuditAction audited) {

        String passwordVariable() {
            return variable.replace("_USERNAME", "_PASSWORD");
        }

        String what() {
            return role == Role.ADMIN ? "administrator" : "security administrator";
        }

        String aWhat() {
            return (role == Role.ADMIN ? "an " : "a ") + what();
        }
    }

    AdminBootstrap(UserAccounts accounts, AuditLog auditLog, Environment environment, TransactionTemplate tx,
            @Value("${bangfu.admin.username:}") String username, @Value("${bangfu.admin.password:}") String password,
            @Value("${bangfu.admin.display-name:系统管理员}") String displayName,
            @Value("${bangfu.security-admin.username:}") String securityUsername,
            @Value("${bangfu.security-admin.password:}") String securityPassword,
            @Value("${bangfu.security-admin.display-name:安全管理员}") String securityDisplayName,
            @Value("${bangfu.retire-demo-accounts:false}") boolean retireDemoAccounts) {
        this.accounts = accounts;
        this.auditLog = auditLog;
        this.environment = environment;
        this.tx = tx;
        this.admin = new FirstAccount(Role.ADMIN, "BANGFU_ADMIN_USERNAME", username.trim(), password, displayName,
                AuditAction.ADMIN_BOOTSTRAPPED);
        this.security = new FirstAccount(Role.SECURITY, "BANGFU_SECURITY_USERNAME", securityUsername.trim(),
                securityPassword, securityDisplayName, AuditAction.SECURITY_ADMIN_BOOTSTRAPPED);
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
        List<String> retired = tx.execute(status -> retireDemoAccountsAndCreateTheFirstAccounts());
        if (!retired.isEmpty()) {
            log.warn("Retired {} demo accounts (disabled, passwords unusable, kept in the history): {}",
                    retired.size(), String.join(", ", retired));
        } else if (retireDemoAccounts) {
            log.warn("BANGFU_RETIRE_DEMO_ACCOUNTS is set but no enabled demo account was left to retire; remove it "
                    + "from the environment.");
        }
    }

    /** Answers the demo accounts it retired. */
    private List<String> retireDemoAccountsAndCreateTheFirstAccounts() {
        List<String> retired = retireDemoAccounts ? accounts.retireDemoAccounts() : List.of();
        List<String> demoAccounts = accounts.enabledDemoAccounts();
        if (!demoAccounts.isEmpty()) {
            throw new IllegalStateException("This database has " + demoAccounts.size() + " enabled demo accounts "
                    + "(seeded by the demo profile, or with its published password " + DemoData.DEMO_PASSWORD + "): "
                    + String.join(", ", demoAccounts) + ". Bangfu does not start in production with them. Retire them "
                    + "by starting once with BANGFU_RETIRE_DEMO_ACCOUNTS=true (--bangfu.retire-demo-accounts=true): "
                    + "they are disabled and their passwords made unusable, their names stay in the history, and "
                    + "BANGFU_ADMIN_USERNAME and BANGFU_ADMIN_PASSWORD (BANGFU_SECURITY_USERNAME and "
                    + "BANGFU_SECURITY_PASSWORD) then create the first real administrator (security administrator).");
        }
        if (!admin.username().isBlank() && admin.username().equals(security.username())) {
            throw new IllegalStateException("BANGFU_ADMIN_USERNAME and BANGFU_SECURITY_USERNAME name the same account '"
                    + admin.username() + "': administrator and security administrator are separate people "
                    + "(separation of duties), give each their own name.");
        }
        createIfNoneExists(admin);
        createIfNoneExists(security);
        return retired;
    }

    private void createIfNoneExists(FirstAccount first) {
        if (accounts.anyWithRole(first.role())) {
            String existing = String.join(", ",
                    accounts.withRole(first.role()).stream().map(UserAccount::username).toList());
            if (!first.username().isBlank()) {
                log.warn("{} is ignored: {} exists ({}) and it names the first one only. Remove it from the "
                        + "environment.", first.variable(), first.aWhat(), existing);
            }
            if (!first.password().isBlank()) {
                log.warn("{} is ignored: {} exists ({}) and it sets the first one's password only. Remove it from "
                        + "the environment.", first.passwordVariable(), first.aWhat(), existing);
            }
            return;
        }
        if (first.username().isBlank() || first.password().isBlank()) {
            throw new IllegalStateException("No " + first.what() + " exists. Set " + first.variable() + " and "
                    + first.passwordVariable() + " to create the first one (Bangfu has no default password).");
        }
        PasswordPolicy.violation(first.username(), first.password()).ifPresent(key -> {
            throw new IllegalStateException(first.passwordVariable() + " breaks the password policy (" + key
                    + "): at least " + PasswordPolicy.MIN_LENGTH + " characters from at least "
                    + PasswordPolicy.MIN_CLASSES + " of upper case, lower case, digits and symbols, not the "
                    + "account name, not the published demo password.");
        });
        if (accounts.find(first.username()).isPresent()) {
            throw new IllegalStateException(first.variable() + " names the existing account '" + first.username()
                    + "', which is not an enabled " + first.what() + " (a retired demo account keeps its name): "
                    + "choose another name for the first " + first.what() + ".");
        }
        accounts.create(new NewAccount(first.username(), first.displayName(), first.role(), null, null,
                first.password()));
        auditLog.recordWithChange("system", first.audited(), first.username(), Outcome.SUCCESS, null);
    }
}
