package org.bangfu.pairing.ui;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.bangfu.comparison.Comparisons;
import org.bangfu.comparison.ui.WarningCards;
import org.bangfu.household.Attachments;
import org.bangfu.household.CodeLists;
import org.bangfu.household.HouseholdFile;
import org.bangfu.pairing.CaseDiagram;
import org.bangfu.pairing.CaseStep;
import org.bangfu.pairing.Letter;
import org.bangfu.pairing.Letters;
import org.bangfu.pairing.Notice;
import org.bangfu.pairing.Notices;
import org.bangfu.pairing.Objection;
import org.bangfu.pairing.PairingNotFound;
import org.bangfu.pairing.PairingSettings.Quorum;
import org.bangfu.pairing.PairingTasks;
import org.bangfu.pairing.PairingVariables;
import org.bangfu.pairing.TaskConflict;
import org.bangfu.pairing.TaskDetail;
import org.bangfu.pairing.TaskPanel;
import org.bangfu.pairing.TeamLoad;
import org.bangfu.shared.BureauTime;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.People;
import org.bangfu.shared.Role;
import org.bangfu.shared.SignedInUser;
import org.bangfu.shell.Badges;
import org.bangfu.shell.MainLayout;
import org.bangfu.shell.Names;
import org.bangfu.shell.ProcessDiagram;
import org.bangfu.shell.ResponsiveGrid;
import org.bangfu.shell.ReturnTo;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import jakarta.annotation.security.RolesAllowed;

/**
 * One task: the household (masked as the caller's scope requires), what the step needs to see (the comparison,
 * the notice and its objections, the teams), the case's earlier steps, and the step's form. A task outside the
 * caller's scope does not exist for them; one someone else completed meanwhile says so.
 */
@Route(value = "tasks/:taskId", layout = MainLayout.class)
@RolesAllowed({ Role.Names.DISTRICT, Role.Names.LEADER, Role.Names.STREET, Role.Names.TEAM_MEMBER,
        Role.Names.TEAM_LEADER })
