package org.bangfu.comparison.ui;

import java.io.ByteArrayInputStream;
import java.util.Locale;

import org.bangfu.comparison.Batch;
import org.bangfu.comparison.ComparisonBatches.Summary;
import org.bangfu.comparison.ComparisonBatches;
import org.bangfu.shared.BureauTime;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Role;
import org.bangfu.shared.SignedInUser;
import org.bangfu.shell.Badges;
import org.bangfu.shell.MainLayout;
import org.bangfu.shared.People;
import org.bangfu.shell.Names;
import org.bangfu.shell.ResponsiveGrid;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.shared.Registration;

import jakarta.annotation.security.RolesAllowed;

/**
 * 批量核对: starts the re-check of every active household, shows its progress while it runs (the page polls),
 * lets the district cancel it, and summarises a batch by rule and by street with drill-down to the warnings
 * and an .xlsx export.
 */
@Route(value = "comparison/batches", layout = MainLayout.class)
@Menu(title = "nav.comparisonBatches", order = 22, icon = "vaadin:automation")
@RolesAllowed({ Role.Names.ADMIN, Role.Names.DISTRICT, Role.Names.LEADER })
class ComparisonBatchView extends VerticalLayout implements HasDynamicTitle {

    private final transient ComparisonBatches batches;
    private final transient Names names;
    private final boolean manages;
    private final Grid<Batch> history = new Grid<>();
    private final Div summary = new Div();
    private Long shownBatch;
    private Registration polling;

    ComparisonBatchView(ComparisonBatches batches, People people) {
        this.names = new Names(people, this::getTranslation);
        this.batches = batches;
        SignedInUser user = CurrentUser.require();
        manages = user.hasRole(Role.DISTRICT) || user.hasRole(Role.ADMIN);
        setId("comparison-batches");
        addClassName("bf-page");

        Button start = new Button(getTranslation("comparison.batch.start"), VaadinIcon.PLAY.create(), e -> start());
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setId("batch-start");
        start.setVisible(manages);
        add(new Paragraph(getTranslation("comparison.batch.help")), start, summary);
        summary.setWidthFull();
        summary.setId("batch-summary");

        history.addColumn(Batch::id).setHeader(getTranslation("comparison.batch.id")).setAutoWidth(true);
        history.addColumn(b -> BureauTime.time(b.startedAt()))
                .setHeader(getTranslation("comparison.batch.startedAt")).setAutoWidth(true);
        history.addColumn(b -> names.of(b.startedBy())).setHeader(getTranslation("comparison.batch.startedBy")).setAutoWidth(true);
        history.addColumn(b -> getTranslation("comparison.batch.status." + b.status())).setHeader(getTranslation("comparison.status"))
                .setAutoWidth(true);
        history.addColumn(Batch::households).setHeader(getTranslation("comparison.batch.households")).setAutoWidth(true);
        history.addColumn(Batch::warningCount).setHeader(getTranslation("comparison.batch.warnings")).setAutoWidth(true);
        ResponsiveGrid.of(history, "comparison.batch.history.empty").card(b -> ResponsiveGrid.card(
                ResponsiveGrid.line(getTranslation("comparison.batch.id") + " " + b.id(),
                        getTranslation("comparison.batch.status." + b.status())),
                ResponsiveGrid.line(getTranslation("comparison.batch.households") + " " + b.households(),
                        getTranslation("comparison.batch.warnings") + " " + b.warningCount()), names.of(b.startedBy())));
        history.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        history.setAllRowsVisible(true);
        history.setId("batch-history");
        history.addItemClickListener(e -> {
            shownBatch = e.getItem().id();
            showSummary();
        });
        add(new H3(getTranslation("comparison.batch.history")), history);
        refresh();
    }

    private void start() {
        try {
            shownBatch = batches.start().id();
            Notification.show(getTranslation("comparison.batch.started")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInput noData) {
            Notification.show(getTranslation(noData.errors().get(0).messageKey()))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (ComparisonBatches.AlreadyRunning running) {
            shownBatch = running.runningId();
            Notification.show(getTranslation("comparison.batch.alreadyRunning", running.runningId()))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private void refresh() {
        history.setItems(names.load(batches.list(0, 20), Batch::startedBy));
        if (shownBatch == null) {
            shownBatch = batches.list(0, 1).stream().findFirst().map(Batch::id).orElse(null);
        }
        showSummary();
    }

    private void showSummary() {
        summary.removeAll();
        Summary shown = shownBatch == null ? null : batches.summary(shownBatch).orElse(null);
        if (shown == null) {
            summary.add(new Paragraph(getTranslation("comparison.batch.none")));
            return;
        }
        Batch batch = shown.batch();
        Span status = Badges.of(getTranslation("comparison.batch.status." + batch.status()),
                batch.status() == Batch.Status.DONE ? "success" : batch.status() == Batch.Status.RUNNING ? "primary" : "contrast");
        status.setId("batch-status");
        HorizontalLayout head = new HorizontalLayout(new H3(getTranslation("comparison.source.batch", batch.id())), status);
        head.setAlignItems(Alignment.CENTER);
        summary.add(head);
        ProgressBar progress = new ProgressBar(0, 1, batch.progress());
        progress.setId("batch-progress");
        Span progressText = new Span(getTranslation("comparison.batch.progress", batch.chunksDone(), batch.chunks(),
                String.format(Locale.ROOT, "%.0f", batch.progress() * 100)));
        summary.add(progress, progressText);
        if (batch.status() == Batch.Status.RUNNING && manages) {
            Button cancel = new Button(getTranslation(batch.cancelRequested() ? "comparison.batch.cancelling"
                    : "comparison.batch.cancel"), e -> {
                        batches.cancel(batch.id());
                        showSummary();
                    });
            cancel.setEnabled(!batch.cancelRequested());
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
            cancel.setId("batch-cancel");
            summary.add(cancel);
        }
        summary.add(new BatchBreakdown(shown));
        if (batch.status() != Batch.Status.RUNNING) {
            Anchor export = new Anchor(DownloadHandler.fromInputStream(event -> {
                byte[] workbook = batches.export(batch.id(), getLocale());
                return new DownloadResponse(new ByteArrayInputStream(workbook), "bangfu-comparison-batch-" + batch.id()
                        + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook.length);
            }), "");
            Button button = new Button(getTranslation("comparison.batch.export"), VaadinIcon.DOWNLOAD.create());
            export.add(button);
            export.setId("batch-export");
            summary.add(export);
        }
        pollWhile(batch.status() == Batch.Status.RUNNING);
    }

    /** While a batch runs, the page asks the server every second and shows the progress. */
    private void pollWhile(boolean running) {
        getUI().ifPresent(ui -> {
            if (running && polling == null) {
                ui.setPollInterval(1000);
                polling = ui.addPollListener(e -> refresh());
            } else if (!running && polling != null) {
                ui.setPollInterval(-1);
                polling.remove();
                polling = null;
            }
        });
    }

    @Override
    protected void onAttach(AttachEvent event) {
        showSummary();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            event.getUI().setPollInterval(-1);
            polling.remove();
            polling = null;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.comparisonBatches");
    }
}
