package org.bangfu.household;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bangfu.organisation.Organisation;
import org.bangfu.organisation.Street;
import org.bangfu.organisation.Team;
import org.bangfu.organisation.Village;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.IdNumber;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo profile: the seed's 11 households in special difficulty with 24 people, spread over the six streets,
 * one per assistance team, at different stages. Names and ID numbers (address code 340203) are synthetic
 * but valid, and every file is flagged as demo data. Seeded once, through the facade and its rules.
 */
@Component
@Profile("demo")
@Order(0)
class DemoHouseholds implements ApplicationRunner {

    /** Two villages or communities per street. */
    private static final String[][] VILLAGES = {
            { "S01", "花津社区", "中央城社区" }, { "S02", "澛港社区", "易太村" }, { "S03", "白马社区", "永丰村" },
            { "S04", "马塘社区", "天门山社区" }, { "S05", "火龙岗村", "桥北社区" }, { "S06", "南瑞社区", "利民社区" } };

    private final Households households;
    private final Organisation organisation;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    DemoHouseholds(Households households, Organisation organisation, JdbcClient jdbc, TransactionTemplate tx) {
        this.households = households;
        this.organisation = organisation;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from bf_household where demo = true").query(Integer.class).single() > 0) {
            return;
        }
        tx.executeWithoutResult(status -> {
            Map<String, Street> streets = organisation.streets().stream()
                    .collect(Collectors.toMap(Street::code, Function.identity()));
            for (String[] row : VILLAGES) {
                Street street = streets.get(row[0]);
                organisation.addVillage(street.id(), row[0] + "-V1", row[1]);
                organisation.addVillage(street.id(), row[0] + "-V2", row[2]);
            }
            // households go through the facade and its rules, as the district would enter them
            CurrentUser.runAsSystem(this::seedHouseholds);
        });
    }

    private void seedHouseholds() {
        List<Village> villages = organisation.villages();
        List<Team> teams = organisation.teams();

        Object[][] demo = {
                // head, stage, attribute, main cause, housing m², structure, dilapidation, members (relation, name, birth, female)
                { "王建国", HouseholdStage.PLANNING, Attribute.DIBAO, "ILLNESS", "62.5", "BRICK_CONCRETE", "NONE",
                        new Object[][] { { "HEAD", "王建国", "1962-04-12", false }, { "SPOUSE", "李秀英", "1964-09-03", true },
                                { "SON", "王磊", "1990-01-21", false } } },
                { "陈桂兰", HouseholdStage.HOME_CHECK, Attribute.TEKUN, "DISABILITY", "38", "BRICK_WOOD", "B",
                        new Object[][] { { "HEAD", "陈桂兰", "1951-11-30", true }, { "SON", "陈志强", "1978-06-15", false } } },
                { "刘德明", HouseholdStage.PAIRED, Attribute.GENERAL, "SCHOOLING", "75", "BRICK_CONCRETE", "NONE",
                        new Object[][] { { "HEAD", "刘德明", "1975-03-08", false }, { "DAUGHTER", "刘佳怡", "2006-10-19", true } } },
                { "张玉珍", HouseholdStage.PAIRED, Attribute.DIBAO, "NO_LABOUR", "54", "BRICK_WOOD", "C",
                        new Object[][] { { "HEAD", "张玉珍", "1958-07-22", true }, { "GRANDSON", "张浩然", "2012-02-14", false },
                                { "GRANDDAUGHTER", "张雨涵", "2015-08-09", true } } },
                { "赵长生", HouseholdStage.TEAM_ASSIGNMENT, Attribute.TEKUN, "ILLNESS", "30", "EARTH_WOOD", "C",
                        new Object[][] { { "HEAD", "赵长生", "1948-12-01", false } } },
                { "孙丽华", HouseholdStage.FILING, Attribute.DIBAO, "DISASTER", "66", "BRICK_CONCRETE", "A",
                        new Object[][] { { "HEAD", "孙丽华", "1970-05-17", true }, { "SON", "孙宇航", "1998-04-02", false } } },
                { "周国庆", HouseholdStage.SECOND_NOTICE, Attribute.GENERAL, "NO_SKILLS", "80", "BRICK_CONCRETE", "NONE",
                        new Object[][] { { "HEAD", "周国庆", "1969-10-01", false }, { "SPOUSE", "吴美玲", "1971-02-26", true },
                                { "DAUGHTER", "周欣怡", "2009-12-24", true } } },
                { "吴秀兰", HouseholdStage.FIRST_NOTICE, Attribute.DIBAO, "ILLNESS", "45", "BRICK_WOOD", "B",
                        new Object[][] { { "HEAD", "吴秀兰", "1966-08-13", true }, { "SPOUSE", "郑伟", "1963-03-29", false } } },
                { "郑大海", HouseholdStage.COMPARISON, Attribute.GENERAL, "NO_CAPITAL", "90", "CONCRETE", "NONE",
                        new Object[][] { { "HEAD", "郑大海", "1980-06-06", false }, { "SPOUSE", "冯晓燕", "1983-11-11", true } } },
                { "黄淑芬", HouseholdStage.FIRST_REVIEW, Attribute.TEKUN, "DISABILITY", "28", "EARTH_WOOD", "D",
                        new Object[][] { { "HEAD", "黄淑芬", "1955-01-18", true }, { "SON", "黄文斌", "1985-09-30", false } } },
                { "马建军", HouseholdStage.PAIRED, Attribute.DIBAO, "ILLNESS", "58", "BRICK_CONCRETE", "NONE",
                        new Object[][] { { "HEAD", "马建军", "1972-02-02", false }, { "SPOUSE", "何丽", "1974-07-07", true } } } };

        int sequence = 1;
        for (int i = 0; i < demo.length; i++) {
            Object[] h = demo[i];
            Team team = teams.get(i);
            long streetId = team.streetId();
            Village village = villages.stream().filter(v -> v.streetId() == streetId).toList().get(i % 2);
            HouseholdFile file = households.create(new HouseholdDraft((String) h[0], streetId, village.id(),
                    village.name() + (10 + i) + "号", "1385530%04d".formatted(1000 + i), "6217001234567%05d".formatted(i),
                    (Attribute) h[2], new BigDecimal((String) h[4]), (String) h[5], (String) h[6], new BigDecimal("1.5"),
                    (String) h[3], List.of(), "（演示）生活困难，需要持续帮扶", team.id()));
            for (Object[] m : (Object[][]) h[7]) {
                boolean female = (Boolean) m[3];
                String id = syntheticId(LocalDate.parse((String) m[2]), sequence++, female);
                households.addMember(file.id(), new MemberDraft((String) m[1], (String) m[0], null, null, id, "JUNIOR",
                        "NOT_IN_SCHOOL", "ORDINARY", "HEALTHY", null, null, true, i % 3 != 0));
            }
            households.assignCadre(file.id(), "%s帮扶责任人".formatted(team.name()), "弋江区民政局", LocalDate.of(2019, 5, 1));
            if (h[1] == HouseholdStage.PAIRED) {
                households.paired(file.id());
            } else {
                households.reachedStep(file.id(), (HouseholdStage) h[1]);
            }
            jdbc.sql("update bf_household set demo = true where id = ?").param(file.id()).update();
        }
    }

    /** A valid ID number of the demo district (address code 340203) for a birth date and sex. */
    static String syntheticId(LocalDate birth, int sequence, boolean female) {
        int seq = sequence * 2 + (female ? 0 : 1);
        String first17 = "340203" + birth.toString().replace("-", "") + "%03d".formatted(seq % 1000);
        return first17 + IdNumber.checkCharacter(first17);
    }
}
