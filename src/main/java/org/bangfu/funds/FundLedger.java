package org.bangfu.funds;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;

import org.bangfu.audit.AuditAction;
import org.bangfu.audit.AuditEntry.Outcome;
import org.bangfu.audit.AuditLog;
import org.bangfu.audit.AuditText;
import org.bangfu.household.HouseholdFile;
import org.bangfu.household.HouseholdNotFound;
import org.bangfu.household.HouseholdScope;
import org.bangfu.household.Households;
import org.bangfu.shared.BureauTime;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.Role;
import org.bangfu.shared.SignedInUser;
import org.bangfu.shared.Money;
import org.bangfu.shared.People;
import org.bangfu.shared.Texts;
import org.bangfu.shared.Where;
import org.bangfu.shared.Workbooks;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The funds ledger (资金台账): append-only entries per household with its street, team, year and programme; every
 * balance is a sum of entries, never a stored figure. An entry keeps the team of its time, but counts (per-team
 * balances, the team filter, the replay for read models) under the household's team of now: a household moved to
 * another team takes its money along.
 */
@Service
public class FundLedger {

    /** What an entry records. ARRANGED carries the change of an arrangement, negative when it was lowered. */
    public enum Kind {
        ARRANGED, REQUESTED, APPROVED, PAID, FAILED, REVERSED
    }

    /** The sums of entries (a household's, a team's, the district's) for a year, by kind. */
    public record Totals(Map<Kind, Money> byKind) {

        public Money of(Kind kind) {
            return byKind.getOrDefault(kind, Money.ZERO);
        }

        /** Where the money stands, from the entries alone. */
        public Balance balance() {
            long arranged = fen(Kind.ARRANGED);
            long requested = fen(Kind.REQUESTED);
            long reversed = fen(Kind.REVERSED);
            long approved = fen(Kind.APPROVED);
            long paid = fen(Kind.PAID);
            long failed = fen(Kind.FAILED);
            return new Balance(Money.ofFen(Math.max(0, arranged)),
                    Money.ofFen(Math.max(0, requested - reversed - approved)),
                    Money.ofFen(Math.max(0, approved - paid - failed)), Money.ofFen(paid),
                    Money.ofFen(Math.max(0, arranged - requested + reversed + failed)));
        }

        private long fen(Kind kind) {
            return of(kind).fen();
        }
    }

    /**
     * Arranged; asked for and awaiting approval; approved and awaiting the bank; paid (released); and what is
     * left to ask for.
     */
    public record Balance(Money arranged, Money inApproval, Money awaitingPayment, Money paid, Money remaining) {
    }

    /** One entry as the ledger view shows it; the amount in yuan, negative for an arrangement lowered. */
    public record Entry(long id, long householdId, String fileNo, String headName, String streetName, String teamName,
            int year, Programme programme, Kind kind, String amount, Long requestId, String note, String recordedBy,
            Instant recordedAt) {
    }

    /** Which entries a ledger view shows; null means any. */
    public record Filter(Integer year, Long streetId, Long teamId, Long householdId, Kind kind) {

        public static Filter year(int year) {
            return new Filter(year, null, null, null, null);
        }
    }

    /** A team's balance of a year (the district's total has no team). */
    public record TeamBalance(Long teamId, String teamName, String streetName, int households, Balance balance) {
    }

    private final JdbcClient jdbc;
    private final Households households;
    private final Clock clock;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final People people;

