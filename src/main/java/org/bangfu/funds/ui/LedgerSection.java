package org.bangfu.funds.ui;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

import org.bangfu.funds.FundLedger;
import org.bangfu.organisation.Organisation;
import org.bangfu.organisation.Street;
import org.bangfu.organisation.Team;
import org.bangfu.shared.BureauTime;
import org.bangfu.shell.AddressQuery;
import org.bangfu.shell.Names;
import org.bangfu.shell.ResponsiveGrid;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.StreamResource;

/** 资金管理's ledger: every entry of the year, filtered by street, team and kind, counted, summed and exported. */
class LedgerSection extends VerticalLayout {

    private final Select<Integer> ledgerYear = new Select<>();
    private final Select<Street> ledgerStreet = new Select<>();
    private final Select<Team> ledgerTeam = new Select<>();
    private final Select<FundLedger.Kind> ledgerKind = new Select<>();

    LedgerSection(FundLedger ledger, Organisation organisation, Names names, int year) {
        setPadding(false);
        Select<Integer> years = ledgerYear;
        years.setLabel(getTranslation("funds.year"));
        years.setItems(year + 1, year, year - 1, year - 2);
        years.setValue(year);
        Select<Street> street = orAll(ledgerStreet, "field.streetId", organisation.streets(), Street::name);
        Select<Team> team = orAll(ledgerTeam, "funds.team", organisation.teams(), Team::name);
        Select<FundLedger.Kind> kind = orAll(ledgerKind, "funds.kind", List.of(FundLedger.Kind.values()),
                k -> getTranslation("funds.kind." + k.name()));
        years.setId("ledger-year");
        street.setId("ledger-street");
        team.setId("ledger-team");
        kind.setId("ledger-kind");

        Grid<FundLedger.Entry> grid = new Grid<>();
        grid.setId("funds-ledger");
        grid.addColumn(e -> BureauTime.time(e.recordedAt())).setHeader(getTranslation("funds.ledger.column.time"))
                .setAutoWidth(true);
        grid.addColumn(e -> e.headName() + " · " + e.fileNo()).setHeader(getTranslation("funds.ledger.column.head"))
                .setAutoWidth(true);
        grid.addColumn(e -> e.teamName() == null ? "—" : e.teamName()).setHeader(getTranslation("funds.team"))
                .setAutoWidth(true);
        grid.addColumn(e -> getTranslation("funds.programme." + e.programme().name()))
                .setHeader(getTranslation("funds.programme")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation("funds.kind." + e.kind().name())).setHeader(getTranslation("funds.kind"))
                .setAutoWidth(true);
        grid.addColumn(e -> String.format(Locale.ROOT, "%,.2f", new BigDecimal(e.amount())))
                .setHeader(getTranslation("funds.amount")).setAutoWidth(true);
        grid.addColumn(e -> e.note() == null ? "" : e.note()).setHeader(getTranslation("funds.ledger.column.note"))
                .setFlexGrow(1);
        grid.addColumn(e -> names.of(e.recordedBy())).setHeader(getTranslation("funds.ledger.column.recordedBy"))
                .setAutoWidth(true);
        ResponsiveGrid.of(grid, "funds.ledger.empty").card(e -> ResponsiveGrid.card(
                ResponsiveGrid.line(e.headName(), String.format(Locale.ROOT, "%,.2f", new BigDecimal(e.amount()))),
                ResponsiveGrid.line(getTranslation("funds.kind." + e.kind().name()),
                        getTranslation("funds.programme." + e.programme().name()), e.teamName()),
                ResponsiveGrid.line(BureauTime.time(e.recordedAt()), names.of(e.recordedBy())), e.note()));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setHeight("60vh");
        Span count = new Span();
        count.setId("ledger-count");
        Locale locale = UI.getCurrent().getLocale();
        Anchor export = new Anchor();
        export.setId("ledger-export");
        export.getElement().setAttribute("download", true);
        Runnable refresh = () -> {
            FundLedger.Filter filter = new FundLedger.Filter(years.getValue(),
                    street.getValue() == null ? null : street.getValue().id(),
                    team.getValue() == null ? null : team.getValue().id(), null, kind.getValue());
            grid.setItems(query -> names.load(ledger.entries(filter, query.getOffset(), query.getLimit()),
                    FundLedger.Entry::recordedBy).stream(), query -> {
                int total = ledger.count(filter);
                count.setText(filter.kind() == null ? getTranslation("funds.ledger.count", total)
                        : getTranslation("funds.ledger.countSum", total, ledger.sum(filter).format()));
                return total;
            });
            export.setHref(new StreamResource("ledger-" + filter.year() + ".xlsx",
                    () -> new ByteArrayInputStream(ledger.export(filter, (key, args) -> getTranslation(locale, key, args)))));
            export.setText(getTranslation("funds.ledger.export"));
        };
        years.addValueChangeListener(e -> refresh.run());
        street.addValueChangeListener(e -> refresh.run());
        team.addValueChangeListener(e -> refresh.run());
        kind.addValueChangeListener(e -> refresh.run());
        refresh.run();
        HorizontalLayout filters = new HorizontalLayout(years, street, team, kind, count, export);
        filters.setAlignItems(Alignment.BASELINE);
        filters.setWrap(true);
        add(filters, grid);
    }

    /** A filter's choices, with 全部 (no value) first. */
    private <T> Select<T> orAll(Select<T> select, String labelKey, List<T> items, Function<T, String> label) {
        select.setLabel(getTranslation(labelKey));
        select.setItems(items);
        select.setItemLabelGenerator(item -> item == null ? getTranslation("filter.all") : label.apply(item));
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(getTranslation("filter.all"));
        return select;
    }

    /**
     * Filters as an address asks ({@code year}, {@code street}, {@code team} as ids, {@code kind}); anything unknown
     * or outside the choices is left out.
     */
    void filterBy(QueryParameters query) {
        AddressQuery.number(query, "year").map(Long::intValue).filter(y -> ledgerYear.getListDataView().contains(y))
                .ifPresent(ledgerYear::setValue);
        AddressQuery.number(query, "street").flatMap(id -> ledgerStreet.getListDataView().getItems().filter(s -> s.id() == id)
                .findFirst()).ifPresent(ledgerStreet::setValue);
        AddressQuery.number(query, "team").flatMap(id -> ledgerTeam.getListDataView().getItems().filter(t -> t.id() == id)
                .findFirst()).ifPresent(ledgerTeam::setValue);
        query.getSingleParameter("kind").flatMap(name -> Stream.of(FundLedger.Kind.values())
                .filter(k -> k.name().equals(name)).findFirst()).ifPresent(ledgerKind::setValue);
    }
}
