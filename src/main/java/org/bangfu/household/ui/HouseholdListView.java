package org.bangfu.household.ui;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;

import org.bangfu.household.Attribute;
import org.bangfu.household.CodeLists;
import org.bangfu.household.CodeLists.CodeItem;
import org.bangfu.household.HouseholdFilter;
import org.bangfu.household.HouseholdSort;
import org.bangfu.household.HouseholdStage;
import org.bangfu.household.HouseholdSummary;
import org.bangfu.household.HouseholdExcel;
import org.bangfu.household.Households;
import org.bangfu.organisation.Organisation;
import org.bangfu.organisation.Street;
import org.bangfu.organisation.Team;
import org.bangfu.organisation.Village;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.Role;
import org.bangfu.shared.SignedInUser;
import org.bangfu.shell.AddressQuery;
import org.bangfu.shell.MainLayout;
import org.bangfu.shell.ResponsiveGrid;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * 困难户档案: the households the person may see, loaded page by page, with filters, search by name or ID
 * number, and sorting; a row opens the household's page.
 */
@Route(value = "households", layout = MainLayout.class)
@Menu(title = "nav.households", order = 10, icon = "vaadin:records")
@RolesAllowed({ Role.Names.ADMIN, Role.Names.DISTRICT, Role.Names.LEADER, Role.Names.STREET, Role.Names.TEAM_MEMBER,
        Role.Names.TEAM_LEADER })
