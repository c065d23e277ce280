package org.bangfu.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Debian's chromedriver: nothing is downloaded.
 */
public final class Browser implements AutoCloseable {

    private final ChromeDriver driver;
    private final String base;
    private final WebDriverWait wait;

    public Browser(int port, int width, int height) {
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + width + "," + height, "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        if (width < 500) {
            // a desktop window cannot be narrower than 500 px: emulate the phone's screen instead
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", width, "height", height, "pixelRatio", 2.0, "touch", true)));
        }
        this.driver = new ChromeDriver(options);
        this.base = "http://localhost:" + port;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    public void open(String path) {
        driver.get(base + path);
    }

    public WebElement await(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits for the element to exist, also where it is drawn outside the visible part of its container. */
    public WebElement present(By by) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(by));
    }

    /** Clicks once the element takes clicks (not behind a loading indicator or an overlay that is closing). */
    public void click(By by) {
        wait.ignoring(ElementClickInterceptedException.class).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    WebElement element = d.findElement(by);
                    // the app layout scrolls its content in its own container, which Selenium does not scroll
                    ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
                    element.click();
                    return true;
                });
    }

    public void awaitText(By by, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    /** Waits until the element is no longer on the page (or no longer shown). */
    public void awaitGone(By by) {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(by));
    }

    /** Waits for the text in the element's content, also while the element is scrolled out of view. */
    public void awaitContent(By by, String text) {
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            Object content = ((JavascriptExecutor) d).executeScript("return arguments[0].textContent", d.findElement(by));
            return content != null && content.toString().contains(text);
        });
    }

    /** Types the credentials into the login form on the current page and submits them. */
    public void submitLogin(String username, String password) {
        await(By.cssSelector("#vaadinLoginUsername input")).sendKeys(username);
        await(By.cssSelector("#vaadinLoginPassword input")).sendKeys(password, Keys.ENTER);
    }

    /** Signs a demo account in (password {@code Demo@2019}) and waits for the workbench. */
    public void signIn(String username) {
        open("/login");
        submitLogin(username, "Demo@2019");
        await(By.id("home-view"));
    }

    public String currentPath() {
        return driver.getCurrentUrl().substring(base.length());
    }

    public void awaitPath(String path) {
        wait.until(d -> currentPath().equals(path) || currentPath().startsWith(path + "?"));
    }

    /**
     * What scrolls sideways on this page: the page wider than the window, a grid whose rows are wider than the grid,
     * or the bar wider than itself. Waits up to ten seconds for a grid to switch to cards; empty when nothing does.
     */
    public List<String> sideways() {
        return settled("""
                const found = [];
                const page = document.documentElement.scrollWidth;
                if (page > window.innerWidth) found.push('page ' + page + ' > ' + window.innerWidth);
                document.querySelectorAll('vaadin-grid, .bf-navbar').forEach(el => {
                  if (el.offsetParent === null) return;
                  const box = (el.$ && el.$.table) || el;
                  if (box.scrollWidth > box.clientWidth + 1) {
                    found.push((el.id || el.className || el.tagName) + ' ' + box.scrollWidth + ' > ' + box.clientWidth);
                  }
                });
                return found;""");
    }

    /**
     * Fields that take only digits (their allowed characters start with {@code [0-9}) whose input does not open the
     * phone's number keypad; empty when every such field does.
     */
    public List<String> numberFieldsWithoutKeypad() {
        return settled("""
                const found = [];
                document.querySelectorAll('vaadin-text-field').forEach(el => {
                  if (el.offsetParent === null || !(el.allowedCharPattern || '').startsWith('[0-9')) return;
                  const mode = el.inputElement && el.inputElement.getAttribute('inputmode');
                  if (mode !== 'numeric' && mode !== 'decimal') found.push((el.id || el.label) + ' ' + mode);
                });
                return found;""");
    }

    /** The page title in the bar, if it is shown whole-width enough to read and within the window; else null. */
    public String barTitle() {
        return (String) driver.executeScript("""
                const title = document.querySelector('.bf-view-title');
                if (!title) return null;
                const box = title.getBoundingClientRect();
                return box.width >= 40 && box.left >= 0 && box.right <= window.innerWidth ? title.textContent : null;""");
    }

    /** The script's list once it is empty, or as it is after ten seconds. */
    @SuppressWarnings("unchecked")
    private List<String> settled(String script) {
        long until = System.currentTimeMillis() + 10_000;
        List<String> found = (List<String>) driver.executeScript(script);
        while (!found.isEmpty() && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
            found = (List<String>) driver.executeScript(script);
        }
        return found;
    }

    public String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public List<WebElement> all(By by) {
        return driver.findElements(By.cssSelector("body")).isEmpty() ? List.of() : driver.findElements(by);
    }

    /** Messages the page wrote to the browser console (CSP violations land here). */
    public List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    /** Errors the page wrote to the browser console since the last look (a failed request lands here too). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage)
                .toList();
    }

    /** Waits until the condition holds on the page. */
    public <T> T waitUntil(java.util.function.Function<ChromeDriver, T> condition) {
        return wait.until(d -> condition.apply(driver));
    }

    public void screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
