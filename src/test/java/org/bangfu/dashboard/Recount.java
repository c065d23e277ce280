package org.bangfu.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
import org.bangfu.household.HouseholdStage;
import org.bangfu.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard's figures counted the slow way, straight from the modules' own tables (files and their history, the
 * task list, the ledger, visits, schedules, exits), for the tests to hold the read model against.
 */
final class Recount {

    private final JdbcClient jdbc;
    private final ZoneId zone;
    private final Map<Long, String> streets = new HashMap<>();
    private final Map<Long, String> teams = new HashMap<>();

    Recount(JdbcClient jdbc, ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
        jdbc.sql("select id, name from bf_street").query((rs, n) -> streets.put(rs.getLong(1), rs.getString(2))).list();
        jdbc.sql("select id, name from bf_team").query((rs, n) -> teams.put(rs.getLong(1), rs.getString(2))).list();
    }

    private record House(long id, String head, long street, long team, HouseholdStage stage, String attribute,
            String cause) {
    }

    Overview overview(DashboardFilter f, LocalDate today, int soonDays) {
        List<House> houses = jdbc.sql("select id, head_name, street_id, team_id, stage, attribute, main_cause from bf_household")
                .query((rs, n) -> new House(rs.getLong(1), rs.getString(2), rs.getLong(3), team(rs.getObject(4, Long.class)),
                        HouseholdStage.valueOf(rs.getString(5)), rs.getString(6),
                        rs.getString(7) == null ? "" : rs.getString(7)))
                .list().stream().filter(h -> in(f, h.street(), h.team())).toList();
        Map<Long, House> byId = new HashMap<>();
        houses.forEach(h -> byId.put(h.id(), h));

        Map<HouseholdStage, long[]> flows = new EnumMap<>(HouseholdStage.class);
        Map<YearMonth, Map<Milestone, Long>> milestones = new TreeMap<>();
        history(f, (day, from, to) -> {
            flows.computeIfAbsent(to, k -> new long[2])[0]++;
            if (from != null) {
                flows.computeIfAbsent(from, k -> new long[2])[1]++;
            }
            Milestone.of(from, to).ifPresent(m -> milestones.computeIfAbsent(YearMonth.from(day),
                    k -> new EnumMap<>(Milestone.class)).merge(m, 1L, Long::sum));
        });
        List<StageFigure> stages = new ArrayList<>();
        for (HouseholdStage stage : HouseholdStage.values()) {
            long[] flow = flows.getOrDefault(stage, new long[2]);
            stages.add(new StageFigure(stage, houses.stream().filter(h -> h.stage() == stage).count(), flow[0], flow[1]));
        }
        return new Overview(f, today, houses.size(), stages, table(houses, true), table(houses, false),
                overdue(f, today, byId), fieldWork(f, today, soonDays, houses, milestones), funds(f),
                shares(houses, House::attribute), shares(houses, House::cause), trends(f, milestones));
    }

    private boolean in(DashboardFilter f, long street, long team) {
        return (f.streetId() == null || f.streetId() == street) && (f.teamId() == null || f.teamId() == team);
    }

    private static long team(Long team) {
        return team == null ? 0 : team;
    }

    private interface Move {
        void at(LocalDate day, HouseholdStage from, HouseholdStage to);
    }

