package org.bangfu.handbook.ui;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.bangfu.funds.FundRequest;
import org.bangfu.funds.FundRequests;
import org.bangfu.handbook.Confirmation;
import org.bangfu.handbook.Exits;
import org.bangfu.handbook.HandbookPrints;
import org.bangfu.handbook.Measure;
import org.bangfu.handbook.Measures;
import org.bangfu.handbook.Result;
import org.bangfu.handbook.Results;
import org.bangfu.handbook.StaleHandbookEntry;
import org.bangfu.handbook.Visit;
import org.bangfu.handbook.Visits;
import org.bangfu.household.Attachments;
import org.bangfu.household.CodeLists.CodeItem;
import org.bangfu.household.CodeLists;
import org.bangfu.household.HouseholdFile;
import org.bangfu.household.HouseholdPageTab;
import org.bangfu.household.HouseholdStage;
import org.bangfu.shared.BureauTime;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Role;
import org.bangfu.shared.SignedInUser;
import org.bangfu.shell.Badges;
import org.bangfu.shared.People;
import org.bangfu.shell.DateField;
import org.bangfu.shell.Names;
import org.bangfu.shell.ResponsiveGrid;
import org.springframework.core.annotation.Order;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

/**
 * 帮扶手册 on a household's page: the visits (with photos, the household's confirmation and earlier versions), the
 * plan's measures with the steps of their lifecycle, the confirmed results, and the printable handbook. Those who may
 * change the file record visits, measures and results here; once the household has left assistance it is read-only.
 */
@org.springframework.stereotype.Component
@Order(10)
class HandbookTab implements HouseholdPageTab {

    /** The tab's name in a household page's address. */
    static final String NAME = "handbook";

    private final Visits visits;
    private final Measures measures;
    private final Results results;
    private final Attachments attachments;
    private final FundRequests fundRequests;
    private final CodeLists codes;
    private final HandbookPrints prints;
    private final Exits exits;
    private final Clock clock;
    private final People people;

    HandbookTab(Visits visits, Measures measures, Results results, Attachments attachments, FundRequests fundRequests,
            CodeLists codes, HandbookPrints prints, Exits exits, Clock clock, People people) {
        this.people = people;
        this.visits = visits;
        this.measures = measures;
        this.results = results;
        this.attachments = attachments;
        this.fundRequests = fundRequests;
        this.codes = codes;
        this.prints = prints;
        this.exits = exits;
        this.clock = clock;
    }

