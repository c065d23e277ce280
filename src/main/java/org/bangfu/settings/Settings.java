package org.bangfu.settings;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.audit.AuditAction;
import org.bangfu.audit.AuditEntry.Outcome;
import org.bangfu.audit.AuditLog;
import org.bangfu.organisation.UserAccounts;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Money;
import org.bangfu.shared.Role;
import org.bangfu.shared.SignedInUser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * System settings (系统设置): what a bureau sets, contributed by the modules that own them ({@link SettingDefinitions})
 * and changed by an administrator while Bangfu runs. A read answers the stored value or, while the setting was never
 * changed, the default its module took from the configuration.
 * <p>
 * Reads go to the database every time (one primary-key lookup, well under a millisecond) rather than to a cache:
 * a change is in force at once on every node that shares the database, with nothing to expire or invalidate.
 */
@Service
public class Settings {

    static final int MAX_REASON = 500;

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final AuditLog auditLog;
    private final Clock clock;
    private final Map<String, SettingDefinition> definitions = new LinkedHashMap<>();

    Settings(JdbcClient jdbc, List<SettingDefinitions> contributions, UserAccounts accounts, AuditLog auditLog,
            Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.auditLog = auditLog;
        this.clock = clock;
        List<SettingDefinition> all = new ArrayList<>();
        contributions.forEach(c -> all.addAll(c.settingDefinitions()));
        // listed by group; within a group in the order each module gave
        all.sort(Comparator.comparing(SettingDefinition::group));
        for (SettingDefinition definition : all) {
            if (definitions.putIfAbsent(definition.key(), definition) != null) {
                throw new IllegalStateException("Two modules define the setting " + definition.key());
            }
            definition.problem(definition.defaultValue()).ifPresent(error -> {
                throw new IllegalStateException("The configured default of the setting " + definition.key() + " ('"
                        + definition.defaultValue() + "') is not valid: " + error.messageKey());
            });
        }
    }

    // ---- reading, for the modules that own the settings (no one need be signed in) ----------------------

    /** The value in force, as text. */
    public String text(String key) {
        SettingDefinition definition = definition(key);
        return jdbc.sql("select setting_value from bf_setting where setting_key = ?").param(key)
                .query(String.class).optional().orElse(definition.defaultValue());
    }

    public int integer(String key) {
        return Integer.parseInt(text(expect(key, SettingType.INTEGER)));
    }

    public Money money(String key) {
        return Money.parseStrict(text(expect(key, SettingType.MONEY)));
    }

    public Fraction fraction(String key) {
        return Fraction.parse(text(expect(key, SettingType.FRACTION)));
    }

    // ---- the settings page and API ------------------------------------------------------------------------

    /** Every setting, by group (administrators; district officers, leadership and auditors read). */
    @Transactional(readOnly = true)
    public List<Setting> list() {
        requireReader();
        Map<String, Stored> stored = new HashMap<>();
        jdbc.sql("select setting_key, setting_value, version_no, changed_by, changed_at from bf_setting")
                .query(Settings::stored).list().forEach(s -> stored.put(s.key(), s));
        Map<String, String> names = accounts.displayNames(stored.values().stream().map(Stored::changedBy).toList());
        return definitions.values().stream().map(d -> setting(d, stored.get(d.key()), names)).toList();
    }

    /** One setting (the same readers as {@link #list()}). */
    @Transactional(readOnly = true)
    public Setting find(String key) {
        requireReader();
        SettingDefinition definition = definition(key);
        Optional<Stored> stored = stored(key);
        return setting(definition, stored.orElse(null),
                accounts.displayNames(stored.stream().map(Stored::changedBy).toList()));
    }

    /** Every change of a setting, newest first (the same readers as {@link #list()}). */
    @Transactional(readOnly = true)
    public List<SettingChange> history(String key) {
        requireReader();
        definition(key);
        List<SettingChange> changes = jdbc.sql("""
                select setting_key, version_no, old_value, new_value, changed_by, changed_at, reason
                  from bf_setting_change where setting_key = ? order by version_no desc""").param(key)
                .query((rs, n) -> new SettingChange(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getString(7)))
                .list();
        Map<String, String> names = accounts.displayNames(changes.stream().map(SettingChange::changedBy).toList());
        return changes.stream().map(c -> new SettingChange(c.key(), c.version(), c.oldValue(), c.newValue(),
                names.get(c.changedBy()), c.changedAt(), c.reason())).toList();
    }

