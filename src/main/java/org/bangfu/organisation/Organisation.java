package org.bangfu.organisation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.bangfu.audit.AuditAction;
import org.bangfu.audit.AuditEntry.Outcome;
import org.bangfu.audit.AuditLog;
import org.bangfu.audit.AuditText;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Role;
import org.bangfu.shared.SignedInUser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The district's organisation: streets, their villages and communities, and the assistance teams with the streets
 * they serve. Their names are not sensitive, so any signed-in person may read them; changing them is the
 * administrator's alone. Nothing is ever deleted, since history names it: a street, village or team is deactivated
 * instead, stays readable, and is no longer offered for anything new (the {@code active...} lists).
 */
@Service
public class Organisation {

    static final int CODE_MAX = 32;
    static final int NAME_MAX = 100;
    /** Codes are typed into import files and read out over the phone: letters, digits, '-' and '_'. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]+");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog auditLog;

    Organisation(JdbcClient jdbc, Clock clock, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.auditLog = auditLog;
    }

    // ---- reading ---------------------------------------------------------------------------------------

    /** Every street, active or not, by code: for naming and filtering what history holds. */
    @Transactional(readOnly = true)
    public List<Street> streets() {
        return jdbc.sql("select id, code, name, active, version from bf_street order by code")
                .query((rs, n) -> new Street(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getInt(5)))
                .list();
    }

    /** The streets that may be chosen for something new (a household, an account, a team). */
    @Transactional(readOnly = true)
    public List<Street> activeStreets() {
        return streets().stream().filter(Street::active).toList();
    }

