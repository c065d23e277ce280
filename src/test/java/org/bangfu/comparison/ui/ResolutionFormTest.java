package org.bangfu.comparison.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.bangfu.comparison.AgencyKind;
import org.bangfu.comparison.Resolution;
import org.bangfu.comparison.Severity;
import org.bangfu.comparison.Warning.Consequence;
import org.bangfu.comparison.Warning;
import org.bangfu.household.CodeLists.CodeItem;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.junit.jupiter.api.Test;

/** The resolution form on its own: what it sends for what was entered, and where the facade's errors land. */
class ResolutionFormTest {

    static final List<CodeItem> REASONS = List.of(new CodeItem("VERIFIED", "核实属实", "verified"),
            new CodeItem("WRONG_MATCH", "身份信息误匹配", "wrong person"));

    static Warning warning() {
        return new Warning(7, "VEHICLE_NON_PRODUCTIVE", Severity.HIGH, null, "家庭成员名下有非生产经营性车辆",
                "member owns a non-productive vehicle", 3, "郑大海", "HEAD", AgencyKind.VEHICLE, 1, null, List.of(),
                Warning.Status.OPEN, null, null, null, null, null, null, 0);
    }

    @Test
    void aConfirmedWarningSendsItsConsequenceReasonAndNote() {
        ResolutionForm form = new ResolutionForm(warning(), REASONS);
        List<Resolution> sent = new ArrayList<>();
        form.addResolveListener(e -> sent.add(e.resolution()));
        assertThat(form.consequence.isVisible()).isFalse();

        form.decision.setValue(Warning.Status.CONFIRMED);
        assertThat(form.consequence.isVisible()).as("the consequence is asked for only when confirmed").isTrue();
        form.consequence.setValue(Consequence.EXCLUDE);
        form.reason.setValue(REASONS.get(0));
        form.note.setValue("入户核实属实");
        form.save.click();

        assertThat(sent).containsExactly(new Resolution(Warning.Status.CONFIRMED, Consequence.EXCLUDE, "VERIFIED",
                "入户核实属实"));
    }

    @Test
    void aDismissedWarningSendsNoConsequenceEvenIfOneWasChosenBefore() {
        ResolutionForm form = new ResolutionForm(warning(), REASONS);
        List<Resolution> sent = new ArrayList<>();
        form.addResolveListener(e -> sent.add(e.resolution()));
        form.decision.setValue(Warning.Status.CONFIRMED);
        form.consequence.setValue(Consequence.ADJUST);
        form.decision.setValue(Warning.Status.DISMISSED);
        form.reason.setValue(REASONS.get(1));
        form.note.setValue("同名不同人");
        form.save.click();

        assertThat(form.consequence.isVisible()).isFalse();
        assertThat(sent).containsExactly(new Resolution(Warning.Status.DISMISSED, null, "WRONG_MATCH", "同名不同人"));
    }

    @Test
    void anEmptyFormIsSentAsItIsAndTheFacadesErrorsMarkTheFields() {
        ResolutionForm form = new ResolutionForm(warning(), REASONS);
        List<Resolution> sent = new ArrayList<>();
        form.addResolveListener(e -> sent.add(e.resolution()));
        form.save.click();
        assertThat(sent).containsExactly(new Resolution(null, null, null, ""));

        form.showErrors(new InvalidInput(List.of(new FieldError("reasonCode", "comparison.resolve.reasonRequired"),
                new FieldError("note", "comparison.resolve.noteRequired"))));
        assertThat(form.reason.isInvalid()).isTrue();
        assertThat(form.note.isInvalid()).isTrue();
        assertThat(form.decision.isInvalid()).isFalse();
    }
}
