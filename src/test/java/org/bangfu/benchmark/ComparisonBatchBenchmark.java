package org.bangfu.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bangfu.comparison.AgencyData;
import org.bangfu.comparison.AgencyData.Mode;
import org.bangfu.comparison.AgencyKind;
import org.bangfu.comparison.Batch;
import org.bangfu.comparison.ComparisonBatches;
import org.bangfu.comparison.ComparisonRule;
import org.bangfu.comparison.ComparisonRules;
import org.bangfu.comparison.Comparisons;
import org.bangfu.comparison.Comparisons.ReportFilter;
import org.bangfu.shared.BureauTime;
import org.bangfu.shared.IdNumber;
import org.bangfu.testsupport.RunAs;
import org.bangfu.testsupport.Timings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The batch re-check at the bureau's scale (the press release: 16,783 households, 34,671 people) against seven
 * agency data sets of 100,000 rows each, about 30% of households hit, on PostgreSQL. Prints the import time of
 * each 100,000-row data set (through the facade, as a CSV), the batch's total time with every warning stored,
 * and, in the same run, a baseline that compares person by person with one query each and stores the same
 * warnings; the two must find the same number of warnings.
 */
@SpringBootTest
class ComparisonBatchBenchmark {

    private static final int HOUSEHOLDS = 16_783;
    private static final int PEOPLE = 34_671;
    private static final int ROWS_PER_DATA_SET = 100_000;
    private static final LocalDate BIRTHS_FROM = LocalDate.of(1930, 1, 1);
    private static final int RUNS = 5;

    @Autowired
    AgencyData agencyData;

    @Autowired
    ComparisonBatches batches;

    @Autowired
    ComparisonRules rules;

    @Autowired
    Comparisons comparisons;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    UserDetailsService users;

    private int outsider;

