package org.bangfu.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bangfu.testsupport.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A person signs in through the Chinese login page in a real browser, finds their way, and signs out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInBrowserIT {

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser(port, 1280, 900);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void teamMemberSignsInSeesOnlyTheirNavigationAndSignsOut() {
        browser.open("/");
        browser.awaitPath("/login");
        browser.await(By.id("login-view"));
        // Chinese although the browser asks for English: Chinese is the default until someone chooses
        browser.awaitText(By.id("login-view"), "特殊困难群众帮扶管理系统");
        assertThat(browser.bodyText()).contains("用户名", "密码", "English");
        browser.screenshot("login-zh");

        signIn("team01", "Demo@2019");
        browser.await(By.id("home-view"));
        browser.awaitText(By.id("home-greeting"), "您好，第一帮扶小组成员（演示）");
        assertThat(navigation()).containsExactly("工作台", "领导驾驶舱", "流程热力图", "任务清单", "走访", "困难户档案",
                "资金管理");
        assertThat(browser.bodyText()).contains("帮扶小组成员", "处理本小组的任务清单");
        browser.screenshot("home-team01");

        signOut("退出登录");
        browser.awaitPath("/login");
        browser.open("/");
        browser.awaitPath("/login");

        assertThat(browser.consoleMessages()).noneMatch(m -> m.contains("Content Security Policy"));
    }

    @Test
    void navigationFollowsTheRoleAndNoLinkIsDead() {
        browser.open("/login");
        browser.await(By.id("login-view"));
        signIn("admin", "Demo@2019");
        browser.await(By.id("home-view"));
        assertThat(navigation()).containsExactly("工作台", "领导驾驶舱", "流程热力图", "困难户档案", "比对预警", "批量核对",
                "部门比对数据", "比对规则", "街道与帮扶小组", "代码表", "节假日安排", "系统设置", "流程管理", "流程引擎管理");
        browser.click(By.xpath("//vaadin-side-nav-item[contains(., '流程管理')]"));
        browser.awaitText(By.id("model-list"), "帮扶结对流程");
        browser.click(By.xpath("//vaadin-side-nav-item[contains(., '领导驾驶舱')]"));
        browser.awaitText(By.id("dash-kpi-households"), "11");
        browser.click(By.xpath("//vaadin-side-nav-item[contains(., '流程热力图')]"));
        browser.present(By.cssSelector("#map-diagram .bf-step-figures"));

        browser.click(By.xpath("//vaadin-side-nav-item[contains(., '街道与帮扶小组')]"));
        browser.await(By.id("organisation-view"));
        browser.awaitText(By.id("organisation-view"), "第十一帮扶小组");
        assertThat(browser.bodyText()).contains("街道（6 个）", "帮扶小组（11 个）", "中山南路街道");
        signOut("退出登录");
        browser.awaitPath("/login");

        browser.await(By.id("login-view"));
        signIn("auditor", "Demo@2019");
        browser.await(By.id("home-view"));
        assertThat(navigation()).containsExactly("工作台", "系统设置", "审计日志");
        browser.click(By.xpath("//vaadin-side-nav-item[contains(., '审计日志')]"));
        browser.await(By.id("audit-view"));
        browser.awaitText(By.id("audit-view"), "系统管理员（演示）");
        assertThat(browser.bodyText()).contains("登录", "成功", "退出登录");
        browser.screenshot("audit-log");
    }

    @Test
    void englishOnRequestAndItStaysAfterSignIn() {
        browser.open("/login");
        browser.await(By.id("language-switch")).click();
        browser.awaitText(By.id("login-view"), "Assistance for households in special difficulty");
        assertThat(browser.bodyText()).contains("Username", "Password", "中文");

        signIn("security", "Demo@2019");
        browser.await(By.id("home-view"));
        browser.awaitText(By.id("home-greeting"), "Hello,");
        assertThat(navigation()).containsExactly("Workbench", "Accounts");
        browser.open("/funds");
        browser.awaitText(By.id("lost-page"), "Page not found");
        assertThat(browser.bodyText()).contains("Back to the workbench");
        signOut("Sign out");
        browser.awaitPath("/login");
    }

    @Test
    void anUnknownOrForbiddenAddressShowsAChinesePageInsideTheFrameWithTheWayBack() {
        // not signed in: to the login page first, whatever the address
        browser.open("/no-such-page");
        browser.awaitPath("/login");
        signIn("street01", "Demo@2019");
        browser.await(By.id("main-nav"));

        for (String address : List.of("/no-such-page", "/audit")) {
            browser.open(address);
            browser.awaitText(By.id("lost-page"), "找不到此页面");
            assertThat(browser.bodyText()).contains("此页面不存在，或不对您的角色开放", "返回工作台", "返回上一页")
                    .doesNotContain("Could not navigate");
            assertThat(navigation()).contains("工作台", "任务清单");
            assertThat(browser.await(By.cssSelector(".bf-view-title")).getText()).isEqualTo("找不到此页面");
        }
        browser.screenshot("lost-page-street01");
        browser.click(By.id("lost-back"));
        browser.awaitText(By.id("lost-page"), "找不到此页面");
        browser.awaitPath("/no-such-page");
        browser.click(By.id("lost-home"));
        browser.await(By.id("home-view"));
        browser.awaitPath("/");
    }

    @Test
    void aWrongPasswordSaysSoInChinese() {
        browser.open("/login");
        browser.await(By.id("login-view"));
        signIn("district", "wrong-password");
        browser.awaitPath("/login");
        browser.awaitText(By.id("login-view"), "用户名或密码不正确");
    }

    private void signIn(String username, String password) {
        browser.submitLogin(username, password);
    }

    private void signOut(String label) {
        browser.await(By.id("user-menu")).findElement(By.cssSelector("vaadin-menu-bar-button")).click();
        browser.await(By.xpath("//vaadin-menu-bar-item[contains(., '" + label + "')]")).click();
    }

    private List<String> navigation() {
        browser.await(By.id("main-nav"));
        return browser.all(By.cssSelector("#main-nav vaadin-side-nav-item")).stream().map(WebElement::getText)
                .map(String::trim).toList();
    }
}
