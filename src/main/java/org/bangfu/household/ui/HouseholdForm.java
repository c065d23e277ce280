package org.bangfu.household.ui;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.bangfu.household.Attribute;
import org.bangfu.household.CodeLists.CodeItem;
import org.bangfu.household.CodeLists;
import org.bangfu.household.HouseholdDraft;
import org.bangfu.organisation.Street;
import org.bangfu.organisation.Team;
import org.bangfu.organisation.Village;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shell.FieldErrors;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The form of a household's file: what the person types, turned into a {@link HouseholdDraft}; the facade's
 * field errors come back onto the fields. Masked fields (phone, bank account) start empty: left empty, they
 * stay as they are.
 */
class HouseholdForm extends FormLayout {

    final TextField headName = new TextField();
    final ComboBox<Street> street = new ComboBox<>();
    final ComboBox<Village> village = new ComboBox<>();
    final TextField address = new TextField();
    final TextField phone = new TextField();
    final TextField bankAccount = new TextField();
    final Select<Attribute> attribute = new Select<>();
    final BigDecimalField housingArea = new BigDecimalField();
    final ComboBox<CodeItem> housingStructure = new ComboBox<>();
    final ComboBox<CodeItem> dilapidation = new ComboBox<>();
    final BigDecimalField landArea = new BigDecimalField();
    final ComboBox<CodeItem> mainCause = new ComboBox<>();
    final MultiSelectComboBox<CodeItem> secondaryCauses = new MultiSelectComboBox<>();
    final TextArea needs = new TextArea();
    final ComboBox<Team> team = new ComboBox<>();

    private final Map<String, HasValidation> fields = new HashMap<>();
    private final List<Village> villages;
    private final boolean editing;

    HouseholdForm(CodeLists codes, List<Street> streets, List<Village> villages, List<Team> teams, boolean editing) {
        this.villages = villages;
        this.editing = editing;
        setId("household-form");
        label(headName, "headName");
        headName.setRequiredIndicatorVisible(true);
        label(street, "streetId");
        street.setItems(streets);
        street.setItemLabelGenerator(Street::name);
        street.setRequiredIndicatorVisible(true);
        street.addValueChangeListener(e -> {
            village.setItems(villages.stream().filter(v -> e.getValue() != null && v.streetId() == e.getValue().id()).toList());
            if (village.getValue() != null && (e.getValue() == null || village.getValue().streetId() != e.getValue().id())) {
                village.clear();
            }
        });
        label(village, "villageId");
        village.setItemLabelGenerator(Village::name);
        village.setRequiredIndicatorVisible(true);
        label(address, "address");
        label(phone, "phone");
        label(bankAccount, "bankAccount");
        if (editing) {
            phone.setPlaceholder(getTranslation("household.form.unchangedIfEmpty"));
            bankAccount.setPlaceholder(getTranslation("household.form.unchangedIfEmpty"));
        }
        label(attribute, "attribute");
        attribute.setItems(Attribute.values());
        attribute.setItemLabelGenerator(a -> getTranslation("attribute." + a.name()));
        attribute.setRequiredIndicatorVisible(true);
        label(housingArea, "housingArea");
        codeBox(housingStructure, "housingStructure", codes.items(CodeLists.STRUCTURE));
        codeBox(dilapidation, "dilapidation", codes.items(CodeLists.DILAPIDATION));
        label(landArea, "landArea");
        codeBox(mainCause, "mainCause", codes.items(CodeLists.CAUSE));
        label(secondaryCauses, "secondaryCauses");
        secondaryCauses.setItems(codes.items(CodeLists.CAUSE));
        secondaryCauses.setItemLabelGenerator(i -> i.label(getLocale()));
        label(needs, "needs");
        needs.setMaxLength(2000);
        label(team, "teamId");
        team.setItems(teams);
        team.setItemLabelGenerator(Team::name);
        add(headName, attribute, street, village, address, phone, bankAccount, housingArea, housingStructure,
                dilapidation, landArea, mainCause, secondaryCauses, team, needs);
        setColspan(needs, 2);
        setColspan(secondaryCauses, 2);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("600px", 2));
    }

    private void label(com.vaadin.flow.component.Component field, String name) {
        field.getElement().setProperty("label", getTranslation("field." + name));
        field.setId("field-" + name);
        fields.put(name, (HasValidation) field);
    }

    private void codeBox(ComboBox<CodeItem> box, String name, List<CodeItem> items) {
        label(box, name);
        box.setItems(items);
        box.setItemLabelGenerator(i -> i.label(getLocale()));
        box.setClearButtonVisible(true);
    }

    void setDraft(HouseholdDraft draft, List<Street> streets, List<Team> teams, CodeLists codes) {
        headName.setValue(Objects.toString(draft.headName(), ""));
        street.setValue(streets.stream().filter(s -> Objects.equals(s.id(), draft.streetId())).findFirst().orElse(null));
        village.setValue(villages.stream().filter(v -> Objects.equals(v.id(), draft.villageId())).findFirst().orElse(null));
        address.setValue(Objects.toString(draft.address(), ""));
        attribute.setValue(draft.attribute());
        housingArea.setValue(draft.housingArea());
        housingStructure.setValue(item(codes, CodeLists.STRUCTURE, draft.housingStructure()));
        dilapidation.setValue(item(codes, CodeLists.DILAPIDATION, draft.dilapidation()));
        landArea.setValue(draft.landArea());
        mainCause.setValue(item(codes, CodeLists.CAUSE, draft.mainCause()));
        secondaryCauses.setValue(new LinkedHashSet<>(codes.items(CodeLists.CAUSE).stream()
                .filter(i -> draft.secondaryCauses().contains(i.code())).toList()));
        needs.setValue(Objects.toString(draft.needs(), ""));
        team.setValue(teams.stream().filter(t -> Objects.equals(t.id(), draft.teamId())).findFirst().orElse(null));
    }

    private static CodeItem item(CodeLists codes, String list, String code) {
        return codes.items(list).stream().filter(i -> i.code().equals(code)).findFirst().orElse(null);
    }

    HouseholdDraft draft() {
        return new HouseholdDraft(headName.getValue(), street.getValue() == null ? null : street.getValue().id(),
                village.getValue() == null ? null : village.getValue().id(), address.getValue(),
                editing && phone.isEmpty() ? null : phone.getValue(),
                editing && bankAccount.isEmpty() ? null : bankAccount.getValue(), attribute.getValue(),
                housingArea.getValue(), code(housingStructure), code(dilapidation), landArea.getValue(), code(mainCause),
                secondaryCauses.getValue().stream().map(CodeItem::code).toList(), needs.getValue(),
                team.getValue() == null ? null : team.getValue().id());
    }

    private static String code(ComboBox<CodeItem> box) {
        return box.getValue() == null ? null : box.getValue().code();
    }

    /** Puts the facade's field errors on the fields, in the person's language. */
    void showErrors(InvalidInput invalid) {
        FieldErrors.show(this, invalid, fields.values(), fields::get);
    }
}
