package org.bangfu.organisation.ui;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bangfu.organisation.Organisation;
import org.bangfu.organisation.OrganisationExcel.ImportProblem;
import org.bangfu.organisation.OrganisationExcel.ImportReport;
import org.bangfu.organisation.OrganisationExcel;
import org.bangfu.organisation.OrganisationNotFound;
import org.bangfu.organisation.StaleOrganisation;
import org.bangfu.organisation.Street;
import org.bangfu.organisation.Team;
import org.bangfu.organisation.Village;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Role;
import org.bangfu.shell.MainLayout;
import org.bangfu.shell.UploadTexts;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;

import jakarta.annotation.security.RolesAllowed;

/**
 * 街道与帮扶小组: the district's streets with their villages and communities, and the assistance teams with the
 * streets they serve, as cards that read on a phone. The administrator adds, renames, deactivates and reactivates
 * them, and imports them from the Excel template; district officers and leaders read.
 */
@Route(value = "organisation", layout = MainLayout.class)
@Menu(title = "nav.organisation", order = 60, icon = "vaadin:sitemap")
@RolesAllowed({ Role.Names.ADMIN, Role.Names.DISTRICT, Role.Names.LEADER })
class OrganisationView extends VerticalLayout implements HasDynamicTitle {

    private final transient Organisation organisation;
    private final transient OrganisationExcel excel;
    private final boolean admin;
    private final Div content = new Div();

    OrganisationView(Organisation organisation, OrganisationExcel excel) {
        this.organisation = organisation;
        this.excel = excel;
        this.admin = Organisation.mayEdit();
        setId("organisation-view");
        addClassName("bf-page");
        content.setWidthFull();
        if (admin) {
            add(toolbar());
        } else {
            Paragraph readOnly = new Paragraph(getTranslation("organisation.readOnly"));
            readOnly.setId("org-read-only");
            add(readOnly);
        }
        add(content);
        refresh();
    }

    private Component toolbar() {
        FlexLayout bar = new FlexLayout(button("organisation.addStreet", "org-add-street", e -> streetDialog(null)),
                button("organisation.addVillage", "org-add-village", e -> villageDialog(null)),
                button("organisation.addTeam", "org-add-team", e -> teamDialog(null)), templateLink(),
                button("organisation.importFile", "org-import", e -> importDialog()));
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.addClassName("bf-org-toolbar");
        return bar;
    }

    private void refresh() {
        content.removeAll();
        Organisation.Overview all = organisation.overview();
        Map<Long, String> streetNames = all.streets().stream().collect(Collectors.toMap(Street::id, Street::name));

        content.add(new H3(getTranslation("organisation.streets", all.streets().size())));
        Div streets = new Div();
        streets.addClassName("bf-org-cards");
        streets.setId("streets");
        for (Street street : all.streets()) {
            Div card = card("street-" + street.code(), street.code(), street.name(), street.active(),
                    !admin ? null : actions(e -> streetDialog(street),
                            street.active() ? () -> organisation.deactivateStreet(street.id(), street.version())
                                    : () -> organisation.reactivateStreet(street.id(), street.version()),
                            street.active(), street.name()));
            List<Village> villages = all.villages().stream().filter(v -> v.streetId() == street.id()).toList();
            if (!villages.isEmpty()) {
                Div list = new Div();
                list.addClassName("bf-org-villages");
                for (Village village : villages) {
                    Div line = new Div();
                    line.addClassName("bf-org-village");
                    line.setId("village-" + village.code());
                    line.add(label(village.code(), village.name(), village.active()));
                    if (admin) {
                        line.add(actions(e -> villageDialog(village),
                                village.active() ? () -> organisation.deactivateVillage(village.id(), village.version())
                                        : () -> organisation.reactivateVillage(village.id(), village.version()),
                                village.active(), village.name()));
                    }
                    list.add(line);
                }
                card.add(list);
            }
            streets.add(card);
        }
        content.add(streets);

        content.add(new H3(getTranslation("organisation.teams", all.teams().size())));
        Div teams = new Div();
        teams.addClassName("bf-org-cards");
        teams.setId("teams");
        for (Team team : all.teams()) {
            Div card = card("team-" + team.code(), team.code(), team.name(), team.active(),
                    !admin ? null : actions(e -> teamDialog(team),
                            team.active() ? () -> organisation.deactivateTeam(team.id(), team.version())
                                    : () -> organisation.reactivateTeam(team.id(), team.version()),
                            team.active(), team.name()));
            Span served = new Span(getTranslation("organisation.servedStreets") + "："
                    + team.streetIds().stream().map(id -> streetNames.getOrDefault(id, "")).collect(Collectors.joining("、")));
            served.addClassName("bf-org-served");
            card.add(served);
            teams.add(card);
        }
        content.add(teams);
    }

