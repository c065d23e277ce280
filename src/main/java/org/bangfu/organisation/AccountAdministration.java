package org.bangfu.organisation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.bangfu.audit.AuditAction;
import org.bangfu.audit.AuditEntry.Outcome;
import org.bangfu.audit.AuditLog;
import org.bangfu.audit.AuditText;
import org.bangfu.organisation.OpenWork.OpenTask;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.PersonName;
import org.bangfu.shared.Role;
import org.bangfu.shared.SignedInUser;
import org.bangfu.shared.Where;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The security administrator's management of accounts (安全管理员): creating them with a one-time initial password,
 * editing name, phone, role and street or team (a move hands the person's open tasks over to a colleague of the old
 * team or street, in the same transaction), deactivating and reactivating, resetting passwords and unlocking.
 * <p>
 * Separation of duties (三员分立) holds on every path: only the security administrator may do any of this; nobody
 * manages their own account; an account has one role, and an account never changes into or out of administrator,
 * security administrator or auditor (a new account is created instead), so no person's history holds two of them.
 * Accounts are never deleted: the history names them. Every change is audited; concurrent edits are refused by the
 * row's version.
 */
@Service
public class AccountAdministration {

    /** The roles MLPS keeps apart: an account never changes into or out of one of them. */
    public static final Set<Role> SEPARATED = EnumSet.of(Role.ADMIN, Role.SECURITY, Role.AUDITOR);

    /** Login names: lower-case letters, digits and {@code . _ -}, 3 to 32, starting with a letter or digit. */
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?");

    private static final String SELECT = """
            select a.id, a.username, a.display_name, a.role, a.street_id, a.team_id, a.enabled, a.failed_attempts,
                   a.locked_until, a.last_login_at, a.phone, a.must_change_password, a.version, s.name, t.name
              from bf_user_account a
              left join bf_street s on s.id = a.street_id
              left join bf_team t on t.id = a.team_id
            """;

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog auditLog;
    private final Clock clock;
    private final ObjectProvider<OpenWork> openWork;
    private final Environment environment;

    AccountAdministration(JdbcClient jdbc, UserAccounts accounts, PasswordEncoder passwordEncoder, AuditLog auditLog,
            Clock clock, ObjectProvider<OpenWork> openWork, Environment environment) {
        this.environment = environment;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.auditLog = auditLog;
        this.clock = clock;
        this.openWork = openWork;
    }

    /** An account to create: its initial password is one-time, the person changes it at the first sign-in. */
    public record NewAccount(String username, String displayName, String phone, Role role, Long streetId, Long teamId,
            String initialPassword) {
    }

    /**
     * An edit of an account read at {@code version}. {@code role} null keeps the role; {@code handOverTo} names the
     * colleague (of the old team or street) who takes the person's open tasks when they move.
     */
    public record AccountChange(String displayName, String phone, Role role, Long streetId, Long teamId,
            Integer version, String handOverTo) {
    }

    /** The list's filters; null (or blank text) filters nothing. Text matches login, name or phone. */
    public record AccountFilter(Role role, AccountStatus status, String text) {

        public static final AccountFilter ALL = new AccountFilter(null, null, null);
    }

    /** An account with its street's and team's names and its state now. */
    public record AccountLine(UserAccount account, String streetName, String teamName, AccountStatus status) {
    }

    /** Someone who can take over a person's tasks. */
    public record Colleague(String username, String displayName) {
    }

