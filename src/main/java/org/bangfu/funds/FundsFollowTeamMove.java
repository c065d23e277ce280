package org.bangfu.funds;

import java.time.OffsetDateTime;
import java.util.List;

import org.bangfu.funds.FundLedger.Kind;
import org.bangfu.pairing.HouseholdMovedTeam;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A household moved to another team takes its money along, in the move's transaction: its requests still under
 * way belong to the new team (whose leaders approve them, and whose figures their payments enter), the ledger
 * counts its entries under the household's team of now, and {@link LedgerMovedTeam} tells read models.
 */
@Component
class FundsFollowTeamMove {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    FundsFollowTeamMove(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @EventListener
    void on(HouseholdMovedTeam moved) {
        jdbc.sql("""
                update bf_fund_request set team_id = ?
                 where household_id = ? and status not in ('REJECTED', 'WITHDRAWN', 'PAID')""")
                .params(moved.toTeamId(), moved.householdId()).update();
        List<LedgerEntryRecorded> entries = jdbc.sql("""
                select household_id, street_id, team_id, budget_year, kind, amount_fen, recorded_at from bf_fund_ledger
                 where household_id = ? order by id""")
                .param(moved.householdId())
                .query((rs, n) -> new LedgerEntryRecorded(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class),
                        rs.getInt(4), Kind.valueOf(rs.getString(5)), rs.getLong(6),
                        rs.getObject(7, OffsetDateTime.class).toInstant()))
                .list();
        if (!entries.isEmpty()) {
            events.publishEvent(new LedgerMovedTeam(moved.householdId(), moved.fromTeamId(), moved.toTeamId(), entries));
        }
    }
}
