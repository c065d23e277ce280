package org.bangfu.comparison;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.bangfu.comparison.AgencyData.Mode;
import org.bangfu.household.HouseholdStage;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.IdNumber;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo data of the comparison: one small file from each of five agencies, touching the demo households the
 * way a real check does (a hit here, a near miss there, and many people who are not in Bangfu), the
 * comparison of the household that is at the comparison step, and one batch re-check.
 */
@Component
@Profile("demo")
@Order(10)
class DemoComparison implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final AgencyData agencyData;
    private final Comparisons comparisons;
    private final ComparisonBatches batches;
    private final Clock clock;

    DemoComparison(JdbcClient jdbc, AgencyData agencyData, Comparisons comparisons, ComparisonBatches batches,
            Clock clock) {
        this.jdbc = jdbc;
        this.agencyData = agencyData;
        this.comparisons = comparisons;
        this.batches = batches;
        this.clock = clock;
    }

    private record Person(String idNumber, String name, long household, String stage) {
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from bf_agency_dataset").query(Integer.class).single() > 0) {
            return;
        }
        List<Person> people = jdbc.sql("""
                select m.id_number, m.name, h.id, h.stage from bf_member m join bf_household h on h.id = m.household_id
                 where h.demo = true and m.active = true order by h.id, m.id""")
                .query((rs, n) -> new Person(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4))).list();
        if (people.size() < 12) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        Person atComparison = people.stream().filter(p -> HouseholdStage.COMPARISON.name().equals(p.stage()))
                .findFirst().orElse(people.get(0));
        Person spouse = people.stream().filter(p -> p.household() == atComparison.household() && p != atComparison)
                .findFirst().orElse(atComparison);
        Map<AgencyKind, String> files = Map.of(
                AgencyKind.VEHICLE, "身份证号,姓名,号牌号码,车辆类型,使用性质\n"
                        + row(atComparison, "皖B2L7Q9,小型轿车,非营运")
                        + row(people.get(2), "皖B3K812,轻型货车,营运")
                        + outsiders(40, i -> "皖B%05d,小型轿车,非营运".formatted(10000 + i)),
                AgencyKind.PUBLIC_EMPLOYEE, "身份证号,姓名,工作单位\n"
                        + row(spouse, "弋江区某街道办事处（编外聘用）")
                        + outsiders(40, i -> "弋江区直属单位" + i),
                AgencyKind.PENSION, "身份证号,姓名,月养老金\n"
                        + row(people.get(4), "2350.00")
                        + row(people.get(6), "1420.00")
                        + outsiders(40, i -> String.valueOf(900 + i * 40)),
                AgencyKind.DEATH, "身份证号,姓名,死亡日期\n"
                        + row(people.get(9), today.minusMonths(3).toString())
                        + outsiders(20, i -> "2024-0%d-01".formatted(i % 9 + 1)),
                AgencyKind.REAL_ESTATE, "身份证号,姓名,房屋坐落,建筑面积\n"
                        + row(people.get(11), "弋江区某小区3栋502,96.4")
                        + outsiders(40, i -> "弋江区某小区" + i + "号,88"));
        CurrentUser.runAsSystem(() -> {
            files.forEach((kind, csv) -> agencyData.importFile(kind, "（演示）" + kind + ".csv",
                    csv.getBytes(StandardCharsets.UTF_8), Map.of(), today, Mode.ALL_OR_NOTHING));
            comparisons.compare(atComparison.household());
            batches.start();
        });
    }

    private static String row(Person person, String rest) {
        return person.idNumber() + "," + person.name() + "," + rest + "\n";
    }

    /** People who are not in Bangfu: most of an agency's file. */
    private static String outsiders(int count, IntFunction<String> values) {
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            String first17 = "340203" + LocalDate.of(1950, 1, 1).plusDays(i * 97L).toString().replace("-", "")
                    + "9%02d".formatted(i);
            rows.append(first17).append(IdNumber.checkCharacter(first17)).append(",某").append(i).append(',')
                    .append(values.apply(i)).append('\n');
        }
        return rows.toString();
    }
}
