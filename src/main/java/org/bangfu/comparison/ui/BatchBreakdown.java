package org.bangfu.comparison.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.bangfu.comparison.Batch;
import org.bangfu.comparison.ComparisonBatches.RuleCount;
import org.bangfu.comparison.ComparisonBatches.StreetCount;
import org.bangfu.comparison.ComparisonBatches.Summary;
import org.bangfu.shell.ResponsiveGrid;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;

/** A batch's figures and its warnings by rule and by street; a row opens those warnings on 比对预警. */
class BatchBreakdown extends Div {

    private final long batch;

    BatchBreakdown(Summary shown) {
        Batch shownBatch = shown.batch();
        batch = shownBatch.id();
        Div figures = new Div();
        figures.addClassName("bf-cards");
        figures.add(figure("comparison.batch.households", String.valueOf(shownBatch.households()), "batch-households"),
                figure("comparison.batch.people", String.valueOf(shownBatch.people()), "batch-people"),
                figure("comparison.batch.warnings", String.valueOf(shownBatch.warningCount()), "batch-warnings"),
                figure("comparison.batch.householdsHit", String.valueOf(shownBatch.householdsHit()), "batch-hit"),
                figure("comparison.batch.hitShare", String.format(Locale.ROOT, "%.1f%%", shownBatch.hitShare() * 100),
                        "batch-share"));
        add(figures);

        Grid<RuleCount> byRule = new Grid<>();
        byRule.addColumn(r -> r.text(getLocale())).setHeader(getTranslation("comparison.export.rule")).setFlexGrow(1);
        byRule.addColumn(RuleCount::warnings).setHeader(getTranslation("comparison.batch.warnings")).setAutoWidth(true);
        byRule.addColumn(RuleCount::households).setHeader(getTranslation("comparison.batch.householdsHit")).setAutoWidth(true);
        ResponsiveGrid.of(byRule, "comparison.batch.byRule.empty").card(r -> ResponsiveGrid.card(r.text(getLocale()),
                ResponsiveGrid.line(getTranslation("comparison.batch.warnings") + " " + r.warnings(),
                        getTranslation("comparison.batch.householdsHit") + " " + r.households())));
        listed(byRule, "batch-by-rule", shown.byRule(), r -> Map.of("rule", r.ruleCode()));
        Grid<StreetCount> byStreet = new Grid<>();
        byStreet.addColumn(StreetCount::streetName).setHeader(getTranslation("comparison.export.street")).setFlexGrow(1);
        byStreet.addColumn(StreetCount::households).setHeader(getTranslation("comparison.batch.households")).setAutoWidth(true);
        byStreet.addColumn(StreetCount::people).setHeader(getTranslation("comparison.batch.people")).setAutoWidth(true);
        byStreet.addColumn(StreetCount::householdsHit).setHeader(getTranslation("comparison.batch.householdsHit")).setAutoWidth(true);
        byStreet.addColumn(StreetCount::warnings).setHeader(getTranslation("comparison.batch.warnings")).setAutoWidth(true);
        ResponsiveGrid.of(byStreet, "comparison.batch.byStreet.empty").card(s -> ResponsiveGrid.card(s.streetName(),
                ResponsiveGrid.line(getTranslation("comparison.batch.households") + " " + s.households(),
                        getTranslation("comparison.batch.people") + " " + s.people()),
                ResponsiveGrid.line(getTranslation("comparison.batch.householdsHit") + " " + s.householdsHit(),
                        getTranslation("comparison.batch.warnings") + " " + s.warnings())));
        listed(byStreet, "batch-by-street", shown.byStreet(), s -> Map.of("street", String.valueOf(s.streetId())));
        add(new H3(getTranslation("comparison.batch.byRule")), byRule, new H3(getTranslation("comparison.batch.byStreet")),
                byStreet);
    }

    /** A count grid of the batch: every row shown; a row opens its warnings of this batch on 比对预警. */
    private <T> void listed(Grid<T> grid, String id, List<T> rows, Function<T, Map<String, String>> warningsOf) {
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setId(id);
        grid.addItemClickListener(e -> {
            Map<String, String> query = new HashMap<>(warningsOf.apply(e.getItem()));
            query.put("batch", String.valueOf(batch));
            getUI().ifPresent(ui -> ui.navigate("comparison", QueryParameters.simple(query)));
        });
    }

    private Div figure(String labelKey, String value, String id) {
        Div card = new Div();
        card.addClassName("bf-card");
        Span number = new Span(value);
        number.addClassName("bf-figure");
        number.setId(id);
        card.add(number, new Span(getTranslation(labelKey)));
        return card;
    }
}
