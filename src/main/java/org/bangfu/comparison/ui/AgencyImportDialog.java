package org.bangfu.comparison.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.comparison.AgencyData.ImportReport;
import org.bangfu.comparison.AgencyData.Mode;
import org.bangfu.comparison.AgencyData.RowProblem;
import org.bangfu.comparison.AgencyData;
import org.bangfu.comparison.AgencyField;
import org.bangfu.comparison.AgencyKind;
import org.bangfu.shared.BureauTime;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shell.DateField;
import org.bangfu.shell.ResponsiveGrid;
import org.bangfu.shell.UploadTexts;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;

/**
 * Imports one agency file: choose the kind and the data date, upload, check the columns found for each field
 * (change them where the headers are unusual), read the report of rows that cannot be read, then import all
 * or nothing, or import the readable rows and keep the others on record as skipped.
 */
class AgencyImportDialog extends Dialog {

    private final transient AgencyData agencyData;
    private final Runnable afterImport;
    private final Select<AgencyKind> kind = new Select<>();
    private final DatePicker asOf = new DateField();
    private final FormLayout mapping = new FormLayout();
    private final Map<String, ComboBox<String>> columns = new LinkedHashMap<>();
    private final Paragraph outcome = new Paragraph();
    private final Grid<RowProblem> problems = new Grid<>();
    private final Button check = new Button();
    private final Button importAll = new Button();
    private final Button importReadable = new Button();
    private byte[] content;
    private String fileName;
    private List<String> headers = List.of();

