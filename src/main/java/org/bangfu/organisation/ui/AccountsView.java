package org.bangfu.organisation.ui;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.bangfu.organisation.PasswordPolicyViolation;
import org.bangfu.organisation.UserAccount;
import org.bangfu.organisation.UserAccounts;
import org.bangfu.shared.Role;
import org.bangfu.shell.MainLayout;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/** 账户与锁定: the security administrator sees every account's state, unlocks and resets passwords. */
@Route(value = "accounts", layout = MainLayout.class)
@Menu(title = "nav.accounts", order = 70, icon = "vaadin:key")
@RolesAllowed(Role.Names.SECURITY)
class AccountsView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final transient UserAccounts accounts;
    private final transient Clock clock;
    private final Grid<UserAccount> grid = new Grid<>();

    AccountsView(UserAccounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
        setId("accounts-view");
        setSizeFull();
        addClassName("bf-page");

        grid.addColumn(UserAccount::username).setHeader(getTranslation("accounts.username")).setAutoWidth(true);
        grid.addColumn(UserAccount::displayName).setHeader(getTranslation("accounts.name")).setAutoWidth(true);
        grid.addColumn(a -> getTranslation("role." + a.role().name())).setHeader(getTranslation("accounts.role"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::status).setHeader(getTranslation("accounts.status")).setAutoWidth(true);
        grid.addColumn(a -> a.lastLoginAt() == null ? "" : TIME.format(a.lastLoginAt()))
                .setHeader(getTranslation("accounts.lastLogin")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("accounts.actions")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        grid.setItems(q -> accounts.list(q.getOffset(), q.getLimit()).stream(), q -> accounts.count());
        add(grid);
    }

    private Span status(UserAccount account) {
        Span status = new Span();
        if (account.lockedAt(clock.instant())) {
            status.setText(getTranslation("accounts.lockedUntil", TIME.format(account.lockedUntil())));
            status.getElement().getThemeList().add("badge error");
        } else if (!account.enabled()) {
            status.setText(getTranslation("accounts.disabled"));
            status.getElement().getThemeList().add("badge contrast");
        } else {
            status.setText(account.failedAttempts() > 0
                    ? getTranslation("accounts.activeWithFailures", account.failedAttempts())
                    : getTranslation("accounts.active"));
            status.getElement().getThemeList().add("badge success");
        }
        return status;
    }

    private HorizontalLayout actions(UserAccount account) {
        HorizontalLayout actions = new HorizontalLayout();
        if (account.lockedAt(clock.instant())) {
            Button unlock = new Button(getTranslation("accounts.unlock"), e -> {
                accounts.unlock(account.username());
                Notification.show(getTranslation("accounts.unlocked", account.username()))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                grid.getDataProvider().refreshAll();
            });
            unlock.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            actions.add(unlock);
        }
        Button reset = new Button(getTranslation("accounts.resetPassword"), e -> openReset(account));
        reset.addThemeVariants(ButtonVariant.LUMO_SMALL);
        actions.add(reset);
        return actions;
    }

    private void openReset(UserAccount account) {
        Dialog dialog = new Dialog(getTranslation("accounts.resetPasswordFor", account.username()));
        PasswordField password = new PasswordField(getTranslation("password.new"));
        password.setHelperText(getTranslation("password.policy.help"));
        password.setWidthFull();
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                accounts.resetPassword(account.username(), password.getValue());
                dialog.close();
                Notification.show(getTranslation("accounts.passwordReset", account.username()))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                grid.getDataProvider().refreshAll();
            } catch (PasswordPolicyViolation violation) {
                password.setErrorMessage(getTranslation(violation.messageKey()));
                password.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(password);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.accounts");
    }
}
