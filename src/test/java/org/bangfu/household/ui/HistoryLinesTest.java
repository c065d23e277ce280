package org.bangfu.household.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.bangfu.household.Attribute;
import org.bangfu.household.CodeLists;
import org.bangfu.household.HouseholdDraft;
import org.bangfu.household.HouseholdFile;
import org.bangfu.household.HouseholdStage;
import org.bangfu.household.Households;
import org.bangfu.shared.People;
import org.bangfu.shared.Texts;
import org.bangfu.shell.Names;
import org.bangfu.testsupport.RunAs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The file's history (变更记录) as the household page shows it: words and names, never codes, keys or logins. */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
class HistoryLinesTest {

    @Autowired
    Households households;

    @Autowired
    CodeLists codes;

    @Autowired
    People people;

    @Autowired
    MessageSource messages;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Test
    void stagesFilingAndCodedFieldsReadInWordsAndPeopleByName() throws Exception {
        RunAs as = new RunAs(users);
        HouseholdFile model = as.call("district", () -> households.find(jdbc.sql("select min(id) from bf_household")
                .query(Long.class).single()).orElseThrow());
        long id = as.call("district", () -> households.create(new HouseholdDraft("史料户", model.streetId(),
                model.villageId(), null, null, null, Attribute.GENERAL, null, null, null, null, null, List.of(), null,
                null)).id());
        as.run("district", () -> {
            households.reachedStep(id, HouseholdStage.FILING);
            households.filed(id, "YJ-2026-0042", LocalDate.of(2026, 12, 7));
            households.reachedStep(id, HouseholdStage.TEAM_ASSIGNMENT);
            HouseholdFile file = households.find(id).orElseThrow();
            households.update(id, file.version(), new HouseholdDraft(file.headName(), file.streetId(), file.villageId(),
                    null, null, null, Attribute.TEKUN, null, null, null, null, null, List.of(), null, null));
        });
        Texts chinese = (key, args) -> messages.getMessage(key, args, "!" + key + "!", Locale.SIMPLIFIED_CHINESE);
        String district = jdbc.sql("select display_name from bf_user_account where username = 'district'")
                .query(String.class).single();

        List<HistoryLines.Line> lines = new HistoryLines(codes, Locale.SIMPLIFIED_CHINESE, chinese,
                new Names(people, chinese)).of(as.call("district", () -> households.history(id)));

        assertThat(lines).extracting(HistoryLines.Line::who).containsOnly(district);
        assertThat(lines).flatExtracting(l -> List.of(l.what(), l.field(), l.before(), l.after()))
                .allSatisfy(text -> assertThat(text).doesNotContain("!").doesNotContainPattern("[A-Z][A-Z_]{3,}"));
        assertThat(lines).anySatisfy(l -> assertThat(List.of(l.what(), l.field(), l.after()))
                .containsExactly("修改", "备案编号", "YJ-2026-0042"));
        assertThat(lines).anySatisfy(l -> assertThat(List.of(l.what(), l.field(), l.before(), l.after()))
                .containsExactly("环节变更", "当前环节", "备案", "指派帮扶小组"));
        assertThat(lines).anySatisfy(l -> assertThat(List.of(l.field(), l.before(), l.after()))
                .containsExactly("户属性", "一般户", "特困户"));
        assertThat(Stream.of("stage.FILING", "change.STAGE_CHANGED")).allSatisfy(key ->
                assertThat(lines).noneMatch(l -> l.toString().contains(key)));
    }
}
