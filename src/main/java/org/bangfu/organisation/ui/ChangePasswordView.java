package org.bangfu.organisation.ui;

import org.bangfu.organisation.PasswordPolicyViolation;
import org.bangfu.organisation.UserAccounts;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.SignedInUser;
import org.bangfu.shell.MainLayout;
import org.springframework.security.authentication.BadCredentialsException;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/**
 * 修改密码: everyone changes their own password, proving the current one; the policy applies. Someone whose password
 * the security administrator set is held here until they change it, then goes on to the start page.
 */
@Route(value = "account/password", layout = MainLayout.class)
@PermitAll
class ChangePasswordView extends VerticalLayout implements HasDynamicTitle {

    private final PasswordField current = new PasswordField();
    private final PasswordField fresh = new PasswordField();
    private final PasswordField repeat = new PasswordField();

    ChangePasswordView(UserAccounts accounts) {
        setId("change-password-view");
        addClassName("bf-page");
        current.setLabel(getTranslation("password.current"));
        fresh.setLabel(getTranslation("password.new"));
        fresh.setHelperText(getTranslation("password.policy.help"));
        repeat.setLabel(getTranslation("password.repeat"));
        current.setId("password-current");
        fresh.setId("password-new");
        repeat.setId("password-repeat");
        for (PasswordField field : new PasswordField[] { current, fresh, repeat }) {
            field.setRequired(true);
            field.setWidthFull();
        }
        Button save = new Button(getTranslation("action.save"), e -> save(accounts));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-password");
        FormLayout form = new FormLayout(current, fresh, repeat);
        form.setMaxWidth("28rem");
        if (mustChange()) {
            Paragraph notice = new Paragraph(getTranslation("password.mustChange"));
            notice.setId("password-must-change");
            notice.addClassName("bf-notice");
            add(notice);
        }
        add(form, save);
    }

    private void save(UserAccounts accounts) {
        current.setInvalid(false);
        fresh.setInvalid(false);
        repeat.setInvalid(false);
        if (!fresh.getValue().equals(repeat.getValue())) {
            repeat.setErrorMessage(getTranslation("password.mismatch"));
            repeat.setInvalid(true);
            return;
        }
        try {
            boolean wasRequired = mustChange();
            accounts.changeOwnPassword(current.getValue(), fresh.getValue());
            if (wasRequired) {
                Notification.show(getTranslation("password.changed")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                getUI().ifPresent(ui -> ui.navigate(""));
                return;
            }
            current.clear();
            fresh.clear();
            repeat.clear();
            Notification.show(getTranslation("password.changed")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (BadCredentialsException wrong) {
            current.setErrorMessage(getTranslation("password.change.wrongCurrent"));
            current.setInvalid(true);
        } catch (PasswordPolicyViolation violation) {
            fresh.setErrorMessage(getTranslation(violation.messageKey()));
            fresh.setInvalid(true);
        }
    }

    private static boolean mustChange() {
        return CurrentUser.get().map(SignedInUser::passwordChangeRequired).orElse(false);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.changePassword");
    }
}