    /** Every stage change in the period by the street and team the household had at the time. */
    private void history(DashboardFilter f, Move move) {
        record Line(long household, String kind, String field, String old, String now, Instant at, long street, Long team) {
        }
        Map<Long, List<Line>> lines = new TreeMap<>();
        jdbc.sql("""
                select c.household_id, c.kind, c.field, c.old_value, c.new_value, c.occurred_at, h.street_id, h.team_id
                  from bf_household_change c join bf_household h on h.id = c.household_id
                 order by c.occurred_at, c.id""")
                .query((rs, n) -> new Line(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getLong(7),
                        rs.getObject(8, Long.class)))
                .list().forEach(l -> lines.computeIfAbsent(l.household(), k -> new ArrayList<>()).add(l));
        lines.values().forEach(household -> {
            long street = household.get(0).street();
            Long team = household.get(0).team();
            for (Line l : household) {
                if ("streetId".equals(l.field())) {
                    street = Long.parseLong(l.old());
                    break;
                }
            }
            for (Line l : household) {
                if ("teamId".equals(l.field())) {
                    team = l.old() == null ? null : Long.valueOf(l.old());
                    break;
                }
            }
            for (Line l : household) {
                LocalDate day = LocalDate.ofInstant(l.at(), zone);
                boolean counted = !day.isBefore(f.from()) && !day.isAfter(f.to()) && in(f, street, team(team));
                if (l.kind().equals("CREATED") && counted) {
                    move.at(day, null, HouseholdStage.IDENTIFICATION);
                } else if (l.kind().equals("STAGE_CHANGED") && counted) {
                    move.at(day, HouseholdStage.valueOf(l.old()), HouseholdStage.valueOf(l.now()));
                } else if ("streetId".equals(l.field())) {
                    street = Long.parseLong(l.now());
                } else if ("teamId".equals(l.field())) {
                    team = l.now() == null ? null : Long.valueOf(l.now());
                }
            }
        });
    }

    private StageTable table(List<House> houses, boolean byStreet) {
        Map<Long, Map<HouseholdStage, Long>> rows = new TreeMap<>();
        Map<HouseholdStage, Long> total = new EnumMap<>(HouseholdStage.class);
        for (House h : houses) {
            rows.computeIfAbsent(byStreet ? h.street() : h.team(), k -> new EnumMap<>(HouseholdStage.class))
                    .merge(h.stage(), 1L, Long::sum);
            total.merge(h.stage(), 1L, Long::sum);
        }
        Map<Long, String> names = byStreet ? streets : teams;
        List<StageRow> result = new ArrayList<>();
        rows.forEach((id, stages) -> result.add(new StageRow(id, names.get(id), stages,
                stages.values().stream().mapToLong(Long::longValue).sum())));
        result.sort(Comparator.comparing(StageRow::name, Comparator.nullsLast(Comparator.naturalOrder())));
        return new StageTable(result, new StageRow(null, null, total, houses.size()));
    }

    private Overdue overdue(DashboardFilter f, LocalDate today, Map<Long, House> houses) {
        record Step(String process, String key, long household, Instant since, LocalDate due, String id) {
        }
        List<Step> steps = jdbc.sql("select process_key, task_key, household_id, created_at, due_on, task_id from bf_task")
                .query((rs, n) -> new Step(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getObject(5, LocalDate.class), rs.getString(6)))
                .list().stream().filter(s -> houses.containsKey(s.household())).toList();
        Map<List<String>, long[]> bySteps = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        Map<Long, long[]> byStreet = new HashMap<>();
        Map<Long, long[]> byTeam = new HashMap<>();
        for (Step s : steps) {
            int late = s.due().isBefore(today) ? 1 : 0;
            add(bySteps.computeIfAbsent(List.of(s.process(), s.key()), k -> new long[2]), late);
            add(byStreet.computeIfAbsent(houses.get(s.household()).street(), k -> new long[2]), late);
            add(byTeam.computeIfAbsent(houses.get(s.household()).team(), k -> new long[2]), late);
        }
        List<StepLoad> loads = new ArrayList<>();
        bySteps.forEach((k, v) -> loads.add(new StepLoad(k.get(0), k.get(1), v[0], v[1], 0)));
        List<Waiting> longest = steps.stream().sorted(Comparator.comparing(Step::since).thenComparing(Step::id)).limit(10)
                .map(s -> new Waiting(s.household(), houses.get(s.household()).head(), s.process(), s.key(),
                        LocalDate.ofInstant(s.since(), zone), s.due(), 0, s.due().isBefore(today)))
                .toList();
        return new Overdue(steps.size(), steps.stream().filter(s -> s.due().isBefore(today)).count(), loads,
                places(byStreet, streets), places(byTeam, teams), longest);
    }

