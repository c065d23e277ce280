package org.bangfu.funds.ui;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;

import org.bangfu.funds.FundPayments;
import org.bangfu.funds.Payment;
import org.bangfu.funds.PaymentBatch;
import org.bangfu.funds.Reconciliation;
import org.bangfu.shared.BureauTime;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Money;
import org.bangfu.shared.Role;
import org.bangfu.shell.Badges;
import org.bangfu.shell.Names;
import org.bangfu.shell.ResponsiveGrid;
import org.bangfu.shell.UploadOutcome;
import org.bangfu.shell.UploadTexts;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.server.streams.UploadHandler;

/**
 * 资金管理's payments: queued payments, the batches with their files to download and the bank's confirmations to
 * upload, and the payments the job could not send.
 */
class PaymentsSection extends VerticalLayout {

    private final transient FundPayments payments;
    private final transient Names names;

    PaymentsSection(FundPayments payments, Names names) {
        this.payments = payments;
        this.names = names;
        setPadding(false);
        render();
    }

    private void render() {
        removeAll();
        boolean officer = CurrentUser.require().hasRole(Role.DISTRICT);
        List<Payment> queued = payments.list(Payment.Status.QUEUED, 0, 500);
        Span waiting = new Span(getTranslation("funds.payments.queued", queued.size(), sum(queued).format()));
        waiting.setId("funds-queued");
        HorizontalLayout head = new HorizontalLayout(waiting);
        head.setAlignItems(Alignment.CENTER);
        if (officer) {
            Button batch = new Button(getTranslation("funds.batch.create"), VaadinIcon.FILE_ADD.create(),
                    e -> new BatchConfirmation(queued.size(), sum(queued), this::createBatch).open());
            batch.setId("funds-create-batch");
            batch.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            batch.setMinHeight("44px");
            batch.setEnabled(!queued.isEmpty());
            head.add(batch);
        }
        add(head);
        if (!queued.isEmpty()) {
            add(paymentGrid(queued, "funds-queued-payments"));
        }
        List<Payment> stuck = payments.list(Payment.Status.INSTRUCTED, 0, 500).stream().filter(Payment::incident)
                .toList();
        if (!stuck.isEmpty()) {
            Paragraph warning = new Paragraph(getTranslation("funds.payments.incidents", stuck.size()));
            warning.setId("funds-incidents");
            warning.getStyle().set("color", "var(--lumo-error-text-color)");
            add(warning, paymentGrid(stuck, "funds-incident-payments"));
        }
        add(new Span(getTranslation("funds.batches")), batches(officer));
        Paragraph layout = new Paragraph(getTranslation("funds.batch.layout"));
        layout.getStyle().set("font-size", "var(--lumo-font-size-s)");
        add(layout);
    }