    /** A card headed by the code and name, with the administrator's actions beside them (null: none). */
    private Div card(String id, String code, String name, boolean active, Component actions) {
        Div head = new Div(label(code, name, active));
        head.addClassName("bf-org-head");
        if (actions != null) {
            head.add(actions);
        }
        Div card = new Div(head);
        card.addClassName("bf-org-card");
        card.setId(id);
        return card;
    }

    private Div label(String code, String name, boolean active) {
        Span codeText = new Span(code);
        codeText.addClassName("bf-org-code");
        Div label = new Div(codeText, new Span(name));
        label.addClassName("bf-org-label");
        if (!active) {
            Span inactive = new Span(getTranslation("organisation.inactive"));
            inactive.getElement().getThemeList().add("badge contrast small");
            label.add(inactive);
            label.addClassName("bf-org-inactive");
        }
        return label;
    }

    /** Edit, and deactivate (after confirming) or reactivate. */
    private Div actions(com.vaadin.flow.component.ComponentEventListener<com.vaadin.flow.component.ClickEvent<Button>> edit,
            Runnable toggle, boolean active, String name) {
        Button editButton = new Button(getTranslation("organisation.edit"), edit);
        editButton.addClassName("org-edit");
        Button toggleButton = new Button(getTranslation(active ? "organisation.deactivate" : "organisation.reactivate"),
                e -> {
                    if (active) {
                        ConfirmDialog confirm = new ConfirmDialog(getTranslation("organisation.deactivate"),
                                getTranslation("organisation.confirmDeactivate", name),
                                getTranslation("organisation.deactivate"), c -> change(toggle));
                        confirm.setCancelable(true);
                        confirm.setCancelText(getTranslation("action.cancel"));
                        confirm.setConfirmButtonTheme("error primary");
                        confirm.setId("org-confirm");
                        confirm.open();
                    } else {
                        change(toggle);
                    }
                });
        toggleButton.addClassName(active ? "org-deactivate" : "org-reactivate");
        for (Button b : List.of(editButton, toggleButton)) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        Div actions = new Div(editButton, toggleButton);
        actions.addClassName("bf-org-actions");
        return actions;
    }

