package org.bangfu.handbook;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.bangfu.household.HouseholdScope;
import org.bangfu.household.Households;
import org.bangfu.shared.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which households in assistance are due a visit (走访): each should be visited at least once per interval of its
 * class ({@link VisitIntervals}), paired or still being planned. A household never visited in its handbook is due by
 * its first review, or now while its plan is being made. Most overdue first; scoped like the file.
 */
@Service
public class DueVisits {

    private final JdbcClient jdbc;
    private final VisitIntervals intervals;
    private final Clock clock;

    DueVisits(JdbcClient jdbc, VisitIntervals intervals, Clock clock) {
        this.jdbc = jdbc;
        this.intervals = intervals;
        this.clock = clock;
    }

    /** A household in assistance and when it is next due a visit. */
    public record DueVisit(long householdId, String fileNo, String headName, String villageName, String address,
            String teamName, String stage, LocalDate lastVisitedOn, LocalDate dueBy, String interval) {

        /** Days past its due date (negative: days left). */
        public long daysOverdue(LocalDate today) {
            return ChronoUnit.DAYS.between(dueBy, today);
        }

        public boolean visitedOn(LocalDate day) {
            return day.equals(lastVisitedOn);
        }
    }

    /** The caller's households in assistance, most overdue first; {@code overdueOnly} leaves out those not yet due. */
    @Transactional(readOnly = true)
    public List<DueVisit> list(boolean overdueOnly) {
        HouseholdScope scope = HouseholdScope.of(CurrentUser.require());
        LocalDate today = LocalDate.now(clock);
        List<DueVisit> due = new ArrayList<>(jdbc.sql("""
                select h.id, h.head_name, v.name, h.address, t.name, h.stage, s.review_interval, s.due_on,
                       (select max(x.visited_on) from bf_visit x where x.household_id = h.id), h.attribute
                  from bf_household h
                  join bf_village v on v.id = h.village_id
                  join bf_team t on t.id = h.team_id
                  left join bf_review_schedule s on s.household_id = h.id
                 where h.stage in ('PLANNING', 'PAIRED') and\s""" + scope.condition())
                .params(scope.parameters())
                .query((rs, n) -> {
                    String interval = rs.getString(7);
                    LocalDate reviewDue = rs.getObject(8, LocalDate.class);
                    LocalDate last = rs.getObject(9, LocalDate.class);
                    Period period = intervals.of(interval, rs.getString(10));
                    LocalDate dueBy = last != null ? last.plus(period) : reviewDue != null ? reviewDue : today;
                    return new DueVisit(rs.getLong(1), Households.fileNo(rs.getLong(1)), rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), last, dueBy,
                            period.toString());
                })
                .list());
        if (overdueOnly) {
            due.removeIf(d -> d.daysOverdue(today) <= 0);
        }
        due.sort(Comparator.comparing(DueVisit::dueBy).thenComparing(DueVisit::headName));
        return due;
    }
}
