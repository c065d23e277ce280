package org.bangfu.pairing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.bangfu.household.Attribute;
import org.bangfu.household.CodeLists.CodeItem;
import org.bangfu.organisation.Street;
import org.bangfu.organisation.Village;
import org.bangfu.pairing.Colleague;
import org.bangfu.pairing.Objection;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.junit.jupiter.api.Test;

/** The objection form, the new-case form and the hand-over dialog on their own: what they send, where errors land. */
class OfficeFormsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @Test
    void anObjectionIsRecordedAsEnteredAndItsErrorsLandOnTheirFields() {
        ObjectionForm form = new ObjectionForm(TODAY);
        List<Objection.Draft> saved = new ArrayList<>();
        form.addSaveListener(e -> saved.add(e.draft()));
        assertThat(form.receivedOn.getValue()).isEqualTo(TODAY);
        assertThat(form.receivedOn.getMax()).isEqualTo(TODAY);

        form.channel.setValue(Objection.Channel.PHONE);
        form.contact.setValue("13900001111");
        form.content.setValue("该户有车辆");
        form.save();
        assertThat(saved).containsExactly(new Objection.Draft(TODAY, Objection.Channel.PHONE, "", "13900001111",
                "该户有车辆"));

        form.showErrors(new InvalidInput(List.of(new FieldError("content", "form.required"),
                new FieldError("notice", "notice.objection.closed"))));
        assertThat(form.invalidFields()).containsExactly("content");
        assertThat(form.generalError()).isNotEmpty();
        form.showErrors(new InvalidInput(List.of(new FieldError("receivedOn", "form.date.future"))));
        assertThat(form.invalidFields()).containsExactly("receivedOn");
        assertThat(form.generalError()).isEmpty();
    }

    @Test
    void aStreetOfficersNewCaseStaysInTheirStreetAndOpensTheFileWithItsHead() {
        Street own = new Street(1, "S01", "中山南路街道");
        List<Village> villages = List.of(new Village(11, 1, "S01-V1", "中央城社区"), new Village(12, 1, "S01-V2", "南湖村"),
                new Village(21, 2, "S02-V1", "别的村"));
        NewCaseForm form = new NewCaseForm(List.of(own), villages, List.of(new CodeItem("ILLNESS", "因病", "Illness")));
        assertThat(form.street.getValue()).isEqualTo(own);
        assertThat(form.street.isReadOnly()).isTrue();
        assertThat(form.village.getListDataView().getItems()).extracting(Village::id).containsExactly(11L, 12L);

        List<NewCaseForm.SubmitEvent> sent = new ArrayList<>();
        form.addSubmitListener(sent::add);
        form.headName.setValue(" 新申请户 ");
        form.idNumber.setValue("34020219660504731x");
        form.village.setValue(villages.get(1));
        form.attribute.setValue(Attribute.DIBAO);
        form.submit();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).household().headName()).isEqualTo("新申请户");
        assertThat(sent.get(0).household().streetId()).isEqualTo(1L);
        assertThat(sent.get(0).household().villageId()).isEqualTo(12L);
        assertThat(sent.get(0).household().address()).isNull();
        assertThat(sent.get(0).head().relation()).isEqualTo("HEAD");
        assertThat(sent.get(0).head().name()).isEqualTo("新申请户");
        assertThat(sent.get(0).head().idNumber()).isEqualTo("34020219660504731X");

        // the member's refused name is the head's name field; a refused stage is no field of the form
        form.showErrors(new InvalidInput(List.of(new FieldError("name", "member.name.tooLong"),
                new FieldError("idNumber", "member.idNumber.checksum"), new FieldError("stage", "pairing.start.stage"))));
        assertThat(form.invalidFields()).containsExactly("headName", "idNumber");
        assertThat(form.generalError()).isNotEmpty();
    }

    @Test
    void theHandOverDialogHandsToTheColleagueChosenAndOnlyOnceOneIsChosen() {
        List<String> handed = new ArrayList<>();
        HandOverDialog dialog = new HandOverDialog(3, List.of(new Colleague("street01b", "二号工作人员")), handed::add);
        assertThat(dialog.confirm.isEnabled()).isFalse();
        dialog.colleague.setValue(new Colleague("street01b", "二号工作人员"));
        assertThat(dialog.confirm.isEnabled()).isTrue();
        dialog.confirm.click();
        assertThat(handed).containsExactly("street01b");

        HandOverDialog alone = new HandOverDialog(1, List.of(), handed::add);
        assertThat(alone.colleague.isVisible()).isFalse();
        assertThat(alone.confirm.isEnabled()).isFalse();
    }
}