    private static void add(long[] figures, int late) {
        figures[0]++;
        figures[1] += late;
    }

    private static List<PlaceLoad> places(Map<Long, long[]> figures, Map<Long, String> names) {
        List<PlaceLoad> places = new ArrayList<>();
        figures.forEach((id, f) -> places.add(new PlaceLoad(id, names.get(id), f[0], f[1])));
        places.sort(Comparator.comparing(PlaceLoad::name, Comparator.nullsLast(Comparator.naturalOrder())));
        return places;
    }

    private FieldWork fieldWork(DashboardFilter f, LocalDate today, int soonDays, List<House> houses,
            Map<YearMonth, Map<Milestone, Long>> milestones) {
        Map<Long, long[]> byTeam = new TreeMap<>();
        LocalDate soon = today.plusDays(soonDays);
        for (House h : houses) {
            if (h.stage() != HouseholdStage.PLANNING && h.stage() != HouseholdStage.PAIRED) {
                continue;
            }
            LocalDate last = jdbc.sql("select max(visited_on) from bf_visit where household_id = ?").param(h.id())
                    .query(LocalDate.class).optional().orElse(null);
            var schedule = jdbc.sql("select review_interval, due_on from bf_review_schedule where household_id = ?")
                    .param(h.id()).query((rs, n) -> new Object[] { rs.getString(1), rs.getObject(2, LocalDate.class) })
                    .optional();
            String interval = schedule.map(s -> (String) s[0]).orElse(null);
            LocalDate review = schedule.map(s -> (LocalDate) s[1]).orElse(null);
            // unscheduled: the shipped ReviewFrequencyDecision's interval of the household's class
            Period often = interval != null ? Period.parse(interval)
                    : switch (h.attribute()) {
                        case "TEKUN" -> Period.ofMonths(3);
                        case "DIBAO" -> Period.ofMonths(6);
                        default -> Period.ofYears(1);
                    };
            LocalDate visit = last != null ? last.plus(often) : review;
            if (visit != null) {
                long[] t = byTeam.computeIfAbsent(h.team(), k -> new long[4]);
                t[0] += !visit.isBefore(today) && !visit.isAfter(soon) ? 1 : 0;
                t[1] += visit.isBefore(today) ? 1 : 0;
            }
            if (review != null) {
                long[] t = byTeam.computeIfAbsent(h.team(), k -> new long[4]);
                t[2] += !review.isBefore(today) && !review.isAfter(soon) ? 1 : 0;
                t[3] += review.isBefore(today) ? 1 : 0;
            }
        }
        List<TeamFieldWork> rows = new ArrayList<>();
        long[] total = new long[4];
        byTeam.forEach((id, t) -> {
            rows.add(new TeamFieldWork(id, teams.get(id), t[0], t[1], t[2], t[3]));
            for (int i = 0; i < 4; i++) {
                total[i] += t[i];
            }
        });
        rows.sort(Comparator.comparing(TeamFieldWork::name, Comparator.nullsLast(Comparator.naturalOrder())));
        long proposed = jdbc.sql("""
                select e.proposed_at, h.street_id, h.team_id from bf_exit e join bf_household h on h.id = e.household_id""")
                .query((rs, n) -> {
                    LocalDate day = LocalDate.ofInstant(rs.getObject(1, OffsetDateTime.class).toInstant(), zone);
                    return !day.isBefore(f.from()) && !day.isAfter(f.to())
                            && in(f, rs.getLong(2), team(rs.getObject(3, Long.class)));
                }).list().stream().filter(b -> b).count();
        long exited = milestones.values().stream().mapToLong(m -> m.getOrDefault(Milestone.EXITED, 0L)).sum();
        return new FieldWork(soonDays, rows, new TeamFieldWork(null, null, total[0], total[1], total[2], total[3]),
                proposed, exited);
    }

    private record Entry(int year, LocalDate day, long street, long team, String kind, long fen) {
    }