class HouseholdListView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final transient Households households;
    private final transient HouseholdExcel excel;
    private final Grid<HouseholdSummary> grid = new Grid<>();
    private HouseholdFilter filter = HouseholdFilter.NONE;
    private final TextField search = new TextField();
    private final ComboBox<Street> street = new ComboBox<>();
    private final ComboBox<Village> village = new ComboBox<>();
    private final ComboBox<Team> team = new ComboBox<>();
    private final ComboBox<HouseholdStage> stage = new ComboBox<>();
    private final ComboBox<Attribute> attribute = new ComboBox<>();
    private final ComboBox<CodeItem> cause = new ComboBox<>();
    private final Span count = new Span();

    HouseholdListView(Households households, HouseholdExcel excel, Organisation organisation, CodeLists codes) {
        this.households = households;
        this.excel = excel;
        SignedInUser user = CurrentUser.require();
        setId("household-list");
        setSizeFull();
        addClassName("bf-page");

        search.setPlaceholder(getTranslation("households.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setId("household-search");
        List<Village> villages = organisation.villages();
        filter(street, "field.streetId", organisation.streets(), Street::name);
        street.addValueChangeListener(e -> village.setItems(villages.stream()
                .filter(v -> e.getValue() == null || v.streetId() == e.getValue().id()).toList()));
        filter(village, "field.villageId", villages, Village::name);
        filter(team, "field.teamId", organisation.teams(), Team::name);
        filter(stage, "field.stage", List.of(HouseholdStage.values()), s -> getTranslation("stage." + s.name()));
        filter(attribute, "field.attribute", List.of(Attribute.values()), a -> getTranslation("attribute." + a.name()));
        filter(cause, "field.mainCause", codes.items(CodeLists.CAUSE), i -> i.label(getLocale()));
        // a street officer's or a team's list is theirs already: no filter that could only come up empty
        street.setVisible(!user.hasRole(Role.STREET) && !user.hasRole(Role.TEAM_MEMBER) && !user.hasRole(Role.TEAM_LEADER));
        team.setVisible(!user.hasRole(Role.TEAM_MEMBER) && !user.hasRole(Role.TEAM_LEADER));
        search.addValueChangeListener(e -> refresh());

        FlexLayout filters = new FlexLayout(search, street, village, team, stage, attribute, cause);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.addClassName("bf-filters");

        grid.addColumn(HouseholdSummary::fileNo).setHeader(getTranslation("field.fileNo")).setAutoWidth(true);
        grid.addColumn(HouseholdSummary::headName).setHeader(getTranslation("field.headName")).setKey("name")
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(HouseholdSummary::streetName).setHeader(getTranslation("field.streetId")).setKey("street")
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(HouseholdSummary::villageName).setHeader(getTranslation("field.villageId")).setAutoWidth(true);
        grid.addColumn(HouseholdSummary::teamName).setHeader(getTranslation("field.teamId")).setAutoWidth(true);
        grid.addColumn(h -> getTranslation("stage." + h.stage().name())).setHeader(getTranslation("field.stage"))
                .setKey("stage").setSortable(true).setAutoWidth(true);
        grid.addColumn(h -> getTranslation("attribute." + h.attribute().name()))
                .setHeader(getTranslation("field.attribute")).setAutoWidth(true);
        grid.addColumn(h -> codes.label(CodeLists.CAUSE, h.mainCause(), getLocale()))
                .setHeader(getTranslation("field.mainCause")).setAutoWidth(true);
        grid.addColumn(HouseholdSummary::members).setHeader(getTranslation("field.members")).setAutoWidth(true);
        ResponsiveGrid.of(grid, "households.empty").card(h -> ResponsiveGrid.card(ResponsiveGrid.line(h.headName(), h.fileNo()),
                ResponsiveGrid.line(h.streetName(), h.villageName(), h.teamName()),
                ResponsiveGrid.line(getTranslation("stage." + h.stage().name()),
                        getTranslation("attribute." + h.attribute().name()))));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        grid.setId("household-grid");
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("households/" + e.getItem().id())));
        refresh();

        HorizontalLayout actions = new HorizontalLayout();
        actions.setWrap(true);
        if (user.hasRole(Role.STREET) || user.hasRole(Role.DISTRICT) || user.hasRole(Role.ADMIN)) {
            Button create = new Button(getTranslation("households.create"), VaadinIcon.PLUS.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate("households/new")));
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.setId("household-create");
            Button importButton = new Button(getTranslation("households.import"), VaadinIcon.UPLOAD.create(),
                    e -> new ImportDialog(excel, this::refresh).open());
            importButton.setId("household-import");
            actions.add(create, importButton, download("households.template", "bangfu-households-template.xlsx",
                    out -> out.write(excel.template())));
        }
        count.setId("household-count");
        actions.add(count);
        actions.setAlignItems(Alignment.BASELINE);
        actions.add(download("households.export", "bangfu-households.xlsx",
                out -> excel.export(filter, HouseholdSort.NAME, getLocale(), out)));
        add(actions, filters, grid);
    }

    private <T> void filter(ComboBox<T> box, String labelKey, List<T> items,
            com.vaadin.flow.component.ItemLabelGenerator<T> label) {
        box.setPlaceholder(getTranslation(labelKey));
        box.setItems(items);
        box.setItemLabelGenerator(label);
        box.setClearButtonVisible(true);
        box.addValueChangeListener(e -> refresh());
    }

    private Anchor download(String labelKey, String fileName, OutputWriter writer) {
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writer.write(out);
            return new DownloadResponse(new ByteArrayInputStream(out.toByteArray()), fileName,
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out.size());
        }), "");
        Button button = new Button(getTranslation(labelKey), VaadinIcon.DOWNLOAD.create());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        link.add(button);
        link.setId(labelKey.replace('.', '-'));
        return link;
    }

    /** Writes a workbook for a download. */
    @FunctionalInterface
    interface OutputWriter {
        void write(java.io.OutputStream out) throws java.io.IOException;
    }

    private void refresh() {
        filter = new HouseholdFilter(street.getValue() == null ? null : street.getValue().id(),
                village.getValue() == null ? null : village.getValue().id(),
                team.getValue() == null ? null : team.getValue().id(), stage.getValue(), attribute.getValue(),
                cause.getValue() == null ? null : cause.getValue().code(), search.getValue());
        grid.setItems(query -> households.list(filter, sort(query.getSortOrders()), query.getOffset(), query.getLimit())
                .stream(), query -> {
                    int total = households.count(filter);
                    count.setText(getTranslation("households.count", total));
                    return total;
                });
    }

    /**
     * A list opened from a figure elsewhere (the dashboard) arrives filtered: {@code street}, {@code team} (ids),
     * {@code stage}, {@code attribute} (names), {@code cause} (a code); anything unknown is left out.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters query = event.getLocation().getQueryParameters();
        AddressQuery.number(query, "street").flatMap(id -> street.getListDataView().getItems().filter(s -> s.id() == id).findFirst())
                .filter(s -> street.isVisible()).ifPresent(street::setValue);
        AddressQuery.number(query, "team").flatMap(id -> team.getListDataView().getItems().filter(t -> t.id() == id).findFirst())
                .filter(t -> team.isVisible()).ifPresent(team::setValue);
        query.getSingleParameter("stage").flatMap(name -> named(List.of(HouseholdStage.values()), name))
                .ifPresent(stage::setValue);
        query.getSingleParameter("attribute").flatMap(name -> named(List.of(Attribute.values()), name))
                .ifPresent(attribute::setValue);
        query.getSingleParameter("cause").flatMap(code -> cause.getListDataView().getItems()
                .filter(i -> i.code().equals(code)).findFirst()).ifPresent(cause::setValue);
    }

    private static <E extends Enum<E>> Optional<E> named(List<E> values, String name) {
        return values.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    private static HouseholdSort sort(List<com.vaadin.flow.data.provider.QuerySortOrder> orders) {
        if (orders.isEmpty()) {
            return HouseholdSort.NAME;
        }
        var first = orders.get(0);
        return switch (first.getSorted()) {
            case "street" -> HouseholdSort.STREET;
            case "stage" -> HouseholdSort.STAGE;
            default -> first.getDirection() == SortDirection.DESCENDING ? HouseholdSort.NAME_DESC : HouseholdSort.NAME;
        };
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.households");
    }
}
