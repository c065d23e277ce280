package org.bangfu.funds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bangfu.household.HouseholdFile;
import org.bangfu.household.HouseholdNotFound;
import org.bangfu.household.Households;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Money;
import org.bangfu.shared.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the district arranges for each household (资金安排), per year and programme. A change is a new version with
 * its reason, never an edit; the caller names the version it changes, so that two officers changing the same
 * arrangement at once do not overwrite each other. Every change is written to the ledger as the difference.
 */
@Service
public class FundBudgets {

    private static final String COLUMNS = """
            select b.id, b.household_id, b.budget_year, b.programme, b.version_no, b.amount_fen, b.reason,
                   b.arranged_by, b.arranged_at
              from bf_fund_budget b
            """;

    private final JdbcClient jdbc;
    private final Households households;
    private final FundLedger ledger;
    private final Clock clock;
    private final FundSettings settings;

    FundBudgets(JdbcClient jdbc, Households households, FundLedger ledger, Clock clock, FundSettings settings) {
        this.jdbc = jdbc;
        this.households = households;
        this.ledger = ledger;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Arranges {@code amount} for the household's year and programme, replacing version {@code expectedVersion}
     * (0 for a first arrangement). The district only.
     *
     * @throws StaleArrangement when the arrangement is no longer at {@code expectedVersion}
     */
    @Transactional
    public Arrangement arrange(long householdId, int year, Programme programme, int expectedVersion, Money amount,
            String reason) {
        String username = CurrentUser.requireRole(Role.DISTRICT).getUsername();
        HouseholdFile household = households.find(householdId).orElseThrow(() -> new HouseholdNotFound(householdId));
        List<FieldError> errors = new ArrayList<>();
        int thisYear = LocalDate.now(clock).getYear();
        if (year < thisYear - 1 || year > thisYear + 1) {
            errors.add(new FieldError("year", "funds.year.range", String.valueOf(thisYear - 1),
                    String.valueOf(thisYear + 1)));
        }
        if (programme == null) {
            errors.add(new FieldError("programme", "form.required"));
        }
        if (amount == null) {
            errors.add(new FieldError("amount", "money.required"));
        } else {
            Money most = settings.maxArrangement();
            if (most.isLessThan(amount)) {
                errors.add(new FieldError("amount", "funds.arrangement.tooLarge", most.format()));
            }
        }
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty()) {
            errors.add(new FieldError("reason", "form.required"));
        } else if (why.length() > 500) {
            errors.add(new FieldError("reason", "form.tooLong", 500));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Optional<Arrangement> previous = latest(householdId, year, programme);
        int current = previous.map(Arrangement::version).orElse(0);
        if (current != expectedVersion) {
            throw new StaleArrangement(current);
        }
        KeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into bf_fund_budget (household_id, budget_year, programme, version_no, amount_fen, reason,
                        arranged_by, arranged_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(householdId, year, programme.name(), current + 1, amount.fen(), why, username,
                            OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .update(keys, "id");
        } catch (DuplicateKeyException changedMeanwhile) {
            throw new StaleArrangement(current + 1);
        }
        long id = keys.getKey().longValue();
        long change = amount.fen() - previous.map(a -> a.amount().fen()).orElse(0L);
        ledger.record(household, year, programme, FundLedger.Kind.ARRANGED, change, id, why, username);
        return find(id);
    }

    /** The household's arrangements as they stand: the newest version per year and programme. */
    @Transactional(readOnly = true)
    public List<Arrangement> current(long householdId) {
        requireVisible(householdId);
        return currentOf(householdId);
    }

    /** The arrangements as they stand, for callers that checked access. */
    List<Arrangement> currentOf(long householdId) {
        return jdbc.sql(COLUMNS + """
                where b.household_id = ? and b.version_no = (select max(l.version_no) from bf_fund_budget l
                 where l.household_id = b.household_id and l.budget_year = b.budget_year and l.programme = b.programme)
                order by b.budget_year desc, b.programme""").param(householdId).query(FundBudgets::row).list();
    }

    /** Every version of every arrangement of the household, newest first. */
    @Transactional(readOnly = true)
    public List<Arrangement> history(long householdId) {
        requireVisible(householdId);
        return jdbc.sql(COLUMNS + "where b.household_id = ? order by b.id desc").param(householdId)
                .query(FundBudgets::row).list();
    }

    private void requireVisible(long householdId) {
        households.find(householdId).orElseThrow(() -> new HouseholdNotFound(householdId));
    }

    private Optional<Arrangement> latest(long householdId, int year, Programme programme) {
        return jdbc.sql(COLUMNS + """
                where b.household_id = ? and b.budget_year = ? and b.programme = ?
                order by b.version_no desc fetch first 1 rows only""")
                .params(householdId, year, programme.name()).query(FundBudgets::row).optional();
    }

    private Arrangement find(long id) {
        return jdbc.sql(COLUMNS + "where b.id = ?").param(id).query(FundBudgets::row).single();
    }

    private static Arrangement row(ResultSet rs, int n) throws SQLException {
        return new Arrangement(rs.getLong(1), rs.getLong(2), rs.getInt(3), Programme.valueOf(rs.getString(4)),
                rs.getInt(5), Money.ofFen(rs.getLong(6)), rs.getString(7), rs.getString(8),
                rs.getObject(9, OffsetDateTime.class).toInstant());
    }
}
