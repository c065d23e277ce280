package org.bangfu.household.ui;

import java.util.List;
import java.util.Objects;

import org.bangfu.household.CodeLists;
import org.bangfu.household.HouseholdDraft;
import org.bangfu.household.HouseholdFile;
import org.bangfu.household.Households;
import org.bangfu.household.StaleHousehold;
import org.bangfu.organisation.Organisation;
import org.bangfu.organisation.Street;
import org.bangfu.organisation.Team;
import org.bangfu.organisation.Village;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Role;
import org.bangfu.shared.SignedInUser;
import org.bangfu.shell.MainLayout;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;

import jakarta.annotation.security.RolesAllowed;

/**
 * Opening a new file ({@code households/new}) or changing one ({@code households/ID/edit}). Errors appear on
 * their fields in the person's language; a save that someone else beat says so and offers to reload.
 */
@Route(value = "households/:id(\\d+)/edit", layout = MainLayout.class)
@RouteAlias(value = "households/new", layout = MainLayout.class)
@RolesAllowed({ Role.Names.ADMIN, Role.Names.DISTRICT, Role.Names.STREET, Role.Names.TEAM_MEMBER,
        Role.Names.TEAM_LEADER })
class HouseholdEditView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient Households households;
    private final transient CodeLists codes;
    private List<Street> streets;
    private List<Team> teams;
    private final transient Organisation organisation;
    private HouseholdForm form;
    private HouseholdFile file;

    HouseholdEditView(Households households, Organisation organisation, CodeLists codes) {
        this.households = households;
        this.codes = codes;
        this.organisation = organisation;
        setId("household-edit-view");
        addClassName("bf-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Long id = event.getRouteParameters().getLong("id").orElse(null);
        file = id == null ? null : households.find(id).filter(HouseholdFile::editable).orElse(null);
        // deactivated streets, villages and teams are offered for nothing new; a file keeps the ones it has
        HouseholdDraft current = file == null ? null : HouseholdDraft.of(file);
        streets = organisation.streets().stream()
                .filter(s -> s.active() || current != null && Objects.equals(s.id(), current.streetId())).toList();
        teams = organisation.teams().stream()
                .filter(t -> t.active() || current != null && Objects.equals(t.id(), current.teamId())).toList();
        List<Village> villages = organisation.villages().stream()
                .filter(v -> v.active() || current != null && Objects.equals(v.id(), current.villageId())).toList();
        form = new HouseholdForm(codes, streets, villages, teams, id != null);
        SignedInUser user = CurrentUser.require();
        boolean district = user.hasRole(Role.DISTRICT) || user.hasRole(Role.ADMIN);
        form.team.setReadOnly(!district);
        form.street.setReadOnly(!district);
        if (user.hasRole(Role.STREET)) {
            form.street.setValue(streets.stream().filter(s -> s.id() == user.streetId()).findFirst().orElse(null));
        }
        if (id != null) {
            if (file == null) {
                add(new Paragraph(getTranslation("household.notFound")));
                return;
            }
            form.setDraft(HouseholdDraft.of(file), streets, teams, codes);
        }
        Button save = new Button(getTranslation("action.save"), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("household-save");
        Button cancel = new Button(getTranslation("action.cancel"), e -> back());
        add(form, new HorizontalLayout(save, cancel));
    }

    private void save() {
        try {
            HouseholdFile saved = file == null ? households.create(form.draft())
                    : households.update(file.id(), file.version(), form.draft());
            Notification.show(getTranslation("household.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate("households/" + saved.id()));
        } catch (InvalidInput invalid) {
            form.showErrors(invalid);
        } catch (StaleHousehold stale) {
            ConfirmDialog dialog = new ConfirmDialog(getTranslation("household.stale.title"),
                    getTranslation("household.stale.message"), getTranslation("household.stale.reload"),
                    e -> getUI().ifPresent(ui -> ui.getPage().reload()));
            dialog.setId("stale-dialog");
            dialog.open();
        }
    }

    private void back() {
        getUI().ifPresent(ui -> ui.navigate(file == null ? "households" : "households/" + file.id()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation(file == null ? "households.create" : "household.editTitle");
    }
}