    /**
     * Changes a setting (administrators): in force at once. {@code version} is the version the caller read (0 for
     * a setting never changed); if someone changed it since, {@link StaleSetting} and nothing changes. The value is
     * checked against the setting's type and bounds and a reason is required ({@link InvalidInput}, field
     * {@code value} or {@code reason}). The change is kept in the history and audit-logged.
     */
    @Transactional
    public Setting change(String key, String value, String reason, int version) {
        SignedInUser user = CurrentUser.requireRole(Role.ADMIN);
        SettingDefinition definition = definition(key);
        List<FieldError> errors = new ArrayList<>();
        definition.problem(value).ifPresent(errors::add);
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty() || why.length() > MAX_REASON || why.chars().anyMatch(c -> c < ' ' && c != '\n')) {
            errors.add(new FieldError("reason", "setting.reason.required", MAX_REASON));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        String newValue = definition.canonical(value);
        Optional<Stored> stored = stored(key);
        int current = stored.map(Stored::version).orElse(0);
        if (current != version) {
            throw new StaleSetting(key, current);
        }
        String oldValue = stored.map(Stored::value).orElse(definition.defaultValue());
        if (oldValue.equals(newValue)) {
            throw new InvalidInput(List.of(new FieldError("value", "setting.value.unchanged")));
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        String by = user.getUsername();
        if (stored.isEmpty()) {
            try {
                jdbc.sql("""
                        insert into bf_setting (setting_key, setting_value, version_no, changed_by, changed_at)
                        values (?, ?, 1, ?, ?)""").params(key, newValue, by, now).update();
            } catch (DuplicateKeyException raced) {
                throw new StaleSetting(key, 1);
            }
        } else if (jdbc.sql("""
                update bf_setting set setting_value = ?, version_no = version_no + 1, changed_by = ?, changed_at = ?
                 where setting_key = ? and version_no = ?""").params(newValue, by, now, key, version).update() == 0) {
            throw new StaleSetting(key, version + 1);
        }
        jdbc.sql("""
                insert into bf_setting_change (setting_key, version_no, old_value, new_value, changed_by, changed_at,
                    reason) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(key, version + 1, oldValue, newValue, by, now, why).update();
        auditLog.recordWithChange(by, AuditAction.SETTING_CHANGED, key, Outcome.SUCCESS,
                oldValue + " → " + newValue + "（" + why + "）");
        return new Setting(definition, newValue, version + 1, user.displayName(), now.toInstant());
    }

    // ---- for the start check -------------------------------------------------------------------------------

    /** The settings printed on paper whose value in force is still the placeholder Bangfu ships with. */
    List<SettingDefinition> placeholdersOnPaper() {
        return definitions.values().stream().filter(SettingDefinition::printed)
                .filter(d -> text(d.key()).equals(d.paper().shippedPlaceholder())).toList();
    }

    // ---- internals -----------------------------------------------------------------------------------------

    private SettingDefinition definition(String key) {
        SettingDefinition definition = key == null ? null : definitions.get(key);
        if (definition == null) {
            throw new SettingNotFound(key);
        }
        return definition;
    }

    private String expect(String key, SettingType type) {
        if (definition(key).type() != type) {
            throw new IllegalArgumentException("setting " + key + " is not " + type);
        }
        return key;
    }

    private static void requireReader() {
        CurrentUser.requireRole(Role.ADMIN, Role.DISTRICT, Role.LEADER, Role.AUDITOR);
    }

    private record Stored(String key, String value, int version, String changedBy, Instant changedAt) {
    }

    private static Stored stored(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Stored(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).toInstant());
    }

    private Optional<Stored> stored(String key) {
        return jdbc.sql("""
                select setting_key, setting_value, version_no, changed_by, changed_at from bf_setting
                 where setting_key = ?""").param(key).query(Settings::stored).optional();
    }

    private static Setting setting(SettingDefinition definition, Stored stored, Map<String, String> names) {
        return stored == null ? new Setting(definition, definition.defaultValue(), 0, null, null)
                : new Setting(definition, stored.value(), stored.version(), names.get(stored.changedBy()),
                        stored.changedAt());
    }
}
