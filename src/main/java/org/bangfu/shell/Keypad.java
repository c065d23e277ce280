package org.bangfu.shell;

import com.vaadin.flow.component.textfield.TextField;

/**
 * The keypad a phone opens for a text field that takes a number: digits for counts and votes, digits with a
 * decimal point for amounts. The field's own input is created in the browser, so the mode is set there, again
 * on every attach.
 */
public final class Keypad {

    static final String SET_MODE = "customElements.whenDefined(this.localName).then(() => "
            + "this.inputElement && this.inputElement.setAttribute('inputmode', $0))";

    private Keypad() {
    }

    /** A whole number (a count, votes, days): only digits typed, the digit keypad opened. */
    public static TextField numeric(TextField field) {
        field.setAllowedCharPattern("[0-9]");
        return mode(field, "numeric");
    }

    /** An amount of money: the keypad with a decimal point. */
    public static TextField decimal(TextField field) {
        return mode(field, "decimal");
    }

    private static TextField mode(TextField field, String mode) {
        field.getElement().setAttribute("bf-keypad", mode);
        field.addAttachListener(e -> field.getElement().executeJs(SET_MODE, mode));
        return field;
    }
}