    private Funds funds(DashboardFilter f) {
        List<Entry> entries = jdbc.sql("""
                select budget_year, recorded_at, street_id, team_id, kind, amount_fen from bf_fund_ledger""")
                .query((rs, n) -> new Entry(rs.getInt(1),
                        LocalDate.ofInstant(rs.getObject(2, OffsetDateTime.class).toInstant(), zone), rs.getLong(3),
                        team(rs.getObject(4, Long.class)), rs.getString(5), rs.getLong(6)))
                .list().stream().filter(e -> in(f, e.street(), e.team())).toList();
        int year = f.to().getYear();
        List<Entry> ofYear = entries.stream().filter(e -> e.year() == year).toList();
        List<MonthMoney> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(f.from()); !m.isAfter(YearMonth.from(f.to())); m = m.plusMonths(1)) {
            YearMonth month = m;
            List<Entry> in = entries.stream().filter(e -> YearMonth.from(e.day()).equals(month)).toList();
            months.add(new MonthMoney(m, fen(sum(in, "REQUESTED") - sum(in, "REVERSED")), fen(sum(in, "APPROVED")),
                    fen(sum(in, "PAID"))));
        }
        return new Funds(year, figures(ofYear), moneyPlaces(ofYear, true), moneyPlaces(ofYear, false), months);
    }

    private List<PlaceMoney> moneyPlaces(List<Entry> entries, boolean byStreet) {
        Map<Long, List<Entry>> places = new HashMap<>();
        entries.forEach(e -> places.computeIfAbsent(byStreet ? e.street() : e.team(), k -> new ArrayList<>()).add(e));
        Map<Long, String> names = byStreet ? streets : teams;
        List<PlaceMoney> result = new ArrayList<>();
        places.forEach((id, in) -> result.add(new PlaceMoney(id, names.get(id), figures(in))));
        result.sort(Comparator.comparing(PlaceMoney::name, Comparator.nullsLast(Comparator.naturalOrder())));
        return result;
    }

    /**
     * The ledger's balance written out: arranged, asked net of reversals, approved, paid, what is left, what awaits
     * approval and what awaits the bank.
     */
    private static MoneyFigures figures(List<Entry> in) {
        long arranged = sum(in, "ARRANGED");
        long requested = sum(in, "REQUESTED");
        long reversed = sum(in, "REVERSED");
        long failed = sum(in, "FAILED");
        long approved = sum(in, "APPROVED");
        long paid = sum(in, "PAID");
        return new MoneyFigures(fen(arranged), fen(requested - reversed), fen(approved), fen(paid),
                fen(arranged - requested + reversed + failed), fen(requested - reversed - approved),
                fen(approved - paid - failed));
    }

    private static long sum(List<Entry> entries, String kind) {
        return entries.stream().filter(e -> e.kind().equals(kind)).mapToLong(Entry::fen).sum();
    }

    private static Money fen(long fen) {
        return Money.ofFen(Math.max(0, fen));
    }

    private static List<Share> shares(List<House> houses, java.util.function.Function<House, String> code) {
        Map<String, Long> shares = new TreeMap<>();
        houses.forEach(h -> shares.merge(code.apply(h), 1L, Long::sum));
        return shares.entrySet().stream().map(e -> new Share(e.getKey(), e.getValue())).toList();
    }

    private List<MonthTrend> trends(DashboardFilter f, Map<YearMonth, Map<Milestone, Long>> milestones) {
        Funds funds = funds(f);
        List<MonthTrend> trends = new ArrayList<>();
        for (MonthMoney money : funds.months()) {
            Map<Milestone, Long> m = milestones.getOrDefault(money.month(), Map.of());
            trends.add(new MonthTrend(money.month(), m.getOrDefault(Milestone.CASE_STARTED, 0L),
                    m.getOrDefault(Milestone.FILED, 0L), m.getOrDefault(Milestone.PAIRED, 0L),
                    m.getOrDefault(Milestone.EXITED, 0L), money.paid()));
        }
        return trends;
    }
}
