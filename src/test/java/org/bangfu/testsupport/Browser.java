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
