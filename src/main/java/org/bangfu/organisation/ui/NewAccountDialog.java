package org.bangfu.organisation.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.organisation.AccountAdministration.NewAccount;
import org.bangfu.organisation.AccountAdministration;
import org.bangfu.organisation.Organisation;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Role;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;

/** 新建账户: login, real name, phone, one role with its street or team, and a one-time initial password. */
class NewAccountDialog extends Dialog {

    NewAccountDialog(AccountAdministration administration, Organisation organisation, Runnable saved) {
        setHeaderTitle(getTranslation("accounts.create"));
        setId("new-account-dialog");
        FormLayout form = new FormLayout();
        AccountFields.responsive(form);
        TextField username = new TextField(getTranslation("accounts.username"));
        username.setRequiredIndicatorVisible(true);
        username.setId("account-username");
        form.add(username);
        AccountFields fields = new AccountFields(form, organisation, List.of(Role.values()));
        fields.phone.setRequiredIndicatorVisible(true);
        PasswordField password = new PasswordField(getTranslation("accounts.initialPassword"));
        password.setHelperText(getTranslation("accounts.initialPassword.help"));
        password.setRequiredIndicatorVisible(true);
        password.setId("account-initial-password");
        form.add(password);
        form.setColspan(password, 2);
        add(form);

        Map<String, HasValidation> byField = new LinkedHashMap<>();
        byField.put("username", username);
        byField.put("displayName", fields.displayName);
        byField.put("phone", fields.phone);
        byField.put("role", fields.role);
        byField.put("streetId", fields.street);
        byField.put("teamId", fields.team);
        byField.put("initialPassword", password);

        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                administration.create(new NewAccount(username.getValue(), fields.displayName.getValue(),
                        fields.phone.getValue(), fields.role.getValue(), fields.streetId(), fields.teamId(),
                        password.getValue()));
                close();
                Notification.show(getTranslation("accounts.created", username.getValue().strip()))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                saved.run();
            } catch (InvalidInput invalid) {
                AccountFields.show(invalid, byField, this::getTranslation);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-account");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
        setWidth("min(40rem, 100vw)");
    }
}
