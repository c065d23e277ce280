package org.bangfu.comparison.ui;

import org.bangfu.comparison.AgencyData;
import org.bangfu.comparison.AgencyData.AgencyRecord;
import org.bangfu.comparison.AgencyData.Dataset;
import org.bangfu.comparison.AgencyData.RowProblem;
import org.bangfu.comparison.AgencyField;
import org.bangfu.shared.BureauTime;
import org.bangfu.shared.Role;
import org.bangfu.shell.MainLayout;
import org.bangfu.shared.People;
import org.bangfu.shell.Names;
import org.bangfu.shell.ResponsiveGrid;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * 部门比对数据: every imported version of every agency's data set, newest first; a version opens its records
 * and the rows it skipped. Agency data is for the district and administrators only.
 */
@Route(value = "agency-data", layout = MainLayout.class)
@Menu(title = "nav.agencyData", order = 24, icon = "vaadin:database")
@RolesAllowed({ Role.Names.ADMIN, Role.Names.DISTRICT })
class AgencyDataView extends VerticalLayout implements HasDynamicTitle {

    private final transient AgencyData agencyData;
    private final transient Names names;
    private final Grid<Dataset> grid = new Grid<>();

    AgencyDataView(AgencyData agencyData, People people) {
        this.names = new Names(people, this::getTranslation);
        this.agencyData = agencyData;
        setId("agency-data");
        setSizeFull();
        addClassName("bf-page");
        Button importButton = new Button(getTranslation("agency.import.title"), VaadinIcon.UPLOAD.create(),
                e -> new AgencyImportDialog(agencyData, this::refresh).open());
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importButton.setId("agency-import-open");

        grid.addColumn(d -> getTranslation("agency.kind." + d.kind())).setHeader(getTranslation("agency.import.kind"))
                .setAutoWidth(true);
        grid.addColumn(d -> "v" + d.versionNo()).setHeader(getTranslation("agency.version")).setAutoWidth(true);
        grid.addColumn(Dataset::asOf).setHeader(getTranslation("agency.import.asOf")).setAutoWidth(true);
        grid.addColumn(Dataset::fileName).setHeader(getTranslation("agency.file")).setAutoWidth(true);
        grid.addColumn(d -> d.charset() == null ? "xlsx" : d.charset()).setHeader(getTranslation("agency.charset"))
                .setAutoWidth(true);
        grid.addColumn(Dataset::rowCount).setHeader(getTranslation("agency.rows")).setAutoWidth(true);
        grid.addColumn(Dataset::skippedCount).setHeader(getTranslation("agency.skipped")).setAutoWidth(true);
        grid.addColumn(d -> BureauTime.time(d.importedAt()))
                .setHeader(getTranslation("agency.importedAt")).setAutoWidth(true);
        grid.addColumn(d -> names.of(d.importedBy())).setHeader(getTranslation("agency.importedBy")).setAutoWidth(true);
        ResponsiveGrid.of(grid, "agency.empty").card(d -> ResponsiveGrid.card(
                ResponsiveGrid.line(getTranslation("agency.kind." + d.kind()), "v" + d.versionNo(), d.asOf()),
                d.fileName(), ResponsiveGrid.line(getTranslation("agency.rows") + " " + d.rowCount(),
                        getTranslation("agency.skipped") + " " + d.skippedCount()), names.of(d.importedBy())));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        grid.setId("agency-grid");
        grid.addItemClickListener(e -> records(e.getItem()));
        add(new Paragraph(getTranslation("agency.help")), importButton, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(names.load(agencyData.datasets(), Dataset::importedBy));
    }

    /** A version's records, page by page, and the rows it skipped. */
    private void records(Dataset dataset) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("agency.kind." + dataset.kind()) + " v" + dataset.versionNo());
        dialog.setWidth("min(64rem, 100vw)");
        dialog.setId("agency-records");
        Grid<AgencyRecord> records = new Grid<>();
        records.addColumn(AgencyRecord::rowNo).setHeader(getTranslation("households.import.row")).setAutoWidth(true);
        for (AgencyField field : dataset.kind().fields()) {
            records.addColumn(r -> r.values().get(field.key())).setHeader(getTranslation("agency.field." + field.key()))
                    .setAutoWidth(true);
        }
        ResponsiveGrid.of(records, "agency.records.empty").card(r -> ResponsiveGrid.card(
                getTranslation("households.import.row") + " " + r.rowNo(), dataset.kind().fields().stream()
                        .map(field -> getTranslation("agency.field." + field.key()) + " " + r.values().get(field.key()))
                        .toArray()));
        records.setItems(q -> agencyData.records(dataset.id(), q.getOffset(), q.getLimit()).stream());
        records.addThemeVariants(GridVariant.LUMO_COMPACT);
        records.setHeight("24rem");
        dialog.add(records);
        if (dataset.skippedCount() > 0) {
            Grid<RowProblem> skipped = new Grid<>();
            skipped.addColumn(RowProblem::rowNo).setHeader(getTranslation("households.import.row")).setAutoWidth(true);
            skipped.addColumn(p -> getTranslation("agency.field." + p.field())).setHeader(getTranslation("comparison.field"))
                    .setAutoWidth(true);
            skipped.addColumn(p -> getTranslation(p.messageKey())).setHeader(getTranslation("households.import.problem"))
                    .setFlexGrow(1);
            skipped.addColumn(RowProblem::value).setHeader(getTranslation("agency.import.value")).setAutoWidth(true);
            ResponsiveGrid.of(skipped, "agency.skipped.empty").card(p -> ResponsiveGrid.card(getTranslation(p.messageKey()),
                    ResponsiveGrid.line(getTranslation("households.import.row") + " " + p.rowNo(),
                            getTranslation("agency.field." + p.field()), p.value())));
            skipped.setItems(agencyData.skippedRows(dataset.id()));
            skipped.addThemeVariants(GridVariant.LUMO_COMPACT);
            skipped.setHeight("12rem");
            dialog.add(new H3(getTranslation("agency.skippedRows", dataset.skippedCount())), skipped);
        }
        dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.agencyData");
    }
}