    AgencyImportDialog(AgencyData agencyData, Runnable afterImport) {
        this.agencyData = agencyData;
        this.afterImport = afterImport;
        setHeaderTitle(getTranslation("agency.import.title"));
        setId("agency-import");
        setWidth("min(60rem, 100vw)");
        UI ui = UI.getCurrent();

        kind.setLabel(getTranslation("agency.import.kind"));
        kind.setItems(AgencyKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("agency.kind." + k.name()));
        kind.setValue(AgencyKind.VEHICLE);
        kind.setId("agency-kind");
        kind.addValueChangeListener(e -> showMapping());
        asOf.setLabel(getTranslation("agency.import.asOf"));
        asOf.setValue(BureauTime.today());
        asOf.setMax(BureauTime.today());
        asOf.setId("agency-as-of");
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> ui.access(() -> {
            content = bytes;
            fileName = metadata.fileName();
            try {
                headers = agencyData.headers(bytes);
                showMapping();
                run(Mode.CHECK);
            } catch (InvalidInput unreadable) {
                headers = List.of();
                mapping.removeAll();
                showOutcome(getTranslation("agency.file.unreadable"), false);
            }
        })));
        upload.setI18n(UploadTexts.of(this, getTranslation("attachment.tooLarge", 25)));
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".xlsx", ".csv", ".txt");
        upload.setId("agency-upload");

        mapping.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2),
                new FormLayout.ResponsiveStep("48rem", 3));
        outcome.setId("agency-outcome");
        problems.addColumn(RowProblem::rowNo).setHeader(getTranslation("households.import.row")).setAutoWidth(true);
        problems.addColumn(p -> getTranslation("agency.field." + p.field())).setHeader(getTranslation("comparison.field"))
                .setAutoWidth(true);
        problems.addColumn(p -> getTranslation(p.messageKey())).setHeader(getTranslation("households.import.problem"))
                .setFlexGrow(1);
        problems.addColumn(RowProblem::value).setHeader(getTranslation("agency.import.value")).setAutoWidth(true);
        ResponsiveGrid.of(problems, "agency.skipped.empty").card(p -> ResponsiveGrid.card(getTranslation(p.messageKey()),
                ResponsiveGrid.line(getTranslation("households.import.row") + " " + p.rowNo(),
                        getTranslation("agency.field." + p.field()), p.value())));
        problems.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        problems.setHeight("16rem");
        problems.setVisible(false);
        problems.setId("agency-problems");

        FormLayout top = new FormLayout(kind, asOf);
        add(new Paragraph(getTranslation("agency.import.help")), top, upload, mapping, outcome, problems);

        check.setText(getTranslation("agency.import.check"));
        check.addClickListener(e -> run(Mode.CHECK));
        check.setEnabled(false);
        check.setId("agency-check");
        importAll.setText(getTranslation("agency.import.all"));
        importAll.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importAll.addClickListener(e -> run(Mode.ALL_OR_NOTHING));
        importAll.setEnabled(false);
        importAll.setId("agency-import-all");
        importReadable.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        importReadable.addClickListener(e -> run(Mode.SKIP_UNREADABLE_ROWS));
        importReadable.setVisible(false);
        importReadable.setId("agency-import-readable");
        getFooter().add(new Button(getTranslation("action.close"), e -> close()), check, importReadable, importAll);
    }

    private void showMapping() {
        mapping.removeAll();
        columns.clear();
        if (headers.isEmpty()) {
            return;
        }
        Map<String, String> suggested = AgencyData.suggestMapping(kind.getValue(), headers);
        for (AgencyField field : kind.getValue().fields()) {
            ComboBox<String> column = new ComboBox<>(getTranslation("agency.field." + field.key()));
            column.setItems(headers);
            column.setValue(suggested.get(field.key()));
            column.setRequiredIndicatorVisible(field.required());
            column.setClearButtonVisible(true);
            column.setId("column-" + field.key());
            column.addValueChangeListener(e -> importAll.setEnabled(false));
            columns.put(field.key(), column);
            mapping.add(column);
        }
        check.setEnabled(true);
    }

    private Map<String, String> chosen() {
        Map<String, String> chosen = new LinkedHashMap<>();
        columns.forEach((key, box) -> {
            if (box.getValue() != null) {
                chosen.put(key, box.getValue());
            }
        });
        return chosen;
    }

    private void run(Mode mode) {
        if (content == null) {
            return;
        }
        columns.values().forEach(box -> box.setInvalid(false));
        try {
            ImportReport report = agencyData.importFile(kind.getValue(), fileName, content, chosen(), asOf.getValue(), mode);
            show(report);
        } catch (InvalidInput invalid) {
            for (InvalidInput.FieldError error : invalid.errors()) {
                ComboBox<String> box = columns.get(error.field());
                if (box != null) {
                    box.setErrorMessage(getTranslation(error.messageKey(), error.arguments()));
                    box.setInvalid(true);
                } else if ("asOf".equals(error.field())) {
                    asOf.setErrorMessage(getTranslation(error.messageKey()));
                    asOf.setInvalid(true);
                }
            }
            showOutcome(getTranslation("agency.import.fix"), false);
            importAll.setEnabled(false);
            importReadable.setVisible(false);
        }
    }

    private void show(ImportReport report) {
        int problemRows = (int) report.problems().stream().map(RowProblem::rowNo).distinct().count();
        problems.setItems(report.problems());
        problems.setVisible(!report.problems().isEmpty());
        switch (report.status()) {
            case CHECKED -> {
                showOutcome(getTranslation("agency.import.checked", report.rows(), report.readableRows(), problemRows,
                        report.charset() == null ? "xlsx" : report.charset()), problemRows == 0);
                importAll.setEnabled(problemRows == 0);
                importReadable.setText(getTranslation("agency.import.readable", report.readableRows(), problemRows));
                importReadable.setVisible(problemRows > 0 && report.readableRows() > 0);
            }
            case REFUSED -> showOutcome(getTranslation("agency.import.refused", problemRows), false);
            case ALREADY_IMPORTED -> {
                showOutcome(getTranslation("agency.import.already", report.dataset().versionNo()), false);
                importAll.setEnabled(false);
                importReadable.setVisible(false);
            }
            case IMPORTED -> {
                Notification.show(getTranslation("agency.import.done", getTranslation("agency.kind." + report.kind()),
                        report.dataset().versionNo(), report.dataset().rowCount(), report.dataset().skippedCount()))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                afterImport.run();
                close();
            }
        }
    }

    private void showOutcome(String text, boolean good) {
        outcome.setText(text);
        outcome.getStyle().set("color", good ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
    }
}
