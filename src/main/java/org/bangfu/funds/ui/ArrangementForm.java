package org.bangfu.funds.ui;

import java.util.List;

import org.bangfu.funds.Programme;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Money;
import org.bangfu.shell.FieldErrors;
import org.bangfu.shell.Keypad;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;

/**
 * The district's change of an arrangement: year, programme, the new amount in yuan and why. An amount that is not
 * one is refused on the field before anything is sent; otherwise it fires a {@link SaveEvent}.
 */
class ArrangementForm extends FormLayout {

    final Select<Integer> year = new Select<>();
    final Select<Programme> programme = new Select<>();
    final TextField amount = new TextField();
    final TextArea reason = new TextArea();
    final Button save = new Button();

    ArrangementForm(List<Integer> years) {
        setId("arrangement-form");
        year.setLabel(getTranslation("funds.year"));
        year.setItems(years);
        year.setValue(years.get(years.size() / 2));
        year.setId("arrangement-year");
        programme.setLabel(getTranslation("funds.programme"));
        programme.setItems(Programme.values());
        programme.setItemLabelGenerator(p -> getTranslation("funds.programme." + p.name()));
        programme.setValue(Programme.GENERAL);
        programme.setId("arrangement-programme");
        amount.setLabel(getTranslation("funds.amount"));
        amount.setSuffixComponent(new com.vaadin.flow.component.html.Span(getTranslation("funds.yuan")));
        amount.setAllowedCharPattern("[0-9.,]");
        Keypad.decimal(amount);
        amount.setId("arrangement-amount");
        reason.setLabel(getTranslation("funds.reason"));
        reason.setMaxLength(500);
        reason.setId("arrangement-reason");
        save.setText(getTranslation("funds.arrange"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setMinHeight("44px");
        save.setId("arrangement-save");
        save.addClickListener(e -> save());
        add(year, programme, amount, reason, save);
        setColspan(reason, 2);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("32rem", 3));
    }

    void save() {
        amount.setInvalid(false);
        var problem = Money.problem(amount.getValue());
        if (problem.isPresent()) {
            amount.setErrorMessage(getTranslation(problem.get()));
            amount.setInvalid(true);
            return;
        }
        fireEvent(new SaveEvent(this, year.getValue(), programme.getValue(), Money.parse(amount.getValue()),
                reason.getValue()));
    }

    /** The facade's field errors on the fields, in the person's language. */
    void showErrors(InvalidInput invalid) {
        FieldErrors.show(this, invalid, List.of(year, programme, amount, reason), name -> switch (name) {
            case "year" -> year;
            case "programme" -> programme;
            case "amount" -> amount;
            default -> reason;
        });
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    /** The district asks to arrange this amount for the year and programme. */
    static class SaveEvent extends ComponentEvent<ArrangementForm> {

        private final int year;
        private final Programme programme;
        private final Money amount;
        private final String reason;

        SaveEvent(ArrangementForm source, int year, Programme programme, Money amount, String reason) {
            super(source, false);
            this.year = year;
            this.programme = programme;
            this.amount = amount;
            this.reason = reason;
        }

        int year() {
            return year;
        }

        Programme programme() {
            return programme;
        }

        Money amount() {
            return amount;
        }

        String reason() {
            return reason;
        }
    }
}
