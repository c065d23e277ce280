package org.bangfu.household.ui;

import java.io.ByteArrayInputStream;

import org.bangfu.household.HouseholdExcel;
import org.bangfu.household.HouseholdExcel.ImportProblem;
import org.bangfu.household.HouseholdExcel.ImportReport;
import org.bangfu.shell.ResponsiveGrid;
import org.bangfu.shell.UploadTexts;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;

/**
 * Imports a filled template: a progress bar while it runs, then either how many households and members were
 * saved, or every problem by sheet, row and column (and nothing saved).
 */
class ImportDialog extends Dialog {

    private final ProgressBar progress = new ProgressBar(0, 100);
    private final Paragraph outcome = new Paragraph();
    private final Grid<ImportProblem> problems = new Grid<>();

    ImportDialog(HouseholdExcel excel, Runnable afterImport) {
        setHeaderTitle(getTranslation("households.import.title"));
        setId("import-dialog");
        setWidth("min(56rem, 100vw)");
        UI ui = UI.getCurrent();
        progress.setVisible(false);
        outcome.setId("import-outcome");
        problems.setId("import-problems");
        problems.addColumn(ImportProblem::sheet).setHeader(getTranslation("households.import.sheet")).setAutoWidth(true);
        problems.addColumn(ImportProblem::row).setHeader(getTranslation("households.import.row")).setAutoWidth(true);
        problems.addColumn(ImportProblem::column).setHeader(getTranslation("households.import.column")).setAutoWidth(true);
        problems.addColumn(p -> getTranslation(p.messageKey(), p.arguments()))
                .setHeader(getTranslation("households.import.problem")).setFlexGrow(1);
        ResponsiveGrid.of(problems, "households.import.noProblems").card(p -> ResponsiveGrid.card(
                getTranslation(p.messageKey(), p.arguments()), ResponsiveGrid.line(p.sheet(), p.row(), p.column())));
        problems.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        problems.setVisible(false);
        problems.setHeight("20rem");

        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            // the upload request does not hold the UI lock: report progress through access() and polling
            ui.access(() -> {
                progress.setVisible(true);
                progress.setValue(0);
                outcome.setText(getTranslation("households.import.running"));
                ui.setPollInterval(500);
            });
            ImportReport report = excel.importWorkbook(new ByteArrayInputStream(bytes),
                    percent -> ui.access(() -> progress.setValue(percent)));
            ui.access(() -> {
                ui.setPollInterval(-1);
                progress.setValue(100);
                show(report);
                if (report.succeeded()) {
                    afterImport.run();
                }
            });
        }));
        upload.setI18n(UploadTexts.of(this, getTranslation("attachment.tooLarge", 25)));
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        upload.setId("import-upload");
        add(new Paragraph(getTranslation("households.import.help")), upload, progress, outcome, problems);
        getFooter().add(new Button(getTranslation("action.close"), e -> close()));
    }

    private void show(ImportReport report) {
        if (report.succeeded()) {
            outcome.setText(getTranslation("households.import.done", report.households(), report.members()));
            problems.setVisible(false);
        } else {
            outcome.setText(getTranslation("households.import.failed", report.problems().size()));
            problems.setItems(report.problems());
            problems.setVisible(true);
        }
    }
}
