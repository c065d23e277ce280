package org.bangfu.pairing.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.household.Attribute;
import org.bangfu.household.CodeLists.CodeItem;
import org.bangfu.household.HouseholdDraft;
import org.bangfu.household.MemberDraft;
import org.bangfu.organisation.Street;
import org.bangfu.organisation.Village;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shell.FieldErrors;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;

/**
 * A new case for a household not yet on file: the few facts that open its file (head of household and ID number,
 * where it lives, its attribute and main cause). The rest of the file is completed on the household's pages;
 * the home check that follows verifies it. {@link #submit()} fires a {@link SubmitEvent}.
 */
class NewCaseForm extends FormLayout {

    final TextField headName = new TextField();
    final TextField idNumber = new TextField();
    final ComboBox<Street> street = new ComboBox<>();
    final ComboBox<Village> village = new ComboBox<>();
    final TextField address = new TextField();
    final TextField phone = new TextField();
    final Select<Attribute> attribute = new Select<>();
    final ComboBox<CodeItem> mainCause = new ComboBox<>();
    private final Paragraph generalError = FieldErrors.general("new-case-error");
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    /** {@code streets}: those the person may register in (one for a street officer, fixed). */
    NewCaseForm(List<Street> streets, List<Village> villages, List<CodeItem> causes) {
        setId("new-case-form");
        headName.setLabel(getTranslation("field.headName"));
        headName.setMaxLength(50);
        idNumber.setLabel(getTranslation("case.new.idNumber"));
        idNumber.setMaxLength(18);
        idNumber.setAllowedCharPattern("[0-9Xx]");
        street.setLabel(getTranslation("field.streetId"));
        street.setItems(streets);
        street.setItemLabelGenerator(Street::name);
        street.setReadOnly(streets.size() == 1);
        village.setLabel(getTranslation("field.villageId"));
        village.setItemLabelGenerator(Village::name);
        street.addValueChangeListener(e -> {
            village.clear();
            village.setItems(e.getValue() == null ? List.of()
                    : villages.stream().filter(v -> v.streetId() == e.getValue().id()).toList());
        });
        if (streets.size() == 1) {
            street.setValue(streets.get(0));
        }
        address.setLabel(getTranslation("field.address"));
        address.setMaxLength(200);
        phone.setLabel(getTranslation("field.phone"));
        phone.setMaxLength(20);
        attribute.setLabel(getTranslation("field.attribute"));
        attribute.setItems(Attribute.values());
        attribute.setItemLabelGenerator(a -> getTranslation("attribute." + a.name()));
        mainCause.setLabel(getTranslation("field.mainCause"));
        mainCause.setItems(causes);
        mainCause.setItemLabelGenerator(i -> i.label(getLocale()));
        fields.put("headName", headName);
        fields.put("idNumber", idNumber);
        fields.put("streetId", street);
        fields.put("villageId", village);
        fields.put("address", address);
        fields.put("phone", phone);
        fields.put("attribute", attribute);
        fields.put("mainCause", mainCause);
        fields.forEach((name, field) -> ((com.vaadin.flow.component.Component) field).setId("new-case-" + name));
        headName.setRequiredIndicatorVisible(true);
        idNumber.setRequiredIndicatorVisible(true);
        street.setRequiredIndicatorVisible(true);
        village.setRequiredIndicatorVisible(true);
        attribute.setRequiredIndicatorVisible(true);
        add(headName, idNumber, street, village, address, phone, attribute, mainCause, generalError);
        setColspan(generalError, 2);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("32rem", 2));
    }

    HouseholdDraft household() {
        return new HouseholdDraft(headName.getValue().trim(), street.getValue() == null ? null : street.getValue().id(),
                village.getValue() == null ? null : village.getValue().id(), blankToNull(address.getValue()),
                blankToNull(phone.getValue()), null, attribute.getValue(), null, null, null, null,
                mainCause.getValue() == null ? null : mainCause.getValue().code(), List.of(), null, null);
    }

    /** The head of household as the file's first member; gender and birth date follow from the ID number. */
    MemberDraft head() {
        return new MemberDraft(headName.getValue().trim(), "HEAD", null, null, idNumber.getValue().trim().toUpperCase(),
                null, null, null, null, null, null, false, false);
    }

    void submit() {
        fireEvent(new SubmitEvent(this, household(), head()));
    }

    /** The file's and the member's errors on the fields, in the person's language; the rest above the buttons. */
    void showErrors(InvalidInput invalid) {
        // the member's name is the head's name
        FieldErrors.show(this, invalid, fields.values(), name -> fields.get("name".equals(name) ? "headName" : name),
                generalError);
    }

    List<String> invalidFields() {
        return fields.entrySet().stream().filter(e -> e.getValue().isInvalid()).map(Map.Entry::getKey).toList();
    }

    String generalError() {
        return generalError.isVisible() ? generalError.getText() : "";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    Registration addSubmitListener(ComponentEventListener<SubmitEvent> listener) {
        return addListener(SubmitEvent.class, listener);
    }

    /** The officer asks to open the file and start its case with what was entered. */
    static class SubmitEvent extends ComponentEvent<NewCaseForm> {

        private final transient HouseholdDraft household;
        private final transient MemberDraft head;

        SubmitEvent(NewCaseForm source, HouseholdDraft household, MemberDraft head) {
            super(source, false);
            this.household = household;
            this.head = head;
        }

        HouseholdDraft household() {
            return household;
        }

        MemberDraft head() {
            return head;
        }
    }
}
