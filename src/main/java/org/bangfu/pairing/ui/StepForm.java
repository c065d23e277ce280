package org.bangfu.pairing.ui;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.bangfu.household.CodeLists.CodeItem;
import org.bangfu.pairing.PairingSettings.Quorum;
import org.bangfu.pairing.PairingVariables;
import org.bangfu.pairing.TeamLoad;
import org.bangfu.shared.BureauTime;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Money;
import org.bangfu.shell.DateField;
import org.bangfu.shell.FieldErrors;
import org.bangfu.shell.Keypad;
import org.bangfu.shell.PhotoField;
import org.bangfu.tasks.FormField;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;

/**
 * The form of one step, built from the step's fields as the task service describes them, so that the UI and
 * the REST API ask for the same things and the facade judges both alike. Fields a decision does not need are
 * hidden until it is chosen; a review shows its quorum as the numbers are typed. Submitting fires a
 * {@link SubmitEvent} with what was entered; the facade's errors come back through {@link #showErrors}.
 */
public class StepForm extends Composite<VerticalLayout> {

    private final Map<String, HasValue<?, ?>> inputs = new LinkedHashMap<>();
    private final Map<String, FormField> fields = new LinkedHashMap<>();
    private final Paragraph quorumHint = new Paragraph();
    private final Paragraph generalError = FieldErrors.general("form-error");
    private final Paragraph prefilled = new Paragraph();
    final Button submit = new Button();
    private final Quorum quorum;
    private final Long proposedTeamId;

    public StepForm(List<FormField> spec, Function<String, List<CodeItem>> codeItems, List<TeamLoad> teams,
            Long proposedTeamId, Quorum quorum) {
        this.quorum = quorum;
        this.proposedTeamId = proposedTeamId;
        FormLayout layout = new FormLayout();
        layout.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("640px", 2));
        for (FormField field : spec) {
            HasValue<?, ?> input = input(field, codeItems, teams, proposedTeamId);
            Component component = (Component) input;
            component.setId("form-" + field.name());
            if (field.type() == FormField.Type.TEXTAREA || field.type() == FormField.Type.PHOTOS) {
                layout.setColspan(component, 2);
            }
            inputs.put(field.name(), input);
            fields.put(field.name(), field);
            layout.add(component);
        }
        prefilled.setId("form-prefilled");
        prefilled.setText(getTranslation("task.prefilled"));
        prefilled.setVisible(false);
        quorumHint.setId("form-quorum");
        quorumHint.setVisible(quorum != null);
        submit.setText(getTranslation("task.submit"));
        submit.setId("form-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setMinHeight("44px");
        submit.addClickListener(e -> {
            List<FieldError> counts = countProblems();
            if (!counts.isEmpty()) {
                showErrors(new InvalidInput(counts));
            } else if (amountsRead()) {
                fireEvent(new SubmitEvent(this, values()));
            }
        });
        getContent().setPadding(false);
        getContent().add(prefilled, layout, quorumHint, generalError, submit);
        inputs.values().forEach(input -> input.addValueChangeListener(e -> update()));
        update();
    }

