package org.bangfu.funds.ui;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.bangfu.funds.FundLedger;
import org.bangfu.funds.FundPayments;
import org.bangfu.funds.FundRequests;
import org.bangfu.funds.Payment;
import org.bangfu.funds.PaymentBatch;
import org.bangfu.funds.PendingApproval;
import org.bangfu.funds.Reconciliation;
import org.bangfu.household.CodeLists;
import org.bangfu.organisation.Organisation;
import org.bangfu.organisation.Street;
import org.bangfu.organisation.Team;
import org.bangfu.shared.BureauTime;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Money;
import org.bangfu.shared.Role;
import org.bangfu.shared.SignedInUser;
import org.bangfu.shell.AddressQuery;
import org.bangfu.shell.Badges;
import org.bangfu.shell.MainLayout;
import org.bangfu.shell.ResponsiveGrid;
import org.bangfu.shell.ReturnTo;
import org.bangfu.shell.UploadOutcome;
import org.bangfu.shell.UploadTexts;
import org.bangfu.shared.People;
import org.bangfu.shell.Names;

import com.vaadin.flow.component.Component;
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
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.server.streams.UploadHandler;

import jakarta.annotation.security.RolesAllowed;

/**
 * 资金管理: the district's approval queue (the same tasks as in the task list), the payments waiting for the bank
 * with the batch files to download and the bank's confirmations to upload, the ledger with its filters and
 * export, and each team's balance. Leadership reads it all; teams and streets see the ledger and balances of
 * their own households.
 */
@Route(value = "funds", layout = MainLayout.class)
@Menu(title = "nav.funds", order = 30, icon = "vaadin:money")
@RolesAllowed({ Role.Names.DISTRICT, Role.Names.LEADER, Role.Names.STREET, Role.Names.TEAM_MEMBER,
        Role.Names.TEAM_LEADER })
class FundsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final transient FundRequests requests;
    private final transient FundPayments payments;
    private final transient FundLedger ledger;
    private final transient Organisation organisation;
    private final transient CodeLists codes;
    private final transient Names names;
    private final int year;
    private final TabSheet tabs = new TabSheet();
    private final Select<Integer> ledgerYear = new Select<>();
    private final Select<Street> ledgerStreet = new Select<>();
    private final Select<Team> ledgerTeam = new Select<>();
    private final Select<FundLedger.Kind> ledgerKind = new Select<>();
    private com.vaadin.flow.component.tabs.Tab ledgerTab;
    private com.vaadin.flow.component.tabs.Tab teamsTab;

    FundsView(FundRequests requests, FundPayments payments, FundLedger ledger, Organisation organisation,
            CodeLists codes, Clock clock, People people) {
        this.names = new Names(people, this::getTranslation);
        this.requests = requests;
        this.payments = payments;
        this.ledger = ledger;
        this.organisation = organisation;
        this.codes = codes;
        this.year = LocalDate.now(clock).getYear();
        setId("funds-view");
        addClassName("bf-page");
        SignedInUser user = CurrentUser.require();
        tabs.setWidthFull();
        boolean district = user.hasRole(Role.DISTRICT) || user.hasRole(Role.LEADER);
        if (district) {
            tabs.add(getTranslation("funds.view.approvals"), approvals()).setId("funds-tab-approvals");
            tabs.add(getTranslation("funds.view.payments"), new PaymentsPanel()).setId("funds-tab-payments");
        }
        ledgerTab = tabs.add(getTranslation("funds.view.ledger"), ledgerPanel());
        ledgerTab.setId("funds-tab-ledger");
        teamsTab = tabs.add(getTranslation("funds.view.teams"), teams());
        teamsTab.setId("funds-tab-teams");
        add(tabs);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.funds");
    }

    /**
     * Opened from a figure elsewhere (the dashboard): {@code tab=teams} shows each team's balance; otherwise the
     * ledger, filtered: {@code year}, {@code street}, {@code team} (ids), {@code kind}; anything unknown or outside
     * the choices is left out.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters query = event.getLocation().getQueryParameters();
        if (query.getParameters().isEmpty()) {
            return;
        }
        if (query.getSingleParameter("tab").filter("teams"::equals).isPresent()) {
            tabs.setSelectedTab(teamsTab);
            return;
        }
        tabs.setSelectedTab(ledgerTab);
        AddressQuery.number(query, "year").map(Long::intValue).filter(y -> ledgerYear.getListDataView().contains(y))
                .ifPresent(ledgerYear::setValue);
        AddressQuery.number(query, "street").flatMap(id -> ledgerStreet.getListDataView().getItems().filter(s -> s.id() == id)
                .findFirst()).ifPresent(ledgerStreet::setValue);
        AddressQuery.number(query, "team").flatMap(id -> ledgerTeam.getListDataView().getItems().filter(t -> t.id() == id)
                .findFirst()).ifPresent(ledgerTeam::setValue);
        query.getSingleParameter("kind").flatMap(name -> Stream.of(FundLedger.Kind.values())
                .filter(k -> k.name().equals(name)).findFirst()).ifPresent(ledgerKind::setValue);
    }

    // ---- the district's approval queue ----------------------------------------------------------------

    private Component approvals() {
        Grid<PendingApproval> grid = new Grid<>();
        grid.setId("funds-approvals");
        grid.addColumn(p -> getTranslation("task." + p.taskKey())).setHeader(getTranslation("task.step"))
                .setAutoWidth(true);
        grid.addColumn(p -> p.headName() + " · " + p.fileNo()).setHeader(getTranslation("field.headName"))
                .setAutoWidth(true);
        grid.addColumn(PendingApproval::teamName).setHeader(getTranslation("funds.team")).setAutoWidth(true);
        grid.addColumn(p -> p.amount().format()).setHeader(getTranslation("funds.amount")).setAutoWidth(true);
        grid.addColumn(p -> codes.label(CodeLists.MEASURE, p.measure(), UI.getCurrent().getLocale()) + " · "
                + p.purpose()).setHeader(getTranslation("form.field.purpose")).setFlexGrow(1);
        grid.addColumn(p -> names.of(p.requestedBy()) + " · " + BureauTime.time(p.requestedAt()))
                .setHeader(getTranslation("funds.requestedBy")).setAutoWidth(true);
        grid.addColumn(p -> p.assignee() == null ? getTranslation("task.unclaimed") : names.of(p.assignee()))
                .setHeader(getTranslation("task.assignee")).setAutoWidth(true);
        Grid.Column<PendingApproval> openColumn = grid.addComponentColumn(p -> {
            // leadership reads the queue: 查看, never a 办理 that leads to a task not theirs
            Button open = new Button(getTranslation(p.actionable() ? "funds.approvals.open" : "funds.approvals.view"),
                    e -> getUI().ifPresent(ui -> ui.navigate("tasks/" + p.taskId(), ReturnTo.query("funds"))));
            open.setMinHeight("44px");
            return open;
        });
        ResponsiveGrid.of(grid, "funds.approvals.empty").keep(openColumn).card(p -> ResponsiveGrid.card(
                ResponsiveGrid.line(p.headName(), p.amount().format()), getTranslation("task." + p.taskKey()),
                ResponsiveGrid.line(p.teamName(), names.of(p.requestedBy()), BureauTime.time(p.requestedAt()))));
        List<PendingApproval> pending = names.load(requests.awaitingDistrict(), PendingApproval::requestedBy,
                PendingApproval::assignee);
        grid.setItems(pending);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        Span total = new Span(getTranslation("funds.approvals.total", pending.size(),
                Money.ofFen(pending.stream().mapToLong(p -> p.amount().fen()).sum()).format()));
        total.setId("funds-approvals-total");
        VerticalLayout panel = new VerticalLayout(total, grid);
        panel.setPadding(false);
        return panel;
    }

    // ---- payments and the bank's files ---------------------------------------------------------------

    /** Queued payments, the batches with their files and confirmations, and payments the job could not send. */
    private final class PaymentsPanel extends VerticalLayout {

        PaymentsPanel() {
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

    // ---- the ledger ----------------------------------------------------------------------------------

    private Component ledgerPanel() {
        Select<Integer> years = ledgerYear;
        years.setLabel(getTranslation("funds.year"));
        years.setItems(year + 1, year, year - 1, year - 2);
        years.setValue(year);
        Select<Street> street = ledgerStreet;
        street.setLabel(getTranslation("field.streetId"));
        street.setItems(organisation.streets());
        street.setItemLabelGenerator(s -> s == null ? getTranslation("filter.all") : s.name());
        street.setEmptySelectionAllowed(true);
        street.setEmptySelectionCaption(getTranslation("filter.all"));
        Select<Team> team = ledgerTeam;
        team.setLabel(getTranslation("funds.team"));
        team.setItems(organisation.teams());
        team.setItemLabelGenerator(t -> t == null ? getTranslation("filter.all") : t.name());
        team.setEmptySelectionAllowed(true);
        team.setEmptySelectionCaption(getTranslation("filter.all"));
        Select<FundLedger.Kind> kind = ledgerKind;
        kind.setLabel(getTranslation("funds.kind"));
        kind.setItems(FundLedger.Kind.values());
        kind.setItemLabelGenerator(k -> k == null ? getTranslation("filter.all") : getTranslation("funds.kind." + k.name()));
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption(getTranslation("filter.all"));
        years.setId("ledger-year");
        street.setId("ledger-street");
        team.setId("ledger-team");
        kind.setId("ledger-kind");

        Grid<FundLedger.Entry> grid = new Grid<>();
        grid.setId("funds-ledger");
        grid.addColumn(e -> BureauTime.time(e.recordedAt())).setHeader(getTranslation("funds.ledger.column.time"))
                .setAutoWidth(true);
        grid.addColumn(e -> e.headName() + " · " + e.fileNo()).setHeader(getTranslation("funds.ledger.column.head"))
                .setAutoWidth(true);
        grid.addColumn(e -> e.teamName() == null ? "—" : e.teamName()).setHeader(getTranslation("funds.team"))
                .setAutoWidth(true);
        grid.addColumn(e -> getTranslation("funds.programme." + e.programme().name()))
                .setHeader(getTranslation("funds.programme")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation("funds.kind." + e.kind().name())).setHeader(getTranslation("funds.kind"))
                .setAutoWidth(true);
        grid.addColumn(e -> String.format(Locale.ROOT, "%,.2f", new BigDecimal(e.amount())))
                .setHeader(getTranslation("funds.amount")).setAutoWidth(true);
        grid.addColumn(e -> e.note() == null ? "" : e.note()).setHeader(getTranslation("funds.ledger.column.note"))
                .setFlexGrow(1);
        grid.addColumn(e -> names.of(e.recordedBy())).setHeader(getTranslation("funds.ledger.column.recordedBy"))
                .setAutoWidth(true);
        ResponsiveGrid.of(grid, "funds.ledger.empty").card(e -> ResponsiveGrid.card(
                ResponsiveGrid.line(e.headName(), String.format(Locale.ROOT, "%,.2f", new BigDecimal(e.amount()))),
                ResponsiveGrid.line(getTranslation("funds.kind." + e.kind().name()),
                        getTranslation("funds.programme." + e.programme().name()), e.teamName()),
                ResponsiveGrid.line(BureauTime.time(e.recordedAt()), names.of(e.recordedBy())), e.note()));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setHeight("60vh");
        Span count = new Span();
        count.setId("ledger-count");
        Locale locale = UI.getCurrent().getLocale();
        Anchor export = new Anchor();
        export.setId("ledger-export");
        export.getElement().setAttribute("download", true);
        Runnable refresh = () -> {
            FundLedger.Filter filter = new FundLedger.Filter(years.getValue(),
                    street.getValue() == null ? null : street.getValue().id(),
                    team.getValue() == null ? null : team.getValue().id(), null, kind.getValue());
            grid.setItems(query -> names.load(ledger.entries(filter, query.getOffset(), query.getLimit()),
                    FundLedger.Entry::recordedBy).stream(), query -> {
                int total = ledger.count(filter);
                count.setText(filter.kind() == null ? getTranslation("funds.ledger.count", total)
                        : getTranslation("funds.ledger.countSum", total, ledger.sum(filter).format()));
                return total;
            });
            export.setHref(new StreamResource("ledger-" + filter.year() + ".xlsx",
                    () -> new ByteArrayInputStream(ledger.export(filter, (key, args) -> getTranslation(locale, key, args)))));
            export.setText(getTranslation("funds.ledger.export"));
        };
        years.addValueChangeListener(e -> refresh.run());
        street.addValueChangeListener(e -> refresh.run());
        team.addValueChangeListener(e -> refresh.run());
        kind.addValueChangeListener(e -> refresh.run());
        refresh.run();
        HorizontalLayout filters = new HorizontalLayout(years, street, team, kind, count, export);
        filters.setAlignItems(Alignment.BASELINE);
        filters.setWrap(true);
        VerticalLayout panel = new VerticalLayout(filters, grid);
        panel.setPadding(false);
        return panel;
    }

    // ---- each team's balance -------------------------------------------------------------------------

    private Component teams() {
        List<FundLedger.TeamBalance> balances = ledger.teams(year);
        FundLedger.TeamBalance total = balances.get(balances.size() - 1);
        Grid<FundLedger.TeamBalance> grid = new Grid<>();
        grid.setId("funds-teams");
        grid.addColumn(t -> t.teamName() == null ? getTranslation("funds.teams.unassigned") : t.teamName())
                .setHeader(getTranslation("funds.team")).setAutoWidth(true);
        grid.addColumn(t -> t.streetName() == null ? "" : t.streetName()).setHeader(getTranslation("field.streetId"))
                .setAutoWidth(true);
        grid.addColumn(FundLedger.TeamBalance::households).setHeader(getTranslation("funds.teams.households"))
                .setAutoWidth(true);
        grid.addColumn(t -> t.balance().arranged().format()).setHeader(getTranslation("funds.balance.arranged"));
        grid.addColumn(t -> t.balance().inApproval().format()).setHeader(getTranslation("funds.balance.inApproval"));
        grid.addColumn(t -> t.balance().awaitingPayment().format())
                .setHeader(getTranslation("funds.balance.awaitingPayment"));
        grid.addColumn(t -> t.balance().paid().format()).setHeader(getTranslation("funds.balance.paid"));
        grid.addColumn(t -> t.balance().remaining().format()).setHeader(getTranslation("funds.balance.remaining"));
        ResponsiveGrid.of(grid, "funds.teams.empty").card(t -> ResponsiveGrid.card(
                ResponsiveGrid.line(t.teamName() == null ? getTranslation("funds.teams.unassigned") : t.teamName(),
                        t.streetName()),
                getTranslation("funds.teams.households") + " " + t.households(),
                getTranslation("funds.balance.arranged") + " " + t.balance().arranged().format(),
                getTranslation("funds.balance.paid") + " " + t.balance().paid().format(),
                getTranslation("funds.balance.remaining") + " " + t.balance().remaining().format()));
        grid.setItems(balances.subList(0, balances.size() - 1));
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        Component figures = FundsFigures.balance(this, year, total.balance(), "funds-total");
        VerticalLayout panel = new VerticalLayout(new Span(getTranslation("funds.teams.total", total.households())),
                figures, grid);
        panel.setPadding(false);
        return panel;
    }
}
