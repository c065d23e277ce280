package org.bangfu.pairing.ui;

import java.util.Collection;
import java.util.function.Function;

import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Paragraph;

/** How a form shows what the facade refused: each error on its field, in the person's language; the rest above. */
final class FormErrors {

    private FormErrors() {
    }

    /**
     * Clears {@code all}, marks the field {@code field} finds for each error's name (null: not on the form), and
     * shows the other messages in {@code general}, hidden when there are none.
     */
    static void show(Component form, InvalidInput invalid, Collection<? extends HasValidation> all,
            Function<String, HasValidation> field, Paragraph general) {
        all.forEach(f -> f.setInvalid(false));
        StringBuilder other = new StringBuilder();
        for (FieldError error : invalid.errors()) {
            String message = form.getTranslation(error.messageKey(), error.arguments());
            HasValidation target = field.apply(error.field());
            if (target != null) {
                target.setErrorMessage(message);
                target.setInvalid(true);
            } else {
                other.append(message).append(' ');
            }
        }
        general.setText(other.toString().trim());
        general.setVisible(other.length() > 0);
    }

    /** The paragraph for messages that belong to no field. */
    static Paragraph general(String id) {
        Paragraph general = new Paragraph();
        general.setId(id);
        general.getStyle().set("color", "var(--lumo-error-text-color)");
        general.setVisible(false);
        return general;
    }
}
