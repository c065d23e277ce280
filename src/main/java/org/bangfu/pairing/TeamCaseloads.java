package org.bangfu.pairing;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** How many households each team assists now (not ended as not eligible or exited): the teams' caseload. */
@Component
class TeamCaseloads {

    private static final String LOADS = """
            select t.id, t.name, t.street_id,
                   (select count(*) from bf_household h where h.team_id = t.id
                       and h.stage not in ('NOT_ELIGIBLE', 'EXITED')) as caseload
              from bf_team t
             where t.active = true""";

    private final JdbcClient jdbc;

    TeamCaseloads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every team with its caseload, least loaded first. */
    List<TeamLoad> all() {
        return jdbc.sql("select * from (" + LOADS + ") x order by caseload, id")
                .query((rs, n) -> new TeamLoad(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class),
                        rs.getInt(4)))
                .list();
    }

    Candidates candidates(long householdId) {
        record Place(long streetId, long villageId) {
        }
        Place place = jdbc.sql("select street_id, village_id from bf_household where id = ?").param(householdId)
                .query((rs, n) -> new Place(rs.getLong(1), rs.getLong(2))).single();
        List<TeamLoad> teams = all();
        Long villageTeam = jdbc.sql("""
                select team_id from bf_household
                 where village_id = ? and id <> ? and team_id is not null and stage not in ('NOT_ELIGIBLE', 'EXITED')
                 group by team_id order by count(*) desc, team_id fetch first 1 rows only""")
                .params(place.villageId(), householdId).query(Long.class).optional().orElse(null);
        TeamLoad village = teams.stream().filter(t -> villageTeam != null && t.id() == villageTeam).findFirst()
                .orElse(null);
        TeamLoad street = teams.stream().filter(t -> t.streetId() != null && t.streetId() == place.streetId())
                .findFirst().orElse(null);
        TeamLoad district = teams.isEmpty() ? null : teams.get(0);
        return new Candidates(village == null ? null : village.id(), village == null ? null : village.caseload(),
                street == null ? null : street.id(), street == null ? null : street.caseload(),
                district == null ? null : district.id());
    }

    record Candidates(Long villageTeamId, Integer villageTeamCaseload, Long streetTeamId, Integer streetTeamCaseload,
            Long districtTeamId) {
    }
}
