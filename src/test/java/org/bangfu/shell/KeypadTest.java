package org.bangfu.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.textfield.TextField;

/** Number fields open the phone's number keypad. */
class KeypadTest {

    @Test
    void aWholeNumberTakesOnlyDigitsFromTheDigitKeypad() {
        TextField votes = Keypad.numeric(new TextField());
        assertThat(votes.getAllowedCharPattern()).isEqualTo("[0-9]");
        assertThat(votes.getElement().getAttribute("bf-keypad")).isEqualTo("numeric");
    }

    @Test
    void anAmountKeepsItsCharactersAndOpensTheKeypadWithADecimalPoint() {
        TextField amount = new TextField();
        amount.setAllowedCharPattern("[0-9.,]");
        Keypad.decimal(amount);
        assertThat(amount.getAllowedCharPattern()).isEqualTo("[0-9.,]");
        assertThat(amount.getElement().getAttribute("bf-keypad")).isEqualTo("decimal");
    }
}
