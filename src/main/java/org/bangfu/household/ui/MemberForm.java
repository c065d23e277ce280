package org.bangfu.household.ui;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.bangfu.household.CodeLists.CodeItem;
import org.bangfu.household.CodeLists;
import org.bangfu.household.HouseholdFile.Member;
import org.bangfu.household.MemberDraft;
import org.bangfu.shared.BureauTime;
import org.bangfu.shared.IdNumber;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shell.FieldErrors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * A member's form. The ID number is checked as it is typed (length, date, check character) and gender and
 * birth date are derived from it; the facade checks everything again when saving.
 */
class MemberForm extends FormLayout {

    final TextField name = new TextField();
    final ComboBox<CodeItem> relation = new ComboBox<>();
    final TextField idNumber = new TextField();
    final Span derived = new Span();
    final ComboBox<CodeItem> education = new ComboBox<>();
    final ComboBox<CodeItem> schooling = new ComboBox<>();
    final ComboBox<CodeItem> labourAbility = new ComboBox<>();
    final ComboBox<CodeItem> health = new ComboBox<>();
    final TextField disabilityCertNo = new TextField();
    final ComboBox<String> disabilityGrade = new ComboBox<>();
    final Checkbox medicalInsurance = new Checkbox();
    final Checkbox pensionInsurance = new Checkbox();

    private final Map<String, HasValidation> fields = new HashMap<>();
    private final CodeLists codes;
    private final boolean editing;

    MemberForm(CodeLists codes, boolean editing) {
        this.codes = codes;
        this.editing = editing;
        setId("member-form");
        label(name, "name");
        name.setRequiredIndicatorVisible(true);
        codeBox(relation, "relation", CodeLists.RELATION);
        relation.setRequiredIndicatorVisible(true);
        label(idNumber, "idNumber");
        idNumber.setRequiredIndicatorVisible(true);
        idNumber.setMaxLength(18);
        idNumber.setValueChangeMode(ValueChangeMode.LAZY);
        idNumber.addValueChangeListener(e -> checkIdNumber());
        if (editing) {
            idNumber.setPlaceholder(getTranslation("household.form.unchangedIfEmpty"));
        }
        derived.addClassName("bf-derived");
        codeBox(education, "education", CodeLists.EDUCATION);
        codeBox(schooling, "schooling", CodeLists.SCHOOLING);
        codeBox(labourAbility, "labourAbility", CodeLists.LABOUR);
        codeBox(health, "health", CodeLists.HEALTH);
        label(disabilityCertNo, "disabilityCertNo");
        label(disabilityGrade, "disabilityGrade");
        disabilityGrade.setItems("1", "2", "3", "4");
        disabilityGrade.setClearButtonVisible(true);
        medicalInsurance.setLabel(getTranslation("field.medicalInsurance"));
        pensionInsurance.setLabel(getTranslation("field.pensionInsurance"));
        add(name, relation, idNumber, derived, education, schooling, labourAbility, health, disabilityCertNo,
                disabilityGrade, medicalInsurance, pensionInsurance);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("600px", 2));
    }

    private void label(Component field, String key) {
        field.getElement().setProperty("label", getTranslation("field." + key));
        field.setId("member-" + key);
        fields.put(key, (HasValidation) field);
    }

    private void codeBox(ComboBox<CodeItem> box, String key, String list) {
        label(box, key);
        box.setItems(codes.items(list));
        box.setItemLabelGenerator(i -> i.label(getLocale()));
        box.setClearButtonVisible(true);
    }

    private void checkIdNumber() {
        String text = idNumber.getValue();
        if (text.isBlank()) {
            idNumber.setInvalid(false);
            derived.setText("");
            return;
        }
        var problem = IdNumber.problem(text, BureauTime.today());
        idNumber.setInvalid(problem.isPresent());
        problem.ifPresentOrElse(key -> {
            idNumber.setErrorMessage(getTranslation(key));
            derived.setText("");
        }, () -> {
            IdNumber id = IdNumber.parse(text, BureauTime.today());
            derived.setText(getTranslation("member.derived", getTranslation("gender." + id.gender().name()),
                    id.birthDate().toString()));
        });
    }

    /** Fills the form from a member whose sensitive fields are masked: those stay empty (unchanged). */
    void setMember(Member member) {
        name.setValue(member.name());
        relation.setValue(item(CodeLists.RELATION, member.relation()));
        education.setValue(item(CodeLists.EDUCATION, member.education()));
        schooling.setValue(item(CodeLists.SCHOOLING, member.schooling()));
        labourAbility.setValue(item(CodeLists.LABOUR, member.labourAbility()));
        medicalInsurance.setValue(member.medicalInsurance());
        pensionInsurance.setValue(member.pensionInsurance());
    }

    private CodeItem item(String list, String code) {
        return codes.items(list).stream().filter(i -> Objects.equals(i.code(), code)).findFirst().orElse(null);
    }

    /** The draft; when editing, sensitive fields left empty stay as they are (null). */
    MemberDraft draft() {
        return new MemberDraft(name.getValue(), code(relation), null, null,
                editing && idNumber.isEmpty() ? null : idNumber.getValue(), code(education), code(schooling),
                code(labourAbility), editing && health.isEmpty() ? null : code(health),
                editing && disabilityCertNo.isEmpty() ? null : disabilityCertNo.getValue(),
                editing && disabilityGrade.isEmpty() ? null : disabilityGrade.getValue(),
                medicalInsurance.getValue(), pensionInsurance.getValue());
    }

    private static String code(ComboBox<CodeItem> box) {
        return box.getValue() == null ? null : box.getValue().code();
    }

    void showErrors(InvalidInput invalid) {
        // gender and birth date come from the ID number; anything else unknown is about the person
        FieldErrors.show(this, invalid, fields.values(), field -> fields.getOrDefault(field,
                field.equals("gender") || field.equals("birthDate") ? idNumber : name));
    }
}
