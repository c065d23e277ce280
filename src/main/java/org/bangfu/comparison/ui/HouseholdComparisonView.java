package org.bangfu.comparison.ui;

import org.bangfu.comparison.ComparisonNotFound;
import org.bangfu.comparison.ComparisonReport;
import org.bangfu.comparison.Comparisons;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Role;
import org.bangfu.shared.SignedInUser;
import org.bangfu.shell.MainLayout;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * A household's comparison, reached from its file: its newest report, or, when it was never compared, the
 * button that compares it now (street officers and the district).
 */
@Route(value = "comparison/household/:householdId", layout = MainLayout.class)
@RolesAllowed({ Role.Names.ADMIN, Role.Names.DISTRICT, Role.Names.LEADER, Role.Names.STREET, Role.Names.TEAM_MEMBER,
        Role.Names.TEAM_LEADER })
class HouseholdComparisonView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient Comparisons comparisons;

    HouseholdComparisonView(Comparisons comparisons) {
        this.comparisons = comparisons;
        setId("household-comparison-view");
        addClassName("bf-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long householdId;
        try {
            householdId = Long.parseLong(event.getRouteParameters().get("householdId").orElse(""));
        } catch (NumberFormatException e) {
            householdId = -1;
        }
        ComparisonReport latest = comparisons.latest(householdId).orElse(null);
        if (latest != null) {
            event.forwardTo("comparison/report/" + latest.id());
            return;
        }
        removeAll();
        add(new Paragraph(getTranslation("comparison.household.none")));
        SignedInUser user = CurrentUser.require();
        if (user.hasRole(Role.STREET) || user.hasRole(Role.DISTRICT) || user.hasRole(Role.ADMIN)) {
            long id = householdId;
            Button compare = new Button(getTranslation("comparison.compareNow"), VaadinIcon.SEARCH.create(), e -> {
                try {
                    ComparisonReport report = comparisons.compare(id);
                    getUI().ifPresent(ui -> ui.navigate("comparison/report/" + report.id()));
                } catch (InvalidInput noData) {
                    Notification.show(getTranslation(noData.errors().get(0).messageKey()))
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                } catch (ComparisonNotFound notFound) {
                    Notification.show(getTranslation("comparison.notFound")).addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            });
            compare.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            compare.setId("compare-now");
            add(compare);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.comparison");
    }
}
