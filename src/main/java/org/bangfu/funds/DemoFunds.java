package org.bangfu.funds;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo profile: the seed's 780,000 yuan arranged for its 11 households (70,000 each, 75,000 for the first two),
 * this year, as general assistance, through the facade and its ledger. Once: not again on a restart.
 */
@Component
@Profile("demo")
@Order(30)
class DemoFunds implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoFunds.class);
    static final Money ARRANGED = Money.ofYuan(780_000);

    private final JdbcClient jdbc;
    private final FundBudgets budgets;
    private final Clock clock;

    DemoFunds(JdbcClient jdbc, FundBudgets budgets, Clock clock) {
        this.jdbc = jdbc;
        this.budgets = budgets;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from bf_fund_budget").query(Integer.class).single() > 0) {
            return;
        }
        List<Long> households = jdbc.sql("select id from bf_household where demo = true order by id")
                .query(Long.class).list();
        if (households.size() != 11) {
            return;
        }
        int year = LocalDate.now(clock).getYear();
        CurrentUser.runAsSystem(() -> {
            for (int i = 0; i < households.size(); i++) {
                budgets.arrange(households.get(i), year, Programme.GENERAL, 0, Money.ofYuan(i < 2 ? 75_000 : 70_000),
                        "（演示）年度帮扶资金安排");
            }
        });
        log.info("Demo: {} yuan arranged for {} households", ARRANGED.format(), households.size());
    }
}
