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
        jdbc.sql("""
                insert into bf_fund_ledger (household_id, street_id, team_id, budget_year, programme, kind, amount_fen,
                    budget_id, note, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(household.id(), household.streetId(), household.teamId(), year, programme.name(), kind.name(),
                        amountFen, budgetId, note, recordedBy, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
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
