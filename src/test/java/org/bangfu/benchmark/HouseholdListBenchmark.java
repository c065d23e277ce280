package org.bangfu.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bangfu.household.HouseholdExcel;
import org.bangfu.household.HouseholdFilter;
import org.bangfu.household.HouseholdSort;
import org.bangfu.household.Households;
import org.bangfu.shared.IdNumber;
import org.bangfu.testsupport.RunAs;
import org.bangfu.testsupport.TestNames;
import org.bangfu.testsupport.Timings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The household list at 100,000 households and about 250,000 members on PostgreSQL: the first page filtered
 * by street and cause, sorted by name, as a team member and as the district; and an Excel import of 10,000
 * rows. Baseline in the same run: one trivial query through the same connection pool.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HouseholdListBenchmark {

    private static final int HOUSEHOLDS = 100_000;
    private static final int ROUNDS = 200;

    @Autowired
    Households households;

    @Autowired
    HouseholdExcel excel;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Test
    void firstPageAtOneHundredThousandHouseholds() throws Exception {
        long started = System.nanoTime();
        generate();
        double generateSeconds = (System.nanoTime() - started) / 1e9;
        int members = jdbc.sql("select count(*) from bf_member").query(Integer.class).single();

        long street = jdbc.sql("select id from bf_street where code = 'S01'").query(Long.class).single();
        HouseholdFilter byStreetAndCause = new HouseholdFilter(street, null, null, null, null, "ILLNESS", null);

        Timings baseline = new Timings("baseline: select 1 through the same pool", ROUNDS);
        Timings team = new Timings("team01: first page (street + cause, by name)", ROUNDS);
        Timings teamCount = new Timings("team01: count of the same filter", ROUNDS);
        Timings district = new Timings("district: first page (street + cause, by name)", ROUNDS);
        Timings districtCount = new Timings("district: count of the same filter", ROUNDS);
        Timings search = new Timings("district: search by name prefix, first page", ROUNDS);
        for (int warm = 0; warm < 30; warm++) {
            as("district", () -> households.list(byStreetAndCause, HouseholdSort.NAME, 0, 50));
            as("team01", () -> households.list(byStreetAndCause, HouseholdSort.NAME, 0, 50));
        }
        for (int i = 0; i < ROUNDS; i++) {
            baseline.time(() -> jdbc.sql("select 1").query(Integer.class).single());
            team.time(() -> as("team01", () -> households.list(byStreetAndCause, HouseholdSort.NAME, 0, 50)));
            teamCount.time(() -> as("team01", () -> households.count(byStreetAndCause)));
            district.time(() -> as("district", () -> households.list(byStreetAndCause, HouseholdSort.NAME, 0, 50)));
            districtCount.time(() -> as("district", () -> households.count(byStreetAndCause)));
            search.time(() -> as("district", () -> households.list(HouseholdFilter.NONE.withSearch("王"),
                    HouseholdSort.NAME, 0, 50)));
        }
        assertThat(as("district", () -> households.list(byStreetAndCause, HouseholdSort.NAME, 0, 50))).hasSize(50);

        byte[] workbook = importWorkbook(10_000);
        long importStarted = System.nanoTime();
        HouseholdExcel.ImportReport report = as("district",
                () -> excel.importWorkbook(new ByteArrayInputStream(workbook), null));
        double importSeconds = (System.nanoTime() - importStarted) / 1e9;
        assertThat(report.problems()).isEmpty();

        System.out.println();
        System.out.printf(Locale.ROOT, "== Benchmark: household list at %,d households, %,d members (generated in %.1f s)%n",
                HOUSEHOLDS, members, generateSeconds);
        for (Timings t : List.of(baseline, team, teamCount, district, districtCount, search)) {
            System.out.println(t.row());
        }
        System.out.printf(Locale.ROOT, "target: first page p95 <= 50 ms -> team01 %.2f ms, district %.2f ms%n",
                team.percentileMillis(95), district.percentileMillis(95));
        System.out.printf(Locale.ROOT,
                "Excel import: %,d household rows + %,d member rows in %.1f s (%.0f rows/s), all or nothing%n",
                report.households(), report.members(), importSeconds,
                (report.households() + report.members()) / importSeconds);
    }

    /** Bulk SQL, not the facade: the point is the list's speed over a realistic volume. */
    private void generate() {
        jdbc.sql("""
                insert into bf_household (head_name, street_id, village_id, address, attribute, main_cause, stage, team_id,
                                          created_at, updated_at)
                select substr('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗', 1 + (g * 7) % 20, 1)
                       || substr('建国秀英志强玉兰德明淑芬长生丽华国庆大海桂兰', 1 + (g * 13) % 20, 2) || (g % 997),
                       t.street_id, v.id, '生成地址 ' || g,
                       case g % 10 when 0 then 'TEKUN' when 1 then 'DIBAO' when 2 then 'DIBAO' else 'GENERAL' end,
                       (array['ILLNESS','DISABILITY','SCHOOLING','DISASTER','NO_LAND','NO_WATER','NO_SKILLS',
                              'NO_LABOUR','NO_CAPITAL','REMOTE','NO_DRIVE','OTHER'])[1 + g % 12],
                       (array['PAIRED','PLANNING','FILING','COMPARISON','HOME_CHECK'])[1 + g % 5],
                       t.id, now(), now()
                  from generate_series(1, ?) g
                  join bf_team t on t.code = 'T' || lpad((1 + g % 11)::text, 2, '0')
                  join bf_village v on v.street_id = t.street_id
                   and v.code = (select code from bf_street s where s.id = t.street_id) || '-V' || (1 + g % 2)""")
                .param(HOUSEHOLDS).update();
        jdbc.sql("""
                insert into bf_member (household_id, name, relation, gender, birth_date, id_number, active_id_number,
                                       created_at)
                select h.id, h.head_name || k, case k when 1 then 'HEAD' else 'OTHER' end,
                       case (h.id + k) % 2 when 0 then 'FEMALE' else 'MALE' end, date '1960-01-01' + (h.id % 20000)::int,
                       'G' || lpad((h.id * 3 + k)::text, 17, '0'), 'G' || lpad((h.id * 3 + k)::text, 17, '0'), now()
                  from bf_household h
                  cross join generate_series(1, 3) k
                 where h.demo = false and (k < 3 or h.id % 2 = 0)""").update();
        jdbc.sql("analyze bf_household").update();
        jdbc.sql("analyze bf_member").update();
    }

    private byte[] importWorkbook(int rows) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(excel.template()));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet householdSheet = book.getSheet("困难户");
            Sheet memberSheet = book.getSheet("家庭成员");
            householdSheet.removeRow(householdSheet.getRow(1));
            memberSheet.removeRow(memberSheet.getRow(1));
            for (int i = 1; i <= rows / 2; i++) {
                String name = TestNames.numbered("导入", i);
                fill(householdSheet.createRow(i), "K" + i, name, "白马街道", "白马社区", "", "", "", "低保户", "50", "砖混",
                        "非危房", "", "因病", "", "");
                String first17 = "340203" + java.time.LocalDate.of(1950, 1, 1).plusDays(i).toString().replace("-", "")
                        + "001";
                String idNumber = first17 + IdNumber.checkCharacter(first17);
                fill(memberSheet.createRow(i), "K" + i, name, "户主", idNumber, "", "", "", "", "", "", "是", "否");
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private static void fill(Row row, String... values) {
        for (int c = 0; c < values.length; c++) {
            row.createCell(c).setCellValue(values[c]);
        }
    }

    private <T> T as(String username, Callable<T> work) {
        return new RunAs(users).call(username, work);
    }
}