    private void change(Runnable change) {
        try {
            change.run();
            Notification.show(getTranslation("organisation.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInput invalid) {
            warn(invalid.errors().stream().map(e -> getTranslation(e.messageKey(), e.arguments()))
                    .collect(Collectors.joining("\n")));
        } catch (StaleOrganisation stale) {
            warn(getTranslation("organisation.stale"));
        } catch (OrganisationNotFound gone) {
            warn(getTranslation("organisation.notFound"));
        }
        refresh();
    }

    static void warn(String text) {
        Notification notification = Notification.show(text, 8000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.setId("org-warning");
    }

    // ---- dialogs -----------------------------------------------------------------------------------------

    private void streetDialog(Street street) {
        TextField code = text("organisation.code", "org-code", street == null ? "" : street.code());
        TextField name = text("organisation.name", "org-name", street == null ? "" : street.name());
        OrganisationDialog dialog = new OrganisationDialog(
                street == null ? getTranslation("organisation.addStreet") : street.name(),
                () -> street == null ? organisation.createStreet(code.getValue(), name.getValue())
                        : organisation.renameStreet(street.id(), street.version(), name.getValue()),
                this::refresh);
        code.setReadOnly(street != null);
        dialog.field("code", code);
        dialog.field("name", name);
        dialog.open();
    }

    private void villageDialog(Village village) {
        ComboBox<Street> street = new ComboBox<>(getTranslation("organisation.villageStreet"));
        street.setId("org-street");
        street.setItemLabelGenerator(s -> s.code() + " " + s.name());
        street.setItems(village == null ? organisation.activeStreets() : organisation.streets());
        if (village != null) {
            street.setValue(organisation.street(village.streetId()).orElse(null));
            street.setReadOnly(true);
        }
        TextField code = text("organisation.code", "org-code", village == null ? "" : village.code());
        code.setReadOnly(village != null);
        TextField name = text("organisation.name", "org-name", village == null ? "" : village.name());
        OrganisationDialog dialog = new OrganisationDialog(
                village == null ? getTranslation("organisation.addVillage") : village.name(),
                () -> village == null
                        ? organisation.createVillage(street.getValue() == null ? null : street.getValue().id(),
                                code.getValue(), name.getValue())
                        : organisation.renameVillage(village.id(), village.version(), name.getValue()),
                this::refresh);
        dialog.field("streetId", street);
        dialog.field("code", code);
        dialog.field("name", name);
        dialog.open();
    }

    private void teamDialog(Team team) {
        // a street it serves already may stay although deactivated; new ones are active
        List<Street> choices = organisation.streets().stream()
                .filter(s -> s.active() || team != null && team.serves(s.id())).toList();
        Function<Long, Street> byId = id -> choices.stream().filter(s -> s.id() == id).findFirst().orElse(null);
        ComboBox<Street> home = new ComboBox<>(getTranslation("organisation.homeStreet"));
        home.setId("org-home-street");
        home.setItems(choices);
        home.setItemLabelGenerator(s -> s.code() + " " + s.name());
        MultiSelectComboBox<Street> others = new MultiSelectComboBox<>(getTranslation("organisation.otherStreets"));
        others.setId("org-other-streets");
        others.setItems(choices);
        others.setItemLabelGenerator(s -> s.code() + " " + s.name());
        if (team != null && !team.streetIds().isEmpty()) {
            home.setValue(byId.apply(team.streetIds().get(0)));
            others.setValue(new LinkedHashSet<>(team.streetIds().stream().skip(1).map(byId).filter(Objects::nonNull)
                    .toList()));
        }
        TextField code = text("organisation.code", "org-code", team == null ? "" : team.code());
        code.setReadOnly(team != null);
        TextField name = text("organisation.name", "org-name", team == null ? "" : team.name());
        OrganisationDialog dialog = new OrganisationDialog(
                team == null ? getTranslation("organisation.addTeam") : team.name(), () -> {
                    List<Long> streetIds = new ArrayList<>();
                    if (home.getValue() != null) {
                        streetIds.add(home.getValue().id());
                    }
                    others.getValue().stream().map(Street::id).sorted().forEach(streetIds::add);
                    return team == null ? organisation.createTeam(code.getValue(), name.getValue(), streetIds)
                            : organisation.updateTeam(team.id(), team.version(), name.getValue(), streetIds);
                }, this::refresh);
        dialog.field("code", code);
        dialog.field("name", name);
        dialog.field("streetIds", home);
        dialog.field("streetIds.others", others);
        dialog.open();
    }

    private TextField text(String labelKey, String id, String value) {
        TextField field = new TextField(getTranslation(labelKey));
        field.setId(id);
        field.setValue(value);
        field.setWidthFull();
        return field;
    }

    // ---- Excel -------------------------------------------------------------------------------------------

    private Anchor templateLink() {
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] template = excel.template();
            return new DownloadResponse(new ByteArrayInputStream(template), "bangfu-organisation-template.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", template.length);
        }), "");
        Button button = new Button(getTranslation("organisation.template"), VaadinIcon.DOWNLOAD.create());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        link.add(button);
        link.setId("org-template");
        return link;
    }

    /** The import: the counts when applied, or every problem as a line (no grid: it reads on a phone). */
    private void importDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("organisation.importFile"));
        dialog.setId("org-import-dialog");
        dialog.setWidth("min(40rem, 100vw)");
        Div outcome = new Div();
        outcome.setId("org-import-outcome");
        UI ui = UI.getCurrent();
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            // the upload request does not hold the UI lock: the outcome reaches the page through access() and polling
            ui.access(() -> ui.setPollInterval(500));
            ImportReport report = excel.importWorkbook(new ByteArrayInputStream(bytes));
            ui.access(() -> {
                ui.setPollInterval(-1);
                outcome.removeAll();
                if (report.succeeded()) {
                    outcome.add(new Paragraph(getTranslation("organisation.imported", report.created(),
                            report.changed(), report.unchanged())));
                    refresh();
                } else {
                    outcome.add(new Paragraph(getTranslation("organisation.importRefused")));
                    for (ImportProblem p : report.problems()) {
                        String message = getTranslation(p.messageKey(), p.arguments());
                        Div line = new Div();
                        line.setText(p.sheet() == null ? message : getTranslation("organisation.problem",
                                p.sheet(), p.row(), p.column() == null ? "" : p.column(), message));
                        line.addClassName("bf-org-problem");
                        outcome.add(line);
                    }
                }
            });
        }));
        upload.setI18n(UploadTexts.of(this, getTranslation("attachment.tooLarge", 25)));
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        upload.setId("org-upload");
        dialog.add(upload, outcome);
        dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.organisation");
    }

    private Button button(String key, String id,
            com.vaadin.flow.component.ComponentEventListener<com.vaadin.flow.component.ClickEvent<Button>> click) {
        Button button = new Button(getTranslation(key), click);
        button.setId(id);
        return button;
    }
}
