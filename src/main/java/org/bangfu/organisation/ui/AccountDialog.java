package org.bangfu.organisation.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.bangfu.organisation.AccountAdministration.AccountChange;
import org.bangfu.organisation.AccountAdministration.AccountLine;
import org.bangfu.organisation.AccountAdministration.Colleague;
import org.bangfu.organisation.AccountAdministration;
import org.bangfu.organisation.AccountStatus;
import org.bangfu.organisation.OpenWork.OpenTask;
import org.bangfu.organisation.Organisation;
import org.bangfu.organisation.StaleAccount;
import org.bangfu.organisation.UserAccount;
import org.bangfu.shared.InvalidInput;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.PasswordField;

/**
 * One account, opened from the list: its name, phone, role and street or team to edit (a move with open tasks asks
 * for the colleague of the old team or street who takes them), and its other actions: reset the password, unlock,
 * deactivate or reactivate. The security administrator's own account only says why it cannot be managed here.
 */
class AccountDialog extends Dialog {

    private final transient AccountAdministration administration;
    private final Runnable changed;

    AccountDialog(AccountAdministration administration, Organisation organisation, long id, boolean own,
            Runnable changed) {
        this.administration = administration;
        this.changed = changed;
        AccountLine line = administration.get(id);
        UserAccount account = line.account();
        setHeaderTitle(getTranslation("accounts.editFor", account.displayName()));
        setId("account-dialog");
        setWidth("min(40rem, 100vw)");
        Button close = new Button(getTranslation("action.cancel"), e -> close());
        if (own) {
            add(new Paragraph(getTranslation("accounts.refused.self")));
            getFooter().add(close);
            return;
        }

        FormLayout form = new FormLayout();
        AccountFields.responsive(form);
        boolean separated = AccountAdministration.SEPARATED.contains(account.role());
        AccountFields fields = new AccountFields(form, organisation,
                separated ? List.of(account.role()) : AccountFields.operationalRoles());
        fields.displayName.setValue(account.displayName());
        fields.phone.setValue(account.phone() == null ? "" : account.phone());
        fields.role.setValue(account.role());
        fields.role.setReadOnly(separated);
        if (separated) {
            fields.role.setHelperText(getTranslation("accounts.role.separated"));
        }
        // a deactivated street or team the account still has stays on offer for it, beside the active ones
        organisation.streets().stream().filter(s -> Objects.equals(s.id(), account.streetId())).findFirst()
                .ifPresent(current -> {
                    fields.street.setItems(java.util.stream.Stream.concat(organisation.activeStreets().stream()
                            .filter(s -> s.id() != current.id()), java.util.stream.Stream.of(current)).toList());
                    fields.street.setValue(current);
                });
        organisation.teams().stream().filter(t -> Objects.equals(t.id(), account.teamId())).findFirst()
                .ifPresent(current -> {
                    fields.team.setItems(java.util.stream.Stream.concat(organisation.activeTeams().stream()
                            .filter(t -> t.id() != current.id()), java.util.stream.Stream.of(current)).toList());
                    fields.team.setValue(current);
                });

        // a move hands the open tasks over: shown once the role, street or team differs and there are any
        List<OpenTask> open = administration.openTasks(id);
        List<Colleague> colleagues = administration.colleagues(id);
        ComboBox<Colleague> handOver = new ComboBox<>(getTranslation("accounts.handOverTo"));
        handOver.setItems(colleagues);
        handOver.setItemLabelGenerator(Colleague::displayName);
        handOver.setId("account-hand-over");
        handOver.setHelperText(getTranslation("accounts.openTasks", account.displayName(), open.size(),
                getTranslation(account.role().needsStreet() ? "accounts.street" : "accounts.team")));
        handOver.setVisible(false);
        Runnable showHandOver = () -> handOver.setVisible(!open.isEmpty()
                && (fields.role.getValue() != account.role() || !Objects.equals(fields.streetId(), account.streetId())
                        || !Objects.equals(fields.teamId(), account.teamId())));
        fields.role.addValueChangeListener(e -> showHandOver.run());
        fields.street.addValueChangeListener(e -> showHandOver.run());
        fields.team.addValueChangeListener(e -> showHandOver.run());
        form.add(handOver);
        form.setColspan(handOver, 2);
        add(form);

        Map<String, HasValidation> byField = new LinkedHashMap<>();
        byField.put("displayName", fields.displayName);
        byField.put("phone", fields.phone);
        byField.put("role", fields.role);
        byField.put("streetId", fields.street);
        byField.put("teamId", fields.team);
        byField.put("handOverTo", handOver);

        Button save = new Button(getTranslation("action.save"), e -> act(() -> {
            try {
                administration.update(id, new AccountChange(fields.displayName.getValue(), fields.phone.getValue(),
                        fields.role.getValue(), fields.streetId(), fields.teamId(), account.version(),
                        handOver.getValue() == null ? null : handOver.getValue().username()));
            } catch (InvalidInput invalid) {
                if (!AccountFields.show(invalid, byField, this::getTranslation)) {
                    throw invalid;
                }
                return null;
            }
            return getTranslation("accounts.saved", fields.displayName.getValue().strip());
        }));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-account");

        FlexLayout actions = new FlexLayout();
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.getStyle().set("gap", "var(--lumo-space-s)");
        Button reset = new Button(getTranslation("accounts.resetPassword"), e -> openReset(id, account));
        reset.setId("reset-password");
        actions.add(reset);
        if (line.status() == AccountStatus.LOCKED) {
            Button unlock = new Button(getTranslation("accounts.unlock"), e -> act(() -> {
                administration.unlock(id);
                return getTranslation("accounts.unlocked", account.displayName());
            }));
            unlock.setId("unlock-account");
            actions.add(unlock);
        }
        if (account.enabled()) {
            Button deactivate = new Button(getTranslation("accounts.deactivate"), e -> {
                ConfirmDialog confirm = new ConfirmDialog(getTranslation("accounts.deactivate"),
                        getTranslation("accounts.deactivate.confirm", account.displayName()),
                        getTranslation("accounts.deactivate"), ok -> act(() -> {
                            administration.deactivate(id);
                            return getTranslation("accounts.deactivated", account.displayName());
                        }));
                confirm.setConfirmButtonTheme("error primary");
                confirm.setCancelable(true);
                confirm.setCancelText(getTranslation("action.cancel"));
                confirm.open();
            });
            deactivate.addThemeVariants(ButtonVariant.LUMO_ERROR);
            deactivate.setId("deactivate-account");
            actions.add(deactivate);
        } else {
            Button reactivate = new Button(getTranslation("accounts.reactivate"), e -> act(() -> {
                administration.reactivate(id);
                return getTranslation("accounts.reactivated", account.displayName());
            }));
            reactivate.setId("reactivate-account");
            actions.add(reactivate);
        }
        add(actions);
        getFooter().add(close, save);
    }

