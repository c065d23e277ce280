package org.bangfu.handbook.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.handbook.Confirmation;
import org.bangfu.handbook.Visit;
import org.bangfu.handbook.VisitDraft;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shell.DateField;
import org.bangfu.shell.FieldErrors;
import org.bangfu.shell.PhotoField;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableConsumer;

/**
 * A visit as the team member enters it, on a phone as well as at a desk: date, kind, visitors, what was found and
 * what changed, needs, measures delivered, the household's wishes, photos from the camera, and the head of
 * household's confirmation. One column on a narrow screen.
 */
class VisitForm extends Composite<FormLayout> {

    /** What the form holds, with a signature just drawn (a PNG, or null). */
    record Filled(VisitDraft draft, byte[] signature) {
    }

    private final DatePicker visitedOn = new DateField();
    private final Select<Visit.Kind> kind = new Select<>();
    private final TextField visitors = new TextField();
    private final TextArea findings = new TextArea();
    private final Map<String, TextArea> changes = new LinkedHashMap<>();
    private final PhotoField photos;
    private final ConfirmationField confirmation;

    VisitForm(LocalDate today, int backdateDays, String visitor, PhotoField.Uploader photoUploader,
            PhotoField.Uploader paperUploader, int maxBytes) {
        FormLayout form = getContent();
        form.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 2));
        visitedOn.setLabel(getTranslation("handbook.visit.visitedOn"));
        visitedOn.setMax(today);
        visitedOn.setMin(today.minusDays(backdateDays));
        visitedOn.setValue(today);
        visitedOn.setHelperText(getTranslation("handbook.visit.backdateHint", backdateDays));
        visitedOn.setId("visit-date");
        kind.setLabel(getTranslation("handbook.visit.kind"));
        kind.setItems(Visit.Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation("handbook.visit.kind." + k.name()));
        kind.setValue(Visit.Kind.HOME);
        kind.setId("visit-kind");
        visitors.setLabel(getTranslation("handbook.visit.visitors"));
        visitors.setValue(visitor);
        visitors.setHelperText(getTranslation("handbook.visit.visitorsHint"));
        visitors.setId("visit-visitors");
        findings.setLabel(getTranslation("handbook.visit.findings"));
        findings.setRequiredIndicatorVisible(true);
        findings.setMinHeight("7em");
        findings.setId("visit-findings");
        form.add(visitedOn, kind, visitors);
        form.add(findings, 2);
        for (String name : List.of("incomeChange", "healthChange", "housingChange", "schoolingChange", "needs",
                "measuresDelivered", "wishes")) {
            TextArea area = new TextArea(getTranslation("handbook.visit." + name));
            area.setId("visit-" + name);
            changes.put(name, area);
            form.add(area);
        }
        photos = new PhotoField(getTranslation("handbook.visit.photos"));
        photos.setUploader(photoUploader, maxBytes);
        photos.setId("visit-photos");
        form.add(photos, 2);
        confirmation = new ConfirmationField(List.of(Confirmation.SIGNATURE, Confirmation.PAPER, Confirmation.NONE),
                paperUploader, maxBytes);
        form.add(confirmation, 2);
    }

    /** Fills the form with a saved visit, to be saved again. */
    void setVisit(Visit visit, LocalDate today, int backdateDays) {
        if (visit.visitedOn().isBefore(today.minusDays(backdateDays))) {
            visitedOn.setMin(visit.visitedOn());
        }
        visitedOn.setValue(visit.visitedOn());
        kind.setValue(visit.kind());
        visitors.setValue(visit.visitors());
        findings.setValue(visit.findings());
        set("incomeChange", visit.incomeChange());
        set("healthChange", visit.healthChange());
        set("housingChange", visit.housingChange());
        set("schoolingChange", visit.schoolingChange());
        set("needs", visit.needs());
        set("measuresDelivered", visit.measuresDelivered());
        set("wishes", visit.wishes());
        visit.photoIds().forEach(id -> photos.add(String.valueOf(id), "#" + id));
        confirmation.keep(visit.confirmation(), visit.confirmationId());
    }

    private void set(String name, String value) {
        changes.get(name).setValue(value == null ? "" : value);
    }

    private String get(String name) {
        return changes.get(name).getValue();
    }

    /** Hands what was entered to {@code then} once the signature (if drawn) is read from the browser. */
    void read(SerializableConsumer<Filled> then) {
        confirmation.read(given -> then.accept(new Filled(new VisitDraft(visitedOn.getValue(), kind.getValue(),
                visitors.getValue(), findings.getValue(), get("incomeChange"), get("healthChange"), get("housingChange"),
                get("schoolingChange"), get("needs"), get("measuresDelivered"), get("wishes"),
                photos.getValue() == null ? List.of() : photos.getValue().stream().map(Long::valueOf).toList(),
                given.confirmation(), given.attachmentId()), given.signature())));
    }

    void showErrors(InvalidInput invalid) {
        List<HasValidation> all = new ArrayList<>(List.of(visitedOn, kind, visitors, findings, photos));
        all.addAll(changes.values());
        confirmation.clearError();
        // the confirmation is no field: its message is the only one that finds no place
        FieldErrors.show(this, invalid, all, name -> switch (name) {
            case "confirmation" -> null;
            case "visitedOn" -> visitedOn;
            case "kind" -> kind;
            case "visitors" -> visitors;
            case "photoIds" -> photos;
            default -> changes.getOrDefault(name, findings);
        }, messages -> messages.forEach(confirmation::showError));
    }
}
