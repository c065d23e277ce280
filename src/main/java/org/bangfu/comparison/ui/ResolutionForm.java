package org.bangfu.comparison.ui;

import java.util.List;
import java.util.Map;

import org.bangfu.comparison.Resolution;
import org.bangfu.comparison.Warning.Consequence;
import org.bangfu.comparison.Warning;
import org.bangfu.household.CodeLists.CodeItem;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shell.FieldErrors;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.shared.Registration;

/**
 * How an officer resolves one warning: confirmed (with its consequence) or dismissed, a reason and a note.
 * Fires a {@link ResolveEvent}; the facade decides whether it is complete, and its field errors come back
 * through {@link #showErrors}.
 */
class ResolutionForm extends FormLayout {

    final Select<Warning.Status> decision = new Select<>();
    final Select<Consequence> consequence = new Select<>();
    final ComboBox<CodeItem> reason = new ComboBox<>();
    final TextArea note = new TextArea();
    final Button save = new Button();
    private final Map<String, HasValidation> fields = Map.of("decision", decision, "consequence", consequence,
            "reasonCode", reason, "note", note);
    private final Warning warning;

    ResolutionForm(Warning warning, List<CodeItem> reasons) {
        this.warning = warning;
        addClassName("bf-resolution");
        decision.setLabel(getTranslation("comparison.resolve.decision"));
        decision.setItems(Warning.Status.CONFIRMED, Warning.Status.DISMISSED);
        decision.setItemLabelGenerator(s -> getTranslation("comparison.decision." + s.name()));
        decision.setPlaceholder(getTranslation("comparison.resolve.choose"));
        decision.setId("decision-" + warning.id());
        consequence.setLabel(getTranslation("comparison.resolve.consequence"));
        consequence.setItems(Consequence.values());
        consequence.setItemLabelGenerator(c -> getTranslation("comparison.consequence." + c.name()));
        consequence.setVisible(false);
        consequence.setId("consequence-" + warning.id());
        decision.addValueChangeListener(e -> consequence.setVisible(e.getValue() == Warning.Status.CONFIRMED));
        reason.setLabel(getTranslation("comparison.resolve.reason"));
        reason.setItems(reasons);
        reason.setItemLabelGenerator(i -> i.label(getLocale()));
        reason.setId("reason-" + warning.id());
        note.setLabel(getTranslation("comparison.resolve.note"));
        note.setMaxLength(1000);
        note.setPlaceholder(getTranslation("comparison.resolve.notePlaceholder"));
        note.setId("note-" + warning.id());
        save.setText(getTranslation("comparison.resolve.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("resolve-" + warning.id());
        save.addClickListener(e -> fireEvent(new ResolveEvent(this, resolution())));
        add(decision, consequence, reason, note, save);
        setColspan(note, 2);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("32rem", 2));
    }

    Resolution resolution() {
        return new Resolution(decision.getValue(),
                decision.getValue() == Warning.Status.CONFIRMED ? consequence.getValue() : null,
                reason.getValue() == null ? null : reason.getValue().code(), note.getValue());
    }

    Warning warning() {
        return warning;
    }

    /** Puts the facade's field errors on the fields, in the person's language. */
    void showErrors(InvalidInput invalid) {
        FieldErrors.show(this, invalid, fields.values(), fields::get);
    }

    Registration addResolveListener(ComponentEventListener<ResolveEvent> listener) {
        return addListener(ResolveEvent.class, listener);
    }

    /** The officer asks to resolve the warning as entered. */
    static class ResolveEvent extends ComponentEvent<ResolutionForm> {

        private final transient Resolution resolution;

        ResolveEvent(ResolutionForm source, Resolution resolution) {
            super(source, false);
            this.resolution = resolution;
        }

        Resolution resolution() {
            return resolution;
        }
    }
}
