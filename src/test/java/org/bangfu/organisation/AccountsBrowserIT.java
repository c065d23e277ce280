package org.bangfu.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.bangfu.testsupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The security administrator creates an account in a real browser, on a desktop (1440 × 900) and on a phone
 * (390 × 844, cards, no sideways scrolling), and the new person is held on the password page at the first sign-in
 * until they have changed the one-time initial password.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
class AccountsBrowserIT {

    @LocalServerPort
    int port;

    @Test
    void onADesktopTheSecurityAdministratorCreatesAnAccountWhoseHolderMustChangeThePassword() {
        createAndSignInForTheFirstTime(1440, 900, "zhaoliu", "赵六");
    }

    @Test
    void onAPhoneTheSecurityAdministratorCreatesAnAccountWhoseHolderMustChangeThePassword() {
        createAndSignInForTheFirstTime(390, 844, "qianqi", "钱七");
    }

    private void createAndSignInForTheFirstTime(int width, int height, String username, String name) {
        String tag = width < 500 ? "phone" : "desktop";
        try (Browser security = new Browser(port, width, height)) {
            security.signIn("security");
            security.open("/accounts");
            security.await(By.id("accounts-view"));
            security.awaitContent(By.id("account-grid"), "系统管理员（演示）");
            assertThat(pageWidth(security)).isLessThanOrEqualTo(width);
            security.screenshot("accounts-" + tag);

            security.click(By.id("create-account"));
            security.await(By.id("account-username"));
            security.click(By.id("save-account"));
            security.awaitContent(By.id("account-username"), "必填");
            security.await(By.cssSelector("#account-username input")).sendKeys(username);
            security.await(By.cssSelector("#account-display-name input")).sendKeys(name);
            security.await(By.cssSelector("#account-phone input")).sendKeys("13955301234");
            security.click(By.id("account-role"));
            security.click(By.xpath("//vaadin-select-item[contains(., '帮扶小组成员')]"));
            security.await(By.cssSelector("#account-team input")).sendKeys("第二帮扶小组", Keys.ENTER);
            security.await(By.cssSelector("#account-initial-password input")).sendKeys("Start#2026x");
            assertThat(pageWidth(security)).isLessThanOrEqualTo(width);
            security.screenshot("accounts-new-" + tag);
            security.click(By.id("save-account"));
            security.awaitGone(By.id("account-username"));

            security.await(By.cssSelector("#filter-text input")).sendKeys(name, Keys.ENTER);
            security.awaitContent(By.id("account-grid"), "待修改初始密码");
            security.awaitContent(By.id("account-grid"), "第二帮扶小组");
            security.awaitContent(By.id("account-grid"), "从未登录");
            security.screenshot("accounts-created-" + tag);
        }

        try (Browser person = new Browser(port, width, height)) {
            person.open("/login");
            person.submitLogin(username, "Start#2026x");
            person.await(By.id("change-password-view"));
            person.awaitText(By.id("password-must-change"), "请先修改密码");
            // wherever they go, they come back here until the password is theirs
            person.open("/tasks");
            person.await(By.id("password-must-change"));
            assertThat(person.all(By.id("task-grid"))).isEmpty();
            assertThat(pageWidth(person)).isLessThanOrEqualTo(width);
            person.screenshot("password-must-change-" + tag);

            person.await(By.cssSelector("#password-current input")).sendKeys("Start#2026x");
            person.await(By.cssSelector("#password-new input")).sendKeys("Mine#2026yz");
            person.await(By.cssSelector("#password-repeat input")).sendKeys("Mine#2026yz");
            person.click(By.id("save-password"));
            person.await(By.id("home-view"));
            person.open("/tasks");
            person.await(By.id("task-grid"));
            assertThat(person.all(By.id("password-must-change"))).isEmpty();
        }
    }

    private static long pageWidth(Browser browser) {
        return (Long) browser.driver().executeScript("return document.documentElement.scrollWidth");
    }
}
