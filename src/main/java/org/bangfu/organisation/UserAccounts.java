package org.bangfu.organisation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.bangfu.audit.AuditAction;
import org.bangfu.audit.AuditEntry.Outcome;
import org.bangfu.audit.AuditLog;
import org.bangfu.audit.AuditText;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.Role;
import org.bangfu.shared.SignedInUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accounts: creating them, their passwords, the lockout after repeated failed logins (of names without an
 * account too, so that the two cannot be told apart), and the session epoch that ends an account's sessions
 * when it is locked, its password reset or it is disabled. Reading and unlocking other people's accounts is
 * the security administrator's.
 */
@Service
public class UserAccounts {

    private static final String COLUMNS = """
            id, username, display_name, role, street_id, team_id, enabled, failed_attempts,
            locked_until, last_login_at, phone, must_change_password, version""";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog auditLog;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final int maxFailedLogins;
    private final Duration lockDuration;
    private final Duration failureWindow;

    UserAccounts(JdbcClient jdbc, PasswordEncoder passwordEncoder, AuditLog auditLog, Clock clock, TransactionTemplate tx,
            @Value("${bangfu.security.max-failed-logins:5}") int maxFailedLogins,
            @Value("${bangfu.security.lock-duration:10m}") Duration lockDuration,
            @Value("${bangfu.security.failure-window:1h}") Duration failureWindow) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.auditLog = auditLog;
        this.clock = clock;
        this.tx = tx;
        this.maxFailedLogins = maxFailedLogins;
        this.lockDuration = lockDuration;
        this.failureWindow = failureWindow;
    }

    /** A new account. Called by the start-up bootstrap (no one signed in) or by the security administrator. */
    @Transactional
    public UserAccount create(NewAccount account) {
        CurrentUser.get().ifPresent(u -> CurrentUser.requireRole(Role.SECURITY));
        PasswordPolicy.violation(account.username(), account.password()).ifPresent(key -> {
            throw new PasswordPolicyViolation(key);
        });
        // the policy refuses the published demo password, so this hash needs no check against it
        return insert(account, passwordEncoder.encode(account.password()), false, true);
    }

    /**
     * The demo profile's accounts: creates those that do not exist yet, all with one password, hashed once, and
     * marks every one of them as a demo account (also those an older start created unmarked); answers how many
     * it created.
     */
    @Transactional
    int createMissingDemoAccounts(List<NewAccount> accounts, String password) {
        List<NewAccount> missing = accounts.stream().filter(a -> find(a.username()).isEmpty()).toList();
        if (!missing.isEmpty()) {
            String hash = passwordEncoder.encode(password);
            missing.forEach(a -> insert(a, hash, true, false));
        }
        jdbc.sql("update bf_user_account set demo = true where demo = false and username in ("
                + "?, ".repeat(accounts.size() - 1) + "?)")
                .params(accounts.stream().map(NewAccount::username).toList()).update();
        return missing.size();
    }

    private UserAccount insert(NewAccount account, String passwordHash, boolean demo, boolean passwordVetted) {
        Instant now = clock.instant();
        jdbc.sql("""
                insert into bf_user_account (username, display_name, password_hash, role, street_id, team_id,
                                             password_changed_at, created_at, demo, password_vetted, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'system')""")
                .params(account.username(), account.displayName(), passwordHash, account.role().name(),
                        account.streetId(), account.teamId(), utc(now), utc(now), demo, passwordVetted)
                .update();
        return find(account.username()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public boolean anyWithRole(Role role) {
        return jdbc.sql("select count(*) from bf_user_account where role = ? and enabled = true")
                .param(role.name()).query(Integer.class).single() > 0;
    }

    /** The enabled accounts of one role (start-up tasks, no one signed in). */
    @Transactional(readOnly = true)
    public List<UserAccount> withRole(Role role) {
        return jdbc.sql("select " + COLUMNS + " from bf_user_account where role = ? and enabled = true order by username")
                .param(role.name()).query(UserAccounts::account).list();
    }

    /**
     * Every account, enabled or not, by name: the process engine's read-only view of who exists (its users and their
     * groups), reached without anyone signed in.
     */
    @Transactional(readOnly = true)
    public List<UserAccount> directory() {
        return jdbc.sql("select " + COLUMNS + " from bf_user_account order by username")
                .query(UserAccounts::account).list();
    }

    /** The display names of these logins, in one query; a login no account has stands for itself. */
    @Transactional(readOnly = true)
    public Map<String, String> displayNames(Collection<String> usernames) {
        Map<String, String> names = new HashMap<>();
        Set<String> wanted = usernames.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        if (!wanted.isEmpty()) {
            jdbc.sql("select username, display_name from bf_user_account where username in (:names)")
                    .param("names", wanted).query((rs, n) -> names.put(rs.getString(1), rs.getString(2))).list();
            wanted.forEach(username -> names.putIfAbsent(username, username));
        }
        return names;
    }

    /** Lifts a lock. Sessions the lock ended stay ended: the person signs in again. */
    @Transactional
    public void unlock(String username) {
        SignedInUser actor = CurrentUser.requireRole(Role.SECURITY);
        int rows = jdbc.sql("""
                update bf_user_account
                   set failed_attempts = 0, locked_until = null, last_failed_login_at = null, version = version + 1
                 where username = ?""")
                .param(username).update();
        if (rows == 1) {
            auditLog.record(actor.getUsername(), AuditAction.ACCOUNT_UNLOCKED, username, null, Outcome.SUCCESS, null);
        }
    }

    /**
     * The security administrator sets a new password for someone who forgot theirs; it also unlocks, and ends
     * every session of the account (whoever knew the old password is signed out). It is a one-time password: the
     * person must change it at their next sign-in. Nobody resets their own (they change it, proving the old one).
     */
    @Transactional
    public void resetPassword(String username, String newPassword) {
        SignedInUser actor = CurrentUser.requireRole(Role.SECURITY);
        if (actor.getUsername().equals(username)) {
            throw new AccountRefused("accounts.refused.self");
        }
        setPassword(username, newPassword, true);
        auditLog.record(actor.getUsername(), AuditAction.PASSWORD_RESET, username, null, Outcome.SUCCESS, null);
    }

    /**
     * The signed-in person changes their own password, proving the current one. Their other sessions end; the
     * one they changed it in goes on.
     */
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        SignedInUser me = CurrentUser.require();
        String hash = jdbc.sql("select password_hash from bf_user_account where username = ?")
                .param(me.getUsername()).query(String.class).single();
        if (!passwordEncoder.matches(currentPassword, hash)) {
            auditLog.record(me.getUsername(), AuditAction.PASSWORD_CHANGED, me.getUsername(), null, Outcome.FAILURE,
                    AuditText.of("audit.detail.wrongPassword"));
            throw new BadCredentialsException("password.change.wrongCurrent");
        }
        if (passwordEncoder.matches(newPassword, hash)) {
            // a one-time password kept would be known to whoever set it
            throw new PasswordPolicyViolation("password.policy.unchanged");
        }
        int epoch = setPassword(me.getUsername(), newPassword, false);
        CurrentUser.replace(me.withOwnPassword(epoch));
        auditLog.record(me.getUsername(), AuditAction.PASSWORD_CHANGED, me.getUsername(), null, Outcome.SUCCESS, null);
    }

    /**
     * Sets a password the policy accepts and ends the account's sessions; answers the account's new session epoch.
     * {@code setBySomeoneElse}: the holder must change it at their next sign-in.
     */
    private int setPassword(String username, String newPassword, boolean setBySomeoneElse) {
        PasswordPolicy.violation(username, newPassword).ifPresent(key -> {
            throw new PasswordPolicyViolation(key);
        });
        int rows = jdbc.sql("""
                update bf_user_account
                   set password_hash = ?, password_vetted = true, password_changed_at = ?, failed_attempts = 0,
                       locked_until = null, last_failed_login_at = null, session_epoch = session_epoch + 1,
                       must_change_password = ?, version = version + 1
                 where username = ?""")
                .params(passwordEncoder.encode(newPassword), utc(clock.instant()), setBySomeoneElse, username)
                .update();
        if (rows != 1) {
            throw new IllegalArgumentException("no account " + username);
        }
        return jdbc.sql("select session_epoch from bf_user_account where username = ?")
                .param(username).query(Integer.class).single();
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> find(String username) {
        return jdbc.sql("select " + COLUMNS + " from bf_user_account where username = ?")
                .param(username).query(UserAccounts::account).optional();
    }

    /**
     * What a login attempt for this name is up against, in one query whether or not an account has the name:
     * the account (with its password hash, state and session epoch) if there is one, and whether the name is
     * locked now.
     */
    LoginCandidate loginCandidate(String username) {
        Instant now = clock.instant();
        return jdbc.sql("""
                select a.username, a.display_name, a.role, a.street_id, a.team_id, a.password_hash, a.enabled,
                       a.locked_until, a.session_epoch, f.locked_until, a.must_change_password
                  from (select 1 as probe) p
                  left join bf_user_account a on a.username = ?
                  left join bf_login_failure f on f.name_key = ?""")
                .params(username, nameKey(username))
                .query((rs, n) -> {
                    if (rs.getString(1) == null) {
                        Instant lockedUntil = instant(rs, 10);
                        return new LoginCandidate(null, lockedUntil != null && lockedUntil.isAfter(now));
                    }
                    Instant lockedUntil = instant(rs, 8);
                    boolean locked = lockedUntil != null && lockedUntil.isAfter(now);
                    return new LoginCandidate(new SignedInUser(rs.getString(1), rs.getString(2),
                            Role.valueOf(rs.getString(3)), rs.getObject(4, Long.class), rs.getObject(5, Long.class),
                            rs.getString(6), rs.getBoolean(7), locked, rs.getInt(9), rs.getBoolean(11)), locked);
                })
                .single();
    }

    /**
     * Whether a session signed in as {@code user} may go on: the account is enabled and has not been locked, had
     * its password reset or been disabled since. One indexed read, without a transaction: it runs on every
     * request of a session.
     */
    public boolean sessionStillValid(SignedInUser user) {
        return jdbc.sql("select session_epoch from bf_user_account where username = ? and enabled = true")
                .param(user.getUsername()).query(Integer.class).optional()
                .filter(epoch -> epoch == user.sessionEpoch()).isPresent();
    }

    /**
     * Counts a failed login of a name, whether an account has it or not: the attempt that reaches the limit within
     * the failure window locks the name; attempts while it is locked do not count; the first failure after a lock
     * ran out, or after the window passed, starts counting again. Locking an account ends its sessions.
     */
    public FailedLogin recordFailedLogin(String username) {
        try {
            return tx.execute(status -> countFailure(username));
        } catch (DuplicateKeyException concurrentFirstFailure) {
            // two first failures of one unknown name at once: the other one's row is there now
            return tx.execute(status -> countFailure(username));
        }
    }

    private FailedLogin countFailure(String username) {
        Instant now = clock.instant();
        Optional<Failures> account = jdbc.sql("""
                select failed_attempts, last_failed_login_at, locked_until from bf_user_account
                 where username = ? for update""")
                .param(username).query((rs, n) -> new Failures(rs.getInt(1), instant(rs, 2), instant(rs, 3)))
                .optional();
        if (account.isPresent()) {
            if (account.get().lockedAt(now)) {
                return new FailedLogin(true, FailedLogin.Effect.ALREADY_LOCKED);
            }
            Failures after = account.get().plusFailureAt(now, maxFailedLogins, failureWindow, lockDuration);
            jdbc.sql("""
                    update bf_user_account
                       set failed_attempts = ?, last_failed_login_at = ?, locked_until = ?,
                           session_epoch = session_epoch + ?
                     where username = ?""")
                    .params(after.attempts(), utc(now), utcOrNull(after.lockedUntil()), after.lockedAt(now) ? 1 : 0,
                            username)
                    .update();
            return new FailedLogin(true, effect(after, now));
        }
        String key = nameKey(username);
        Optional<Failures> name = jdbc.sql("""
                select failed_attempts, last_failed_at, locked_until from bf_login_failure where name_key = ? for update""")
                .param(key).query((rs, n) -> new Failures(rs.getInt(1), instant(rs, 2), instant(rs, 3)))
                .optional();
        if (name.isPresent() && name.get().lockedAt(now)) {
            return new FailedLogin(false, FailedLogin.Effect.ALREADY_LOCKED);
        }
        Failures after = name.orElse(Failures.NONE).plusFailureAt(now, maxFailedLogins, failureWindow, lockDuration);
        if (name.isPresent()) {
            jdbc.sql("update bf_login_failure set failed_attempts = ?, last_failed_at = ?, locked_until = ? where name_key = ?")
                    .params(after.attempts(), utc(now), utcOrNull(after.lockedUntil()), key).update();
        } else {
            jdbc.sql("insert into bf_login_failure (name_key, failed_attempts, last_failed_at, locked_until) values (?, ?, ?, ?)")
                    .params(key, after.attempts(), utc(now), utcOrNull(after.lockedUntil())).update();
        }
        return new FailedLogin(false, effect(after, now));
    }

    private static FailedLogin.Effect effect(Failures after, Instant now) {
        return after.lockedAt(now) ? FailedLogin.Effect.LOCKED_NOW : FailedLogin.Effect.COUNTED;
    }

    /**
     * Forgets failures of unknown names that no longer count towards a lock nor keep one: the table holds at most
     * the names tried within the last failure window (or lock), each attempt having cost its sender a password
     * hash check.
     */
    @Scheduled(fixedDelayString = "${bangfu.security.login-failure-cleanup-interval:PT10M}", initialDelayString = "PT1M")
    void forgetSpentLoginFailures() {
        Instant now = clock.instant();
        jdbc.sql("delete from bf_login_failure where last_failed_at < ? and (locked_until is null or locked_until < ?)")
                .params(utc(now.minus(failureWindow)), utc(now)).update();
    }

    @Transactional
    public void recordSuccessfulLogin(String username) {
        jdbc.sql("""
                update bf_user_account set failed_attempts = 0, locked_until = null, last_failed_login_at = null,
                                           last_login_at = ?
                 where username = ?""")
                .params(utc(clock.instant()), username).update();
    }

    public Duration lockDuration() {
        return lockDuration;
    }

    /**
     * Checks the enabled accounts whose password hash has not been checked yet against the published demo password,
     * once per distinct hash (a bcrypt check each): those that have it count as demo accounts from now on, the
     * others are marked as checked, so that a later start does not check them again. Answers how many accounts it
     * checked.
     */
    @Transactional
    int vetPasswordsAgainst(String publishedPassword) {
        record Unvetted(long id, String hash) {
        }
        List<Unvetted> unvetted = jdbc.sql("""
                select id, password_hash from bf_user_account
                 where enabled = true and demo = false and password_vetted = false""")
                .query((rs, n) -> new Unvetted(rs.getLong(1), rs.getString(2))).list();
        Map<String, Boolean> published = new HashMap<>();
        for (Unvetted account : unvetted) {
            if (published.computeIfAbsent(account.hash(), hash -> passwordEncoder.matches(publishedPassword, hash))) {
                jdbc.sql("update bf_user_account set demo = true where id = ?").param(account.id()).update();
            } else {
                jdbc.sql("update bf_user_account set password_vetted = true where id = ? and password_hash = ?")
                        .params(account.id(), account.hash()).update();
            }
        }
        return unvetted.size();
    }

    /** The enabled demo accounts, by name. */
    @Transactional(readOnly = true)
    List<String> enabledDemoAccounts() {
        return jdbc.sql("select username from bf_user_account where demo = true and enabled = true order by username")
                .query(String.class).list();
    }

    /**
     * Retires the enabled demo accounts: disabled (the rows stay, the history names them), their sessions ended,
     * their password replaced by the hash of a secret nobody holds; each is audited. Answers their names.
     */
    @Transactional
    List<String> retireDemoAccounts() {
        List<String> names = enabledDemoAccounts();
        if (names.isEmpty()) {
            return names;
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String unusable = passwordEncoder.encode(Base64.getEncoder().encodeToString(secret));
        jdbc.sql("""
                update bf_user_account
                   set enabled = false, password_hash = ?, password_vetted = true, session_epoch = session_epoch + 1,
                       failed_attempts = 0, locked_until = null, last_failed_login_at = null, version = version + 1
                 where demo = true and enabled = true""")
                .param(unusable).update();
        for (String name : names) {
            auditLog.recordWithChange("system", AuditAction.ACCOUNT_DISABLED, name, Outcome.SUCCESS,
                    AuditText.of("audit.detail.demoRetired"));
        }
        return names;
    }

    /** A name as failures of unknown names are kept: the digest of its trimmed lower case, 64 hex digits. */
    private static String nameKey(String username) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(username.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A login attempt's account (null when no account has the name) and whether the name is locked now. */
    record LoginCandidate(SignedInUser account, boolean locked) {
    }

    /** A name's failed logins that count towards a lock, the last one, and the lock they caused. */
    private record Failures(int attempts, Instant lastFailedAt, Instant lockedUntil) {

        static final Failures NONE = new Failures(0, null, null);

        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }

        /** After one more failure (the name not locked now): a spent lock or an old last failure start anew. */
        Failures plusFailureAt(Instant now, int maxFailures, Duration window, Duration lockDuration) {
            boolean startsAnew = lockedUntil != null || lastFailedAt == null || !lastFailedAt.isAfter(now.minus(window));
            int counted = startsAnew ? 1 : attempts + 1;
            return counted >= maxFailures ? new Failures(0, now, now.plus(lockDuration)) : new Failures(counted, now, null);
        }
    }

    /** What a failed login did: whether an account has the name, and what became of its lock. */
    public record FailedLogin(boolean accountExists, Effect effect) {

        public enum Effect {
            COUNTED, LOCKED_NOW, ALREADY_LOCKED
        }
    }

    /** The data of an account to create. */
    public record NewAccount(String username, String displayName, Role role, Long streetId, Long teamId,
            String password) {

        public NewAccount {
            if (role.needsStreet() && streetId == null) {
                throw new IllegalArgumentException("a street officer needs a street");
            }
            if (role.needsTeam() && teamId == null) {
                throw new IllegalArgumentException("a team account needs a team");
            }
        }
    }

    static UserAccount account(ResultSet rs, int n) throws SQLException {
        return new UserAccount(rs.getLong(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)),
                rs.getObject(5, Long.class), rs.getObject(6, Long.class), rs.getBoolean(7), rs.getInt(8),
                instant(rs, 9), instant(rs, 10), rs.getString(11), rs.getBoolean(12), rs.getInt(13));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static OffsetDateTime utcOrNull(Instant instant) {
        return instant == null ? null : utc(instant);
    }
}
