package org.bangfu.organisation.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.bangfu.organisation.OrganisationNotFound;
import org.bangfu.organisation.StaleOrganisation;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shell.FieldErrors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/**
 * A dialog that adds or changes one street, village or team: its fields, and a save that shows the facade's
 * refusals on the fields they name. A stale edit closes the dialog and reloads the page's data.
 */
class OrganisationDialog extends Dialog {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final FormLayout form = new FormLayout();

    OrganisationDialog(String title, Supplier<?> save, Runnable afterSave) {
        setHeaderTitle(title);
        setId("org-dialog");
        setWidth("min(32rem, 100vw)");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        Button saveButton = new Button(getTranslation("action.save"), e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            try {
                save.get();
                close();
                Notification.show(getTranslation("organisation.saved"))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                afterSave.run();
            } catch (InvalidInput invalid) {
                showErrors(invalid);
            } catch (StaleOrganisation | OrganisationNotFound gone) {
                close();
                OrganisationView.warn(getTranslation(gone instanceof StaleOrganisation ? "organisation.stale"
                        : "organisation.notFound"));
                afterSave.run();
            }
        });
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveButton.setId("org-save");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), saveButton);
    }

    /** Adds a field under the facade's name for it, so that its refusals show on it. */
    <T extends Component & HasValidation> T field(String name, T field) {
        fields.put(name, field);
        form.add(field);
        return field;
    }

    private void showErrors(InvalidInput invalid) {
        // earlier marks stay: each field clears its own as it is edited
        FieldErrors.show(this, invalid, List.of(), fields::get, unplaced -> {
            if (!unplaced.isEmpty()) {
                OrganisationView.warn(String.join("\n", unplaced).strip());
            }
        });
    }
}
