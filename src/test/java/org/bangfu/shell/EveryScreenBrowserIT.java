package org.bangfu.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.bangfu.testsupport.Browser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each role opens every page its menu offers, and the household file tab by tab, on a desktop and on a
 * phone. A page fails on what its readers notice first: a word of English or an untranslated {@code !key!}
 * on a Chinese screen, a code in capitals shown as text, anything wider than the screen, a grid that
 * scrolls sideways on a phone, a control lower than 44 px on the phone, an error in the browser's console. All
 * problems of a role are gathered before the test fails, so one run lists them all; every page is
 * photographed as {@code target/screenshots/every-<role>-<width>-<page>.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EveryScreenBrowserIT {

    /** Latin words a Chinese screen may show: the product's and the other language's name, formats, units. */
    static final Set<String> LATIN_ALLOWED = Set.of("Bangfu", "English", "PDF", "CSV", "Excel", "BPMN", "xlsx",
            "csv", "pdf", "ID", "QR", "JPEG", "JPG", "PNG", "MB", "KB", "UTF", "DMN");
    static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    /** A file or team number such as BF000001 or T01, or a version v2, is the bureau's own code in every language. */
    static final Pattern NUMBER = Pattern.compile("[A-Z]{1,4}\\d+|v\\d+");
    /** Data people typed or chose rather than text Bangfu writes: addresses and file names. */
    static final Pattern DATA = Pattern.compile("https?://\\S+|\\S+\\.(?:png|jpe?g|pdf|csv|xlsx)\\b");
    /**
     * Pages whose data is Latin on purpose: the security administrator manages accounts by their sign-in names,
     * the administrator the code lists' codes and English names. There only untranslated keys count.
     */
    static final Set<String> LATIN_DATA_PAGES = Set.of("/accounts", "/code-lists");
    static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b|\\b[A-Z]{3,}\\b");
    static final Pattern KEY = Pattern.compile("![A-Za-z][\\w.-]*!");
    static final int PHONE_WIDTH = 390;

    @LocalServerPort
    int port;

    static Stream<Arguments> rolesAndScreens() {
        // -Devery.login=team01 tries one role while working on its screens
        String only = System.getProperty("every.login", "");
        List<String> logins = Stream.of("admin", "security", "auditor", "district", "leader", "street01", "team01",
                "lead01").filter(login -> only.isBlank() || only.equals(login)).toList();
        return logins.stream().flatMap(login -> Stream.of(Arguments.of(login, 1440, 900),
                Arguments.of(login, PHONE_WIDTH, 844)));
    }

    @ParameterizedTest(name = "{0} at {1}×{2}")
    @MethodSource("rolesAndScreens")
    void everyPageOfTheMenuReadsInChineseAndFits(String login, int width, int height) {
        List<String> problems = new ArrayList<>();
        try (Browser browser = new Browser(port, width, height)) {
            browser.signIn(login);
            List<String> paths = menu(browser);
            assertThat(paths).as("menu of " + login).isNotEmpty();
            for (String path : paths) {
                browser.open(path);
                settle(browser);
                inspect(browser, login, width, path, problems);
                if (path.equals("/households")) {
                    householdFile(browser, login, width, problems);
                }
            }
        }
        assertThat(problems).as(login + " at " + width + " px").isEmpty();
    }

    /** The menu's pages, in its order; the engine's own administration (Camunda's English web apps) aside. */
    @SuppressWarnings("unchecked")
    private static List<String> menu(Browser browser) {
        browser.present(By.id("main-nav"));
        List<String> paths = (List<String>) browser.driver().executeScript(
                "return Array.from(document.querySelectorAll('#main-nav vaadin-side-nav-item'))"
                        + ".map(i => i.path).filter(p => p != null && !p.includes('camunda/'))");
        return paths.stream().map(p -> p.startsWith("/") ? p : "/" + p).distinct().toList();
    }

    /** Opens the first household of the list and walks its tabs. */
    private static void householdFile(Browser browser, String login, int width, List<String> problems) {
        Object opened = browser.driver().executeScript(
                "const g = document.getElementById('household-grid');"
                        + "const cell = g && Array.from(g.querySelectorAll('vaadin-grid-cell-content'))"
                        + ".find(c => c.assignedSlot && c.assignedSlot.closest('#items'));"
                        + "if (!cell) return false; cell.click(); return true;");
        if (!Boolean.TRUE.equals(opened)) {
            return;
        }
        browser.await(By.id("household-view"));
        settle(browser);
        int tabs = browser.all(By.cssSelector("#household-view vaadin-tab")).size();
        for (int i = 0; i < tabs; i++) {
            browser.driver().executeScript(
                    "document.querySelectorAll('#household-view vaadin-tab')[arguments[0]].click()", i);
            settle(browser);
            inspect(browser, login, width, browser.currentPath() + "#tab" + (i + 1), problems);
        }
    }

    /** Waits until the page is drawn and the server has answered everything the page asked. */
    private static void settle(Browser browser) {
        browser.present(By.tagName("vaadin-app-layout"));
        browser.waitUntil(driver -> Boolean.TRUE.equals(driver.executeScript(
                "return !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients)"
                        + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())")));
    }

    @SuppressWarnings("unchecked")
    private static void inspect(Browser browser, String login, int width, String page, List<String> problems) {
        String where = page + ": ";
        browser.screenshot("every-" + login + "-" + width + "-" + page.replaceAll("[^A-Za-z0-9]+", "_"));
        Map<String, Object> seen = (Map<String, Object>) browser.driver().executeScript(INSPECT, width < 500);
        String text = DATA.matcher((String) seen.get("text")).replaceAll(" ");
        Set<String> found = new LinkedHashSet<>();
        Matcher key = KEY.matcher(text);
        while (key.find()) {
            found.add("untranslated key " + key.group());
        }
        String words = LATIN_DATA_PAGES.contains(page) ? "" : text;
        Matcher code = CODE.matcher(words);
        while (code.find()) {
            if (!LATIN_ALLOWED.contains(code.group())) {
                found.add("code shown as text " + code.group());
            }
        }
        Matcher word = LATIN_WORD.matcher(words);
        while (word.find()) {
            String latin = word.group();
            if (latin.length() > 1 && !LATIN_ALLOWED.contains(latin) && !NUMBER.matcher(latin).matches()
                    && !CODE.matcher(latin).matches()) {
                found.add("English on a Chinese screen \"" + context(words, word.start(), word.end()) + "\"");
            }
        }
        ((List<String>) seen.get("layout")).forEach(found::add);
        browser.consoleErrors().forEach(error -> found.add("console error " + error));
        found.forEach(problem -> problems.add(where + problem));
    }

    private static String context(String text, int start, int end) {
        return text.substring(Math.max(0, start - 12), Math.min(text.length(), end + 12)).replace('\n', ' ');
    }

    /**
     * Reads the page as its reader does: the text shown (also in grid cells, which live in the light DOM),
     * what sticks out of the window, grids wider than themselves, and on a phone the controls too small to
     * tap. Walks the composed tree (slots and shadow roots) to tell content that overflows from content a
     * scrolling container holds on purpose.
     */
    static final String INSPECT = """
            const phone = arguments[0];
            const width = window.innerWidth;
            const layout = [];
            const shown = el => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
                return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
            const label = el => el.localName + (el.id ? '#' + el.id : '')
                + (el.textContent ? ' "' + el.textContent.trim().replace(/\\s+/g, ' ').slice(0, 30) + '"' : '');
            const up = el => el.assignedSlot || el.parentElement || (el.getRootNode() && el.getRootNode().host) || null;
            const clipped = el => { for (let a = up(el); a && a !== document.body; a = up(a)) {
                const o = getComputedStyle(a).overflowX; if (o !== 'visible') return true; } return false; };
            const inClosedDrawer = el => { for (let a = el; a; a = up(a)) {
                if (a.localName === 'vaadin-app-layout') return false;
                if (a.getAttribute && a.getAttribute('slot') === 'drawer') {
                    const l = a.closest('vaadin-app-layout'); return !(l && l.drawerOpened); } } return false; };
            if (document.documentElement.scrollWidth > width + 1) {
                layout.push('page is ' + document.documentElement.scrollWidth + ' px wide in ' + width + ' px');
            }
            const out = new Set();
            for (const el of document.querySelectorAll('body *')) {
                // Vaadin's own connection status sits at the window's edge on purpose
                if (!shown(el) || inClosedDrawer(el) || el.closest('vaadin-connection-indicator')) continue;
                const r = el.getBoundingClientRect();
                if (r.right > width + 1 && !clipped(el)) {
                    // the outermost element that sticks out says it; its children go with it
                    if (!out.has(up(el))) {
                        layout.push('sticks out of the window by ' + Math.round(r.right - width) + ' px: ' + label(el));
                    }
                    out.add(el);
                }
                // a desktop grid may scroll its own columns; on a phone rows turn into cards instead
                if (phone && el.localName === 'vaadin-grid' && el.shadowRoot) {
                    const table = el.shadowRoot.querySelector('#table');
                    if (table && table.scrollWidth > table.clientWidth + 1) {
                        layout.push('grid scrolls sideways, ' + table.scrollWidth + ' px in ' + table.clientWidth
                            + ' px: ' + label(el).slice(0, 40));
                    }
                }
            }
            if (phone) {
                const controls = 'vaadin-button, vaadin-menu-bar-button, vaadin-tab, vaadin-checkbox, '
                    + 'vaadin-radio-button, vaadin-drawer-toggle, vaadin-details-summary, vaadin-side-nav-item';
                const fields = 'vaadin-text-field, vaadin-text-area, vaadin-password-field, vaadin-email-field, '
                    + 'vaadin-integer-field, vaadin-number-field, vaadin-big-decimal-field, vaadin-date-picker, '
                    + 'vaadin-combo-box, vaadin-select, vaadin-multi-select-combo-box, vaadin-time-picker';
                const small = (el, box) => { const r = box.getBoundingClientRect();
                    if (r.width > 0 && r.height > 0 && r.height < 43.5 && r.right > 0 && r.left < width
                            && !inClosedDrawer(el)) {
                        layout.push('too small to tap on a phone (' + Math.round(r.height) + ' px high): ' + label(el));
                    } };
                document.querySelectorAll(controls).forEach(el => shown(el) && small(el, el));
                document.querySelectorAll(fields).forEach(el => { if (!shown(el) || !el.shadowRoot) return;
                    const box = el.shadowRoot.querySelector('[part="input-field"]'); if (box) small(el, box); });
            }
            return { text: document.body.innerText, layout: layout.slice(0, 12) };
            """;
}
