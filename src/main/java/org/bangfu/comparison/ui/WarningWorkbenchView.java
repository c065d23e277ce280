package org.bangfu.comparison.ui;

import org.bangfu.comparison.ComparisonRule;
import org.bangfu.comparison.ComparisonRules;
import org.bangfu.comparison.Comparisons;
import org.bangfu.comparison.Comparisons.ReportFilter;
import org.bangfu.comparison.Comparisons.ReportSummary;
import org.bangfu.organisation.Organisation;
import org.bangfu.organisation.Street;
import org.bangfu.shared.BureauTime;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.Role;
import org.bangfu.shell.AddressQuery;
import org.bangfu.shell.Badges;
import org.bangfu.shell.MainLayout;
import org.bangfu.shell.ResponsiveGrid;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * 比对预警: the households whose comparison raised warnings, open ones first by default, for the street
 * officer (their street) and the district; from a batch's summary it opens filtered by batch, rule or street.
 */
@Route(value = "comparison", layout = MainLayout.class)
@Menu(title = "nav.comparison", order = 20, icon = "vaadin:warning")
@RolesAllowed({ Role.Names.ADMIN, Role.Names.DISTRICT, Role.Names.LEADER, Role.Names.STREET })
class WarningWorkbenchView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient Comparisons comparisons;
    private final Grid<ReportSummary> grid = new Grid<>();
    private final Checkbox openOnly = new Checkbox();
    private final ComboBox<Street> street = new ComboBox<>();
    private final ComboBox<ComparisonRule> rule = new ComboBox<>();
    private final TextField name = new TextField();
    private final Button batchChip = new Button();
    private Long batchId;

    WarningWorkbenchView(Comparisons comparisons, ComparisonRules rules, Organisation organisation) {
        this.comparisons = comparisons;
        setId("comparison-workbench");
        setSizeFull();
        addClassName("bf-page");

        openOnly.setLabel(getTranslation("comparison.workbench.openOnly"));
        openOnly.setValue(true);
        openOnly.setId("workbench-open-only");
        street.setPlaceholder(getTranslation("field.streetId"));
        street.setItems(organisation.streets());
        street.setItemLabelGenerator(Street::name);
        street.setClearButtonVisible(true);
        street.setVisible(!CurrentUser.require().hasRole(Role.STREET));
        rule.setPlaceholder(getTranslation("comparison.export.rule"));
        rule.setItems(rules.list());
        rule.setItemLabelGenerator(r -> r.text(getLocale()));
        rule.setClearButtonVisible(true);
        name.setPlaceholder(getTranslation("comparison.workbench.search"));
        name.setPrefixComponent(VaadinIcon.SEARCH.create());
        name.setValueChangeMode(ValueChangeMode.LAZY);
        name.setClearButtonVisible(true);
        batchChip.setIcon(VaadinIcon.CLOSE_SMALL.create());
        batchChip.setIconAfterText(true);
        batchChip.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
        batchChip.setVisible(false);
        batchChip.setId("workbench-batch");
        batchChip.addClickListener(e -> {
            batchId = null;
            batchChip.setVisible(false);
            refresh();
        });
        openOnly.addValueChangeListener(e -> refresh());
        street.addValueChangeListener(e -> refresh());
        rule.addValueChangeListener(e -> refresh());
        name.addValueChangeListener(e -> refresh());
        FlexLayout filters = new FlexLayout(name, street, rule, openOnly, batchChip);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(Alignment.CENTER);
        filters.addClassName("bf-filters");

        grid.addColumn(ReportSummary::fileNo).setHeader(getTranslation("field.fileNo")).setAutoWidth(true);
        grid.addColumn(ReportSummary::headName).setHeader(getTranslation("field.headName")).setAutoWidth(true);
        grid.addColumn(ReportSummary::streetName).setHeader(getTranslation("field.streetId")).setAutoWidth(true);
        grid.addColumn(ReportSummary::villageName).setHeader(getTranslation("field.villageId")).setAutoWidth(true);
        grid.addColumn(r -> r.batchId() == null ? getTranslation("comparison.source.single")
                : getTranslation("comparison.source.batch", r.batchId())).setHeader(getTranslation("comparison.source"))
                .setAutoWidth(true);
        grid.addColumn(r -> BureauTime.time(r.createdAt()))
                .setHeader(getTranslation("comparison.workbench.compared")).setAutoWidth(true);
        grid.addColumn(ReportSummary::warnings).setHeader(getTranslation("comparison.batch.warnings")).setAutoWidth(true);
        grid.addComponentColumn(r -> r.open() > 0
                ? Badges.of(getTranslation("comparison.report.open", r.open()), "primary")
                : Badges.of(getTranslation(r.exclusion() ? "comparison.report.excluded" : "comparison.report.complete"),
                        r.exclusion() ? "error" : "success"))
                .setHeader(getTranslation("comparison.status")).setAutoWidth(true);
        ResponsiveGrid.of(grid, "comparison.workbench.empty").card(r -> ResponsiveGrid.card(
                ResponsiveGrid.line(r.headName(), r.fileNo()), ResponsiveGrid.line(r.streetName(), r.villageName()),
                r.open() > 0 ? Badges.of(getTranslation("comparison.report.open", r.open()), "primary")
                        : Badges.of(getTranslation(r.exclusion() ? "comparison.report.excluded" : "comparison.report.complete"),
                                r.exclusion() ? "error" : "success")));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        grid.setId("workbench-grid");
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("comparison/report/" + e.getItem().reportId())));
        add(filters, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters query = event.getLocation().getQueryParameters();
        batchId = AddressQuery.number(query, "batch").orElse(null);
        AddressQuery.number(query, "street").ifPresent(id -> street.getListDataView().getItems().filter(s -> s.id() == id)
                .findFirst().ifPresent(street::setValue));
        query.getSingleParameter("rule").ifPresent(code -> rule.getListDataView().getItems()
                .filter(r -> r.code().equals(code)).findFirst().ifPresent(rule::setValue));
        if (batchId != null) {
            openOnly.setValue(false);
            batchChip.setText(getTranslation("comparison.source.batch", batchId));
            batchChip.setVisible(true);
        }
        refresh();
    }

    private void refresh() {
        ReportFilter filter = new ReportFilter(openOnly.getValue(), street.getValue() == null ? null : street.getValue().id(),
                batchId, rule.getValue() == null ? null : rule.getValue().code(), name.getValue());
        grid.setItems(q -> comparisons.reports(filter, q.getOffset(), q.getLimit()).stream(),
                q -> comparisons.countReports(filter));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.comparison");
    }
}
