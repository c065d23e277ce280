package org.bangfu.funds.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.bangfu.funds.Programme;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Money;
import org.junit.jupiter.api.Test;

/** The district's arrangement form on its own: what it sends, what it refuses before sending. */
class ArrangementFormTest {

    @Test
    void sendsTheAmountInFenAndRefusesOneThatIsNotAnAmountOnTheField() {
        ArrangementForm form = new ArrangementForm(List.of(2025, 2026, 2027));
        List<ArrangementForm.SaveEvent> sent = new ArrayList<>();
        form.addSaveListener(sent::add);
        assertThat(form.year.getValue()).isEqualTo(2026);

        form.amount.setValue("12.345");
        form.save.click();
        assertThat(sent).isEmpty();
        assertThat(form.amount.isInvalid()).isTrue();

        form.programme.setValue(Programme.HOUSING);
        form.amount.setValue("8,000.5");
        form.reason.setValue("危房改造");
        form.save.click();
        assertThat(sent).singleElement().satisfies(e -> {
            assertThat(e.year()).isEqualTo(2026);
            assertThat(e.programme()).isEqualTo(Programme.HOUSING);
            assertThat(e.amount()).isEqualTo(Money.ofFen(800_050));
            assertThat(e.reason()).isEqualTo("危房改造");
        });
        assertThat(form.amount.isInvalid()).isFalse();

        form.showErrors(new InvalidInput(List.of(new FieldError("reason", "form.required"))));
        assertThat(form.reason.isInvalid()).isTrue();
        assertThat(form.amount.isInvalid()).isFalse();
    }
}