    // ---- reading ----------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<AccountLine> list(AccountFilter filter, int offset, int limit) {
        CurrentUser.requireRole(Role.SECURITY);
        Where where = where(filter);
        List<Object> params = where.paramsThen(offset, limit);
        Instant now = clock.instant();
        return jdbc.sql(SELECT + " where " + where.sql() + " order by a.username offset ? rows fetch next ? rows only")
                .params(params).query((rs, n) -> {
                    UserAccount account = UserAccounts.account(rs, n);
                    return new AccountLine(account, rs.getString(14), rs.getString(15), account.statusAt(now));
                }).list();
    }

    @Transactional(readOnly = true)
    public int count(AccountFilter filter) {
        CurrentUser.requireRole(Role.SECURITY);
        Where where = where(filter);
        return jdbc.sql("select count(*) from bf_user_account a where " + where.sql()).params(where.params())
                .query(Integer.class).single();
    }

    @Transactional(readOnly = true)
    public AccountLine get(long id) {
        CurrentUser.requireRole(Role.SECURITY);
        Instant now = clock.instant();
        return jdbc.sql(SELECT + " where a.id = ?").param(id).query((rs, n) -> {
            UserAccount account = UserAccounts.account(rs, n);
            return new AccountLine(account, rs.getString(14), rs.getString(15), account.statusAt(now));
        }).optional().orElseThrow(() -> new AccountNotFound(id));
    }

    /** The open tasks the account holds: a move hands them over. */
    @Transactional(readOnly = true)
    public List<OpenTask> openTasks(long id) {
        CurrentUser.requireRole(Role.SECURITY);
        return openTasksOf(find(id).username());
    }

    /** Who may take over the account's tasks: the enabled colleagues of its present team, street or the district. */
    @Transactional(readOnly = true)
    public List<Colleague> colleagues(long id) {
        CurrentUser.requireRole(Role.SECURITY);
        return colleaguesOf(find(id));
    }

    private List<Colleague> colleaguesOf(UserAccount account) {
        String scope;
        Object scopeId;
        if (account.role().needsTeam()) {
            scope = "role in ('TEAM_MEMBER', 'TEAM_LEADER') and team_id = ?";
            scopeId = account.teamId();
        } else if (account.role().needsStreet()) {
            scope = "role = 'STREET' and street_id = ?";
            scopeId = account.streetId();
        } else if (account.role() == Role.DISTRICT) {
            scope = "role = ?";
            scopeId = Role.DISTRICT.name();
        } else {
            return List.of();
        }
        return jdbc.sql("select username, display_name from bf_user_account where enabled = true and id <> ? and "
                + scope + " order by display_name, username")
                .params(account.id(), scopeId)
                .query((rs, n) -> new Colleague(rs.getString(1), rs.getString(2))).list();
    }

    // ---- changing ---------------------------------------------------------------------------------------

    /**
     * Creates an account with a one-time initial password: until its holder changes it they can do nothing else.
     * Any role, the separated ones included (a second administrator, a new auditor): one role per account.
     */
    @Transactional
    public UserAccount create(NewAccount request) {
        SignedInUser actor = CurrentUser.requireRole(Role.SECURITY);
        String username = request.username() == null ? "" : request.username().strip();
        List<FieldError> errors = new ArrayList<>();
        if (username.isEmpty()) {
            errors.add(new FieldError("username", "form.required"));
        } else if (!USERNAME.matcher(username).matches()) {
            errors.add(new FieldError("username", "accounts.username.invalid"));
        } else if (jdbc.sql("select count(*) from bf_user_account where lower(username) = ?")
                .param(username.toLowerCase(Locale.ROOT)).query(Integer.class).single() > 0) {
            errors.add(new FieldError("username", "accounts.username.taken"));
        }
        String displayName = checkName(errors, request.displayName());
        String phone = checkPhone(errors, request.phone(), true);
        Scope scope = checkScope(errors, request.role(), request.streetId(), request.teamId(), new Scope(null, null));
        if (request.initialPassword() == null || request.initialPassword().isEmpty()) {
            errors.add(new FieldError("initialPassword", "form.required"));
        } else if (!username.isEmpty()) {
            PasswordPolicy.violation(username, request.initialPassword())
                    .ifPresent(key -> errors.add(new FieldError("initialPassword", key)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Instant now = clock.instant();
        jdbc.sql("""
                insert into bf_user_account (username, display_name, password_hash, role, street_id, team_id, phone,
                                             must_change_password, password_vetted, password_changed_at, created_at,
                                             created_by)
                values (?, ?, ?, ?, ?, ?, ?, true, true, ?, ?, ?)""")
                .params(username, displayName, passwordEncoder.encode(request.initialPassword()),
                        request.role().name(), scope.streetId(), scope.teamId(), phone, UserAccounts.utc(now),
                        UserAccounts.utc(now), actor.getUsername())
                .update();
        UserAccount created = accounts.find(username).orElseThrow();
        auditLog.recordWithChange(actor.getUsername(), AuditAction.ACCOUNT_CREATED, username, Outcome.SUCCESS,
                AuditText.of("audit.detail.accountCreated", AuditText.label("role." + created.role().name()),
                        scopeText(created.streetId(), created.teamId())));
        return created;
    }

    /**
     * Changes name, phone, role and street or team of someone else's account read at {@code change.version()}. A move
     * (another street, team or role) hands the person's open tasks over to {@code change.handOverTo()}, a colleague
     * of the old team or street, in the same transaction, and ends the person's sessions (they sign in again with
     * their new scope).
     */
    @Transactional
    public UserAccount update(long id, AccountChange change) {
        SignedInUser actor = CurrentUser.requireRole(Role.SECURITY);
        UserAccount account = lockOthers(actor, id);
        List<FieldError> errors = new ArrayList<>();
        if (change.version() == null) {
            errors.add(new FieldError("version", "form.required"));
        }
        String displayName = checkName(errors, change.displayName());
        String phone = checkPhone(errors, change.phone(), account.phone() != null);
        Role role = change.role() == null ? account.role() : change.role();
        if (role != account.role() && (SEPARATED.contains(role) || SEPARATED.contains(account.role()))) {
            errors.add(new FieldError("role", "accounts.role.separated"));
        }
        Scope scope = checkScope(errors, role, change.streetId(), change.teamId(),
                new Scope(account.streetId(), account.teamId()));
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        if (account.version() != change.version()) {
            throw new StaleAccount(id);
        }
        boolean moves = role != account.role() || !Objects.equals(scope.streetId(), account.streetId())
                || !Objects.equals(scope.teamId(), account.teamId());
        int handedOver = 0;
        String colleague = change.handOverTo() == null || change.handOverTo().isBlank() ? null
                : change.handOverTo().strip();
        if (moves) {
            List<OpenTask> open = openTasksOf(account.username());
            if (!open.isEmpty()) {
                handOver(account, open, colleague);
                handedOver = open.size();
            }
        }
        jdbc.sql("""
                update bf_user_account
                   set display_name = ?, phone = ?, role = ?, street_id = ?, team_id = ?,
                       session_epoch = session_epoch + ?, version = version + 1
                 where id = ? and version = ?""")
                .params(displayName, phone, role.name(), scope.streetId(), scope.teamId(), moves ? 1 : 0, id,
                        change.version())
                .update();
        UserAccount changed = find(id);
        List<Object> what = new ArrayList<>();
        if (!displayName.equals(account.displayName())) {
            what.add(AuditText.label("audit.detail.nameChanged", account.displayName(), displayName));
        }
        if (!Objects.equals(phone, account.phone())) {
            what.add(AuditText.label("audit.detail.phoneChanged"));
        }
        if (role != account.role()) {
            what.add(AuditText.label("audit.detail.roleChanged", AuditText.label("role." + account.role().name()),
                    AuditText.label("role." + role.name())));
        }
        if (moves) {
            what.add(AuditText.label("audit.detail.scopeChanged", scopeText(account.streetId(), account.teamId()),
                    scopeText(changed.streetId(), changed.teamId())));
        }
        if (handedOver > 0) {
            what.add(AuditText.label("audit.detail.handedOver", handedOver, jdbc.sql(
                    "select display_name from bf_user_account where username = ?").param(colleague).query(String.class)
                    .optional().orElse(colleague)));
        }
        auditLog.recordWithChange(actor.getUsername(), AuditAction.ACCOUNT_CHANGED, account.username(),
                Outcome.SUCCESS, what.isEmpty() ? AuditText.of("audit.detail.nothingChanged") : AuditText.ofAll(what));
        return changed;
    }

    private void handOver(UserAccount account, List<OpenTask> open, String colleague) {
        if (colleague == null) {
            throw new InvalidInput("handOverTo", "accounts.handOver.required", open.size());
        }
        if (colleaguesOf(account).stream().noneMatch(c -> c.username().equals(colleague))) {
            throw new InvalidInput("handOverTo", "accounts.handOver.notColleague");
        }
        try {
            openWork.getObject().handOver(account.username(), colleague);
        } catch (OpenWork.CannotTakeOver e) {
            throw new InvalidInput("handOverTo", "accounts.handOver.cannotTake", e.taskName());
        }
    }

    /**
     * Disables someone else's account: its sessions end at once and it can no longer sign in. The last enabled
     * administrator or auditor stays (nobody else could do their part).
     */
    @Transactional
    public UserAccount deactivate(long id) {
        SignedInUser actor = CurrentUser.requireRole(Role.SECURITY);
        UserAccount account = lockOthers(actor, id);
        if (!account.enabled()) {
            return account;
        }
        if ((account.role() == Role.ADMIN || account.role() == Role.AUDITOR)
                && accounts.withRole(account.role()).size() <= 1) {
            throw new InvalidInput("enabled", "accounts.deactivate.last");
        }
        jdbc.sql("""
                update bf_user_account set enabled = false, session_epoch = session_epoch + 1, version = version + 1
                 where id = ?""").param(id).update();
        auditLog.recordWithChange(actor.getUsername(), AuditAction.ACCOUNT_DISABLED, account.username(),
                Outcome.SUCCESS, null);
        return find(id);
    }

    /**
     * Enables a disabled account again, unlocked. Outside the demo profile a demo account stays retired (production
     * refuses to start while one is enabled).
     */
    @Transactional
    public UserAccount reactivate(long id) {
        SignedInUser actor = CurrentUser.requireRole(Role.SECURITY);
        UserAccount account = lockOthers(actor, id);
        if (account.enabled()) {
            return account;
        }
        if (!environment.acceptsProfiles(Profiles.of("demo"))
                && jdbc.sql("select demo from bf_user_account where id = ?").param(id).query(Boolean.class).single()) {
            throw new InvalidInput("enabled", "accounts.reactivate.demo");
        }
        jdbc.sql("""
                update bf_user_account
                   set enabled = true, failed_attempts = 0, locked_until = null, last_failed_login_at = null,
                       version = version + 1
                 where id = ?""").param(id).update();
        auditLog.recordWithChange(actor.getUsername(), AuditAction.ACCOUNT_ENABLED, account.username(),
                Outcome.SUCCESS, null);
        return find(id);
    }

    /** A one-time password for someone else (see {@link UserAccounts#resetPassword}). */
    @Transactional
    public UserAccount resetPassword(long id, String newPassword) {
        SignedInUser actor = CurrentUser.requireRole(Role.SECURITY);
        UserAccount account = lockOthers(actor, id);
        try {
            accounts.resetPassword(account.username(), newPassword == null ? "" : newPassword);
        } catch (PasswordPolicyViolation violation) {
            throw new InvalidInput("newPassword", violation.messageKey());
        }
        return find(id);
    }

    @Transactional
    public UserAccount unlock(long id) {
        SignedInUser actor = CurrentUser.requireRole(Role.SECURITY);
        UserAccount account = lockOthers(actor, id);
        accounts.unlock(account.username());
        return find(id);
    }

    // ---- rules ------------------------------------------------------------------------------------------

    /** The account, locked for the change; never the caller's own. */
    private UserAccount lockOthers(SignedInUser actor, long id) {
        UserAccount account = jdbc.sql("select " + """
                id, username, display_name, role, street_id, team_id, enabled, failed_attempts,
                locked_until, last_login_at, phone, must_change_password, version""" + " from bf_user_account where id = ? for update")
                .param(id).query(UserAccounts::account).optional().orElseThrow(() -> new AccountNotFound(id));
        if (account.username().equals(actor.getUsername())) {
            throw new AccountRefused("accounts.refused.self");
        }
        return account;
    }

    private UserAccount find(long id) {
        return jdbc.sql(SELECT + " where a.id = ?").param(id).query(UserAccounts::account).optional()
                .orElseThrow(() -> new AccountNotFound(id));
    }

    private List<OpenTask> openTasksOf(String username) {
        OpenWork work = openWork.getIfAvailable();
        return work == null ? List.of() : work.openTasksOf(username);
    }

    private static String checkName(List<FieldError> errors, String given) {
        String name = given == null ? "" : given.strip();
        if (name.isEmpty()) {
            errors.add(new FieldError("displayName", "form.required"));
        } else {
            PersonName.problem(name).ifPresent(key -> errors.add(new FieldError("displayName", key)));
        }
        return name;
    }

    /** A mainland mobile number or a landline with its area code; spaces are dropped. Null when blank. */
    private static String checkPhone(List<FieldError> errors, String given, boolean required) {
        String phone = given == null ? "" : given.replace(" ", "").strip();
        if (phone.isEmpty()) {
            if (required) {
                errors.add(new FieldError("phone", "form.required"));
            }
            return null;
        }
        if (!MOBILE.matcher(phone).matches() && !LANDLINE.matcher(phone).matches()) {
            errors.add(new FieldError("phone", "accounts.phone.invalid"));
        }
        return phone;
    }

    private record Scope(Long streetId, Long teamId) {
    }

    /**
     * The street or team the role needs (an existing one, active unless the account has it already), and nothing
     * the role does not use.
     */
    private Scope checkScope(List<FieldError> errors, Role role, Long streetId, Long teamId, Scope current) {
        if (role == null) {
            errors.add(new FieldError("role", "form.required"));
            return new Scope(null, null);
        }
        if (role.needsStreet()) {
            if (streetId == null) {
                errors.add(new FieldError("streetId", "accounts.street.required"));
            } else {
                Optional<Boolean> active = jdbc.sql("select active from bf_street where id = ?").param(streetId)
                        .query(Boolean.class).optional();
                if (active.isEmpty()) {
                    errors.add(new FieldError("streetId", "accounts.street.unknown"));
                } else if (!active.get() && !streetId.equals(current.streetId())) {
                    errors.add(new FieldError("streetId", "accounts.street.inactive"));
                }
            }
            return new Scope(streetId, null);
        }
        if (role.needsTeam()) {
            if (teamId == null) {
                errors.add(new FieldError("teamId", "accounts.team.required"));
            } else {
                Optional<Boolean> active = jdbc.sql("select active from bf_team where id = ?").param(teamId)
                        .query(Boolean.class).optional();
                if (active.isEmpty()) {
                    errors.add(new FieldError("teamId", "accounts.team.unknown"));
                } else if (!active.get() && !teamId.equals(current.teamId())) {
                    errors.add(new FieldError("teamId", "accounts.team.inactive"));
                }
            }
            return new Scope(null, teamId);
        }
        return new Scope(null, null);
    }

    private String scopeText(Long streetId, Long teamId) {
        Optional<String> name = streetId != null
                ? jdbc.sql("select name from bf_street where id = ?").param(streetId).query(String.class).optional()
                : teamId != null
                        ? jdbc.sql("select name from bf_team where id = ?").param(teamId).query(String.class).optional()
                        : Optional.empty();
        return name.orElse("—");
    }

    private Where where(AccountFilter filter) {
        Where where = Where.of("1 = 1").andIfGiven("a.role = ?", filter.role() == null ? null : filter.role().name());
        if (filter.status() != null) {
            Object now = UserAccounts.utc(clock.instant());
            switch (filter.status()) {
                case DISABLED -> where.and("a.enabled = false");
                case LOCKED -> where.and("a.enabled = true and a.locked_until > ?", now);
                case MUST_CHANGE_PASSWORD -> where.and("a.enabled = true and (a.locked_until is null "
                        + "or a.locked_until <= ?) and a.must_change_password = true", now);
                case ACTIVE -> where.and("a.enabled = true and (a.locked_until is null or a.locked_until <= ?) "
                        + "and a.must_change_password = false", now);
            }
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String like = Where.containing(filter.text().strip());
            where.and("(lower(a.username) like ? escape '\\' or lower(a.display_name) like ? escape '\\' "
                    + "or a.phone like ? escape '\\')", like, like, like);
        }
        return where;
    }
}
