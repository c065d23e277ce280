package org.bangfu.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.bangfu.shared.People;
import org.bangfu.shared.Person;
import org.bangfu.shared.Texts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Logins become the people shown, from the accounts, a page at a time; the engine reads as 系统自动. */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
class NamesTest {

    @Autowired
    People people;

    @Autowired
    MessageSource messages;

    @Autowired
    JdbcClient jdbc;

    private Texts in(Locale locale) {
        return (key, args) -> messages.getMessage(key, args, locale);
    }

    private String displayName(String login) {
        return jdbc.sql("select display_name from bf_user_account where username = ?").param(login)
                .query(String.class).single();
    }

    @Test
    void peopleReadByNameTheEngineAsAutomaticAndAnUnknownLoginAsItself() {
        Names chinese = new Names(people, in(Locale.SIMPLIFIED_CHINESE));
        Names english = new Names(people, in(Locale.ENGLISH));

        assertThat(chinese.of("team01")).isEqualTo(displayName("team01"));
        assertThat(chinese.of("street01")).isEqualTo(displayName("street01"));
        assertThat(chinese.of(Person.SYSTEM)).isEqualTo("系统自动");
        assertThat(chinese.of(null)).isEqualTo("系统自动");
        assertThat(english.of(Person.SYSTEM)).isEqualTo("Automatic");
        assertThat(chinese.of("left-long-ago")).isEqualTo("left-long-ago");
    }

    @Test
    void aPersonKnowsTheirTeamOrStreet() {
        String team = jdbc.sql("select t.name from bf_team t join bf_user_account a on a.team_id = t.id"
                + " where a.username = 'team01'").query(String.class).single();
        String street = jdbc.sql("select s.name from bf_street s join bf_user_account a on a.street_id = s.id"
                + " where a.username = 'street01'").query(String.class).single();

        People.Known known = people.find(List.of("team01", "street01", "district"));

        assertThat(known.get("team01").unit()).isEqualTo(team);
        assertThat(known.get("street01").unit()).isEqualTo(street);
        assertThat(known.get("district").unit()).isNull();
    }

    @Test
    void aPageOfRowsIsLookedUpOnce() {
        AtomicInteger lookups = new AtomicInteger();
        People counted = logins -> {
            lookups.incrementAndGet();
            return people.find(logins);
        };
        Names names = new Names(counted, in(Locale.SIMPLIFIED_CHINESE));
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.addAll(List.of("team01", "district", Person.SYSTEM));
        }
        Collections.shuffle(rows);

        names.load(rows, row -> row).forEach(names::of);

        assertThat(lookups).hasValue(1);
    }
}