    private void createBatch() {
        try {
            PaymentBatch batch = payments.createBatch();
            Notification.show(getTranslation("funds.batch.created", batch.batchNo(), batch.payments(),
                    batch.total().format()), 5000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInput nothing) {
            Notification.show(getTranslation("funds.batch.empty"), 5000, Notification.Position.MIDDLE);
        }
        render();
    }

    private Grid<PaymentBatch> batches(boolean officer) {
        Grid<PaymentBatch> grid = new Grid<>();
        grid.setId("funds-batches");
        grid.addColumn(PaymentBatch::batchNo).setHeader(getTranslation("funds.batch")).setAutoWidth(true);
        grid.addColumn(b -> b.payments() + " / " + b.total().format()).setHeader(getTranslation("funds.batch.size"))
                .setAutoWidth(true);
        grid.addColumn(b -> names.of(b.createdBy()) + " · " + BureauTime.time(b.createdAt()))
                .setHeader(getTranslation("funds.batch.createdBy")).setAutoWidth(true);
        grid.addComponentColumn(b -> b.reconciledAt() != null
                ? Badges.of(getTranslation("funds.batch.reconciled"), "success")
                : Badges.of(getTranslation("funds.batch.settled", b.settled(), b.payments()), "contrast"))
                .setHeader(getTranslation("funds.status")).setAutoWidth(true);
        ResponsiveGrid<PaymentBatch> phone = ResponsiveGrid.of(grid, "funds.batches.empty");
        if (officer) {
            phone.keep(grid.addComponentColumn(b -> {
                HorizontalLayout actions = new HorizontalLayout(download(b, FundPayments.FileFormat.XLSX),
                        download(b, FundPayments.FileFormat.CSV));
                if (b.reconciledAt() == null) {
                    Button upload = new Button(getTranslation("funds.reconcile"), VaadinIcon.UPLOAD.create(),
                            e -> reconcile(b));
                    upload.setId("funds-reconcile-" + b.id());
                    actions.add(upload);
                }
                actions.setAlignItems(Alignment.CENTER);
                return actions;
            }).setAutoWidth(true).setFlexGrow(0));
        }
        phone.card(b -> ResponsiveGrid.card(b.batchNo(), b.payments() + " / " + b.total().format(),
                b.reconciledAt() != null ? Badges.of(getTranslation("funds.batch.reconciled"), "success")
                        : Badges.of(getTranslation("funds.batch.settled", b.settled(), b.payments()), "contrast")));
        grid.setItems(names.load(payments.batches(), PaymentBatch::createdBy));
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        return grid;
    }

    private Anchor download(PaymentBatch batch, FundPayments.FileFormat format) {
        String name = batch.batchNo() + (format == FundPayments.FileFormat.CSV ? ".csv" : ".xlsx");
        Anchor file = new Anchor(new StreamResource(name,
                () -> new ByteArrayInputStream(payments.batchFile(batch.id(), format))),
                getTranslation("funds.download." + format.name()));
        file.getElement().setAttribute("download", true);
        file.setId("funds-download-" + format.name().toLowerCase(Locale.ROOT) + "-" + batch.id());
        return file;
    }

    private void reconcile(PaymentBatch batch) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("funds.reconcile.title", batch.batchNo()));
        UI ui = UI.getCurrent();
        Upload upload = new Upload();
        UploadOutcome outcome = new UploadOutcome(upload);
        outcome.setId("funds-reconcile-outcome");
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> ui.access(() -> {
            try {
                Reconciliation done = payments.reconcile(batch.id(), bytes);
                dialog.close();
                Notification.show(getTranslation("funds.reconcile.done", done.paid(), done.paidAmount().format(),
                        done.failed(), done.unchanged()), 8000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                render();
            } catch (InvalidInput refused) {
                outcome.refused(getTranslation("funds.reconcile.refused") + " " + String.join("；",
                        refused.errors().stream().map(e -> getTranslation(e.messageKey(), e.arguments())).toList()));
            }
        })));
        upload.setId("funds-reconcile-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".xlsx", ".csv", ".txt");
        upload.setI18n(UploadTexts.of(this, getTranslation("attachment.tooLarge", 25)));
        dialog.add(new Paragraph(getTranslation("funds.reconcile.layout")), upload, outcome);
        dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.open();
    }

    private static Money sum(List<Payment> payments) {
        return Money.ofFen(payments.stream().mapToLong(p -> p.amount().fen()).sum());
    }

    private Grid<Payment> paymentGrid(List<Payment> list, String id) {
        Grid<Payment> grid = new Grid<>();
        grid.setId(id);
        grid.addColumn(Payment::reference).setHeader(getTranslation("funds.reference")).setAutoWidth(true);
        grid.addColumn(Payment::headName).setHeader(getTranslation("field.headName")).setAutoWidth(true);
        grid.addColumn(p -> p.payeeAccount() == null ? "—" : p.payeeAccount())
                .setHeader(getTranslation("field.bankAccount")).setAutoWidth(true);
        grid.addColumn(p -> p.amount().format()).setHeader(getTranslation("funds.amount")).setAutoWidth(true);
        grid.addColumn(p -> BureauTime.time(p.instructedAt())).setHeader(getTranslation("audit.column.time"))
                .setAutoWidth(true);
        ResponsiveGrid.of(grid, "funds.payments.empty").card(p -> ResponsiveGrid.card(
                ResponsiveGrid.line(p.headName(), p.amount().format()), p.reference(),
                BureauTime.time(p.instructedAt())));
        grid.setItems(list);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        return grid;
    }
}
