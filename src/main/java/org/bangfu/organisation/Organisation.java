package org.bangfu.organisation;

import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.Role;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The district's organisation: streets and assistance teams. Their names are not sensitive, so any
 * signed-in person may read them; changing them is the administrator's.
 */
@Service
public class Organisation {

    private final JdbcClient jdbc;
    private final Clock clock;

    Organisation(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Street> streets() {
        return jdbc.sql("select id, code, name from bf_street order by code")
                .query((rs, n) -> new Street(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    @Transactional(readOnly = true)
    public List<Team> teams() {
        return jdbc.sql("select id, code, name, street_id from bf_team order by code")
                .query((rs, n) -> new Team(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, Long.class)))
                .list();
    }

    /** The villages and communities of every street, by street and code. */
    @Transactional(readOnly = true)
    public List<Village> villages() {
        return jdbc.sql("select id, street_id, code, name from bf_village order by street_id, code")
                .query((rs, n) -> new Village(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4))).list();
    }

    @Transactional
    public Village addVillage(long streetId, String code, String name) {
        CurrentUser.get().ifPresent(u -> CurrentUser.requireRole(Role.ADMIN));
        return villages().stream().filter(v -> v.code().equals(code)).findFirst().orElseGet(() -> new Village(
                insert("insert into bf_village (street_id, code, name, created_at) values (?, ?, ?, ?)", streetId, code,
                        name, now()),
                streetId, code, name));
    }

    @Transactional(readOnly = true)
    public Optional<Street> street(long id) {
        return streets().stream().filter(s -> s.id() == id).findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<Team> team(long id) {
        return teams().stream().filter(t -> t.id() == id).findFirst();
    }

    @Transactional
    public Street addStreet(String code, String name) {
        CurrentUser.get().ifPresent(u -> CurrentUser.requireRole(Role.ADMIN));
        return findStreetByCode(code).orElseGet(() -> {
            long id = insert("insert into bf_street (code, name, created_at) values (?, ?, ?)", code, name, now());
            return new Street(id, code, name);
        });
    }

    @Transactional
    public Team addTeam(String code, String name, Long streetId) {
        CurrentUser.get().ifPresent(u -> CurrentUser.requireRole(Role.ADMIN));
        return findTeamByCode(code).orElseGet(() -> {
            long id = insert("insert into bf_team (code, name, street_id, created_at) values (?, ?, ?, ?)", code, name,
                    streetId, now());
            return new Team(id, code, name, streetId);
        });
    }

    Optional<Street> findStreetByCode(String code) {
        return streets().stream().filter(s -> s.code().equals(code)).findFirst();
    }

    Optional<Team> findTeamByCode(String code) {
        return teams().stream().filter(t -> t.code().equals(code)).findFirst();
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
