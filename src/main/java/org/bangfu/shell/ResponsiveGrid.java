package org.bangfu.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.function.SerializableFunction;
import com.vaadin.flow.shared.Registration;

/**
 * Every grid of Bangfu, fit for a phone and for an empty list. An empty grid says in a sentence from the bundles
 * what will appear and how to start; in a window narrower than {@value #NARROW} px its columns give way to one
 * column of stacked cards (title, then a line per essential), switched when the page opens and on every resize,
 * so a row never scrolls sideways.
 *
 * <pre>{@code ResponsiveGrid.of(grid, "households.empty").keep(actions).card(h -> ResponsiveGrid.card(h.headName(), h.village()));}</pre>
 */
public final class ResponsiveGrid<T> {

    /** Below this window width (CSS px) a grid shows cards. */
    public static final int NARROW = 640;

    private final Grid<T> grid;
    private final List<Grid.Column<T>> kept = new ArrayList<>();
    private final List<Grid.Column<T>> wide = new ArrayList<>();
    private Grid.Column<T> cards;
    private Registration resizing;

    private ResponsiveGrid(Grid<T> grid) {
        this.grid = grid;
    }

    /** The grid with its empty-state sentence ({@code emptyKey} in the bundles). */
    public static <T> ResponsiveGrid<T> of(Grid<T> grid, String emptyKey) {
        grid.setEmptyStateText(grid.getTranslation(emptyKey));
        return new ResponsiveGrid<>(grid);
    }

    /** Columns that stay on a phone beside the card, such as a row's buttons. */
    @SafeVarargs
    public final ResponsiveGrid<T> keep(Grid.Column<T>... columns) {
        kept.addAll(Arrays.asList(columns));
        return this;
    }

    /**
     * The card a row becomes on a phone. Call it once every column is added: the columns visible now (except
     * those kept) are the wide ones that give way to the card.
     */
    public ResponsiveGrid<T> card(SerializableFunction<T, Component> card) {
        grid.getColumns().stream().filter(Grid.Column::isVisible).filter(c -> !kept.contains(c)).forEach(wide::add);
        cards = grid.addComponentColumn(card::apply).setFlexGrow(1).setKey("bf-card");
        List<Grid.Column<T>> order = new ArrayList<>(grid.getColumns());
        order.remove(cards);
        order.add(0, cards);
        grid.setColumnOrder(order);
        cards.setVisible(false);
        grid.addAttachListener(event -> {
            event.getUI().getPage().retrieveExtendedClientDetails(details -> compact(details.getWindowInnerWidth() < NARROW));
            resizing = event.getUI().getPage().addBrowserWindowResizeListener(e -> compact(e.getWidth() < NARROW));
        });
        grid.addDetachListener(event -> {
            if (resizing != null) {
                resizing.remove();
                resizing = null;
            }
        });
        return this;
    }

    /** Cards on a narrow window, the columns on a wide one. */
    void compact(boolean narrow) {
        cards.setVisible(narrow);
        wide.forEach(column -> column.setVisible(!narrow));
        grid.getElement().setAttribute("bf-compact", narrow);
    }

    /** A card: its title in bold, then each line below it (a text or a component; a null is left out). */
    public static Component card(Object title, Object... lines) {
        Div card = new Div(part(title, "bf-summary-head"));
        card.addClassName("bf-summary");
        Arrays.stream(lines).filter(Objects::nonNull).forEach(line -> card.add(part(line, "bf-summary-line")));
        return card;
    }

    private static Component part(Object value, String className) {
        Div part = value instanceof Component component ? new Div(component) : new Div(String.valueOf(value));
        part.addClassName(className);
        return part;
    }

    /** Words joined by a middle dot, leaving out the empty ones: "王建国 · 东村". */
    public static String line(Object... parts) {
        return String.join(" · ", Arrays.stream(parts).filter(Objects::nonNull).map(String::valueOf)
                .filter(s -> !s.isBlank()).toList());
    }
}
