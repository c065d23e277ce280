package org.bangfu.pairing;

import java.time.Clock;
import java.time.LocalDate;

import org.bangfu.household.Households;
import org.bangfu.shared.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** 备案: filing numbers run per year ({@code BA2026-00001}); the household's file becomes the official record. */
@Component
class Filing {

    private final JdbcClient jdbc;
    private final Households households;
    private final Clock clock;

    Filing(JdbcClient jdbc, Households households, Clock clock) {
        this.jdbc = jdbc;
        this.households = households;
        this.clock = clock;
    }

    void file(long householdId) {
        LocalDate today = LocalDate.now(clock);
        String prefix = "BA" + today.getYear() + "-";
        String existing = jdbc.sql("select filing_no from bf_household where id = ?").param(householdId)
                .query(String.class).optional().orElse(null);
        if (existing != null && existing.startsWith("BA")) {
            // filed before (a case re-opened after an exit): the household keeps its number
            return;
        }
        if (jdbc.sql("update bf_filing_counter set last_no = last_no + 1 where filing_year = ?")
                .param(today.getYear()).update() == 0) {
            jdbc.sql("insert into bf_filing_counter (filing_year, last_no) values (?, 1)").param(today.getYear())
                    .update();
        }
        int next = jdbc.sql("select last_no from bf_filing_counter where filing_year = ?").param(today.getYear())
                .query(Integer.class).single();
        String number = prefix + "%05d".formatted(next);
        CurrentUser.runAsUserOrSystem(() -> households.filed(householdId, number, today));
    }
}
