package org.bangfu.modeler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.bangfu.testsupport.Browser;
import org.bangfu.testsupport.RunAs;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Every file in processes/ opens in the browser's editor with its layout, is saved by the editor, passes every
 * check, and deploys unchanged in meaning.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ModelerRoundTripIT {

    @LocalServerPort
    int port;

    @Autowired
    Modeler modeler;

    @Autowired
    ProcessEngine engine;

    @Autowired
    UserDetailsService users;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser(port, 1400, 1000);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void everyShippedFileOpensSavesAndDeploysUnchangedInMeaning() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("processes"))) {
            files = list.filter(p -> p.toString().matches(".*\\.(bpmn|dmn)")).sorted().toList();
        }
        assertThat(files).hasSize(8);
        RunAs as = new RunAs(users);
        browser.signIn("admin");
        for (Path file : files) {
            String shipped = Files.readString(file, StandardCharsets.UTF_8);
            String name = file.getFileName().toString();
            ModelEntry entry = as.call("admin", () -> modeler.library().stream()
                    .filter(e -> e.resourceName().equals(name)).findFirst().orElseThrow());
            Draft draft = as.call("admin", () -> modeler.startDraft(entry.live().definitionId()));

            browser.open("/processes/drafts/" + draft.id());
            boolean bpmn = name.endsWith(".bpmn");
            browser.await(By.cssSelector(bpmn ? "bangfu-bpmn-editor .djs-element.djs-shape" : "bangfu-dmn-editor .bf-dmn-view table, bangfu-dmn-editor .bf-dmn-view svg"));
            if (bpmn) {
                long drawn = (Long) browser.driver().executeScript(
                        "return document.querySelectorAll('bangfu-bpmn-editor .djs-element.djs-shape').length");
                assertThat(drawn).as(name + " drawn with its layout").isGreaterThan(5);
            }
            browser.click(By.id("draft-save"));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                    .until(d -> as.call("admin", () -> modeler.draft(draft.id())).rowVersion() > draft.rowVersion());
            String saved = as.call("admin", () -> modeler.draft(draft.id())).content();

            assertThat(saved).as(name + " written by the editor").isNotEqualTo(shipped);
            assertThat(ModelDiffer.compare(shipped, saved).changes()).as(name).isEmpty();
            assertThat(as.call("admin", () -> modeler.check(draft.id(), saved))).as(name).isEmpty();

            engine.getRepositoryService().createDeployment().name("round trip " + name)
                    .addInputStream(name, new ByteArrayInputStream(saved.getBytes(StandardCharsets.UTF_8))).deploy();
            ModelEntry after = as.call("admin", () -> modeler.entry(entry.key()));
            assertThat(after.live().version()).isEqualTo(entry.live().version() + 1);
            assertThat(as.call("admin", () -> modeler.compareVersions(entry.live().definitionId(),
                    after.live().definitionId())).changes()).as(name).isEmpty();
        }
    }
}
