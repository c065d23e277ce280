package org.bangfu.household;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.bangfu.household.HouseholdChange.Kind;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the household module tells others about its households: {@link HouseholdChanged} and
 * {@link HouseholdStageChanged} as the changes happen (inside their transaction, so a listener's read model commits
 * with them), and the same facts again from the start for a read model that is rebuilt.
 */
@Service
public class HouseholdFeed {

    private static final String FACTS = """
            select id, head_name, street_id, team_id, stage, attribute, main_cause from bf_household""";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    HouseholdFeed(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Every household's facts as they are now, then every stage change since its file was opened with the street and
     * team the household had then (from the file's history), household by household, oldest first. For the
     * district's read models (the district, an administrator or the system account).
     */
    @Transactional(readOnly = true)
    public void replay(Consumer<HouseholdFacts> facts, Consumer<HouseholdStageChanged> stageChanges) {
        CurrentUser.requireRole(Role.DISTRICT, Role.ADMIN);
        jdbc.sql(FACTS + " order by id").query((rs, n) -> facts(rs)).stream().forEach(facts);
        List<HistoryLine> household = new ArrayList<>();
        jdbc.sql("""
                select c.household_id, c.kind, c.field, c.old_value, c.new_value, c.occurred_at, h.street_id, h.team_id
                  from bf_household_change c join bf_household h on h.id = c.household_id
                 where c.kind = 'CREATED' or (c.kind = 'STAGE_CHANGED' and c.field = 'stage')
                    or (c.kind in ('UPDATED', 'TEAM_MOVED') and c.field in ('streetId', 'teamId'))
                 order by c.household_id, c.occurred_at, c.id""")
                .query((rs, n) -> new HistoryLine(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(),
                        rs.getLong(7), rs.getObject(8, Long.class)))
                .stream().forEach(line -> {
                    if (!household.isEmpty() && household.get(0).householdId() != line.householdId()) {
                        replayStages(household, stageChanges);
                        household.clear();
                    }
                    household.add(line);
                });
        replayStages(household, stageChanges);
    }

    /** One household's history: its street and team before the first change of either, then as they changed. */
    private static void replayStages(List<HistoryLine> lines, Consumer<HouseholdStageChanged> stageChanges) {
        if (lines.isEmpty()) {
            return;
        }
        long street = lines.get(0).currentStreetId();
        Long team = lines.get(0).currentTeamId();
        Optional<HistoryLine> firstStreet = lines.stream().filter(l -> "streetId".equals(l.field())).findFirst();
        Optional<HistoryLine> firstTeam = lines.stream().filter(l -> "teamId".equals(l.field())).findFirst();
        if (firstStreet.isPresent()) {
            street = Long.parseLong(firstStreet.get().oldValue());
        }
        if (firstTeam.isPresent()) {
            team = firstTeam.get().oldValue() == null ? null : Long.valueOf(firstTeam.get().oldValue());
        }
        for (HistoryLine line : lines) {
            switch (line.kind()) {
                case CREATED -> stageChanges.accept(new HouseholdStageChanged(line.householdId(), street, team, null,
                        HouseholdStage.IDENTIFICATION, line.at()));
                case STAGE_CHANGED -> stageChanges.accept(new HouseholdStageChanged(line.householdId(), street, team,
                        HouseholdStage.valueOf(line.oldValue()), HouseholdStage.valueOf(line.newValue()), line.at()));
                default -> {
                    if ("streetId".equals(line.field())) {
                        street = Long.parseLong(line.newValue());
                    } else {
                        team = line.newValue() == null ? null : Long.valueOf(line.newValue());
                    }
                }
            }
        }
    }

    private record HistoryLine(long householdId, Kind kind, String field, String oldValue, String newValue, Instant at,
            long currentStreetId, Long currentTeamId) {
    }

    /** Tells that the household's facts may have changed. */
    void changed(long householdId, Instant at) {
        facts(householdId).ifPresent(facts -> events.publishEvent(new HouseholdChanged(facts, at)));
    }

    /** Tells that the household entered a stage (its facts, then the move); {@code from} is null for a file just opened. */
    void stageChanged(long householdId, HouseholdStage from, HouseholdStage to, Instant at) {
        facts(householdId).ifPresent(facts -> {
            events.publishEvent(new HouseholdChanged(facts, at));
            events.publishEvent(new HouseholdStageChanged(householdId, facts.streetId(), facts.teamId(), from, to, at));
        });
    }

    private Optional<HouseholdFacts> facts(long householdId) {
        return jdbc.sql(FACTS + " where id = ?").param(householdId).query((rs, n) -> facts(rs)).optional();
    }

    private static HouseholdFacts facts(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new HouseholdFacts(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getObject(4, Long.class),
                HouseholdStage.valueOf(rs.getString(5)), Attribute.valueOf(rs.getString(6)), rs.getString(7));
    }
}