    private HasValue<?, ?> input(FormField field, Function<String, List<CodeItem>> codeItems, List<TeamLoad> teams,
            Long proposedTeamId) {
        String label = getTranslation("form.field." + field.name());
        HasValue<?, ?> input = switch (field.type()) {
            case DATE -> {
                DatePicker date = new DateField(label);
                date.setMax(BureauTime.today());
                yield date;
            }
            case TEXT -> new TextField(label);
            case TEXTAREA -> {
                TextArea area = new TextArea(label);
                area.setMinHeight("6em");
                yield area;
            }
            case INTEGER -> {
                TextField number = Keypad.numeric(new TextField(label));
                number.setMaxLength(6);
                // a review's quorum hint follows the numbers as they are typed, not when the field is left
                number.setValueChangeMode(ValueChangeMode.LAZY);
                yield number;
            }
            case CHOICE -> {
                Select<String> choice = new Select<>();
                choice.setLabel(label);
                choice.setItems(field.choices());
                choice.setItemLabelGenerator(v -> getTranslation("form.choice." + field.name() + "." + v));
                yield choice;
            }
            case CODE -> {
                ComboBox<CodeItem> code = new ComboBox<>(label);
                code.setItems(codeItems.apply(field.codeList()));
                code.setItemLabelGenerator(i -> i.label(getLocale()));
                code.setClearButtonVisible(true);
                yield code;
            }
            case CODES -> {
                MultiSelectComboBox<CodeItem> codes = new MultiSelectComboBox<>(label);
                codes.setItems(codeItems.apply(field.codeList()));
                codes.setItemLabelGenerator(i -> i.label(getLocale()));
                yield codes;
            }
            case PHOTOS -> new PhotoField(label);
            case MONEY -> {
                TextField amount = new TextField(label);
                amount.setAllowedCharPattern("[0-9.,，¥]");
                Keypad.decimal(amount);
                amount.setMaxLength(20);
                amount.setSuffixComponent(new Span(getTranslation("money.unit")));
                yield amount;
            }
            case TEAM -> {
                Select<TeamLoad> team = new Select<>();
                team.setLabel(label);
                team.setItems(teams);
                team.setItemLabelGenerator(t -> getTranslation("task.team.caseload", t.name(), t.caseload())
                        + (Objects.equals(t.id(), proposedTeamId) ? " · " + getTranslation("task.team.proposed") : ""));
                teams.stream().filter(t -> Objects.equals(t.id(), proposedTeamId)).findFirst().ifPresent(team::setValue);
                yield team;
            }
        };
        input.setRequiredIndicatorVisible(field.required());
        return input;
    }

    /** Shows the fields the chosen decision needs, and the quorum for the numbers typed so far. */
    private void update() {
        String decision = text(FormField.DECISION);
        if (decision == null && fields.containsKey(FormField.DECISION)) {
            decision = fields.get(FormField.DECISION).choices().get(0);
        }
        for (Map.Entry<String, FormField> entry : fields.entrySet()) {
            FormField field = entry.getValue();
            if (field.requiredWhen().isEmpty()) {
                continue;
            }
            boolean needed = decision == null ? field.requiredWhen().contains(PairingVariables.PASS)
                    : field.requiredWhen().contains(decision);
            ((Component) inputs.get(entry.getKey())).setVisible(needed);
            inputs.get(entry.getKey()).setRequiredIndicatorVisible(needed);
        }
        if (inputs.containsKey("overrideReason") && inputs.get("teamId").getValue() instanceof TeamLoad team) {
            inputs.get("overrideReason").setRequiredIndicatorVisible(!Objects.equals(team.id(), proposedTeamId));
        }
        if (quorum != null) {
            Integer members = number("members");
            Integer present = number("present");
            Integer votesFor = number("votesFor");
            List<FieldError> problems = countProblems();
            StringBuilder hint = new StringBuilder();
            if (members != null && members > 0) {
                hint.append(getTranslation("task.quorum.minimum", members, quorum.minimumPresent(members)));
            }
            // the numbers' problems exactly as submitting would name them; a majority only of numbers that hold
            problems.forEach(p -> hint.append(' ').append(getTranslation(p.messageKey(), p.arguments())));
            if (problems.isEmpty() && members != null && members > 0 && present != null) {
                hint.append(' ').append(getTranslation("task.quorum.met"));
            }
            if (problems.isEmpty() && present != null && votesFor != null) {
                hint.append(' ').append(getTranslation(quorum.carried(present, votesFor) ? "task.quorum.carried"
                        : "task.quorum.notCarried", votesFor, present));
            }
            quorumHint.setText(hint.length() == 0 ? getTranslation("task.quorum.rule") : hint.toString().trim());
        }
    }

    /** What is wrong with a meeting's numbers as typed so far, by the review's rule; none while they are hidden. */
    private List<FieldError> countProblems() {
        if (quorum == null || !inputs.containsKey("present") || !((Component) inputs.get("present")).isVisible()) {
            return List.of();
        }
        return quorum.problems(number("members"), number("present"), number("votesFor"), number("votesAgainst"),
                number("votesAbstain"));
    }

