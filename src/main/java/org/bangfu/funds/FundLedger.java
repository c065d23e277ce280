package org.bangfu.funds;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;

import org.bangfu.household.HouseholdFile;
import org.bangfu.household.HouseholdNotFound;
import org.bangfu.household.Households;
import org.bangfu.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The funds ledger (资金台账): append-only entries per household with its street, team, year and programme; every
 * balance is a sum of entries, never a stored figure.
 */
@Service
public class FundLedger {

    /** What an entry records. ARRANGED carries the change of an arrangement, negative when it was lowered. */
    public enum Kind {
        ARRANGED, REQUESTED, APPROVED, PAID, FAILED, REVERSED
    }

    /** The sums of a household's entries for a year, by kind. */
    public record Totals(Map<Kind, Money> byKind) {

        public Money of(Kind kind) {
            return byKind.getOrDefault(kind, Money.ZERO);
        }
    }

    private final JdbcClient jdbc;
    private final Households households;
    private final Clock clock;

    FundLedger(JdbcClient jdbc, Households households, Clock clock) {
        this.jdbc = jdbc;
        this.households = households;
        this.clock = clock;
    }

    /** Appends one entry; called inside the transaction of the change it records. */
    void record(HouseholdFile household, int year, Programme programme, Kind kind, long amountFen, Long budgetId,
            String note, String recordedBy) {
        record(new Holder(household.id(), household.streetId(), household.teamId()), year, programme, kind, amountFen,
                budgetId, null, note, recordedBy);
    }

    /** Whose money an entry is about: the household, its street and the team assisting it. */
    record Holder(long householdId, long streetId, Long teamId) {
    }

    void record(Holder holder, int year, Programme programme, Kind kind, long amountFen, Long budgetId, Long requestId,
            String note, String recordedBy) {
        jdbc.sql("""
                insert into bf_fund_ledger (household_id, street_id, team_id, budget_year, programme, kind, amount_fen,
                    budget_id, request_id, note, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(holder.householdId(), holder.streetId(), holder.teamId(), year, programme.name(), kind.name(),
                        amountFen, budgetId, requestId, note, recordedBy,
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
    }

    /**
     * What is left of the household's arrangement for the year and programme: arranged, less what is requested,
     * plus what came back (rejected, sent back, withdrawn, failed at the bank). Read under the caller's lock.
     */
    Money remaining(long householdId, int year, Programme programme) {
        long fen = jdbc.sql("""
                select coalesce(sum(case when kind in ('ARRANGED', 'REVERSED', 'FAILED') then amount_fen
                                         when kind = 'REQUESTED' then -amount_fen else 0 end), 0)
                  from bf_fund_ledger where household_id = ? and budget_year = ? and programme = ?""")
                .params(householdId, year, programme.name()).query(Long.class).single();
        return Money.ofFen(Math.max(0, fen));
    }

    /** A household's totals for a year, if the caller may see the household. */
    @Transactional(readOnly = true)
    public Totals totals(long householdId, int year) {
        households.find(householdId).orElseThrow(() -> new HouseholdNotFound(householdId));
        Map<Kind, Money> byKind = new EnumMap<>(Kind.class);
        jdbc.sql("""
                select kind, sum(amount_fen) from bf_fund_ledger where household_id = ? and budget_year = ?
                 group by kind""").params(householdId, year)
                .query((rs, n) -> byKind.put(Kind.valueOf(rs.getString(1)), Money.ofFen(rs.getLong(2)))).list();
        return new Totals(byKind);
    }
}
