package org.bangfu.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.bangfu.dashboard.Overview.FieldWork;
import org.bangfu.dashboard.Overview.Funds;
import org.bangfu.dashboard.Overview.MoneyFigures;
import org.bangfu.dashboard.Overview.MonthMoney;
import org.bangfu.dashboard.Overview.MonthTrend;
import org.bangfu.dashboard.Overview.Overdue;
import org.bangfu.dashboard.Overview.PlaceLoad;
import org.bangfu.dashboard.Overview.PlaceMoney;
import org.bangfu.dashboard.Overview.Share;
import org.bangfu.dashboard.Overview.StageFigure;
import org.bangfu.dashboard.Overview.StageRow;
import org.bangfu.dashboard.Overview.StageTable;
import org.bangfu.dashboard.Overview.StepLoad;
import org.bangfu.dashboard.Overview.TeamFieldWork;
import org.bangfu.dashboard.Overview.Waiting;
import org.bangfu.dashboard.ProcessMap.StepHeat;
import org.bangfu.funds.FundLedger.Balance;
import org.bangfu.funds.FundLedger.Kind;
import org.bangfu.funds.FundLedger.Totals;
import org.bangfu.household.HouseholdScope;
import org.bangfu.household.HouseholdStage;
import org.bangfu.organisation.Organisation;
import org.bangfu.organisation.Street;
import org.bangfu.organisation.Team;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.Money;
import org.bangfu.shared.Role;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The leadership dashboard's figures, from its read model only (never the engine's history): the whole district for
 * the leadership, the district and administrators; a street officer's street; a team's own households. A filter
 * asking beyond the reader's scope is narrowed to it.
 */
@Service
public class Dashboard {

    private static final int LONGEST_WAITING = 10;

    private final JdbcClient jdbc;
    private final Organisation organisation;
    private final RepositoryService repository;
    private final DashboardRebuild rebuild;
    private final Clock clock;
    private final int soonDays;

