package org.bangfu.calendar.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.bangfu.calendar.CalendarDay;
import org.bangfu.calendar.CalendarImport;
import org.bangfu.calendar.CalendarImport.YearChange;
import org.bangfu.calendar.CalendarImportRefused;
import org.bangfu.calendar.CalendarImports;
import org.bangfu.calendar.StaleCalendar;
import org.bangfu.shell.ResponsiveGrid;
import org.bangfu.shell.UploadTexts;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;

/**
 * 导入国务院节假日安排: upload a file, read what it would change per year (or every problem by line), then confirm;
 * the years the file covers are replaced as a whole only then, and only if nobody changed them in between.
 */
class CalendarImportDialog extends Dialog {

    /** One line of the preview: a problem of the file, or a day the import adds, removes or changes. */
    record Row(String where, String what) {
    }

    private final transient CalendarImports imports;
    private final transient Consumer<List<Integer>> afterImport;
    private final Paragraph outcome = new Paragraph();
    private final Div years = new Div();
    private final Grid<Row> rows = new Grid<>();
    private final Paragraph warning = new Paragraph(getTranslation("calendar.import.replaceWarning"));
    private final Button confirm = new Button(getTranslation("calendar.import.confirm"));
    private byte[] content;
    private CalendarImport preview;

    /** {@code afterImport} receives the years the import replaced. */
    CalendarImportDialog(CalendarImports imports, Consumer<List<Integer>> afterImport) {
        this.imports = imports;
        this.afterImport = afterImport;
        setHeaderTitle(getTranslation("calendar.import.title"));
        setId("calendar-import-dialog");
        setWidth("min(48rem, 100vw)");
        UI ui = UI.getCurrent();
        outcome.setId("calendar-import-outcome");
        years.setId("calendar-import-years");
        rows.setId("calendar-import-rows");
        rows.addColumn(Row::where).setHeader(getTranslation("calendar.import.line")).setAutoWidth(true).setFlexGrow(0)
                .setKey("where");
        rows.addColumn(Row::what).setHeader(getTranslation("calendar.import.problem")).setFlexGrow(1).setKey("what");
        ResponsiveGrid.of(rows, "calendar.import.rows.empty").card(r -> ResponsiveGrid.card(r.where(), r.what()));
        rows.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        rows.setHeight("16rem");
        rows.setVisible(false);
        warning.setId("calendar-import-warning");
        warning.getStyle().set("color", "var(--lumo-error-text-color)");
        warning.setVisible(false);
        confirm.setId("calendar-import-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setVisible(false);
        confirm.addClickListener(e -> apply());

        // the upload request runs outside the UI lock: read the file there, show the preview through access()
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            CalendarImport report = imports.preview(bytes);
            ui.access(() -> show(bytes, report));
        }));
        upload.setI18n(UploadTexts.of(this, getTranslation("calendar.import.tooLarge", CalendarImports.MAX_BYTES / 1024)));
        upload.setMaxFiles(1);
        upload.setMaxFileSize(CalendarImports.MAX_BYTES);
        upload.setAcceptedFileTypes(".csv", "text/csv", "text/plain");
        upload.setId("calendar-import-upload");
        upload.addFileRemovedListener(e -> show(null, null));
        add(new Paragraph(getTranslation("calendar.import.help")), upload, outcome, years, warning, rows);
        Button cancel = new Button(getTranslation("calendar.import.cancel"), e -> close());
        cancel.setId("calendar-import-cancel");
        getFooter().add(cancel, confirm);
    }

    private void show(byte[] bytes, CalendarImport report) {
        content = bytes;
        preview = report;
        years.removeAll();
        boolean valid = report != null && report.valid();
        confirm.setVisible(valid);
        warning.setVisible(valid);
        rows.setVisible(report != null && (!valid || report.years().stream().anyMatch(y -> !y.unchanged())));
        if (report == null) {
            outcome.setText("");
            return;
        }
        if (!valid) {
            outcome.setText(getTranslation("calendar.import.failed", report.problems().size()));
            rows.getColumnByKey("where").setHeader(getTranslation("calendar.import.line"));
            rows.getColumnByKey("what").setHeader(getTranslation("calendar.import.problem"));
            rows.setItems(report.problems().stream()
                    .map(p -> new Row(p.line() == 0 ? "—" : String.valueOf(p.line()),
                            getTranslation(p.messageKey(), p.arguments())))
                    .toList());
            return;
        }
        outcome.setText(getTranslation("calendar.import.preview", report.charset() == null ? "—" : report.charset()));
        List<Row> changes = new ArrayList<>();
        for (YearChange year : report.years()) {
            Paragraph line = new Paragraph(year.unchanged()
                    ? getTranslation("calendar.import.unchanged", String.valueOf(year.year()))
                    : getTranslation("calendar.import.year", String.valueOf(year.year()), year.before(), year.after(),
                            year.holidays(), year.workdays(), year.added().size(), year.removed().size(),
                            year.changed().size()));
            line.addClassName("bf-calendar-import-year");
            years.add(line);
            year.added().forEach(d -> changes.add(new Row(d.day().toString(),
                    getTranslation("calendar.import.change.added") + "：" + describe(d))));
            year.removed().forEach(d -> changes.add(new Row(d.day().toString(),
                    getTranslation("calendar.import.change.removed") + "：" + describe(d))));
            year.changed().forEach(c -> changes.add(new Row(c.after().day().toString(),
                    getTranslation("calendar.import.change.changed") + "：" + describe(c.before()) + " → "
                            + describe(c.after()))));
        }
        rows.getColumnByKey("where").setHeader(getTranslation("calendar.day"));
        rows.getColumnByKey("what").setHeader(getTranslation("calendar.import.change"));
        rows.setItems(changes.stream().sorted((a, b) -> a.where().compareTo(b.where())).toList());
    }

    private String describe(CalendarDay day) {
        return getTranslation("calendar.kind." + day.kind()) + " " + day.name();
    }

    private void apply() {
        try {
            CalendarImport done = imports.apply(content, preview.basis());
            Notification.show(getTranslation("calendar.import.done", done.years().stream()
                    .map(y -> String.valueOf(y.year())).collect(Collectors.joining("、"))))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            close();
            afterImport.accept(done.years().stream().map(YearChange::year).toList());
        } catch (StaleCalendar stale) {
            show(null, null);
            outcome.setText(getTranslation("calendar.import.stale"));
        } catch (CalendarImportRefused refused) {
            show(content, refused.report());
        }
    }
}