    /** What was entered, keyed by field name, as the task service takes it: dates as ISO text, codes as codes. */
    public Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        inputs.forEach((name, input) -> {
            if (!((Component) input).isVisible()) {
                return;
            }
            Object value = input.getValue();
            if (value instanceof LocalDate date) {
                values.put(name, date.toString());
            } else if (value instanceof CodeItem item) {
                values.put(name, item.code());
            } else if (value instanceof java.util.Set<?> many) {
                values.put(name, many.stream().map(i -> ((CodeItem) i).code()).toList());
            } else if (value instanceof List<?> photos) {
                if (!photos.isEmpty()) {
                    values.put(name, List.copyOf(photos));
                }
            } else if (value instanceof TeamLoad team) {
                values.put(name, team.id());
            } else if (value instanceof String text && !text.isBlank()) {
                values.put(name, isAmount(name) && Money.problem(text).isEmpty() ? Money.parse(text).toString()
                        : text.trim());
            }
        });
        return values;
    }

    /**
     * Amounts are typed as people write them ({@code 1,200.50}, {@code ¥300}) and sent as the task service takes them
     * ({@code 1200.50}); one that cannot be read is marked here, in the words meant for people, and nothing is sent.
     */
    private boolean amountsRead() {
        boolean read = true;
        for (Map.Entry<String, HasValue<?, ?>> entry : inputs.entrySet()) {
            if (isAmount(entry.getKey()) && ((Component) entry.getValue()).isVisible()
                    && entry.getValue() instanceof TextField amount && !amount.getValue().isBlank()) {
                var problem = Money.problem(amount.getValue());
                amount.setInvalid(problem.isPresent());
                problem.ifPresent(key -> amount.setErrorMessage(getTranslation(key)));
                read &= problem.isEmpty();
            }
        }
        return read;
    }

    private boolean isAmount(String name) {
        return fields.get(name).type() == FormField.Type.MONEY;
    }

    /** Marks each field the facade refused, with its message; anything else shows above the button. */
    public void showErrors(InvalidInput invalid) {
        FieldErrors.show(this, invalid, inputs.values().stream().map(HasValidation.class::cast).toList(), name -> {
            HasValue<?, ?> input = inputs.get(name);
            return input instanceof HasValidation validated && ((Component) input).isVisible() ? validated : null;
        }, generalError);
    }

    /** Where the form's photos are stored as they are taken (the household's attachments). */
    public void setPhotoUploader(PhotoField.Uploader uploader, int maxBytes) {
        inputs.values().stream().filter(PhotoField.class::isInstance)
                .forEach(field -> ((PhotoField) field).setUploader(uploader, maxBytes));
    }

    /**
     * Offers what was recorded elsewhere for this step's fields (dates as ISO text), saying so above them; the
     * person checks it and may change it.
     */
    public void prefill(Map<String, Object> values) {
        values.forEach((name, value) -> {
            HasValue<?, ?> input = inputs.get(name);
            if (input instanceof DatePicker date) {
                date.setValue(LocalDate.parse(value.toString()));
            } else if (input != null && input.getEmptyValue() instanceof String) {
                set(name, value.toString());
            }
        });
        prefilled.setVisible(values.keySet().stream().anyMatch(inputs::containsKey));
    }

    /** Sets a field's value by name (for tests and for prefilling): text, a date, a choice. */
    @SuppressWarnings("unchecked")
    void set(String name, Object value) {
        ((HasValue<?, Object>) inputs.get(name)).setValue(value);
    }

    HasValue<?, ?> input(String name) {
        return inputs.get(name);
    }

    String quorumHint() {
        return quorumHint.getText();
    }

    private String text(String name) {
        HasValue<?, ?> input = inputs.get(name);
        return input == null || input.getValue() == null || input.isEmpty() ? null : input.getValue().toString();
    }

    private Integer number(String name) {
        String text = text(name);
        try {
            return text == null ? null : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public Registration addSubmitListener(ComponentEventListener<SubmitEvent> listener) {
        return addListener(SubmitEvent.class, listener);
    }

    /** The form was submitted with these values. */
    public static class SubmitEvent extends ComponentEvent<StepForm> {

        private final Map<String, Object> values;

        SubmitEvent(StepForm source, Map<String, Object> values) {
            super(source, false);
            this.values = values;
        }

        public Map<String, Object> values() {
            return values;
        }
    }
}