    @Override
    public String labelKey() {
        return "handbook.tab";
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Component create(HouseholdFile file) {
        VerticalLayout tab = new VerticalLayout();
        tab.setPadding(false);
        tab.setId("household-handbook");
        show(tab, file);
        return tab;
    }

    private void show(VerticalLayout tab, HouseholdFile file) {
        tab.removeAll();
        boolean writable = file.editable() && file.stage() != HouseholdStage.EXITED;
        HorizontalLayout actions = new HorizontalLayout();
        actions.setWrap(true);
        actions.setAlignItems(Alignment.CENTER);
        if (writable) {
            actions.add(action(tab, "handbook-add-visit", "handbook.visit.add", VaadinIcon.HOME,
                    () -> visitDialog(tab, file, null)));
            actions.add(action(tab, "handbook-add-measure", "handbook.measure.add", VaadinIcon.TASKS,
                    () -> measureDialog(tab, file, null)));
            actions.add(action(tab, "handbook-add-result", "handbook.result.add", VaadinIcon.CHECK_SQUARE_O,
                    () -> resultDialog(tab, file)));
        }
        Anchor print = new Anchor(DownloadHandler.fromInputStream(event -> {
            HandbookPrints.Printed printed = prints.print(file.id());
            return new DownloadResponse(new ByteArrayInputStream(printed.pdf()), printed.fileName(), "application/pdf",
                    printed.pdf().length);
        }), "");
        print.setTarget("_blank");
        print.setId("handbook-print");
        Button printButton = new Button(tab.getTranslation("handbook.print"), VaadinIcon.PRINT.create());
        printButton.setMinHeight("44px");
        print.add(printButton);
        actions.add(print);
        SignedInUser user = CurrentUser.require();
        boolean ownTeam = file.teamId() != null && file.teamId().equals(user.teamId())
                && (user.hasRole(Role.TEAM_MEMBER) || user.hasRole(Role.TEAM_LEADER));
        if (writable && file.stage() == HouseholdStage.PAIRED && (ownTeam || user.hasRole(Role.DISTRICT))) {
            Button propose = action(tab, "handbook-propose-exit", "handbook.exit.propose", VaadinIcon.SIGN_OUT,
                    () -> exitDialog(tab, file));
            propose.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            actions.add(propose);
        }
        tab.add(actions);
        if (file.stage() == HouseholdStage.EXITED) {
            tab.add(new Paragraph(tab.getTranslation("handbook.exited")));
        }

        List<Exits.Proposal> proposals = exits.ofHousehold(file.id());
        List<Visit> visitList = visits.ofHousehold(file.id());
        List<Result> resultList = results.ofHousehold(file.id());
        Names names = new Names(people, tab::getTranslation);
        names.learn(Stream.of(proposals.stream().map(Exits.Proposal::proposedBy),
                visitList.stream().map(Visit::savedBy), resultList.stream().map(Result::recordedBy))
                .flatMap(s -> s).toList());
        if (!proposals.isEmpty()) {
            Div exitLines = new Div();
            exitLines.setId("handbook-exits");
            proposals.forEach(p -> exitLines.add(new Paragraph(tab.getTranslation("handbook.exit.line",
                    BureauTime.time(p.proposedAt()), names.of(p.proposedBy()), p.reasons(),
                    tab.getTranslation("handbook.exit.status." + p.status())))));
            tab.add(new H3(tab.getTranslation("handbook.exits")), exitLines);
        }

        tab.add(new H3(tab.getTranslation("handbook.visits", visitList.size())));
        Div cards = new Div();
        cards.setId("handbook-visits");
        cards.setWidthFull();
        if (visitList.isEmpty()) {
            cards.add(new Paragraph(tab.getTranslation("handbook.visits.none")));
        }
        visitList.forEach(visit -> cards.add(visitCard(tab, names, file, visit, writable)));
        tab.add(cards);

        List<Measure> measureList = measures.ofHousehold(file.id());
        tab.add(new H3(tab.getTranslation("handbook.measures")), measureGrid(tab, file, measureList, writable));
        tab.add(new H3(tab.getTranslation("handbook.results")), resultGrid(tab, names, file, resultList,
                measureList));
    }

    private static Button action(Component owner, String id, String key, VaadinIcon icon, Runnable run) {
        Button button = new Button(owner.getTranslation(key), icon.create(), e -> run.run());
        button.setId(id);
        button.setMinHeight("44px");
        if (id.equals("handbook-add-visit")) {
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        return button;
    }

    // ---- visits --------------------------------------------------------------------------------------

    private Component visitCard(VerticalLayout tab, Names names, HouseholdFile file, Visit v, boolean writable) {
        Div card = new Div();
        card.setId("visit-" + v.id());
        card.addClassName("handbook-visit");
        card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-m)").set("margin-bottom", "var(--lumo-space-m)");
        HorizontalLayout head = new HorizontalLayout(new Span(v.visitedOn() + " · "
                + tab.getTranslation("handbook.visit.kind." + v.kind().name()) + " · " + v.visitors()));
        head.setWrap(true);
        head.setAlignItems(Alignment.CENTER);
        head.getStyle().set("font-weight", "600");
        head.add(Badges.of(tab.getTranslation("handbook.confirmation." + v.confirmation().name()),
                v.confirmation() == Confirmation.NONE ? "contrast" : "success"));
        if (v.version() > 1) {
            Button history = new Button(tab.getTranslation("handbook.visit.versions", v.version()),
                    e -> versionsDialog(tab, file, v));
            history.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            history.setId("visit-versions-" + v.id());
            head.add(history);
        }
        if (writable) {
            Button edit = new Button(tab.getTranslation("action.edit"), VaadinIcon.EDIT.create(),
                    e -> visitDialog(tab, file, v));
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
            edit.setId("visit-edit-" + v.id());
            head.add(edit);
        }
        card.add(head);
        line(card, tab, "handbook.visit.findings", v.findings());
        line(card, tab, "handbook.visit.incomeChange", v.incomeChange());
        line(card, tab, "handbook.visit.healthChange", v.healthChange());
        line(card, tab, "handbook.visit.housingChange", v.housingChange());
        line(card, tab, "handbook.visit.schoolingChange", v.schoolingChange());
        line(card, tab, "handbook.visit.needs", v.needs());
        line(card, tab, "handbook.visit.measuresDelivered", v.measuresDelivered());
        line(card, tab, "handbook.visit.wishes", v.wishes());
        HorizontalLayout pictures = new HorizontalLayout();
        pictures.setWrap(true);
        v.photoIds().forEach(photo -> pictures.add(picture(file, photo, tab.getTranslation("handbook.visit.photos"),
                "6rem")));
        if (v.confirmationId() != null) {
            pictures.add(picture(file, v.confirmationId(), tab.getTranslation("handbook.confirmation"), "4rem"));
        }
        card.add(pictures);
        Span saved = new Span(tab.getTranslation("handbook.saved", names.of(v.savedBy()), BureauTime.time(v.savedAt())));
        saved.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        card.add(saved);
        return card;
    }

    private static void line(Div card, Component owner, String key, String value) {
        if (value != null) {
            Paragraph p = new Paragraph();
            Span label = new Span(owner.getTranslation(key) + "：");
            label.getStyle().set("color", "var(--lumo-secondary-text-color)");
            p.add(label, new Span(value));
            p.getStyle().set("margin", "var(--lumo-space-xs) 0");
            card.add(p);
        }
    }

    private Component picture(HouseholdFile file, long attachmentId, String alt, String height) {
        Image image = new Image(DownloadHandler.fromInputStream(event -> attachments.download(file.id(), attachmentId)
                .map(d -> new DownloadResponse(new ByteArrayInputStream(d.content()), d.originalName(), d.contentType(),
                        d.content().length))
                .orElseGet(() -> DownloadResponse.error(404))), alt);
        image.setHeight(height);
        image.getStyle().set("border-radius", "var(--lumo-border-radius-s)").set("background", "#fff");
        return image;
    }

    private void visitDialog(VerticalLayout tab, HouseholdFile file, Visit visit) {
        new VisitDialog(visits, attachments, file.id(), file.headName(), visit, LocalDate.now(clock),
                () -> show(tab, file)).open();
    }

    private void versionsDialog(Component owner, HouseholdFile file, Visit visit) {
        Grid<Visit> grid = new Grid<>();
        grid.setId("visit-versions");
        grid.addColumn(Visit::version).setHeader(owner.getTranslation("handbook.version")).setAutoWidth(true);
        grid.addColumn(v -> BureauTime.time(v.savedAt())).setHeader(owner.getTranslation("audit.column.time")).setAutoWidth(true);
        Names names = new Names(people, owner::getTranslation);
        grid.addColumn(v -> names.of(v.savedBy())).setHeader(owner.getTranslation("audit.column.actor"))
                .setAutoWidth(true);
        grid.addColumn(v -> v.visitedOn().toString()).setHeader(owner.getTranslation("handbook.visit.visitedOn"))
                .setAutoWidth(true);
        grid.addColumn(Visit::findings).setHeader(owner.getTranslation("handbook.visit.findings")).setFlexGrow(1);
        ResponsiveGrid.of(grid, "handbook.visit.versions.empty").card(v -> ResponsiveGrid.card(
                ResponsiveGrid.line(owner.getTranslation("handbook.version") + " " + v.version(), v.visitedOn()),
                ResponsiveGrid.line(names.of(v.savedBy()), BureauTime.time(v.savedAt())), v.findings()));
        compact(grid, names.load(visits.versions(file.id(), visit.id()), Visit::savedBy));
        Dialog dialog = dialog(owner.getTranslation("handbook.visit.versions", visit.version()));
        dialog.add(grid);
        dialog.getFooter().add(cancel(owner, dialog));
        dialog.open();
    }

    // ---- measures ------------------------------------------------------------------------------------

    private Grid<Measure> measureGrid(VerticalLayout tab, HouseholdFile file, List<Measure> list, boolean writable) {
        Grid<Measure> grid = new Grid<>();
        grid.setId("handbook-measures");
        grid.addColumn(m -> codes.label(CodeLists.MEASURE, m.category(), UI.getCurrent().getLocale()))
                .setHeader(tab.getTranslation("handbook.measure.category")).setAutoWidth(true);
        grid.addColumn(m -> m.partyUnit() + (m.partyPerson() == null ? "" : " " + m.partyPerson()))
                .setHeader(tab.getTranslation("handbook.measure.party")).setAutoWidth(true);
        grid.addColumn(Measure::content).setHeader(tab.getTranslation("handbook.measure.content")).setFlexGrow(1);
        grid.addColumn(m -> m.plannedOn().toString()).setHeader(tab.getTranslation("handbook.measure.plannedOn"))
                .setAutoWidth(true);
        grid.addColumn(m -> m.cost() == null ? "—" : m.cost().format()).setHeader(tab.getTranslation("handbook.measure.cost"))
                .setAutoWidth(true);
        grid.addComponentColumn(m -> {
            Span badge = Badges.of(tab.getTranslation("handbook.measure.status." + m.status().name())
                    + (m.doneOn() == null ? "" : " " + m.doneOn()), switch (m.status()) {
                        case DONE -> "success";
                        case DROPPED -> "error";
                        case IN_PROGRESS -> "";
                        case PLANNED -> "contrast";
                    });
            if (m.statusReason() != null) {
                badge.setTitle(m.statusReason());
            }
            return badge;
        }).setHeader(tab.getTranslation("handbook.measure.status")).setAutoWidth(true);
        if (writable) {
            grid.addComponentColumn(m -> measureActions(tab, file, m)).setAutoWidth(true);
        }
        ResponsiveGrid.of(grid, "handbook.measure.empty").card(m -> ResponsiveGrid.card(
                ResponsiveGrid.line(codes.label(CodeLists.MEASURE, m.category(), UI.getCurrent().getLocale()),
                        tab.getTranslation("handbook.measure.status." + m.status().name())),
                m.content(), ResponsiveGrid.line(m.plannedOn(), m.cost() == null ? null : m.cost().format()),
                writable ? measureActions(tab, file, m) : null));
        return compact(grid, list);
    }

    private Component measureActions(VerticalLayout tab, HouseholdFile file, Measure m) {
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.setWrap(true);
        if (m.status() == Measure.Status.PLANNED) {
            buttons.add(small(tab, "measure-start-" + m.id(), "handbook.measure.start",
                    () -> act(tab, file, null, "handbook.measure.moved", () -> measures.move(file.id(), m.id(), m.version(),
                            Measure.Status.IN_PROGRESS, null, null), this::notifyErrors)));
        }
        if (m.status().isOpen()) {
            buttons.add(small(tab, "measure-done-" + m.id(), "handbook.measure.done", () -> doneDialog(tab, file, m)));
            buttons.add(small(tab, "measure-drop-" + m.id(), "handbook.measure.drop", () -> dropDialog(tab, file, m)));
            buttons.add(small(tab, "measure-edit-" + m.id(), "action.edit", () -> measureDialog(tab, file, m)));
        }
        return buttons;
    }

    private void measureDialog(VerticalLayout tab, HouseholdFile file, Measure measure) {
        List<CodeItem> categories = codes.items(CodeLists.MEASURE);
        List<FundRequest> requests = fundRequests.ofHousehold(file.id());
        MeasureForm form = new MeasureForm(categories, requests, LocalDate.now(clock));
        if (measure != null) {
            form.setMeasure(measure, categories, requests);
        }
        Dialog dialog = dialog(tab.getTranslation(measure == null ? "handbook.measure.add" : "handbook.measure.edit"));
        Button save = saveButton(tab, "measure-save", () -> form.draft().ifPresent(draft -> act(tab, file, dialog,
                "handbook.measure.saved", () -> {
                    if (measure == null) {
                        measures.plan(file.id(), draft);
                    } else {
                        measures.change(file.id(), measure.id(), measure.version(), draft);
                    }
                }, form::showErrors)));
        dialog.add(form);
        dialog.getFooter().add(cancel(tab, dialog), save);
        dialog.open();
    }

    private void doneDialog(VerticalLayout tab, HouseholdFile file, Measure m) {
        DatePicker doneOn = new DateField(tab.getTranslation("handbook.measure.doneOn"), LocalDate.now(clock));
        doneOn.setMax(LocalDate.now(clock));
        doneOn.setId("measure-done-on");
        Dialog dialog = dialog(tab.getTranslation("handbook.measure.done") + " · " + m.content());
        Button save = saveButton(tab, "measure-done-save", () -> act(tab, file, dialog, "handbook.measure.moved",
                () -> measures.move(file.id(), m.id(), m.version(), Measure.Status.DONE, doneOn.getValue(), null),
                invalid -> markInvalid(doneOn, tab, invalid)));
        dialog.add(doneOn);
        dialog.getFooter().add(cancel(tab, dialog), save);
        dialog.open();
    }

    private void dropDialog(VerticalLayout tab, HouseholdFile file, Measure m) {
        TextArea reason = new TextArea(tab.getTranslation("handbook.measure.dropReason"));
        reason.setWidthFull();
        reason.setId("measure-drop-reason");
        Dialog dialog = dialog(tab.getTranslation("handbook.measure.drop") + " · " + m.content());
        Button save = saveButton(tab, "measure-drop-save", () -> act(tab, file, dialog, "handbook.measure.moved",
                () -> measures.move(file.id(), m.id(), m.version(), Measure.Status.DROPPED, null, reason.getValue()),
                invalid -> markInvalid(reason, tab, invalid)));
        dialog.add(reason);
        dialog.getFooter().add(cancel(tab, dialog), save);
        dialog.open();
    }

    // ---- results -------------------------------------------------------------------------------------

    private Grid<Result> resultGrid(Component owner, Names names, HouseholdFile file, List<Result> list,
            List<Measure> measureList) {
        Grid<Result> grid = new Grid<>();
        grid.setId("handbook-results");
        grid.addColumn(r -> r.achievedOn().toString()).setHeader(owner.getTranslation("handbook.result.achievedOn"))
                .setAutoWidth(true);
        grid.addColumn(Result::outcome).setHeader(owner.getTranslation("handbook.result.outcome")).setFlexGrow(1);
        grid.addColumn(r -> measureList.stream().filter(m -> r.measureId() != null && m.id() == r.measureId())
                .map(Measure::content).findFirst().orElse("—"))
                .setHeader(owner.getTranslation("handbook.result.measure")).setAutoWidth(true);
        grid.addComponentColumn(r -> picture(file, r.confirmationId(),
                owner.getTranslation("handbook.confirmation." + r.confirmation().name()), "2.5rem"))
                .setHeader(owner.getTranslation("handbook.confirmation")).setAutoWidth(true);
        grid.addColumn(r -> names.of(r.recordedBy())).setHeader(owner.getTranslation("audit.column.actor")).setAutoWidth(true);
        ResponsiveGrid.of(grid, "handbook.result.empty").card(r -> ResponsiveGrid.card(r.outcome(),
                ResponsiveGrid.line(r.achievedOn(), names.of(r.recordedBy())), picture(file, r.confirmationId(),
                        owner.getTranslation("handbook.confirmation." + r.confirmation().name()), "2.5rem")));
        return compact(grid, list);
    }

    private void resultDialog(VerticalLayout tab, HouseholdFile file) {
        LocalDate today = LocalDate.now(clock);
        DatePicker achievedOn = new DateField(tab.getTranslation("handbook.result.achievedOn"), today);
        achievedOn.setMax(today);
        achievedOn.setId("result-date");
        TextArea outcome = new TextArea(tab.getTranslation("handbook.result.outcome"));
        outcome.setId("result-outcome");
        ComboBox<Measure> measure = new ComboBox<>(tab.getTranslation("handbook.result.measure"));
        measure.setItems(measures.ofHousehold(file.id()));
        measure.setItemLabelGenerator(Measure::content);
        measure.setClearButtonVisible(true);
        measure.setId("result-measure");
        ConfirmationField confirmation = new ConfirmationField(List.of(Confirmation.SIGNATURE, Confirmation.PAPER),
                attachments.uploader(file.id(), Attachments.Kind.VISIT_PHOTO), (int) attachments.maxSize().toBytes());
        FormLayout form = new FormLayout(achievedOn, measure, outcome, confirmation);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        form.setColspan(outcome, 2);
        form.setColspan(confirmation, 2);
        Dialog dialog = dialog(tab.getTranslation("handbook.result.add"));
        Button save = saveButton(tab, "result-save", () -> confirmation.read(given -> act(tab, file, dialog,
                "handbook.result.saved", () -> results.record(file.id(), achievedOn.getValue(), outcome.getValue(),
                        measure.getValue() == null ? null : measure.getValue().id(), given.confirmation(),
                        given.attachmentId(), given.signature()),
                invalid -> {
                    List.<HasValidation>of(achievedOn, outcome, measure).forEach(f -> f.setInvalid(false));
                    confirmation.clearError();
                    for (InvalidInput.FieldError error : invalid.errors()) {
                        String message = tab.getTranslation(error.messageKey(), error.arguments());
                        switch (error.field()) {
                            case "achievedOn" -> markInvalid(achievedOn, message);
                            case "measureId" -> markInvalid(measure, message);
                            case "confirmation" -> confirmation.showError(message);
                            default -> markInvalid(outcome, message);
                        }
                    }
                })));
        dialog.add(form);
        dialog.getFooter().add(cancel(tab, dialog), save);
        dialog.open();
    }

    private void exitDialog(VerticalLayout tab, HouseholdFile file) {
        TextArea reasons = new TextArea(tab.getTranslation("handbook.exit.reasons"));
        reasons.setHelperText(tab.getTranslation("handbook.exit.reasonsHint"));
        reasons.setWidthFull();
        reasons.setMinHeight("8em");
        reasons.setId("exit-reasons");
        Dialog dialog = dialog(tab.getTranslation("handbook.exit.propose"));
        Button save = saveButton(tab, "exit-save", () -> act(tab, file, dialog, "handbook.exit.proposed",
                () -> exits.propose(file.id(), reasons.getValue()), invalid -> markInvalid(reasons, tab, invalid)));
        dialog.add(reasons);
        dialog.getFooter().add(cancel(tab, dialog), save);
        dialog.open();
    }

    // ---- common --------------------------------------------------------------------------------------

    /** Runs a change; on success closes the dialog, says so and redraws; bad input is shown, a conflict explained. */
    private void act(VerticalLayout tab, HouseholdFile file, Dialog dialog, String doneKey, Runnable change,
            Consumer<InvalidInput> refused) {
        try {
            change.run();
            if (dialog != null) {
                dialog.close();
            }
            Notification.show(tab.getTranslation(doneKey), 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            show(tab, file);
        } catch (InvalidInput invalid) {
            refused.accept(invalid);
        } catch (StaleHandbookEntry stale) {
            if (dialog != null) {
                dialog.close();
            }
            Notification.show(tab.getTranslation("handbook.stale"), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            show(tab, file);
        }
    }

    private void notifyErrors(InvalidInput invalid) {
        UI ui = UI.getCurrent();
        invalid.errors().forEach(error -> Notification.show(ui.getTranslation(error.messageKey(), error.arguments()), 6000,
                Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR));
    }

    private static void markInvalid(HasValidation field, Component owner, InvalidInput invalid) {
        InvalidInput.FieldError error = invalid.errors().get(0);
        markInvalid(field, owner.getTranslation(error.messageKey(), error.arguments()));
    }

    private static void markInvalid(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private static Dialog dialog(String title) {
        Dialog dialog = new Dialog(title);
        dialog.setWidth("min(52rem, 100vw)");
        dialog.setMaxHeight("100vh");
        return dialog;
    }

    private static Button saveButton(Component owner, String id, Runnable save) {
        Button button = new Button(owner.getTranslation("action.save"), e -> save.run());
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button.setId(id);
        button.setMinHeight("44px");
        return button;
    }

    private static Button cancel(Component owner, Dialog dialog) {
        Button button = new Button(owner.getTranslation("action.cancel"), e -> dialog.close());
        button.setMinHeight("44px");
        return button;
    }

    private static Button small(Component owner, String id, String key, Runnable run) {
        Button button = new Button(owner.getTranslation(key), e -> run.run());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.setId(id);
        return button;
    }

    private static <T> Grid<T> compact(Grid<T> grid, List<T> items) {
        grid.setItems(items);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        return grid;
    }
}