    @Test
    void batchAtTheBureausScale() throws Exception {
        RunAs as = new RunAs(users);
        long started = System.nanoTime();
        List<List<String>> families = generateHouseholds();
        double generateSeconds = seconds(started);

        Map<AgencyKind, Double> importSeconds = new EnumMap<>(AgencyKind.class);
        for (AgencyKind kind : AgencyKind.values()) {
            byte[] csv = dataSet(kind, families);
            long t = System.nanoTime();
            AgencyData.ImportReport report = as.call("district",
                    () -> agencyData.importFile(kind, kind + ".csv", csv, Map.of(), null, Mode.ALL_OR_NOTHING));
            importSeconds.put(kind, seconds(t));
            assertThat(report.status()).isEqualTo(AgencyData.Status.IMPORTED);
            assertThat(report.dataset().rowCount()).isEqualTo(ROWS_PER_DATA_SET);
        }
        // what autovacuum would do after the bulk inserts, done now so that it does not run during the timings
        for (String table : List.of("bf_household", "bf_member", "bf_agency_record")) {
            jdbc.sql("vacuum analyze " + table).update();
        }
        int households = jdbc.sql("select count(*) from bf_household").query(Integer.class).single();
        int people = jdbc.sql("select count(*) from bf_member where active = true").query(Integer.class).single();

        long joinStarted = System.nanoTime();
        int joined = jdbc.sql("""
                select count(*) from bf_member m join bf_household h on h.id = m.household_id
                  join bf_agency_record a on a.id_number = m.id_number
                 where m.active = true and a.dataset_id in (select max(id) from bf_agency_dataset group by kind)""")
                .query(Integer.class).single();
        double joinSeconds = seconds(joinStarted);

        // one run to warm up the JIT and the database's caches, not counted
        Batch warmUp = as.call("district", batches::start);
        while ("RUNNING".equals(jdbc.sql("select status from bf_comparison_batch where id = ?").param(warmUp.id())
                .query(String.class).single())) {
            Thread.sleep(5);
        }
        List<Double> batchSeconds = new ArrayList<>();
        List<Double> wallSeconds = new ArrayList<>();
        List<Double> startSeconds = new ArrayList<>();
        List<Double> baselineRuns = new ArrayList<>();
        List<ComparisonRule> ruleList = as.call("district", rules::list);
        Batch last = null;
        int baselineWarnings = 0;
        // batch and baseline take turns, so that both meet the same state of the machine
        for (int run = 0; run < RUNS; run++) {
            long t = System.nanoTime();
            Batch batch = as.call("district", batches::start);
            startSeconds.add(seconds(t));
            // polled seldom, so that the polling takes no time from the batch on two cores
            while ("RUNNING".equals(jdbc.sql("select status from bf_comparison_batch where id = ?").param(batch.id())
                    .query(String.class).single())) {
                Thread.sleep(25);
            }
            wallSeconds.add(seconds(t));
            Batch done = as.call("district", () -> batches.find(batch.id())).orElseThrow();
            batchSeconds.add(java.time.Duration.between(done.startedAt(), done.finishedAt()).toNanos() / 1e9);
            assertThat(done.status()).isEqualTo(Batch.Status.DONE);
            last = done;

            long baselineStarted = System.nanoTime();
            baselineWarnings = baseline(ruleList, "baseline-" + run);
            baselineRuns.add(seconds(baselineStarted));
            assertThat(baselineWarnings).isEqualTo(done.warningCount());
        }
        double baselineSeconds = baselineRuns.stream().sorted().toList().get(RUNS / 2);

        // the warning workbench after these batches (statistics brought up to date, as autovacuum does after so many
        // new rows): the district's first page of open reports, and its count
        jdbc.sql("analyze bf_comparison_report").update();
        jdbc.sql("analyze bf_comparison_warning").update();
        Timings firstPage = new Timings("workbench: district, open reports, first page", 20);
        Timings count = new Timings("workbench: district, open reports, count", 20);
        Timings street = new Timings("workbench: street01, open reports, first page", 20);
        for (int i = 0; i < 20; i++) {
            firstPage.time(() -> as.call("district", () -> comparisons.reports(ReportFilter.OPEN, 0, 50)));
            count.time(() -> as.call("district", () -> comparisons.countReports(ReportFilter.OPEN)));
            street.time(() -> as.call("street01", () -> comparisons.reports(ReportFilter.OPEN, 0, 50)));
        }
        int openReports = as.call("district", () -> comparisons.countReports(ReportFilter.OPEN));

        double best = batchSeconds.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double median = batchSeconds.stream().sorted().toList().get(RUNS / 2);
        System.out.println();
        System.out.printf(Locale.ROOT, "== Benchmark: batch re-check, %,d households / %,d people, 7 data sets x %,d rows"
                + " (households generated in %.1f s)%n", households, people, ROWS_PER_DATA_SET, generateSeconds);
        importSeconds.forEach((kind, s) -> System.out.printf(Locale.ROOT,
                "import %-16s %,d rows (CSV, UTF-8) through AgencyData: %.2f s%n", kind, ROWS_PER_DATA_SET, s));
        System.out.printf(Locale.ROOT, "reference: the member x agency record join alone (count, %,d matches): %.3f s%n",
                joined, joinSeconds);
        System.out.printf(Locale.ROOT, "batch (started to DONE as the batch records it, all reports and warnings stored),"
                + " %d runs after one to warm up: %s s%n", RUNS,
                batchSeconds.stream().map(s -> String.format(Locale.ROOT, "%.3f", s)).toList());
        System.out.printf(Locale.ROOT, "  wall time from the start call until the 25 ms poll saw it DONE: %s s%n",
                wallSeconds.stream().map(s -> String.format(Locale.ROOT, "%.3f", s)).toList());
        System.out.printf(Locale.ROOT, "  of which starting (counting households and people, cutting chunks): %s s%n",
                startSeconds.stream().map(s -> String.format(Locale.ROOT, "%.3f", s)).toList());
        System.out.printf(Locale.ROOT, "batch result: %,d households, %,d people, %,d warnings, %,d households hit (%.1f%%)%n",
                last.households(), last.people(), last.warningCount(), last.householdsHit(),
                last.hitShare() * 100);
        System.out.printf(Locale.ROOT, "baseline (one query per person, same warnings stored), %d runs, each after a batch:"
                + " %s s, %,d warnings%n", RUNS, baselineRuns.stream().map(s -> String.format(Locale.ROOT, "%.2f", s))
                .toList(), baselineWarnings);
        System.out.printf(Locale.ROOT, "workbench over %,d open reports:%n", openReports);
        for (Timings t : List.of(firstPage, count, street)) {
            System.out.println("  " + t.row());
        }
        System.out.printf(Locale.ROOT, "target: batch <= 2 s -> median %.3f s (best %.3f s); >= 20x baseline -> medians"
                + " %.2f s / %.3f s = %.1fx%n", median, best, baselineSeconds, median, baselineSeconds / median);
    }

