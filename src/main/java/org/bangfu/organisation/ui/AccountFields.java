package org.bangfu.organisation.ui;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.bangfu.organisation.Organisation;
import org.bangfu.organisation.Street;
import org.bangfu.organisation.Team;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Role;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

/** The fields an account's form shares: name, phone, role, and the street or team the role needs. */
class AccountFields {

    final TextField displayName = new TextField();
    final TextField phone = new TextField();
    final Select<Role> role = new Select<>();
    final ComboBox<Street> street = new ComboBox<>();
    final ComboBox<Team> team = new ComboBox<>();

    AccountFields(FormLayout form, Organisation organisation, Collection<Role> roles) {
        displayName.setLabel(form.getTranslation("accounts.name"));
        displayName.setRequiredIndicatorVisible(true);
        displayName.setId("account-display-name");
        phone.setLabel(form.getTranslation("accounts.phone"));
        phone.setId("account-phone");
        role.setLabel(form.getTranslation("accounts.role"));
        role.setItems(roles);
        role.setItemLabelGenerator(r -> form.getTranslation("role." + r.name()));
        role.setId("account-role");
        street.setLabel(form.getTranslation("accounts.street"));
        street.setItems(organisation.activeStreets());
        street.setItemLabelGenerator(Street::name);
        street.setId("account-street");
        team.setLabel(form.getTranslation("accounts.team"));
        team.setItems(organisation.activeTeams());
        team.setItemLabelGenerator(Team::name);
        team.setId("account-team");
        role.addValueChangeListener(e -> showScope());
        form.add(displayName, phone, role, street, team);
        showScope();
    }

    static void responsive(FormLayout form) {
        form.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("32rem", 2));
    }

    void showScope() {
        Role chosen = role.getValue();
        street.setVisible(chosen != null && chosen.needsStreet());
        team.setVisible(chosen != null && chosen.needsTeam());
    }

    Long streetId() {
        return street.isVisible() && street.getValue() != null ? street.getValue().id() : null;
    }

    Long teamId() {
        return team.isVisible() && team.getValue() != null ? team.getValue().id() : null;
    }

    /** Shows each error on its field; answers whether any field took one. */
    static boolean show(InvalidInput invalid, Map<String, ? extends HasValidation> fields,
            java.util.function.BiFunction<String, Object[], String> translation) {
        fields.values().forEach(f -> f.setInvalid(false));
        boolean shown = false;
        for (InvalidInput.FieldError error : invalid.errors()) {
            HasValidation field = fields.get(error.field());
            if (field != null) {
                field.setErrorMessage(translation.apply(error.messageKey(), error.arguments()));
                field.setInvalid(true);
                shown = true;
            }
        }
        return shown;
    }

    static List<Role> operationalRoles() {
        return Arrays.stream(Role.values())
                .filter(r -> !org.bangfu.organisation.AccountAdministration.SEPARATED.contains(r)).toList();
    }
}