    /** Every team, active or not, by code, each with the streets it serves (home street first). */
    @Transactional(readOnly = true)
    public List<Team> teams() {
        Map<Long, List<Long>> served = new LinkedHashMap<>();
        jdbc.sql("select team_id, street_id from bf_team_street order by team_id, position")
                .query(rs -> {
                    served.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        return jdbc.sql("select id, code, name, street_id, active, version from bf_team order by code")
                .query((rs, n) -> new Team(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, Long.class), served.getOrDefault(rs.getLong(1), List.of()), rs.getBoolean(5),
                        rs.getInt(6)))
                .list();
    }

    /** The teams that may be chosen for something new (a household, an account). */
    @Transactional(readOnly = true)
    public List<Team> activeTeams() {
        return teams().stream().filter(Team::active).toList();
    }

    /** The villages and communities of every street, active or not, by street and code. */
    @Transactional(readOnly = true)
    public List<Village> villages() {
        return jdbc.sql("select id, street_id, code, name, active, version from bf_village order by street_id, code")
                .query((rs, n) -> new Village(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getInt(6)))
                .list();
    }

    /** The villages that may be chosen for a new household. */
    @Transactional(readOnly = true)
    public List<Village> activeVillages() {
        return villages().stream().filter(Village::active).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Street> street(long id) {
        return streets().stream().filter(s -> s.id() == id).findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<Village> village(long id) {
        return villages().stream().filter(v -> v.id() == id).findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<Team> team(long id) {
        return teams().stream().filter(t -> t.id() == id).findFirst();
    }

    /** The whole organisation as the organisation page and its API show it: the administrator's, district's, leaders'. */
    @Transactional(readOnly = true)
    public Overview overview() {
        CurrentUser.requireRole(Role.ADMIN, Role.DISTRICT, Role.LEADER);
        return new Overview(streets(), villages(), teams());
    }

    /** Whether the signed-in person may change the organisation. */
    public static boolean mayEdit() {
        return CurrentUser.get().map(u -> u.hasRole(Role.ADMIN)).orElse(false);
    }

    /** Streets, villages and teams, each list by code. */
    public record Overview(List<Street> streets, List<Village> villages, List<Team> teams) {
    }

    // ---- streets -----------------------------------------------------------------------------------------

    @Transactional
    public Street createStreet(String code, String name) {
        SignedInUser admin = requireAdmin();
        String c = trim(code);
        String n = trim(name);
        List<FieldError> errors = new ArrayList<>();
        checkCode(errors, c, "bf_street");
        if (checkName(errors, n) && taken("select count(*) from bf_street where name = ?", n)) {
            errors.add(new FieldError("name", "organisation.street.nameTaken", n));
        }
        refuse(errors);
        long id = unique(() -> insert("insert into bf_street (code, name, created_at) values (?, ?, ?)", c, n, now()));
        audit(admin, AuditAction.ORGANISATION_CREATED, AuditText.of("audit.target.street", c), n);
        return street(id).orElseThrow();
    }

    /** Renames a street; its code stays, since imports and history name it by code. */
    @Transactional
    public Street renameStreet(long id, int version, String name) {
        SignedInUser admin = requireAdmin();
        Street old = street(id).orElseThrow(() -> new OrganisationNotFound("street " + id));
        String n = trim(name);
        List<FieldError> errors = new ArrayList<>();
        if (checkName(errors, n) && taken("select count(*) from bf_street where name = ? and id <> ?", n, id)) {
            errors.add(new FieldError("name", "organisation.street.nameTaken", n));
        }
        refuse(errors);
        bump("bf_street", id, version, "name = ?", n);
        audit(admin, AuditAction.ORGANISATION_CHANGED, AuditText.of("audit.target.street", old.code()),
                AuditText.of("audit.detail.renamed", old.name(), n));
        return street(id).orElseThrow();
    }

    /**
     * Deactivates a street. Refused while it has active villages (deactivate them first: each household's village
     * must stay something the street owns) or active teams that serve no other active street (they would serve
     * nowhere).
     */
    @Transactional
    public Street deactivateStreet(long id, int version) {
        SignedInUser admin = requireAdmin();
        lockStreets(List.of(id));
        Street old = street(id).orElseThrow(() -> new OrganisationNotFound("street " + id));
        checkVersion("bf_street", id, version);
        List<String> villages = villages().stream().filter(v -> v.streetId() == id && v.active()).map(Village::name)
                .toList();
        List<FieldError> errors = new ArrayList<>();
        if (!villages.isEmpty()) {
            errors.add(new FieldError("active", "organisation.street.hasActiveVillages", String.join("、", villages)));
        }
        List<String> stranded = teamsServingOnly(id);
        if (!stranded.isEmpty()) {
            errors.add(new FieldError("active", "organisation.street.teamsServeOnlyIt", String.join("、", stranded)));
        }
        refuse(errors);
        return setActive("bf_street", id, version, old.active(), false, admin,
                AuditText.of("audit.target.street", old.code()), old.name(),
                () -> street(id).orElseThrow());
    }

    @Transactional
    public Street reactivateStreet(long id, int version) {
        SignedInUser admin = requireAdmin();
        Street old = street(id).orElseThrow(() -> new OrganisationNotFound("street " + id));
        return setActive("bf_street", id, version, old.active(), true, admin,
                AuditText.of("audit.target.street", old.code()), old.name(),
                () -> street(id).orElseThrow());
    }

    // ---- villages ----------------------------------------------------------------------------------------

    /** Adds a village or community under an active street. */
    @Transactional
    public Village createVillage(Long streetId, String code, String name) {
        SignedInUser admin = requireAdmin();
        String c = trim(code);
        String n = trim(name);
        List<FieldError> errors = new ArrayList<>();
        lockStreets(streetId == null ? List.of() : List.of(streetId));
        Street street = streetId == null ? null : street(streetId).orElse(null);
        if (street == null) {
            errors.add(new FieldError("streetId", streetId == null ? "form.required" : "organisation.street.unknown"));
        } else if (!street.active()) {
            errors.add(new FieldError("streetId", "organisation.village.streetInactive", street.name()));
        }
        checkCode(errors, c, "bf_village");
        if (checkName(errors, n) && street != null
                && taken("select count(*) from bf_village where street_id = ? and name = ?", street.id(), n)) {
            errors.add(new FieldError("name", "organisation.village.nameTaken", n, street.name()));
        }
        refuse(errors);
        long id = unique(() -> insert("insert into bf_village (street_id, code, name, created_at) values (?, ?, ?, ?)",
                street.id(), c, n, now()));
        audit(admin, AuditAction.ORGANISATION_CREATED, AuditText.of("audit.target.village", c),
                AuditText.of("audit.detail.villageOf", n, street.name()));
        return village(id).orElseThrow();
    }

    /** Renames a village; its code and street stay. */
    @Transactional
    public Village renameVillage(long id, int version, String name) {
        SignedInUser admin = requireAdmin();
        Village old = village(id).orElseThrow(() -> new OrganisationNotFound("village " + id));
        String n = trim(name);
        List<FieldError> errors = new ArrayList<>();
        if (checkName(errors, n) && taken("select count(*) from bf_village where street_id = ? and name = ? and id <> ?",
                old.streetId(), n, id)) {
            errors.add(new FieldError("name", "organisation.village.nameTaken", n, streetName(old.streetId())));
        }
        refuse(errors);
        bump("bf_village", id, version, "name = ?", n);
        audit(admin, AuditAction.ORGANISATION_CHANGED, AuditText.of("audit.target.village", old.code()),
                AuditText.of("audit.detail.renamed", old.name(), n));
        return village(id).orElseThrow();
    }

    /** Deactivates a village: its households keep it, no new household is filed in it. */
    @Transactional
    public Village deactivateVillage(long id, int version) {
        SignedInUser admin = requireAdmin();
        Village old = village(id).orElseThrow(() -> new OrganisationNotFound("village " + id));
        return setActive("bf_village", id, version, old.active(), false, admin,
                AuditText.of("audit.target.village", old.code()), old.name(),
                () -> village(id).orElseThrow());
    }

    /** Reactivates a village; refused while its street is deactivated (reactivate the street first). */
    @Transactional
    public Village reactivateVillage(long id, int version) {
        SignedInUser admin = requireAdmin();
        Village old = village(id).orElseThrow(() -> new OrganisationNotFound("village " + id));
        lockStreets(List.of(old.streetId()));
        checkVersion("bf_village", id, version);
        Street street = street(old.streetId()).orElseThrow();
        if (!street.active() && !old.active()) {
            refuse(List.of(new FieldError("active", "organisation.village.streetInactive", street.name())));
        }
        return setActive("bf_village", id, version, old.active(), true, admin,
                AuditText.of("audit.target.village", old.code()), old.name(),
                () -> village(id).orElseThrow());
    }

    // ---- teams -------------------------------------------------------------------------------------------

    /** Adds a team serving the given active streets; the first is its home street. */
    @Transactional
    public Team createTeam(String code, String name, List<Long> streetIds) {
        SignedInUser admin = requireAdmin();
        String c = trim(code);
        String n = trim(name);
        List<FieldError> errors = new ArrayList<>();
        checkCode(errors, c, "bf_team");
        if (checkName(errors, n) && taken("select count(*) from bf_team where name = ?", n)) {
            errors.add(new FieldError("name", "organisation.team.nameTaken", n));
        }
        lockStreets(streetIds);
        List<Long> served = checkServed(errors, streetIds, List.of());
        refuse(errors);
        long id = unique(() -> insert("insert into bf_team (code, name, street_id, created_at) values (?, ?, ?, ?)", c, n,
                served.get(0), now()));
        writeServed(id, served);
        audit(admin, AuditAction.ORGANISATION_CREATED, AuditText.of("audit.target.team", c),
                AuditText.of("audit.detail.teamServing", n, streetNames(served)));
        return team(id).orElseThrow();
    }

    /**
     * Renames a team and sets the streets it serves (the first is its home street). A street it already served may
     * stay although deactivated; a street added must be active.
     */
    @Transactional
    public Team updateTeam(long id, int version, String name, List<Long> streetIds) {
        SignedInUser admin = requireAdmin();
        Team old = team(id).orElseThrow(() -> new OrganisationNotFound("team " + id));
        String n = trim(name);
        List<FieldError> errors = new ArrayList<>();
        if (checkName(errors, n) && taken("select count(*) from bf_team where name = ? and id <> ?", n, id)) {
            errors.add(new FieldError("name", "organisation.team.nameTaken", n));
        }
        lockStreets(streetIds);
        List<Long> served = checkServed(errors, streetIds, old.streetIds());
        if (errors.isEmpty() && old.active() && served.stream().noneMatch(s -> street(s).map(Street::active).orElse(false))) {
            errors.add(new FieldError("streetIds", "organisation.team.noActiveStreet"));
        }
        refuse(errors);
        bump("bf_team", id, version, "name = ?, street_id = ?", n, served.get(0));
        writeServed(id, served);
        audit(admin, AuditAction.ORGANISATION_CHANGED, AuditText.of("audit.target.team", old.code()),
                AuditText.of("audit.detail.renamed",
                        AuditText.label("audit.detail.teamServing", old.name(), streetNames(old.streetIds())),
                        AuditText.label("audit.detail.teamServing", n, streetNames(served))));
        return team(id).orElseThrow();
    }

    /** Deactivates a team: its households and history keep it, it is offered for nothing new. */
    @Transactional
    public Team deactivateTeam(long id, int version) {
        SignedInUser admin = requireAdmin();
        Team old = team(id).orElseThrow(() -> new OrganisationNotFound("team " + id));
        return setActive("bf_team", id, version, old.active(), false, admin,
                AuditText.of("audit.target.team", old.code()), old.name(),
                () -> team(id).orElseThrow());
    }

    /** Reactivates a team; refused while none of the streets it serves is active. */
    @Transactional
    public Team reactivateTeam(long id, int version) {
        SignedInUser admin = requireAdmin();
        Team old = team(id).orElseThrow(() -> new OrganisationNotFound("team " + id));
        lockStreets(old.streetIds());
        checkVersion("bf_team", id, version);
        if (!old.active() && old.streetIds().stream().noneMatch(s -> street(s).map(Street::active).orElse(false))) {
            refuse(List.of(new FieldError("active", "organisation.team.noActiveStreet")));
        }
        return setActive("bf_team", id, version, old.active(), true, admin,
                AuditText.of("audit.target.team", old.code()), old.name(),
                () -> team(id).orElseThrow());
    }

    // ---- seeding (demo data, benchmarks): find by code or add, as the system or an administrator -------------

    @Transactional
    public Village addVillage(long streetId, String code, String name) {
        CurrentUser.get().ifPresent(u -> CurrentUser.requireRole(Role.ADMIN));
        return villages().stream().filter(v -> v.code().equals(code)).findFirst().orElseGet(() -> village(
                insert("insert into bf_village (street_id, code, name, created_at) values (?, ?, ?, ?)", streetId, code,
                        name, now())).orElseThrow());
    }

    @Transactional
    public Street addStreet(String code, String name) {
        CurrentUser.get().ifPresent(u -> CurrentUser.requireRole(Role.ADMIN));
        return findStreetByCode(code).orElseGet(() -> street(
                insert("insert into bf_street (code, name, created_at) values (?, ?, ?)", code, name, now()))
                .orElseThrow());
    }

    @Transactional
    public Team addTeam(String code, String name, Long streetId) {
        CurrentUser.get().ifPresent(u -> CurrentUser.requireRole(Role.ADMIN));
        return findTeamByCode(code).orElseGet(() -> {
            long id = insert("insert into bf_team (code, name, street_id, created_at) values (?, ?, ?, ?)", code, name,
                    streetId, now());
            writeServed(id, streetId == null ? List.of() : List.of(streetId));
            return team(id).orElseThrow();
        });
    }

    Optional<Street> findStreetByCode(String code) {
        return streets().stream().filter(s -> s.code().equals(code)).findFirst();
    }

    Optional<Village> findVillageByCode(String code) {
        return villages().stream().filter(v -> v.code().equals(code)).findFirst();
    }

    Optional<Team> findTeamByCode(String code) {
        return teams().stream().filter(t -> t.code().equals(code)).findFirst();
    }

    // ---- rules -------------------------------------------------------------------------------------------

    private static SignedInUser requireAdmin() {
        return CurrentUser.requireRole(Role.ADMIN);
    }

    private void checkCode(List<FieldError> errors, String code, String table) {
        if (code.isEmpty()) {
            errors.add(new FieldError("code", "form.required"));
        } else if (code.length() > CODE_MAX) {
            errors.add(new FieldError("code", "organisation.tooLong", CODE_MAX));
        } else if (!CODE.matcher(code).matches()) {
            errors.add(new FieldError("code", "organisation.code.invalid"));
        } else if (taken("select count(*) from " + table + " where code = ?", code)) {
            errors.add(new FieldError("code", "organisation.code.taken", code));
        }
    }

    /** Whether the name is usable so far (present, short enough, printable). */
    private static boolean checkName(List<FieldError> errors, String name) {
        if (name.isEmpty()) {
            errors.add(new FieldError("name", "form.required"));
            return false;
        }
        if (name.length() > NAME_MAX) {
            errors.add(new FieldError("name", "organisation.tooLong", NAME_MAX));
            return false;
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("name", "api.field.control"));
            return false;
        }
        return true;
    }

    /** The served streets without repeats, in the order given; each must exist, and be active unless kept. */
    private List<Long> checkServed(List<FieldError> errors, List<Long> streetIds, List<Long> kept) {
        List<Long> served = new ArrayList<>(new LinkedHashSet<>(
                streetIds == null ? List.of() : streetIds.stream().filter(Objects::nonNull).toList()));
        if (served.isEmpty()) {
            errors.add(new FieldError("streetIds", "organisation.team.streetsRequired"));
            return served;
        }
        for (Long id : served) {
            Optional<Street> street = street(id);
            if (street.isEmpty()) {
                errors.add(new FieldError("streetIds", "organisation.street.unknown"));
            } else if (!street.get().active() && !kept.contains(id)) {
                errors.add(new FieldError("streetIds", "organisation.team.streetInactive", street.get().name()));
            }
        }
        return served;
    }

    /** Names of the active teams that serve the street and no other active street. */
    private List<String> teamsServingOnly(long streetId) {
        List<Long> activeStreets = activeStreets().stream().map(Street::id).toList();
        return activeTeams().stream().filter(t -> t.serves(streetId))
                .filter(t -> t.streetIds().stream().noneMatch(s -> s != streetId && activeStreets.contains(s)))
                .map(Team::name).toList();
    }

    /**
     * Locks the streets' rows (in id order, so two changes never wait on each other) until the transaction ends: a
     * street's deactivation and a village or team being added to it run one after the other, each seeing the other.
     */
    private void lockStreets(List<Long> streetIds) {
        if (streetIds == null) {
            return;
        }
        streetIds.stream().filter(Objects::nonNull).distinct().sorted().forEach(id -> jdbc
                .sql("select id from bf_street where id = ? for update").param(id).query(Long.class).optional());
    }

    private boolean taken(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single() > 0;
    }

    private static void refuse(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    /** Refuses a change based on an older version than the row's. */
    private void checkVersion(String table, long id, int version) {
        int current = jdbc.sql("select version from " + table + " where id = ?").param(id).query(Integer.class).single();
        if (current != version) {
            throw new StaleOrganisation(table + " " + id, current);
        }
    }

    /** Saves a change on the version it was based on, or refuses it as stale. */
    private void bump(String table, long id, int version, String assignments, Object... values) {
        List<Object> params = new ArrayList<>(List.of(values));
        params.add(id);
        params.add(version);
        int updated = unique(() -> jdbc.sql("update " + table + " set " + assignments
                + ", version = version + 1 where id = ? and version = ?").params(params).update());
        if (updated == 0) {
            checkVersion(table, id, version);
            throw new StaleOrganisation(table + " " + id, version);
        }
    }

    /** Switches the active flag; switching to what it already is changes nothing and leaves no audit entry. */
    private <T> T setActive(String table, long id, int version, boolean was, boolean active, SignedInUser admin,
            String target, String name, java.util.function.Supplier<T> reread) {
        if (was == active) {
            checkVersion(table, id, version);
            return reread.get();
        }
        bump(table, id, version, "active = ?", active);
        audit(admin, active ? AuditAction.ORGANISATION_REACTIVATED : AuditAction.ORGANISATION_DEACTIVATED, target, name);
        return reread.get();
    }

    private void writeServed(long teamId, List<Long> streetIds) {
        jdbc.sql("delete from bf_team_street where team_id = ?").param(teamId).update();
        for (int i = 0; i < streetIds.size(); i++) {
            jdbc.sql("insert into bf_team_street (team_id, street_id, position) values (?, ?, ?)")
                    .params(teamId, streetIds.get(i), i).update();
        }
    }

    private String streetName(long id) {
        return street(id).map(Street::name).orElse("");
    }

    private String streetNames(List<Long> ids) {
        return String.join("、", ids.stream().map(this::streetName).toList());
    }

    /** Two administrators adding the same code or name at once: the loser is told, as if checked before. */
    private static <T> T unique(java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (DuplicateKeyException e) {
            throw new InvalidInput("code", "organisation.savedMeanwhile");
        }
    }

    private void audit(SignedInUser admin, AuditAction action, String target, String detail) {
        auditLog.recordWithChange(admin.getUsername(), action, target, Outcome.SUCCESS, detail);
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }

    /** Inserts a row and answers its generated id. */
    private long insert(String sql, Object... params) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys, "id");
        return keys.getKey().longValue();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
