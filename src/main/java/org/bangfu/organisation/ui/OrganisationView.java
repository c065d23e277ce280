package org.bangfu.organisation.ui;

import java.util.Map;
import java.util.stream.Collectors;

import org.bangfu.organisation.Organisation;
import org.bangfu.organisation.Street;
import org.bangfu.organisation.Team;
import org.bangfu.shared.Role;
import org.bangfu.shell.MainLayout;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/** 街道与帮扶小组: the district's streets and assistance teams, as data. */
@Route(value = "organisation", layout = MainLayout.class)
@Menu(title = "nav.organisation", order = 60, icon = "vaadin:sitemap")
@RolesAllowed({ Role.Names.ADMIN, Role.Names.DISTRICT, Role.Names.LEADER })
class OrganisationView extends VerticalLayout implements HasDynamicTitle {

    OrganisationView(Organisation organisation) {
        setId("organisation-view");
        addClassName("bf-page");
        Map<Long, String> streetNames = organisation.streets().stream()
                .collect(Collectors.toMap(Street::id, Street::name));

        Grid<Street> streets = new Grid<>();
        streets.addColumn(Street::code).setHeader(getTranslation("organisation.code")).setAutoWidth(true);
        streets.addColumn(Street::name).setHeader(getTranslation("organisation.street")).setFlexGrow(1);
        streets.setItems(organisation.streets());
        streets.setAllRowsVisible(true);
        streets.addThemeVariants(GridVariant.LUMO_COMPACT);
        streets.setId("streets");

        Grid<Team> teams = new Grid<>();
        teams.addColumn(Team::code).setHeader(getTranslation("organisation.code")).setAutoWidth(true);
        teams.addColumn(Team::name).setHeader(getTranslation("organisation.team")).setFlexGrow(1);
        teams.addColumn(t -> t.streetId() == null ? "" : streetNames.getOrDefault(t.streetId(), ""))
                .setHeader(getTranslation("organisation.homeStreet")).setFlexGrow(1);
        teams.setItems(organisation.teams());
        teams.setAllRowsVisible(true);
        teams.addThemeVariants(GridVariant.LUMO_COMPACT);
        teams.setId("teams");

        add(new H3(getTranslation("organisation.streets", organisation.streets().size())), streets,
                new H3(getTranslation("organisation.teams", organisation.teams().size())), teams);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.organisation");
    }
}
