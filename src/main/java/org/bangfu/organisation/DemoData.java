package org.bangfu.organisation;

import org.bangfu.shared.Role;
import java.util.ArrayList;
import java.util.List;

import org.bangfu.organisation.UserAccounts.NewAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo profile only: the six streets and eleven teams of the seed, and one account per role with the
 * password {@value #DEMO_PASSWORD}, each marked as a demo account (the production profile refuses to start
 * while one is enabled). Adds what is missing, so a restart keeps every change made since.
 */
@Component
@Profile("demo")
class DemoData implements SmartInitializingSingleton {

    static final String DEMO_PASSWORD = "Demo@2019";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** The streets of the demo district (Yijiang District, Wuhu). */
    private static final String[][] STREETS = {
            { "S01", "中山南路街道" }, { "S02", "澛港街道" }, { "S03", "白马街道" },
            { "S04", "马塘街道" }, { "S05", "火龙街道" }, { "S06", "南瑞街道" } };

    private static final String[] TEAM_NUMERALS = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一" };

    private final Organisation organisation;
    private final UserAccounts accounts;
    private final TransactionTemplate tx;
    private final String adminUsername;
    private final boolean retireDemoAccounts;

    DemoData(Organisation organisation, UserAccounts accounts, TransactionTemplate tx,
            @Value("${bangfu.admin.username:}") String adminUsername,
            @Value("${bangfu.retire-demo-accounts:false}") boolean retireDemoAccounts) {
        this.organisation = organisation;
        this.accounts = accounts;
        this.tx = tx;
        this.adminUsername = adminUsername;
        this.retireDemoAccounts = retireDemoAccounts;
    }

    @Override
    public void afterSingletonsInstantiated() {
        // settings of the production profile: someone who sets them here expects them to do something
        if (!adminUsername.isBlank()) {
            log.warn("Demo profile: BANGFU_ADMIN_USERNAME is ignored; the first administrator is created by the prod profile only");
        }
        if (retireDemoAccounts) {
            log.warn("Demo profile: BANGFU_RETIRE_DEMO_ACCOUNTS is ignored; demo accounts are retired by the prod profile only");
        }
        tx.executeWithoutResult(status -> seed());
    }

    private void seed() {
        List<Street> streets = new ArrayList<>();
        for (String[] street : STREETS) {
            streets.add(organisation.addStreet(street[0], street[1]));
        }
        List<Team> teams = new ArrayList<>();
        for (int i = 0; i < TEAM_NUMERALS.length; i++) {
            // teams spread over the streets: two per street, the sixth street has one
            Street home = streets.get(i / 2);
            teams.add(organisation.addTeam("T%02d".formatted(i + 1), "第%s帮扶小组".formatted(TEAM_NUMERALS[i]), home.id()));
        }

        List<NewAccount> demo = new ArrayList<>();
        demo.add(new NewAccount("admin", "系统管理员（演示）", Role.ADMIN, null, null, DEMO_PASSWORD));
        // a second administrator: a process change one administrator proposes is deployed once the other approves
        demo.add(new NewAccount("admin2", "系统管理员二（演示）", Role.ADMIN, null, null, DEMO_PASSWORD));
        demo.add(new NewAccount("security", "安全管理员（演示）", Role.SECURITY, null, null, DEMO_PASSWORD));
        demo.add(new NewAccount("auditor", "审计员（演示）", Role.AUDITOR, null, null, DEMO_PASSWORD));
        demo.add(new NewAccount("district", "区民政局工作人员（演示）", Role.DISTRICT, null, null, DEMO_PASSWORD));
        // a second district officer and a second officer of the first street: colleagues to hand tasks over to
        demo.add(new NewAccount("district2", "区民政局工作人员二（演示）", Role.DISTRICT, null, null, DEMO_PASSWORD));
        demo.add(new NewAccount("leader", "区领导（演示）", Role.LEADER, null, null, DEMO_PASSWORD));
        for (int i = 0; i < streets.size(); i++) {
            Street street = streets.get(i);
            demo.add(new NewAccount("street%02d".formatted(i + 1), street.name() + "工作人员（演示）", Role.STREET,
                    street.id(), null, DEMO_PASSWORD));
            if (i == 0) {
                demo.add(new NewAccount("street01b", street.name() + "工作人员二（演示）", Role.STREET, street.id(), null,
                        DEMO_PASSWORD));
            }
        }
        for (int i = 0; i < teams.size(); i++) {
            Team team = teams.get(i);
            demo.add(new NewAccount("team%02d".formatted(i + 1), team.name() + "成员（演示）", Role.TEAM_MEMBER,
                    null, team.id(), DEMO_PASSWORD));
            demo.add(new NewAccount("lead%02d".formatted(i + 1), team.name() + "组长（演示）", Role.TEAM_LEADER,
                    null, team.id(), DEMO_PASSWORD));
        }
        if (accounts.createMissingDemoAccounts(demo, DEMO_PASSWORD) > 0) {
            log.warn("Demo profile: demo accounts exist with the published password {}; never use this profile in production",
                    DEMO_PASSWORD);
        }
    }
}
