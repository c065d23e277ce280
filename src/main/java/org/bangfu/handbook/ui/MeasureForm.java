package org.bangfu.handbook.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.bangfu.funds.FundRequest;
import org.bangfu.handbook.Measure;
import org.bangfu.handbook.MeasureDraft;
import org.bangfu.household.CodeLists.CodeItem;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Money;
import org.bangfu.shell.DateField;
import org.bangfu.shell.FieldErrors;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/** A measure of the plan: category, assisting unit and person, what it is, when, what it costs, the fund request. */
class MeasureForm extends Composite<FormLayout> {

    private final ComboBox<CodeItem> category = new ComboBox<>();
    private final TextField partyUnit = new TextField();
    private final TextField partyPerson = new TextField();
    private final TextArea content = new TextArea();
    private final DatePicker plannedOn = new DateField();
    private final TextField cost = new TextField();
    private final ComboBox<FundRequest> fundRequest = new ComboBox<>();

    MeasureForm(List<CodeItem> categories, List<FundRequest> requests, LocalDate today) {
        FormLayout form = getContent();
        form.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 2));
        category.setLabel(getTranslation("handbook.measure.category"));
        category.setItems(categories);
        category.setItemLabelGenerator(item -> item.label(getLocale()));
        category.setId("measure-category");
        partyUnit.setLabel(getTranslation("handbook.measure.partyUnit"));
        partyUnit.setId("measure-unit");
        partyPerson.setLabel(getTranslation("handbook.measure.partyPerson"));
        partyPerson.setId("measure-person");
        content.setLabel(getTranslation("handbook.measure.content"));
        content.setId("measure-content");
        plannedOn.setLabel(getTranslation("handbook.measure.plannedOn"));
        plannedOn.setValue(today);
        plannedOn.setId("measure-planned");
        cost.setLabel(getTranslation("handbook.measure.cost"));
        cost.setId("measure-cost");
        fundRequest.setLabel(getTranslation("handbook.measure.fundRequestId"));
        fundRequest.setItems(requests);
        fundRequest.setItemLabelGenerator(r -> "#" + r.id() + " " + r.amount().format() + " " + r.purpose());
        fundRequest.setClearButtonVisible(true);
        fundRequest.setId("measure-fund");
        form.add(category, plannedOn, partyUnit, partyPerson);
        form.add(content, 2);
        form.add(cost, fundRequest);
    }

    void setMeasure(Measure m, List<CodeItem> categories, List<FundRequest> requests) {
        categories.stream().filter(c -> c.code().equals(m.category())).findFirst().ifPresent(category::setValue);
        partyUnit.setValue(m.partyUnit());
        partyPerson.setValue(m.partyPerson() == null ? "" : m.partyPerson());
        content.setValue(m.content());
        plannedOn.setValue(m.plannedOn());
        cost.setValue(m.cost() == null ? "" : m.cost().format());
        requests.stream().filter(r -> m.fundRequestId() != null && r.id() == m.fundRequestId()).findFirst()
                .ifPresent(fundRequest::setValue);
    }

    /** The measure entered, or empty with the cost marked when it is not an amount. */
    Optional<MeasureDraft> draft() {
        Money money = null;
        if (!cost.getValue().isBlank()) {
            Optional<String> problem = Money.problem(cost.getValue());
            if (problem.isPresent()) {
                cost.setErrorMessage(getTranslation(problem.get()));
                cost.setInvalid(true);
                return Optional.empty();
            }
            money = Money.parse(cost.getValue());
        }
        cost.setInvalid(false);
        return Optional.of(new MeasureDraft(category.getValue() == null ? null : category.getValue().code(),
                partyUnit.getValue(), partyPerson.getValue(), content.getValue(), plannedOn.getValue(), money,
                fundRequest.getValue() == null ? null : fundRequest.getValue().id()));
    }

    void showErrors(InvalidInput invalid) {
        FieldErrors.show(this, invalid,
                List.<HasValidation>of(category, partyUnit, partyPerson, content, plannedOn, cost, fundRequest),
                name -> switch (name) {
                    case "category" -> category;
                    case "partyUnit" -> partyUnit;
                    case "partyPerson" -> partyPerson;
                    case "plannedOn" -> plannedOn;
                    case "cost" -> cost;
                    case "fundRequestId" -> fundRequest;
                    default -> content;
                });
    }
}
