package org.bangfu.handbook;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.Consumer;

import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the handbook tells others about field work: {@link FieldWorkChanged} whenever a visit or a review schedule
 * changes, {@link ExitProposed} when an exit is proposed, both inside the change's transaction, and all of it again
 * for a read model that is rebuilt. A visit's due date follows the rule of {@link DueVisits}.
 */
@Service
public class FieldWorkFeed {

    private static final String FIELD_WORK = """
            select h.id, (select max(v.visited_on) from bf_visit v where v.household_id = h.id), s.review_interval, s.due_on,
                   h.attribute
              from bf_household h left join bf_review_schedule s on s.household_id = h.id""";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final VisitIntervals intervals;

    FieldWorkFeed(JdbcClient jdbc, ApplicationEventPublisher events, VisitIntervals intervals) {
        this.jdbc = jdbc;
        this.events = events;
        this.intervals = intervals;
    }

    /**
     * The field work of every household that has a visit or a review schedule, then every exit proposal, oldest first
     * (the district, an administrator or the system account).
     */
    @Transactional(readOnly = true)
    public void replay(Consumer<FieldWorkChanged> fieldWork, Consumer<ExitProposed> exits) {
        CurrentUser.requireRole(Role.DISTRICT, Role.ADMIN);
        jdbc.sql(FIELD_WORK + " where exists (select 1 from bf_visit v where v.household_id = h.id)"
                + " or s.household_id is not null order by h.id").query((rs, n) -> fieldWork(rs)).stream().forEach(fieldWork);
        jdbc.sql("""
                select e.household_id, h.street_id, h.team_id, e.proposed_at
                  from bf_exit e join bf_household h on h.id = e.household_id order by e.proposed_at, e.id""")
                .query((rs, n) -> new ExitProposed(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .stream().forEach(exits);
    }

    void changed(long householdId) {
        jdbc.sql(FIELD_WORK + " where h.id = ?").param(householdId).query((rs, n) -> fieldWork(rs)).optional()
                .ifPresent(events::publishEvent);
    }

    void exitProposed(long householdId, long streetId, Long teamId, OffsetDateTime at) {
        events.publishEvent(new ExitProposed(householdId, streetId, teamId, at.toInstant()));
    }

    private FieldWorkChanged fieldWork(java.sql.ResultSet rs) throws java.sql.SQLException {
        LocalDate last = rs.getObject(2, LocalDate.class);
        LocalDate reviewDue = rs.getObject(4, LocalDate.class);
        LocalDate visitDue = last != null ? last.plus(intervals.of(rs.getString(3), rs.getString(5))) : reviewDue;
        return new FieldWorkChanged(rs.getLong(1), last, visitDue, reviewDue);
    }
}
