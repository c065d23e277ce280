package org.bangfu.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.bangfu.testsupport.MessageBundles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;

/** Grids on a phone and empty: the switch between columns and cards, and a sentence for every grid. */
class ResponsiveGridTest {

    record Row(String name, String village, int members) {
    }

    /** Vaadin holds the current UI only by a weak reference: the test keeps it alive. */
    final UI ui = new UI();

    @BeforeEach
    void setUp() {
        UI.setCurrent(ui);
    }

    @AfterEach
    void tearDown() {
        UI.setCurrent(null);
    }

    @Nested
    class Switching {

        Grid<Row> grid = new Grid<>();
        Grid.Column<Row> name = grid.addColumn(Row::name).setHeader("name");
        Grid.Column<Row> village = grid.addColumn(Row::village).setHeader("village");
        Grid.Column<Row> members = grid.addColumn(Row::members).setHeader("members");
        Grid.Column<Row> actions = grid.addComponentColumn(r -> new Span("open"));
        ResponsiveGrid<Row> phone;

        @BeforeEach
        void install() {
            members.setVisible(false);
            phone = ResponsiveGrid.of(grid, "households.empty").keep(actions)
                    .card(r -> ResponsiveGrid.card(r.name(), r.village()));
        }

        private Grid.Column<Row> card() {
            return grid.getColumns().get(0);
        }

        @Test
        void aWideWindowShowsTheColumnsAndNoCard() {
            phone.compact(false);
            assertThat(grid.getColumns()).hasSize(5);
            assertThat(card().isVisible()).isFalse();
            assertThat(List.of(name, village, actions)).allMatch(Grid.Column::isVisible);
            assertThat(grid.getElement().hasAttribute("bf-compact")).isFalse();
        }

        @Test
        void aNarrowWindowShowsTheCardFirstAndKeepsOnlyTheButtons() {
            phone.compact(true);
            assertThat(card().isVisible()).isTrue();
            assertThat(name.isVisible()).isFalse();
            assertThat(village.isVisible()).isFalse();
            assertThat(actions.isVisible()).isTrue();
            assertThat(grid.getElement().hasAttribute("bf-compact")).isTrue();
        }

        @Test
        void widenedAgainTheColumnsComeBackButAColumnTheViewHidStaysHidden() {
            phone.compact(true);
            phone.compact(false);
            assertThat(name.isVisible()).isTrue();
            assertThat(village.isVisible()).isTrue();
            assertThat(members.isVisible()).isFalse();
            assertThat(card().isVisible()).isFalse();
        }

        @Test
        void aCardStacksItsTitleAndLinesAndLeavesOutWhatIsMissing() {
            Component card = ResponsiveGrid.card("王建国", ResponsiveGrid.line("东村", null, "", "第一帮扶小组"), null,
                    new Span("3"));
            List<Component> parts = card.getChildren().toList();
            assertThat(parts).hasSize(3);
            assertThat(parts.get(0).getElement().getClassList()).contains("bf-summary-head");
            assertThat(parts.get(0).getElement().getText()).isEqualTo("王建国");
            assertThat(parts.get(1).getElement().getText()).isEqualTo("东村 · 第一帮扶小组");
            assertThat(parts.get(2).getElement().getClassList()).contains("bf-summary-line");
        }
    }

    /**
     * Every grid of the application goes through {@link ResponsiveGrid} (so it fits a phone) with its own key, and
     * every key says something in both languages.
     */
    @Nested
    class EveryGrid {

        private static final Pattern NEW_GRID = Pattern.compile("new Grid<");
        private static final Pattern EMPTY_KEY = Pattern.compile("ResponsiveGrid\\.of\\(\\w+, \"([\\w.]+)\"\\)");

        @Test
        void everyGridOfTheApplicationIsResponsiveAndSaysWhatAnEmptyListMeans() throws IOException {
            Properties chinese = MessageBundles.texts(MessageBundles.CHINESE);
            Properties english = MessageBundles.texts(MessageBundles.ENGLISH);
            int grids = 0;
            try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    if (file.endsWith("ResponsiveGrid.java")) {
                        continue;
                    }
                    long created = NEW_GRID.matcher(source).results().count();
                    Matcher keys = EMPTY_KEY.matcher(source);
                    long responsive = 0;
                    while (keys.find()) {
                        responsive++;
                        String key = keys.group(1);
                        assertThat(chinese.getProperty(key)).as(file + ": " + key).isNotBlank();
                        assertThat(english.getProperty(key)).as(file + ": " + key).isNotBlank();
                    }
                    assertThat(responsive).as(file + ": grids without ResponsiveGrid.of(grid, key)").isEqualTo(created);
                    grids += (int) created;
                }
            }
            assertThat(grids).isGreaterThan(30);
        }
    }
}