    FundLedger(JdbcClient jdbc, Households households, AuditLog audit, ApplicationEventPublisher events, Clock clock,
            People people) {
        this.people = people;
        this.audit = audit;
        this.jdbc = jdbc;
        this.households = households;
        this.events = events;
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
        Instant now = clock.instant();
        jdbc.sql("""
                insert into bf_fund_ledger (household_id, street_id, team_id, budget_year, programme, kind, amount_fen,
                    budget_id, request_id, note, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(holder.householdId(), holder.streetId(), holder.teamId(), year, programme.name(), kind.name(),
                        amountFen, budgetId, requestId, note, recordedBy, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
        events.publishEvent(new LedgerEntryRecorded(holder.householdId(), holder.streetId(), holder.teamId(), year, kind,
                amountFen, now));
    }

    /**
     * Every entry again, oldest first, under the household's team of now, for a read model that is rebuilt (the
     * district, an administrator, the system).
     */
    @Transactional(readOnly = true)
    public void replay(Consumer<LedgerEntryRecorded> entries) {
        CurrentUser.requireRole(Role.DISTRICT, Role.ADMIN);
        jdbc.sql("""
                select l.household_id, l.street_id, h.team_id, l.budget_year, l.kind, l.amount_fen, l.recorded_at
                  from bf_fund_ledger l join bf_household h on h.id = l.household_id
                 order by l.id""")
                .query((rs, n) -> new LedgerEntryRecorded(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class),
                        rs.getInt(4), Kind.valueOf(rs.getString(5)), rs.getLong(6),
                        rs.getObject(7, OffsetDateTime.class).toInstant()))
                .stream().forEach(entries);
    }

    /** What is left of the household's arrangement for the year and programme. Read under the caller's lock. */
    Money remaining(long householdId, int year, Programme programme) {
        return sums("household_id = ? and budget_year = ? and programme = ?", householdId, year, programme.name())
                .balance().remaining();
    }

    /** The sums by kind of the entries that meet the condition. */
    private Totals sums(String condition, Object... params) {
        Map<Kind, Money> byKind = new EnumMap<>(Kind.class);
        jdbc.sql("select kind, sum(amount_fen) from bf_fund_ledger where " + condition + " group by kind")
                .params(params)
                .query((rs, n) -> byKind.put(Kind.valueOf(rs.getString(1)), Money.ofFen(rs.getLong(2)))).list();
        return new Totals(byKind);
    }

    // ---- the ledger view ------------------------------------------------------------------------------

    private static final String ENTRIES = """
            select l.id, l.household_id, h.head_name, s.name, t.name, l.budget_year, l.programme, l.kind, l.amount_fen,
                   l.request_id, l.note, l.recorded_by, l.recorded_at
              from bf_fund_ledger l
              join bf_household h on h.id = l.household_id
              join bf_street s on s.id = l.street_id
              left join bf_team t on t.id = h.team_id
             where\s""";

    private Where where(Filter filter) {
        HouseholdScope scope = HouseholdScope.of(CurrentUser.require());
        return Where.of(scope.condition(), scope.parameters())
                .andIfGiven("l.budget_year = ?", filter.year())
                .andIfGiven("l.street_id = ?", filter.streetId())
                .andIfGiven("h.team_id = ?", filter.teamId())
                .andIfGiven("l.household_id = ?", filter.householdId())
                .andIfGiven("l.kind = ?", filter.kind() == null ? null : filter.kind().name());
    }

    /** Entries in the caller's scope, newest first. */
    @Transactional(readOnly = true)
    public List<Entry> entries(Filter filter, int offset, int limit) {
        Where query = where(filter);
        return jdbc.sql(ENTRIES + query.sql() + " order by l.id desc offset ? rows fetch next ? rows only")
                .params(query.paramsThen(Math.max(0, offset), Math.max(1, Math.min(limit, 1000)))).query(FundLedger::entry).list();
    }

    @Transactional(readOnly = true)
    public int count(Filter filter) {
        Where query = where(filter);
        return jdbc.sql("select count(*) from bf_fund_ledger l join bf_household h on h.id = l.household_id where "
                + query.sql()).params(query.params()).query(Integer.class).single();
    }

    /** The sum of the filter's entries' amounts (of one kind, for a meaningful sum). */
    @Transactional(readOnly = true)
    public Money sum(Filter filter) {
        Where query = where(filter);
        long fen = jdbc.sql("select coalesce(sum(l.amount_fen), 0) from bf_fund_ledger l join bf_household h on "
                + "h.id = l.household_id where " + query.sql()).params(query.params()).query(Long.class).single();
        return fen < 0 ? Money.ofFen(0) : Money.ofFen(fen);
    }

    /** The entries of the filter as a workbook, oldest first (at most 100,000 rows); audited. */
    @Transactional(readOnly = true)
    public byte[] export(Filter filter, Texts texts) {
        Function<String, String> label = texts::get;
        Where query = where(filter);
        List<String[]> rows = new ArrayList<>();
        List<Entry> entries = jdbc.sql(ENTRIES + query.sql() + " order by l.id fetch first 100000 rows only")
                .params(query.params()).query(FundLedger::entry).list();
        People.Known recorders = people.find(entries.stream().map(Entry::recordedBy).distinct().toList());
        entries.forEach(e -> rows.add(new String[] { BureauTime.time(e.recordedAt()), e.fileNo(), e.headName(),
                        e.streetName(), e.teamName(), String.valueOf(e.year()),
                        label.apply("funds.programme." + e.programme().name()),
                        label.apply("funds.kind." + e.kind().name()), e.amount(), e.note(),
                        recorders.shown(e.recordedBy(), texts) }));
        List<String> header = Stream.of("time", "fileNo", "head", "street", "team", "year", "programme", "kind",
                "amount", "note", "recordedBy").map(column -> label.apply("funds.ledger.column." + column)).toList();
        SignedInUser user = CurrentUser.require();
        audit.record(user.getUsername(), AuditAction.FUND_LEDGER_EXPORTED, AuditText.of("funds.ledger"), null,
                Outcome.SUCCESS, AuditText.of("audit.detail.entries", rows.size()));
        return Workbooks.textTable(label.apply("funds.ledger"), header, rows);
    }

    /** Each team's balance of the year in the caller's scope, then the total (teamId null) of them all. */
    @Transactional(readOnly = true)
    public List<TeamBalance> teams(int year) {
        Where query = where(Filter.year(year));
        Map<Long, Map<Kind, Money>> byTeam = new LinkedHashMap<>();
        Map<Long, String[]> names = new HashMap<>();
        Map<Long, Integer> households = new HashMap<>();
        jdbc.sql("""
                select h.team_id, t.name, s.name, l.kind, sum(l.amount_fen), count(distinct l.household_id)
                  from bf_fund_ledger l join bf_household h on h.id = l.household_id
                  left join bf_team t on t.id = h.team_id left join bf_street s on s.id = t.street_id
                 where\s""" + query.sql() + " group by h.team_id, t.name, s.name, l.kind order by s.name, t.name")
                .params(query.params()).query((rs, n) -> {
                    Long team = rs.getObject(1, Long.class);
                    byTeam.computeIfAbsent(team, k -> new EnumMap<>(Kind.class))
                            .put(Kind.valueOf(rs.getString(4)), Money.ofFen(rs.getLong(5)));
                    names.put(team, new String[] { rs.getString(2), rs.getString(3) });
                    households.merge(team, rs.getInt(6), Math::max);
                    return team;
                }).list();
        List<TeamBalance> teams = new ArrayList<>();
        byTeam.forEach((team, kinds) -> teams.add(new TeamBalance(team, names.get(team)[0], names.get(team)[1],
                households.get(team), new Totals(kinds).balance())));
        Map<Kind, Money> all = new EnumMap<>(Kind.class);
        byTeam.values().forEach(kinds -> kinds.forEach((kind, money) -> all.merge(kind, money, FundLedger::sum)));
        int allHouseholds = jdbc.sql("select count(distinct l.household_id) from bf_fund_ledger l join bf_household h"
                + " on h.id = l.household_id where " + query.sql()).params(query.params()).query(Integer.class)
                .single();
        teams.add(new TeamBalance(null, null, null, allHouseholds, new Totals(all).balance()));
        return teams;
    }

    private static Money sum(Money a, Money b) {
        return Money.ofFen(a.fen() + b.fen());
    }

    private static Entry entry(ResultSet rs, int n) throws SQLException {
        return new Entry(rs.getLong(1), rs.getLong(2), Households.fileNo(rs.getLong(2)), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getInt(6), Programme.valueOf(rs.getString(7)),
                Kind.valueOf(rs.getString(8)), BigDecimal.valueOf(rs.getLong(9), 2).toPlainString(),
                rs.getObject(10, Long.class), rs.getString(11), rs.getString(12),
                rs.getObject(13, OffsetDateTime.class).toInstant());
    }

    /** A household's totals for a year, if the caller may see the household. */
    @Transactional(readOnly = true)
    public Totals totals(long householdId, int year) {
        households.find(householdId).orElseThrow(() -> new HouseholdNotFound(householdId));
        return sums("household_id = ? and budget_year = ?", householdId, year);
    }
}
