package org.bangfu.pairing.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.bangfu.pairing.Objection;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shell.DateField;
import org.bangfu.shell.FieldErrors;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;

/**
 * Recording an objection to a public notice as it reached the office: when, how, from whom, what it says.
 * {@link #save()} fires a {@link SaveEvent} with the draft; the facade judges it, and its field errors come back
 * through {@link #showErrors}.
 */
class ObjectionForm extends FormLayout {

    final DatePicker receivedOn = new DateField();
    final Select<Objection.Channel> channel = new Select<>();
    final TextField objector = new TextField();
    final TextField contact = new TextField();
    final TextArea content = new TextArea();
    private final Paragraph generalError = FieldErrors.general("objection-error");
    private final Map<String, HasValidation> fields = Map.of("receivedOn", receivedOn, "channel", channel,
            "objector", objector, "contact", contact, "content", content);

    ObjectionForm(LocalDate today) {
        setId("objection-form");
        receivedOn.setLabel(getTranslation("form.field.receivedOn"));
        receivedOn.setValue(today);
        receivedOn.setMax(today);
        receivedOn.setRequiredIndicatorVisible(true);
        receivedOn.setId("objection-receivedOn");
        channel.setLabel(getTranslation("form.field.channel"));
        channel.setItems(Objection.Channel.values());
        channel.setItemLabelGenerator(c -> getTranslation("objection.channel." + c.name()));
        channel.setRequiredIndicatorVisible(true);
        channel.setId("objection-channel");
        objector.setLabel(getTranslation("objection.objector"));
        objector.setHelperText(getTranslation("objection.objectorHelp"));
        objector.setMaxLength(50);
        objector.setId("objection-objector");
        contact.setLabel(getTranslation("objection.contact"));
        contact.setMaxLength(32);
        contact.setId("objection-contact");
        content.setLabel(getTranslation("form.field.content"));
        content.setMaxLength(2000);
        content.setMinHeight("6em");
        content.setRequiredIndicatorVisible(true);
        content.setId("objection-content");
        add(receivedOn, channel, objector, contact, content, generalError);
        setColspan(content, 2);
        setColspan(generalError, 2);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("32rem", 2));
    }

    Objection.Draft draft() {
        return new Objection.Draft(receivedOn.getValue(), channel.getValue(), objector.getValue(), contact.getValue(),
                content.getValue());
    }

    void save() {
        fireEvent(new SaveEvent(this, draft()));
    }

    /** Puts the facade's field errors on the fields, in the person's language; others (the notice closed) above. */
    void showErrors(InvalidInput invalid) {
        FieldErrors.show(this, invalid, fields.values(), fields::get, generalError);
    }

    String generalError() {
        return generalError.isVisible() ? generalError.getText() : "";
    }

    List<String> invalidFields() {
        return fields.entrySet().stream().filter(e -> e.getValue().isInvalid()).map(Map.Entry::getKey).sorted().toList();
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    /** The officer asks to record the objection as entered. */
    static class SaveEvent extends ComponentEvent<ObjectionForm> {

        private final transient Objection.Draft draft;

        SaveEvent(ObjectionForm source, Objection.Draft draft) {
            super(source, false);
            this.draft = draft;
        }

        Objection.Draft draft() {
            return draft;
        }
    }
}