    /** Households and members in bulk; members get valid ID numbers so that agency files import them. */
    private List<List<String>> generateHouseholds() {
        int demoHouseholds = jdbc.sql("select count(*) from bf_household").query(Integer.class).single();
        int demoPeople = jdbc.sql("select count(*) from bf_member where active = true").query(Integer.class).single();
        int generated = HOUSEHOLDS - demoHouseholds;
        int threes = PEOPLE - demoPeople - 2 * generated;
        jdbc.sql("""
                insert into bf_household (head_name, street_id, village_id, attribute, main_cause, stage, team_id,
                                          created_at, updated_at)
                select '核对户' || g, t.street_id, v.id, 'GENERAL', 'ILLNESS', 'PAIRED', t.id, now(), now()
                  from generate_series(1, ?) g
                  join bf_team t on t.code = 'T' || lpad((1 + g % 11)::text, 2, '0')
                  join bf_village v on v.street_id = t.street_id
                   and v.code = (select code from bf_street s where s.id = t.street_id) || '-V' || (1 + g % 2)""")
                .param(generated).update();
        List<Long> ids = jdbc.sql("select id from bf_household where demo = false order by id").query(Long.class).list();
        List<List<String>> families = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        int person = 0;
        for (int h = 0; h < ids.size(); h++) {
            List<String> family = new ArrayList<>();
            for (int k = 0; k < (h < threes ? 3 : 2); k++) {
                LocalDate birth = BIRTHS_FROM.plusDays(person % 25_000);
                String id = id(birth, person / 25_000);
                family.add(id);
                rows.add(new Object[] { ids.get(h), "成员" + person, k == 0 ? "HEAD" : "OTHER", birth, id });
                person++;
            }
            families.add(family);
        }
        for (int from = 0; from < rows.size(); from += 1000) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + 1000));
            StringBuilder sql = new StringBuilder("insert into bf_member (household_id, name, relation, gender, "
                    + "birth_date, id_number, active_id_number, created_at) values ");
            List<Object> params = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, 'MALE', ?, ?, ?, now())");
                Object[] r = chunk.get(i);
                params.addAll(List.of(r[0], r[1], r[2], r[3], r[4], r[4]));
            }
            jdbc.sql(sql.toString()).params(params).update();
        }
        return families;
    }

    private static String id(LocalDate birth, int sequence) {
        String first17 = "340203" + birth.toString().replace("-", "") + "%03d".formatted(sequence);
        return first17 + IdNumber.checkCharacter(first17);
    }

    /**
     * One agency's file: hits and near misses on members of every k-th household (about 30% of households
     * end up with a warning), the rest people who are not members.
     */
    private byte[] dataSet(AgencyKind kind, List<List<String>> families) {
        LocalDate today = BureauTime.today();
        StringBuilder csv = new StringBuilder();
        int rows = 0;
        int every = switch (kind) {
            case PUBLIC_EMPLOYEE -> 23;
            case VEHICLE -> 19;
            case BUSINESS -> 29;
            case PENSION -> 11;
            case DEATH -> 31;
            case REAL_ESTATE -> 17;
            case DEMOLITION -> 37;
        };
        csv.append(switch (kind) {
            case VEHICLE -> "身份证号,姓名,号牌号码,车辆类型,使用性质";
            case REAL_ESTATE -> "身份证号,姓名,房屋坐落,建筑面积";
            case PUBLIC_EMPLOYEE -> "身份证号,姓名,工作单位";
            case BUSINESS -> "身份证号,姓名,企业名称,职务";
            case PENSION -> "身份证号,姓名,月养老金";
            case DEATH -> "身份证号,姓名,死亡日期";
            case DEMOLITION -> "身份证号,姓名,补偿金额,补偿日期";
        }).append('\n');
        for (int h = 0; h < families.size(); h++) {
            List<String> family = families.get(h);
            int phase = h % every;
            if (phase == 0) {
                csv.append(row(kind, family.get(kind == AgencyKind.VEHICLE || kind == AgencyKind.DEATH ? 1 : 0), true, today));
                rows++;
            } else if (phase <= (kind == AgencyKind.PENSION ? 5 : 1) && kind != AgencyKind.PUBLIC_EMPLOYEE
                    && kind != AgencyKind.BUSINESS && kind != AgencyKind.DEATH && kind != AgencyKind.REAL_ESTATE) {
                csv.append(row(kind, family.get(0), false, today));
                rows++;
            }
        }
        while (rows < ROWS_PER_DATA_SET) {
            int q = outsider++;
            csv.append(row(kind, id(BIRTHS_FROM.plusDays(q % 25_000), 500 + q / 25_000), rows % 2 == 0, today));
            rows++;
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String row(AgencyKind kind, String id, boolean hit, LocalDate today) {
        return id + ",某某," + switch (kind) {
            case VEHICLE -> "皖B" + id.substring(12, 17) + ",小型轿车," + (hit ? "非营运" : "营运");
            case REAL_ESTATE -> "弋江区某小区" + id.substring(14, 17) + "号,89.5";
            case PUBLIC_EMPLOYEE -> "区直单位";
            case BUSINESS -> "某某商贸有限公司,股东";
            case PENSION -> hit ? "2600" : "1200";
            case DEATH -> today.minusDays(30).toString();
            case DEMOLITION -> "180000," + (hit ? today.minusMonths(6) : today.minusMonths(40));
        } + "\n";
    }

    /**
     * The straightforward way: per person one query for their agency records, the rules evaluated in Java, a
     * report for each household with a warning and each warning inserted on its own (what the batch stores);
     * one transaction per 2,000 households, like the batch's chunks.
     */
    private int baseline(List<ComparisonRule> ruleList, String fingerprint) {
        Map<AgencyKind, Long> datasets = new EnumMap<>(AgencyKind.class);
        jdbc.sql("select kind, max(id) from bf_agency_dataset group by kind")
                .query(rs -> {
                    datasets.put(AgencyKind.valueOf(rs.getString(1)), rs.getLong(2));
                });
        List<Long> ids = jdbc.sql("""
                select id from bf_household h where h.stage not in ('NOT_ELIGIBLE', 'EXITED') order by id""")
                .query(Long.class).list();
        LocalDate today = BureauTime.today();
        int[] warnings = { 0 };
        for (int from = 0; from < ids.size(); from += 2000) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 2000));
            transactions.executeWithoutResult(tx -> {
                for (long household : chunk) {
                    record Member(long id, String idNumber) {
                    }
                    List<Member> members = jdbc.sql("""
                            select id, id_number from bf_member where household_id = ? and active = true order by id""")
                            .param(household).query((rs, n) -> new Member(rs.getLong(1), rs.getString(2))).list();
                    Long report = null;
                    for (Member member : members) {
                        record Hit(long id, AgencyKind kind, Boolean flag, BigDecimal amount, LocalDate date) {
                        }
                        List<Hit> hits = jdbc.sql("""
                                select a.id, d.kind, a.flag, a.amount, a.event_date
                                  from bf_agency_record a join bf_agency_dataset d on d.id = a.dataset_id
                                 where a.id_number = ? and a.dataset_id in (?, ?, ?, ?, ?, ?, ?)""")
                                .params(member.idNumber(), datasets.get(AgencyKind.VEHICLE), datasets.get(AgencyKind.REAL_ESTATE),
                                        datasets.get(AgencyKind.PUBLIC_EMPLOYEE), datasets.get(AgencyKind.BUSINESS),
                                        datasets.get(AgencyKind.PENSION), datasets.get(AgencyKind.DEATH),
                                        datasets.get(AgencyKind.DEMOLITION))
                                .query((rs, n) -> new Hit(rs.getLong(1), AgencyKind.valueOf(rs.getString(2)),
                                        (Boolean) rs.getObject(3), rs.getBigDecimal(4), rs.getObject(5, LocalDate.class)))
                                .list();
                        for (Hit hit : hits) {
                            for (ComparisonRule rule : ruleList) {
                                if (!rule.active() || rule.kind() != hit.kind()) {
                                    continue;
                                }
                                BigDecimal threshold = rule.threshold();
                                boolean fires = switch (rule.code()) {
                                    case "VEHICLE_NON_PRODUCTIVE" -> !Boolean.TRUE.equals(hit.flag());
                                    case "PENSION_ABOVE" -> hit.amount().compareTo(threshold) > 0;
                                    case "DECEASED" -> !hit.date().isAfter(today);
                                    case "COMMERCIAL_HOUSING" -> threshold == null || hit.amount().compareTo(threshold) >= 0;
                                    case "DEMOLITION_RECENT" -> hit.date().isAfter(today.minusMonths(threshold.intValue()))
                                            && !hit.date().isAfter(today);
                                    default -> true;
                                };
                                if (fires) {
                                    if (report == null) {
                                        GeneratedKeyHolder key = new GeneratedKeyHolder();
                                        jdbc.sql("""
                                                insert into bf_comparison_report (household_id, fingerprint, as_of,
                                                    members_checked, created_at, created_by)
                                                values (?, ?, ?, ?, now(), 'baseline')""")
                                                .params(household, fingerprint, today, members.size()).update(key, "id");
                                        report = key.getKey().longValue();
                                    }
                                    jdbc.sql("""
                                            insert into bf_comparison_warning (report_id, household_id, member_id,
                                                record_id, rule_code, severity, threshold, status, version)
                                            values (?, ?, ?, ?, ?, ?, ?, 'OPEN', 0)""")
                                            .params(report, household, member.id(), hit.id(), rule.code(),
                                                    rule.severity().name(), threshold)
                                            .update();
                                    warnings[0]++;
                                }
                            }
                        }
                    }
                }
            });
        }
        return warnings[0];
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