    /** Runs an action; a message means done (the dialog closes, the list refreshes), null means shown on a field. */
    private void act(java.util.function.Supplier<String> action) {
        try {
            String done = action.get();
            if (done == null) {
                return;
            }
            close();
            Notification.show(done).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            changed.run();
        } catch (StaleAccount stale) {
            error(getTranslation("accounts.stale"));
        } catch (InvalidInput invalid) {
            error(getTranslation(invalid.errors().get(0).messageKey(), invalid.errors().get(0).arguments()));
        }
    }

    private static void error(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private void openReset(long id, UserAccount account) {
        Dialog dialog = new Dialog(getTranslation("accounts.resetPasswordFor", account.displayName()));
        PasswordField password = new PasswordField(getTranslation("password.new"));
        password.setHelperText(getTranslation("accounts.initialPassword.help"));
        password.setWidthFull();
        password.setId("reset-password-field");
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                administration.resetPassword(id, password.getValue());
                dialog.close();
                close();
                Notification.show(getTranslation("accounts.passwordReset", account.displayName()))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                changed.run();
            } catch (InvalidInput invalid) {
                password.setErrorMessage(getTranslation(invalid.errors().get(0).messageKey()));
                password.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-reset-password");
        dialog.add(password);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.setWidth("min(28rem, 100vw)");
        dialog.open();
    }
}
