package org.bangfu.handbook;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.bangfu.household.Attribute;
import org.bangfu.household.HouseholdDraft;
import org.bangfu.household.HouseholdFile;
import org.bangfu.household.Households;
import org.bangfu.household.MemberDraft;
import org.bangfu.shared.IdNumber;
import org.bangfu.testsupport.RunAs;
import org.bangfu.testsupport.TestNames;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Households the handbook's process tests own: paired with a team a while ago, their periodic review running. */
final class HandbookFixture {

    private static final AtomicInteger SERIAL = new AtomicInteger();

    private final RunAs as;
    private final JdbcClient jdbc;
    private final Households households;
    private final Reviews reviews;

    HandbookFixture(RunAs as, JdbcClient jdbc, Households households, Reviews reviews) {
        this.as = as;
        this.jdbc = jdbc;
        this.households = households;
        this.reviews = reviews;
    }

    /** A household of {@code teamMember}'s team, of the given class, paired and under periodic review. */
    long pairedHousehold(String teamMember, Attribute attribute) {
        long team = jdbc.sql("select team_id from bf_user_account where username = ?").param(teamMember)
                .query(Long.class).single();
        long street = jdbc.sql("select street_id from bf_team where id = ?").param(team).query(Long.class).single();
        long village = jdbc.sql("select min(id) from bf_village where street_id = ?").param(street).query(Long.class)
                .single();
        int n = SERIAL.incrementAndGet();
        String name = TestNames.numbered("手册户", n);
        HouseholdFile file = as.call("district", () -> households.create(new HouseholdDraft(name, street, village,
                "手册路" + n + "号", "13855300000", null, attribute, new BigDecimal("60"), "BRICK_CONCRETE", "NONE", null,
                "ILLNESS", List.of(), null, team)));
        String first17 = "34020319700101" + (700 + 2 * n + 1);
        as.run("district", () -> households.addMember(file.id(), new MemberDraft(name, "HEAD", null, null,
                first17 + IdNumber.checkCharacter(first17), null, null, null, null, null, null, false, false)));
        jdbc.sql("""
                insert into bf_pairing_case (household_id, status, started_by, started_at, ended_at)
                values (?, 'PAIRED', 'street01', ?, ?)""").params(file.id(), OffsetDateTime.now(), OffsetDateTime.now())
                .update();
        jdbc.sql("update bf_household set stage = 'PAIRED' where id = ?").param(file.id()).update();
        long caseId = jdbc.sql("select max(id) from bf_pairing_case where household_id = ?").param(file.id())
                .query(Long.class).single();
        reviews.start(file.id(), caseId, team);
        return file.id();
    }
}
