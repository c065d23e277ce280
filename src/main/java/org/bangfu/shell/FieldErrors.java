package org.bangfu.shell;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.bangfu.shared.InvalidInput;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Paragraph;

/**
 * How every form shows what a facade refused ({@link InvalidInput}): each error's message, in the person's language,
 * on the field its name is bound to; the messages that belong to no field where the form keeps them.
 */
public final class FieldErrors {

    private FieldErrors() {
    }

    /**
     * Clears the marks on {@code clear}, marks the field {@code place} finds for each error's name (null: none on the
     * form), and hands the other messages, in order, to {@code elsewhere} (an empty list when every error found its
     * field).
     */
    public static void show(Component form, InvalidInput invalid, Collection<? extends HasValidation> clear,
            Function<String, ? extends HasValidation> place, Consumer<List<String>> elsewhere) {
        clear.forEach(field -> field.setInvalid(false));
        List<String> unplaced = new ArrayList<>();
        for (InvalidInput.FieldError error : invalid.errors()) {
            String message = form.getTranslation(error.messageKey(), error.arguments());
            HasValidation field = place.apply(error.field());
            if (field != null) {
                field.setErrorMessage(message);
                field.setInvalid(true);
            } else {
                unplaced.add(message);
            }
        }
        elsewhere.accept(unplaced);
    }

    /** As above, with the messages that belong to no field in {@code general}, hidden when there are none. */
    public static void show(Component form, InvalidInput invalid, Collection<? extends HasValidation> clear,
            Function<String, ? extends HasValidation> place, Paragraph general) {
        show(form, invalid, clear, place, messages -> {
            general.setText(String.join(" ", messages).trim());
            general.setVisible(!messages.isEmpty());
        });
    }

    /** As above, for a form that shows only what its fields are for: a message for none of them is not shown. */
    public static void show(Component form, InvalidInput invalid, Collection<? extends HasValidation> clear,
            Function<String, ? extends HasValidation> place) {
        show(form, invalid, clear, place, unplaced -> {
        });
    }

    /** The paragraph for messages that belong to no field, hidden until there are some. */
    public static Paragraph general(String id) {
        Paragraph general = new Paragraph();
        general.setId(id);
        general.getStyle().set("color", "var(--lumo-error-text-color)");
        general.setVisible(false);
        return general;
    }
}