    Dashboard(JdbcClient jdbc, Organisation organisation, RepositoryService repository, DashboardRebuild rebuild,
            Clock clock, @Value("${bangfu.dashboard.due-soon-days:7}") int soonDays) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.repository = repository;
        this.rebuild = rebuild;
        this.clock = clock;
        this.soonDays = soonDays;
    }

    /** From the first of January to today, in the reader's scope. */
    public DashboardFilter defaultFilter() {
        return DashboardFilter.thisYear(LocalDate.now(clock));
    }

    @Transactional(readOnly = true)
    public Overview overview(DashboardFilter requested) {
        DashboardFilter filter = scoped(requested);
        LocalDate today = LocalDate.now(clock);
        Where where = new Where(filter);
        Map<Long, String> streets = organisation.streets().stream().collect(Collectors.toMap(Street::id, Street::name));
        Map<Long, String> teams = organisation.teams().stream().collect(Collectors.toMap(Team::id, Team::name));

        // a key whose households all moved on keeps its row at zero: not a row of the tables
        List<Object[]> counts = jdbc.sql("select street_id, team_id, stage, sum(households) from bf_dash_count where "
                + where.sql + " and households <> 0 group by street_id, team_id, stage").params(where.params)
                .query((rs, n) -> new Object[] { rs.getLong(1), rs.getLong(2), HouseholdStage.valueOf(rs.getString(3)),
                        rs.getLong(4) }).list();
        Map<HouseholdStage, long[]> flows = new EnumMap<>(HouseholdStage.class);
        jdbc.sql("select stage, sum(entered), sum(departed) from (" + where.overPeriod("bf_dash_flow", "flow_day",
                "bf_dash_flow_month", "flow_month", "stage, entered, departed") + ") f group by stage")
                .params(where.overPeriodParams())
                .query((rs, n) -> flows.put(HouseholdStage.valueOf(rs.getString(1)),
                        new long[] { rs.getLong(2), rs.getLong(3) })).list();
        List<StageFigure> stages = new ArrayList<>();
        for (HouseholdStage stage : HouseholdStage.values()) {
            long now = counts.stream().filter(c -> c[2] == stage).mapToLong(c -> (Long) c[3]).sum();
            long[] flow = flows.getOrDefault(stage, new long[2]);
            stages.add(new StageFigure(stage, now, flow[0], flow[1]));
        }
        Map<YearMonth, Map<Milestone, Long>> milestones = milestones(where);
        return new Overview(filter, today, stages.stream().mapToLong(StageFigure::households).sum(), stages,
                table(counts, 0, streets), table(counts, 1, teams), overdue(where, today, streets, teams),
                fieldWork(where, today, teams, milestones), funds(where, filter, streets, teams),
                shares("attribute", where), shares("main_cause", where), trends(where, filter, milestones));
    }

    /** The processes a map can be drawn of: the latest version of each deployed one. */
    @Transactional(readOnly = true)
    public List<ProcessMap.Process> processes() {
        readerScope();
        return repository.createProcessDefinitionQuery().latestVersion().orderByProcessDefinitionKey().asc().list()
                .stream().map(d -> new ProcessMap.Process(d.getKey(), d.getName() == null ? d.getKey() : d.getName()))
                .toList();
    }

    /** The load of each step of a process, in the reader's scope. */
    @Transactional(readOnly = true)
    public ProcessMap processMap(String processKey, DashboardFilter requested) {
        DashboardFilter filter = scoped(requested);
        ProcessDefinition definition = latest(processKey);
        Where where = new Where(filter);
        List<StepLoad> loads = stepLoads(" process_key = ? and " + where.sql, prepend(processKey, where.params),
                LocalDate.now(clock));
        long busiest = loads.stream().mapToLong(StepLoad::waiting).max().orElse(0);
        return new ProcessMap(processKey, definition.getName() == null ? processKey : definition.getName(), filter,
                loads.stream().map(l -> new StepHeat(l, busiest == 0 ? 0 : (double) l.waiting() / busiest)).toList());
    }

    /** The BPMN XML of a process's latest version, for the map's drawing. */
    @Transactional(readOnly = true)
    public String diagram(String processKey) {
        readerScope();
        ProcessDefinition definition = latest(processKey);
        try (InputStream in = repository.getResourceAsStream(definition.getDeploymentId(), definition.getResourceName());
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rebuilds the read model from scratch (the district or an administrator); answers how long it took (ms). */
    public long rebuild() {
        CurrentUser.requireRole(Role.DISTRICT, Role.ADMIN);
        return rebuild.rebuild();
    }

    // ---- the figures ----------------------------------------------------------------------------------------

    private StageTable table(List<Object[]> counts, int column, Map<Long, String> names) {
        Map<Long, Map<HouseholdStage, Long>> rows = new TreeMap<>();
        Map<HouseholdStage, Long> total = new EnumMap<>(HouseholdStage.class);
        for (Object[] c : counts) {
            long id = (Long) c[column];
            rows.computeIfAbsent(id, k -> new EnumMap<>(HouseholdStage.class)).merge((HouseholdStage) c[2], (Long) c[3],
                    Long::sum);
            total.merge((HouseholdStage) c[2], (Long) c[3], Long::sum);
        }
        List<StageRow> result = new ArrayList<>();
        rows.forEach((id, byStage) -> result.add(new StageRow(id, names.get(id), byStage, sum(byStage))));
        result.sort((a, b) -> compareNames(a.name(), b.name()));
        return new StageTable(result, new StageRow(null, null, total, sum(total)));
    }

    private Overdue overdue(Where where, LocalDate today, Map<Long, String> streets, Map<Long, String> teams) {
        List<StepLoad> steps = stepLoads(where.sql, where.params, today);
        List<PlaceLoad> byStreet = placeLoads("street_id", where, today, streets);
        List<PlaceLoad> byTeam = placeLoads("team_id", where, today, teams);
        List<Waiting> longest = jdbc.sql("""
                select s.household_id, h.head_name, s.process_key, s.task_key, s.created_at, s.due_on
                  from bf_dash_step s join bf_dash_household h on h.household_id = s.household_id
                 where\s""" + where.on("s") + " order by s.created_at, s.task_id fetch first " + LONGEST_WAITING
                + " rows only").params(where.params)
                .query((rs, n) -> {
                    Instant since = rs.getObject(5, OffsetDateTime.class).toInstant();
                    LocalDate due = rs.getObject(6, LocalDate.class);
                    return new Waiting(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            LocalDate.ofInstant(since, clock.getZone()), due,
                            Duration.between(since, clock.instant()).toDays(), due.isBefore(today));
                }).list();
        return new Overdue(steps.stream().mapToLong(StepLoad::waiting).sum(),
                steps.stream().mapToLong(StepLoad::overdue).sum(), steps, byStreet, byTeam, longest);
    }

    /** The steps' counts (condition on the columns both step tables have), and each step's median wait. */
    private List<StepLoad> stepLoads(String condition, List<Object> params, LocalDate today) {
        Instant now = clock.instant();
        List<Object[]> counts = jdbc.sql("""
                select process_key, task_key, sum(waiting), sum(case when due_on < ? then waiting else 0 end)
                  from bf_dash_step_count where\s""" + condition
                + " group by process_key, task_key having sum(waiting) > 0 order by process_key, task_key")
                .params(prepend(today, params))
                .query((rs, n) -> new Object[] { rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4) }).list();
        List<StepLoad> loads = new ArrayList<>();
        for (Object[] c : counts) {
            Instant median = median((String) c[0], (String) c[1], (Long) c[2], condition, params);
            loads.add(new StepLoad((String) c[0], (String) c[1], (Long) c[2], (Long) c[3],
                    Math.round(Duration.between(median, now).toHours() / 24.0 * 10) / 10.0));
        }
        return loads;
    }

    /**
     * When the middle one of a step's waiting cases began, as {@code percentile_disc(0.5)} picks it: the
     * {@code ceil(n / 2)}-th oldest, read from the index in order of waiting rather than sorting them all.
     */
    private Instant median(String processKey, String taskKey, long waiting, String condition, List<Object> params) {
        List<Object> all = prepend(List.of(processKey, taskKey), params);
        all.add((waiting + 1) / 2 - 1);
        return jdbc.sql("select created_at from bf_dash_step where process_key = ? and task_key = ? and " + condition
                + " order by created_at offset ? rows fetch next 1 rows only").params(all)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).single();
    }

    private List<PlaceLoad> placeLoads(String column, Where where, LocalDate today, Map<Long, String> names) {
        List<PlaceLoad> loads = new ArrayList<>(jdbc.sql("select " + column + ", sum(waiting), sum(case when due_on < ? "
                + "then waiting else 0 end) from bf_dash_step_count where " + where.sql + " group by " + column
                + " having sum(waiting) > 0")
                .params(prepend(today, where.params))
                .query((rs, n) -> new PlaceLoad(rs.getLong(1), names.get(rs.getLong(1)), rs.getLong(2), rs.getLong(3)))
                .list());
        loads.sort((a, b) -> compareNames(a.name(), b.name()));
        return loads;
    }

    private FieldWork fieldWork(Where where, LocalDate today, Map<Long, String> teams,
            Map<YearMonth, Map<Milestone, Long>> milestones) {
        Map<Long, long[]> byTeam = new TreeMap<>();
        LocalDate soon = today.plusDays(soonDays);
        jdbc.sql("""
                select team_id, due_kind, sum(case when due_on < ? then households else 0 end),
                       sum(case when due_on >= ? and due_on <= ? then households else 0 end)
                  from bf_dash_due where households <> 0 and\s""" + where.sql + " group by team_id, due_kind")
                .params(prepend(List.of(today, today, soon), where.params))
                .query((rs, n) -> {
                    long[] figures = byTeam.computeIfAbsent(rs.getLong(1), k -> new long[4]);
                    int offset = "VISIT".equals(rs.getString(2)) ? 0 : 2;
                    figures[offset] += rs.getLong(4);
                    figures[offset + 1] += rs.getLong(3);
                    return null;
                }).list();
        List<TeamFieldWork> rows = new ArrayList<>();
        long[] total = new long[4];
        byTeam.forEach((id, f) -> {
            rows.add(new TeamFieldWork(id, teams.get(id), f[0], f[1], f[2], f[3]));
            for (int i = 0; i < 4; i++) {
                total[i] += f[i];
            }
        });
        rows.sort((a, b) -> compareNames(a.name(), b.name()));
        long proposed = jdbc.sql("select coalesce(sum(proposed), 0) from bf_dash_exit where proposed_day between ? and ? and "
                + where.sql).params(where.withPeriod()).query(Long.class).single();
        long exited = milestones.values().stream().mapToLong(m -> m.getOrDefault(Milestone.EXITED, 0L)).sum();
        return new FieldWork(soonDays, rows, new TeamFieldWork(null, null, total[0], total[1], total[2], total[3]),
                proposed, exited);
    }

    private Funds funds(Where where, DashboardFilter filter, Map<Long, String> streets, Map<Long, String> teams) {
        int year = filter.to().getYear();
        List<Object[]> sums = jdbc.sql("select street_id, team_id, kind, sum(amount_fen) from bf_dash_money "
                + "where budget_year = ? and " + where.sql + " group by street_id, team_id, kind")
                .params(prepend(year, where.params))
                .query((rs, n) -> new Object[] { rs.getLong(1), rs.getLong(2), Kind.valueOf(rs.getString(3)),
                        rs.getLong(4) }).list();
        Map<YearMonth, Map<Kind, Long>> months = new TreeMap<>();
        jdbc.sql("select entry_month, kind, sum(amount_fen) from bf_dash_money where entry_month between ? and ? and "
                + where.sql + " group by entry_month, kind")
                .params(prepend(List.of(filter.from().withDayOfMonth(1), filter.to()), where.params))
                .query((rs, n) -> months.computeIfAbsent(YearMonth.from(rs.getObject(1, LocalDate.class)),
                        k -> new EnumMap<>(Kind.class)).merge(Kind.valueOf(rs.getString(2)), rs.getLong(3), Long::sum))
                .list();
        List<MonthMoney> byMonth = new ArrayList<>();
        for (YearMonth m = YearMonth.from(filter.from()); !m.isAfter(YearMonth.from(filter.to())); m = m.plusMonths(1)) {
            Map<Kind, Long> k = months.getOrDefault(m, Map.of());
            byMonth.add(new MonthMoney(m, fen(k.getOrDefault(Kind.REQUESTED, 0L) - k.getOrDefault(Kind.REVERSED, 0L)),
                    fen(k.getOrDefault(Kind.APPROVED, 0L)), fen(k.getOrDefault(Kind.PAID, 0L))));
        }
        return new Funds(year, figures(sums), places(sums, 0, streets), places(sums, 1, teams), byMonth);
    }

    private List<PlaceMoney> places(List<Object[]> sums, int column, Map<Long, String> names) {
        List<PlaceMoney> places = new ArrayList<>();
        sums.stream().map(s -> (Long) s[column]).distinct().forEach(id -> places.add(new PlaceMoney(id, names.get(id),
                figures(sums.stream().filter(s -> s[column].equals(id)).toList()))));
        places.sort((a, b) -> compareNames(a.name(), b.name()));
        return places;
    }

    private static MoneyFigures figures(List<Object[]> sums) {
        Map<Kind, Money> byKind = new EnumMap<>(Kind.class);
        Map<Kind, Long> fen = new EnumMap<>(Kind.class);
        for (Object[] s : sums) {
            fen.merge((Kind) s[2], (Long) s[3], Long::sum);
        }
        fen.forEach((kind, amount) -> byKind.put(kind, Money.ofFen(Math.max(0, amount))));
        Balance balance = new Totals(byKind).balance();
        return new MoneyFigures(balance.arranged(),
                Money.ofFen(Math.max(0, fen.getOrDefault(Kind.REQUESTED, 0L) - fen.getOrDefault(Kind.REVERSED, 0L))),
                Money.ofFen(Math.max(0, fen.getOrDefault(Kind.APPROVED, 0L))), balance.paid(), balance.remaining(),
                balance.inApproval(), balance.awaitingPayment());
    }

    private List<Share> shares(String column, Where where) {
        return jdbc.sql("select " + column + ", sum(households) from bf_dash_count where " + where.sql
                + " and households <> 0 group by " + column + " order by "
                + column)
                .params(where.params).query((rs, n) -> new Share(rs.getString(1), rs.getLong(2))).list()
                .stream().filter(s -> s.households() > 0).toList();
    }

    private List<MonthTrend> trends(Where where, DashboardFilter filter, Map<YearMonth, Map<Milestone, Long>> milestones) {
        Map<YearMonth, Long> paid = new TreeMap<>();
        jdbc.sql("select entry_month, sum(amount_fen) from bf_dash_money where kind = 'PAID' and entry_month between ? "
                + "and ? and " + where.sql + " group by entry_month")
                .params(prepend(List.of(filter.from().withDayOfMonth(1), filter.to()), where.params))
                .query((rs, n) -> paid.merge(YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getLong(2), Long::sum))
                .list();
        List<MonthTrend> trends = new ArrayList<>();
        for (YearMonth m = YearMonth.from(filter.from()); !m.isAfter(YearMonth.from(filter.to())); m = m.plusMonths(1)) {
            Map<Milestone, Long> reached = milestones.getOrDefault(m, Map.of());
            trends.add(new MonthTrend(m, reached.getOrDefault(Milestone.CASE_STARTED, 0L),
                    reached.getOrDefault(Milestone.FILED, 0L), reached.getOrDefault(Milestone.PAIRED, 0L),
                    reached.getOrDefault(Milestone.EXITED, 0L), fen(paid.getOrDefault(m, 0L))));
        }
        return trends;
    }

    /** The milestones reached in the period, by month. */
    private Map<YearMonth, Map<Milestone, Long>> milestones(Where where) {
        Map<YearMonth, Map<Milestone, Long>> byMonth = new TreeMap<>();
        jdbc.sql("select milestone_day, milestone, sum(households) from (" + where.overPeriod("bf_dash_milestone",
                "milestone_day", "bf_dash_milestone_month", "milestone_month", "milestone, households")
                + ") m group by milestone_day, milestone").params(where.overPeriodParams())
                .query((rs, n) -> byMonth.computeIfAbsent(YearMonth.from(rs.getObject(1, LocalDate.class)),
                        k -> new EnumMap<>(Milestone.class)).merge(Milestone.valueOf(rs.getString(2)), rs.getLong(3),
                                Long::sum))
                .list();
        return byMonth;
    }

    // ---- scope and conditions -----------------------------------------------------------------------------

    /** The filter narrowed to what the reader may see. */
    DashboardFilter scoped(DashboardFilter filter) {
        HouseholdScope scope = readerScope();
        return switch (scope.kind()) {
            case STREET -> filter.scopedTo(scope.id(), filter.teamId());
            case TEAM -> filter.scopedTo(filter.streetId(), scope.id());
            default -> filter;
        };
    }

    private HouseholdScope readerScope() {
        HouseholdScope scope = HouseholdScope.of(CurrentUser.require());
        if (scope.kind() == HouseholdScope.Kind.NONE) {
            throw new AccessDeniedException("the dashboard is for the district, streets and teams");
        }
        return scope;
    }

    private ProcessDefinition latest(String processKey) {
        return Optional.ofNullable(repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult()).orElseThrow(() -> new UnknownProcess(processKey));
    }

    /** The street and team conditions of a filter, on the counting tables' columns. */
    private static final class Where {

        final String sql;
        final List<Object> params = new ArrayList<>();
        private final DashboardFilter filter;

        Where(DashboardFilter filter) {
            this.filter = filter;
            this.sql = on(null);
            if (filter.streetId() != null) {
                params.add(filter.streetId());
            }
            if (filter.teamId() != null) {
                params.add(filter.teamId());
            }
        }

        String on(String alias) {
            String prefix = alias == null ? "" : alias + ".";
            List<String> conditions = new ArrayList<>(List.of("1 = 1"));
            if (filter.streetId() != null) {
                conditions.add(prefix + "street_id = ?");
            }
            if (filter.teamId() != null) {
                conditions.add(prefix + "team_id = ?");
            }
            return String.join(" and ", conditions);
        }

        List<Object> withPeriod() {
            return prepend(List.of(filter.from(), filter.to()), params);
        }

        /**
         * The rows of a daily counter in the period, its whole months read from the monthly counter (their day is
         * the month's first): the months from {@code firstMonth} to before {@code endMonth}, and the days outside them.
         */
        String overPeriod(String daily, String day, String monthly, String month, String columns) {
            return "select " + month + " as " + day + ", " + columns + " from " + monthly + " where " + month
                    + " >= ? and " + month + " < ? and " + sql + " union all select " + day + ", " + columns + " from "
                    + daily + " where " + day + " between ? and ? and (" + day + " < ? or " + day + " >= ?) and " + sql;
        }

        List<Object> overPeriodParams() {
            LocalDate firstMonth = filter.from().getDayOfMonth() == 1 ? filter.from()
                    : filter.from().withDayOfMonth(1).plusMonths(1);
            LocalDate endMonth = filter.to().plusDays(1).withDayOfMonth(1);
            List<Object> all = prepend(List.of(firstMonth, endMonth), params);
            all.addAll(List.of(filter.from(), filter.to(), firstMonth, endMonth));
            all.addAll(params);
            return all;
        }
    }

    private static List<Object> prepend(Object first, List<Object> rest) {
        List<Object> all = new ArrayList<>();
        if (first instanceof List<?> many) {
            all.addAll(many);
        } else {
            all.add(first);
        }
        all.addAll(rest);
        return all;
    }

    private static long sum(Map<HouseholdStage, Long> byStage) {
        return byStage.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Money fen(long fen) {
        return Money.ofFen(Math.max(0, fen));
    }

    /** Names in the reader's order; a row without a name (no team yet) last. */
    private static int compareNames(String a, String b) {
        return a == null ? (b == null ? 0 : 1) : b == null ? -1 : a.compareTo(b);
    }
}