class TaskView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final String TASK_LIST = "tasks";

    private final transient PairingTasks tasks;
    private final transient Notices notices;
    private final transient CodeLists codes;
    private final transient Comparisons comparisons;
    private final transient Clock clock;
    private final transient Attachments attachments;
    private final transient Letters letters;
    private final transient Names names;
    private final transient List<TaskPanel> panels;
    private String taskId;
    private String title = "";
    /** Where the person goes once the task is done or handed over: where they came from, else the task list. */
    private String origin = TASK_LIST;

    TaskView(PairingTasks tasks, Notices notices, CodeLists codes, Comparisons comparisons, Clock clock,
            Attachments attachments, Letters letters, People people, List<TaskPanel> panels) {
        this.panels = panels;
        this.names = new Names(people, this::getTranslation);
        this.attachments = attachments;
        this.letters = letters;
        this.clock = clock;
        this.tasks = tasks;
        this.notices = notices;
        this.codes = codes;
        this.comparisons = comparisons;
        setId("task-view");
        addClassName("bf-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        origin = ReturnTo.origin(event.getLocation().getQueryParameters()).orElse(TASK_LIST);
        show(event.getRouteParameters().get("taskId").orElse(""));
    }

    void show(String taskId) {
        this.taskId = taskId;
        render();
    }

    private void render() {
        removeAll();
        TaskDetail detail = tasks.find(taskId).orElse(null);
        if (detail == null) {
            Paragraph missing = new Paragraph(getTranslation("task.notFound"));
            missing.setId("task-not-found");
            add(missing, back());
            return;
        }
        title = getTranslation("task." + detail.task().taskKey());
        HouseholdFile household = detail.household();
        H2 heading = new H2(title + " · " + household.headName());
        heading.setId("task-title");
        HorizontalLayout header = new HorizontalLayout(heading,
                Badges.of(getTranslation("task.dueOn", detail.task().dueOn().toString()), "contrast"),
                Badges.of(detail.task().assignee() == null ? getTranslation("task.unclaimed")
                        : getTranslation("task.heldBy", names.of(detail.task().assignee())), "primary"));
        if (!detail.task().calendarMissing().isEmpty()) {
            header.add(CalendarChip.of(this, detail.task()));
        }
        header.setAlignItems(Alignment.CENTER);
        header.setWrap(true);
        if (detail.actionable()) {
            Button handOver = new Button(getTranslation("task.handOver"), VaadinIcon.EXCHANGE.create(),
                    e -> new HandOverDialog(1, tasks.colleagues(), this::handOver).open());
            handOver.setId("task-hand-over");
            handOver.setMinHeight("44px");
            header.add(handOver);
        }
        add(back(), header, household(household), diagrams(), context(detail), documents(detail));
        if (detail.actionable()) {
            add(form(detail));
        } else {
            Paragraph readOnly = new Paragraph(getTranslation("task.notYours"));
            readOnly.setId("task-read-only");
            add(readOnly);
        }
        add(new H3(getTranslation("task.history")), history(detail.history()));
    }

    private void handOver(String colleague) {
        try {
            tasks.handOver(taskId, colleague);
            Notification.show(getTranslation("task.handOver.done", names.of(colleague)), 4000, Notification.Position.BOTTOM_START);
            getUI().ifPresent(ui -> ui.navigate(origin));
        } catch (TaskConflict conflict) {
            Notification.show(getTranslation(conflict.messageKey(), conflict.arguments()), 6000,
                    Notification.Position.MIDDLE);
            render();
        } catch (InvalidInput invalid) {
            invalid.errors().forEach(error -> Notification.show(getTranslation(error.messageKey(), error.arguments()),
                    6000, Notification.Position.MIDDLE));
        } catch (PairingNotFound gone) {
            render();
        }
    }

    private Component back() {
        Button back = new Button(getTranslation(TASK_LIST.equals(origin) ? "task.backToList" : "task.back"),
                e -> getUI().ifPresent(ui -> ui.navigate(origin)));
        back.setMinHeight("44px");
        return back;
    }

    private Component household(HouseholdFile file) {
        FormLayout summary = new FormLayout();
        summary.setId("task-household");
        summary.addFormItem(new Span(file.fileNo()), getTranslation("field.fileNo"));
        summary.addFormItem(new Span(file.headName()), getTranslation("field.headName"));
        summary.addFormItem(new Span(file.streetName() + " " + file.villageName()), getTranslation("field.villageId"));
        summary.addFormItem(new Span(getTranslation("attribute." + file.attribute().name())),
                getTranslation("field.attribute"));
        summary.addFormItem(new Span(String.valueOf(file.members().size())), getTranslation("task.householdSize"));
        summary.addFormItem(new Span(file.mainCause() == null ? "—"
                : codes.label(CodeLists.CAUSE, file.mainCause(), getLocale())), getTranslation("field.mainCause"));
        summary.addFormItem(new Span(file.phone() == null ? "—" : file.phone()), getTranslation("field.phone"));
        summary.addFormItem(new Anchor("households/" + file.id(), getTranslation("task.openFile")), "");
        return summary;
    }

    private Component diagrams() {
        VerticalLayout progress = new VerticalLayout();
        progress.setPadding(false);
        progress.setSpacing(false);
        progress.setId("task-progress");
        for (CaseDiagram diagram : tasks.diagrams(taskId)) {
            Span caption = new Span(getTranslation("process." + diagram.processKey()));
            caption.addClassName("bf-diagram-caption");
            ProcessDiagram drawing = new ProcessDiagram(diagram.bpmnXml(), diagram.current(), diagram.done());
            drawing.setId("diagram-" + diagram.processKey());
            progress.add(caption, drawing);
        }
        Span hint = new Span(getTranslation("task.diagramHint"));
        hint.addClassName("bf-diagram-caption");
        progress.add(hint);
        return progress;
    }

    private Component context(TaskDetail detail) {
        VerticalLayout context = new VerticalLayout();
        context.setPadding(false);
        context.setId("task-context");
        Map<String, Object> values = detail.context();
        panels.stream().filter(panel -> panel.handles(detail.task().taskKey()))
                .forEach(panel -> context.add(panel.create(detail)));
        if (values.get("comparisonReportId") instanceof Long reportId) {
            context.add(new HorizontalLayout(new Span(getTranslation("task.comparison", values.get("warnings"),
                    values.get("openWarnings"))), new Anchor("comparison/report/" + reportId,
                            getTranslation("task.openComparison"))));
            if (PairingVariables.RESOLVE_WARNINGS.equals(detail.task().taskKey()) && detail.actionable()) {
                // the warnings themselves, declared beside agency data, each resolved here
                comparisons.report(reportId).ifPresent(report -> context.add(
                        new WarningCards(comparisons, codes, names, report, this::render)));
            }
        }
        if (values.get("teams") instanceof List<?> teams && !teams.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<TeamLoad> loads = (List<TeamLoad>) teams;
            context.add(caseloads(loads, values.get("proposedTeamId") instanceof Long id ? id : null));
        }
        if (values.get("notice") instanceof Notice notice) {
            String period = notice.postedOn() == null ? getTranslation("task.notice.notPosted", notice.periodDays())
                    : getTranslation("task.notice.period", notice.postedOn().toString(), notice.periodEnd().toString());
            Anchor print = NoticePrint.of(notices, notice, getTranslation("task.notice.print"));
            print.setId("task-notice-print");
            HorizontalLayout line = new HorizontalLayout(new Span(getTranslation("task.notice." + notice.level().name(),
                    notice.round()) + " · " + period), print);
            line.setAlignItems(Alignment.CENTER);
            line.setWrap(true);
            SignedInUser user = CurrentUser.require();
            if (notice.status() == Notice.Status.OBJECTED && (user.hasRole(Role.STREET) || user.hasRole(Role.DISTRICT))) {
                // a further objection during the re-check joins it
                Button object = new Button(getTranslation("objection.record"), e -> new ObjectionDialog(notices, notice,
                        clock, this::render).open());
                object.setId("task-objection");
                object.setMinHeight("44px");
                line.add(object);
            }
            context.add(line);
            @SuppressWarnings("unchecked")
            List<Objection> objections = (List<Objection>) values.get("objections");
            for (Objection objection : objections) {
                context.add(new Paragraph(getTranslation("task.objection", objection.receivedOn().toString(),
                        getTranslation("objection.channel." + objection.channel().name()), objection.content())));
            }
        }
        return context;
    }

    /**
     * The case's papers: every notice round, the comparison report, letters of earlier cases, each to print; the
     * photos and files its steps recorded, each to open.
     */
    private Component documents(TaskDetail detail) {
        VerticalLayout papers = new VerticalLayout();
        papers.setPadding(false);
        papers.setSpacing(false);
        papers.setId("task-documents");
        papers.add(new H3(getTranslation("task.documents")));
        for (Notice notice : notices.ofCase(detail.task().caseId())) {
            Anchor pdf = NoticePrint.of(notices, notice, getTranslation("task.notice." + notice.level().name(),
                    notice.round()) + " · " + getTranslation("notice.status." + notice.status().name()));
            pdf.addClassName("bf-document");
            papers.add(pdf);
        }
        if (detail.context().get("comparisonReportId") instanceof Long reportId) {
            Anchor report = new Anchor("comparison/report/" + reportId, getTranslation("task.document.comparison"));
            report.addClassName("bf-document");
            papers.add(report);
        }
        for (Letter letter : letters.ofHousehold(detail.household().id())) {
            Anchor pdf = new Anchor(new StreamResource("letter-" + letter.id() + ".pdf",
                    () -> new ByteArrayInputStream(letters.pdf(letter.id()).orElseThrow())),
                    getTranslation("task.document.letter", BureauTime.date(letter.createdAt())));
            pdf.setTarget("_blank");
            pdf.addClassName("bf-document");
            papers.add(pdf);
        }
        @SuppressWarnings("unchecked")
        List<Long> attached = (List<Long>) detail.context().getOrDefault(PairingTasks.CASE_ATTACHMENTS, List.of());
        long householdId = detail.household().id();
        attachments.list(householdId).stream().filter(a -> attached.contains(a.id())).forEach(a -> {
            Anchor file = new Anchor(DownloadHandler.fromInputStream(event -> attachments.download(householdId, a.id())
                    .map(d -> new DownloadResponse(new ByteArrayInputStream(d.content()), d.originalName(),
                            d.contentType(), d.content().length))
                    .orElseGet(() -> DownloadResponse.error(404))),
                    getTranslation("attachment.kind." + a.kind().name()) + " · " + a.originalName());
            file.setTarget("_blank");
            file.addClassName("bf-document");
            file.setId("task-attachment-" + a.id());
            papers.add(file);
        });
        if (papers.getComponentCount() == 1) {
            papers.add(new Span(getTranslation("task.documents.none")));
        }
        return papers;
    }

    /** Each team's caseload beside the others', the proposal marked: what the district weighs when it assigns. */
    private Component caseloads(List<TeamLoad> teams, Long proposed) {
        VerticalLayout loads = new VerticalLayout();
        loads.setPadding(false);
        loads.setSpacing(false);
        loads.setId("task-caseloads");
        loads.add(new Span(getTranslation("task.team.loads")));
        int scale = Math.max(10, teams.stream().mapToInt(TeamLoad::caseload).max().orElse(0));
        for (TeamLoad team : teams) {
            Div bar = new Div();
            bar.addClassName("bf-load-bar");
            bar.setWidth(Math.max(2, team.caseload() * 100 / scale) + "%");
            Div track = new Div(bar);
            track.addClassName("bf-load-track");
            Span name = new Span(team.name());
            name.addClassName("bf-load-name");
            HorizontalLayout row = new HorizontalLayout(name, track, new Span(getTranslation("task.team.households",
                    team.caseload())));
            row.setAlignItems(Alignment.CENTER);
            row.setWidthFull();
            row.setFlexGrow(1, track);
            if (Objects.equals(team.id(), proposed)) {
                row.add(Badges.of(getTranslation("task.team.proposed"), "success"));
            }
            loads.add(row);
        }
        return loads;
    }

    private Component form(TaskDetail detail) {
        @SuppressWarnings("unchecked")
        List<TeamLoad> teams = (List<TeamLoad>) detail.context().getOrDefault("teams", List.of());
        Long proposed = detail.context().get("proposedTeamId") instanceof Long id ? id : null;
        Quorum quorum = detail.context().get("quorum") instanceof Quorum q ? q : null;
        StepForm form = new StepForm(detail.fields(), codes::items, teams, proposed, quorum);
        form.setId("task-form");
        if (detail.context().get(PairingTasks.PREFILL) instanceof Map<?, ?> prefill) {
            @SuppressWarnings("unchecked")
            Map<String, Object> values = (Map<String, Object>) prefill;
            form.prefill(values);
        }
        long householdId = detail.household().id();
        form.setPhotoUploader(attachments.uploader(householdId, Attachments.Kind.VISIT_PHOTO),
                (int) attachments.maxSize().toBytes());
        form.addSubmitListener(e -> {
            try {
                tasks.complete(taskId, e.values());
                Notification.show(getTranslation("task.completed", title), 4000, Notification.Position.BOTTOM_START);
                getUI().ifPresent(ui -> ui.navigate(origin));
            } catch (InvalidInput invalid) {
                form.showErrors(invalid);
            } catch (TaskConflict conflict) {
                Notification.show(getTranslation(conflict.messageKey(), conflict.arguments()), 6000,
                        Notification.Position.MIDDLE);
                render();
            } catch (PairingNotFound gone) {
                render();
            }
        });
        return form;
    }

    private Component history(List<CaseStep> steps) {
        Grid<CaseStep> grid = new Grid<>();
        grid.setId("task-history");
        grid.addColumn(s -> getTranslation("task." + s.taskKey())).setHeader(getTranslation("task.step")).setAutoWidth(true);
        grid.addColumn(s -> names.of(s.completedBy())).setHeader(getTranslation("task.completedBy")).setAutoWidth(true);
        grid.addColumn(s -> BureauTime.time(s.completedAt())).setHeader(getTranslation("task.completedAt")).setAutoWidth(true);
        grid.addColumn(s -> s.decision() == null ? "—" : getTranslation("form.choice.decision." + s.decision()))
                .setHeader(getTranslation("form.field.decision")).setAutoWidth(true);
        grid.addColumn(s -> s.reason() == null ? "" : s.reason()).setHeader(getTranslation("form.field.reason"))
                .setFlexGrow(1);
        ResponsiveGrid.of(grid, "task.history.empty").card(s -> ResponsiveGrid.card(getTranslation("task." + s.taskKey()),
                ResponsiveGrid.line(names.of(s.completedBy()), BureauTime.time(s.completedAt())),
                s.decision() == null ? null : getTranslation("form.choice.decision." + s.decision()), s.reason()));
        grid.setItems(names.load(steps, CaseStep::completedBy));
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        return grid;
    }

    @Override
    public String getPageTitle() {
        return title.isEmpty() ? getTranslation("nav.tasks") : title;
    }
}
